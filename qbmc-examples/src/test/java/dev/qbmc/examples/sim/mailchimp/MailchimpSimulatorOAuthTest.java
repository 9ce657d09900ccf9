package dev.qbmc.examples.sim.mailchimp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The login host's OAuth endpoints, as Mailchimp documents them. */
class MailchimpSimulatorOAuthTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final MailchimpSimulator sim = MailchimpSimulator.builder().build().start();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void tokenExchange_acceptsASingleUseCode_andTheMetadataNamesTheDataCentre() throws Exception {
    String code = sim.mintOAuthCode();

    HttpResponse<String> first = token(sim.oauthClientSecret(), code);
    HttpResponse<String> again = token(sim.oauthClientSecret(), code);

    assertThat(first.statusCode()).isEqualTo(200);
    String accessToken = JSON.readTree(first.body()).path("access_token").asText();
    assertThat(accessToken).isNotBlank();
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(again.body()).path("error").asText()).isEqualTo("invalid_grant");

    JsonNode metadata = JSON.readTree(metadata("OAuth " + accessToken).body());
    assertThat(metadata.path("dc").asText()).isEqualTo("us6");
    assertThat(metadata.path("api_endpoint").asText()).isEqualTo(sim.loginUrl());
    assertThat(metadata.path("login").path("email").asText()).isNotBlank();
    HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/"))
        .header("Authorization", "Bearer " + accessToken).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(api.statusCode()).as("the token works on the API").isEqualTo(200);
  }

  @Test
  void tokenExchange_withAWrongSecret_is401InvalidClient_andABadTokensMetadataIs200InvalidToken() throws Exception {
    HttpResponse<String> wrongSecret = token("not-the-secret", sim.mintOAuthCode());
    HttpResponse<String> badToken = metadata("OAuth not-a-token");

    assertThat(wrongSecret.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(wrongSecret.body()).path("error").asText()).isEqualTo("invalid_client");
    assertThat(badToken.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(badToken.body()).path("error").asText()).isEqualTo("invalid_token");
  }

  private HttpResponse<String> token(String secret, String code) throws Exception {
    String form = "grant_type=authorization_code&client_id=" + enc(sim.oauthClientId()) + "&client_secret=" + enc(secret)
        + "&redirect_uri=" + enc("https://app.example.com/cb") + "&code=" + enc(code);
    return http.send(HttpRequest.newBuilder(URI.create(sim.loginUrl() + MailchimpSimulator.OAUTH_TOKEN_PATH))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> metadata(String authorization) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(sim.loginUrl() + MailchimpSimulator.OAUTH_METADATA_PATH))
        .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
