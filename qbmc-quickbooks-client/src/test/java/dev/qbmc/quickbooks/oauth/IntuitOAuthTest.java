package dev.qbmc.quickbooks.oauth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.qbmc.quickbooks.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IntuitOAuthTest {
  private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
  private static final String SECRET = "client-secret-do-not-log";
  private WireMockServer server;
  private IntuitOAuth oauth;

  @BeforeEach
  void start() {
    server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    server.start();
    oauth = IntuitOAuth.builder()
        .clientId("client-id")
        .clientSecret(SECRET)
        .redirectUri(URI.create("https://app.example.com/qbo/callback"))
        .tokenEndpoint(URI.create("http://localhost:" + server.port() + "/oauth2/v1/tokens/bearer"))
        .revocationEndpoint(URI.create("http://localhost:" + server.port() + "/v2/oauth2/tokens/revoke"))
        .httpClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build())
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .build();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private static String basic() {
    return "Basic " + Base64.getEncoder().encodeToString(("client-id:" + SECRET).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void authorizationUri_carriesClientScopesRedirectAndState() {
    URI uri = oauth.authorizationUri(List.of(IntuitOAuth.SCOPE_ACCOUNTING, IntuitOAuth.SCOPE_OPENID), "st.1.sig");
    assertThat(uri.toString()).isEqualTo("https://appcenter.intuit.com/connect/oauth2?client_id=client-id"
        + "&response_type=code&scope=com.intuit.quickbooks.accounting%20openid"
        + "&redirect_uri=https%3A%2F%2Fapp.example.com%2Fqbo%2Fcallback&state=st.1.sig");
    assertThatThrownBy(() -> oauth.authorizationUri(List.of(), "s")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> oauth.authorizationUri(IntuitOAuth.accountingScopes(), " ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void exchange_returnsTokensRealmAndExpiryFromClock() {
    server.stubFor(post(urlPathEqualTo("/oauth2/v1/tokens/bearer"))
        .willReturn(aResponse().withStatus(200).withBody(Fixtures.bytes("oauth-token-response_intuit-oauth-jsclient.json"))));
    AuthorizationCallback callback = AuthorizationCallback.fromRedirectUri(
        URI.create("https://app.example.com/qbo/callback?code=AB11%2Bcode&state=s1&realmId=4620816365"));
    assertThat(callback.toString()).doesNotContain("AB11");

    IntuitTokens tokens = oauth.exchange(callback);

    assertThat(tokens.accessToken()).isEqualTo("sample_access_token");
    assertThat(tokens.refreshToken()).isEqualTo("sample_refresh_token");
    assertThat(tokens.idToken()).contains("sample_id_token");
    assertThat(tokens.realmId()).contains("4620816365");
    assertThat(tokens.accessTokenExpiresAt()).isEqualTo(NOW.plusSeconds(3600));
    assertThat(tokens.refreshTokenExpiresAt()).isEqualTo(NOW.plusSeconds(8726400));
    assertThat(tokens.accessTokenExpiresWithin(NOW, Duration.ofMinutes(5))).isFalse();
    assertThat(tokens.accessTokenExpiresWithin(NOW.plusSeconds(3400), Duration.ofMinutes(5))).isTrue();
    assertThat(tokens.toString()).doesNotContain("sample_access_token").doesNotContain("sample_refresh_token")
        .doesNotContain("sample_id_token");
    server.verify(postRequestedFor(urlPathEqualTo("/oauth2/v1/tokens/bearer"))
        .withHeader("Authorization", equalTo(basic()))
        .withHeader("Accept", equalTo("application/json"))
        .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
        .withRequestBody(equalTo("grant_type=authorization_code&code=AB11%2Bcode"
            + "&redirect_uri=https%3A%2F%2Fapp.example.com%2Fqbo%2Fcallback")));
  }

  @Test
  void refresh_returnsNewestRefreshTokenAndBothExpiries() {
    server.stubFor(post(urlPathEqualTo("/oauth2/v1/tokens/bearer"))
        .willReturn(aResponse().withStatus(200).withBody(Fixtures.bytes("oauth-token-response_intuit-dotnet-sdk.json"))));
    IntuitTokens tokens = oauth.refresh("old-refresh-token");
    assertThat(tokens.refreshToken()).isEqualTo("L311478109728uVoOkDSUCl4s8FDRvjHR6kUKz0RHe3WtZQuBq");
    assertThat(tokens.accessTokenExpiresAt()).isEqualTo(NOW.plusSeconds(3600));
    assertThat(tokens.refreshTokenExpiresAt()).isEqualTo(NOW.plusSeconds(15552000));
    assertThat(tokens.realmId()).isEmpty();
    server.verify(postRequestedFor(urlPathEqualTo("/oauth2/v1/tokens/bearer"))
        .withRequestBody(equalTo("grant_type=refresh_token&refresh_token=old-refresh-token")));
  }

  @Test
  void invalidGrant_isReauthorizationRequiredAndNeverRetried() throws Exception {
    String body = new ObjectMapper()
        .readTree(Fixtures.text("oauth-token-error-invalid-grant_intuit-oauth-jsclient.json")).get("body").asText();
    server.stubFor(post(urlPathEqualTo("/oauth2/v1/tokens/bearer"))
        .willReturn(aResponse().withStatus(400).withHeader("intuit_tid", "1234-1234-1234-123").withBody(body)));
    ReauthorizationRequiredException e =
        catchThrowableOfType(ReauthorizationRequiredException.class, () -> oauth.refresh("refresh-token-value-xyz"));
    assertThat(e).hasMessageContaining("invalid_grant").hasMessageContaining("Token invalid");
    assertThat(e.getMessage()).doesNotContain("refresh-token-value-xyz").doesNotContain(SECRET);
    assertThat(e.intuitTid()).contains("1234-1234-1234-123");
    assertThat(e.isRetryable()).isFalse();
    server.verify(1, postRequestedFor(urlPathEqualTo("/oauth2/v1/tokens/bearer")));
  }

  @Test
  void otherErrors_areTypedWithRetryability() {
    server.stubFor(post(urlPathEqualTo("/oauth2/v1/tokens/bearer"))
        .withRequestBody(containing("refresh_token=a"))
        .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"invalid_client\"}")));
    server.stubFor(post(urlPathEqualTo("/oauth2/v1/tokens/bearer"))
        .withRequestBody(containing("refresh_token=b"))
        .willReturn(aResponse().withStatus(503).withBody("<html>down</html>")));
    server.stubFor(post(urlPathEqualTo("/oauth2/v1/tokens/bearer"))
        .withRequestBody(containing("refresh_token=c"))
        .willReturn(aResponse().withStatus(200).withBody("{\"token_type\":\"bearer\"}")));
    IntuitOAuthException client = catchThrowableOfType(IntuitOAuthException.class, () -> oauth.refresh("a"));
    assertThat(client.error()).contains("invalid_client");
    assertThat(client.statusCode()).hasValue(401);
    assertThat(client.isRetryable()).isFalse();
    IntuitOAuthException down = catchThrowableOfType(IntuitOAuthException.class, () -> oauth.refresh("b"));
    assertThat(down.isRetryable()).isTrue();
    assertThat(down.getMessage()).doesNotContain("<html>");
    assertThatThrownBy(() -> oauth.refresh("c")).isInstanceOf(IntuitOAuthException.class).hasMessageContaining("lacks tokens");
    assertThatThrownBy(() -> oauth.refresh(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> oauth.exchange(AuthorizationCallback.fromQueryString("error=access_denied&state=x")))
        .isInstanceOf(IntuitOAuthException.class).hasMessageContaining("access_denied");
  }

  @Test
  void revoke_postsTokenAndToleratesAlreadyInvalid() {
    server.stubFor(post(urlPathEqualTo("/v2/oauth2/tokens/revoke"))
        .withRequestBody(equalToJson("{\"token\":\"rt-1\"}")).willReturn(aResponse().withStatus(200)));
    server.stubFor(post(urlPathEqualTo("/v2/oauth2/tokens/revoke"))
        .withRequestBody(equalToJson("{\"token\":\"rt-2\"}"))
        .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"invalid_grant\"}")));
    server.stubFor(post(urlPathEqualTo("/v2/oauth2/tokens/revoke"))
        .withRequestBody(equalToJson("{\"token\":\"rt-3\"}")).willReturn(aResponse().withStatus(500)));
    oauth.revoke("rt-1");
    oauth.revoke("rt-2");
    assertThatThrownBy(() -> oauth.revoke("rt-3")).isInstanceOf(IntuitOAuthException.class);
    server.verify(postRequestedFor(urlPathEqualTo("/v2/oauth2/tokens/revoke"))
        .withHeader("Authorization", equalTo(basic())).withHeader("Content-Type", equalTo("application/json")));
  }

  @Test
  void builder_validatesAndHidesSecret() {
    assertThat(oauth.toString()).doesNotContain(SECRET).contains("client-id");
    assertThatThrownBy(() -> IntuitOAuth.builder().redirectUri(URI.create("http://app.example.com/cb")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HTTPS");
    assertThatThrownBy(() -> IntuitOAuth.builder().tokenEndpoint(URI.create("http://oauth.example.com/token")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> IntuitOAuth.builder().clientId("x").build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> IntuitOAuth.builder().clientSecret("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void discoveryDocument_setsEndpoints() {
    IntuitOAuth fromDiscovery = IntuitOAuth.builder()
        .clientId("client-id").clientSecret(SECRET)
        .redirectUri(URI.create("https://app.example.com/qbo/callback"))
        .discoveryDocument(Fixtures.bytes("oauth-openid-discovery_intuit-dotnet-sdk.json"))
        .build();
    assertThat(fromDiscovery.authorizationUri(IntuitOAuth.accountingScopes(), "s").toString())
        .startsWith("https://appcenter.intuit.com/connect/oauth2?client_id=client-id");
    assertThatThrownBy(() -> IntuitOAuth.builder().discoveryDocument("{}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("authorization_endpoint");
    assertThatThrownBy(() -> IntuitOAuth.builder().discoveryDocument("<html>".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void stateSigner_verifiesOwnFreshStatesOnly() {
    byte[] key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    MutableClock clock = new MutableClock(NOW);
    OAuthStateSigner signer = OAuthStateSigner.of(key, clock, Duration.ofMinutes(10));
    String state = signer.create("session-1");
    assertThat(state).matches("[A-Za-z0-9_-]+\\.\\d+\\.[A-Za-z0-9_-]+");
    assertThat(signer.verify(state, "session-1")).isTrue();
    assertThat(signer.create("session-1")).isNotEqualTo(state);
    assertThat(signer.verify(state, "session-2")).isFalse();
    String[] parts = state.split("\\.");
    assertThat(signer.verify(parts[0] + "." + (Long.parseLong(parts[1]) + 1) + "." + parts[2], "session-1")).isFalse();
    char first = parts[2].charAt(0);
    String forged = parts[0] + "." + parts[1] + "." + (first == 'A' ? 'B' : 'A') + parts[2].substring(1);
    assertThat(signer.verify(forged, "session-1")).isFalse();
    assertThat(signer.verify("garbage", "session-1")).isFalse();
    assertThat(signer.verify(null, "session-1")).isFalse();
    assertThat(OAuthStateSigner.of("another-key-another-key-another-k".getBytes(StandardCharsets.UTF_8), clock, Duration.ofMinutes(10))
        .verify(state, "session-1")).isFalse();
    clock.now = NOW.plus(Duration.ofMinutes(11));
    assertThat(signer.verify(state, "session-1")).isFalse();
    assertThatThrownBy(() -> OAuthStateSigner.of(new byte[8], clock, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
    assertThat(signer.toString()).doesNotContain("0123456789abcdef");
  }

  private static final class MutableClock extends Clock {
    volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
