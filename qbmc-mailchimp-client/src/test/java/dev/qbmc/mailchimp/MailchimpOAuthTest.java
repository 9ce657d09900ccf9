package dev.qbmc.mailchimp;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qbmc.mailchimp.model.OAuthMetadata;
import dev.qbmc.mailchimp.model.OAuthToken;
import dev.qbmc.mailchimp.testing.WireMockMailchimpTest;
import java.net.URI;
import org.junit.jupiter.api.Test;

class MailchimpOAuthTest extends WireMockMailchimpTest {
  private MailchimpOAuth oauth() {
    return MailchimpOAuth.builder().clientId("123456789").clientSecret("client-secret-value")
        .redirectUri(URI.create("https://app.example.com/mailchimp/callback"))
        .loginBaseUri(URI.create(WM.baseUrl())).build();
  }

  @Test
  void authorizationUri_carriesClientRedirectAndState() {
    URI url = MailchimpOAuth.builder().clientId("123456789").clientSecret("x")
        .redirectUri(URI.create("https://app.example.com/mailchimp/callback")).build().authorizationUri("st4te&x");

    assertThat(url.toString()).startsWith("https://login.mailchimp.com/oauth2/authorize?response_type=code&client_id=123456789")
        .contains("redirect_uri=https%3A%2F%2Fapp.example.com%2Fmailchimp%2Fcallback").endsWith("&state=st4te%26x");
  }

  @Test
  void exchangeCode_postsFormAndReadsToken() {
    WM.stubFor(post("/oauth2/token").willReturn(okJson(
        "{\"access_token\":\"5c6ccc561059aa386da9d112215bae55\",\"expires_in\":0,\"scope\":null}")));

    OAuthToken token = oauth().exchangeCode("code-1");

    assertThat(token.accessToken()).isEqualTo("5c6ccc561059aa386da9d112215bae55");
    WM.verify(postRequestedFor(urlEqualTo("/oauth2/token"))
        .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
        .withRequestBody(containing("grant_type=authorization_code"))
        .withRequestBody(containing("code=code-1"))
        .withRequestBody(containing("client_secret=client-secret-value")));
  }

  @Test
  void exchangeCode_whenRefused_throwsAuthenticationWithoutSecret() {
    WM.stubFor(post("/oauth2/token").willReturn(aResponse().withStatus(400)
        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid authorization code\"}")));

    assertThatThrownBy(() -> oauth().exchangeCode("used-code"))
        .isInstanceOf(MailchimpAuthenticationException.class)
        .hasMessageContaining("invalid_grant").hasMessageNotContaining("client-secret-value");
  }

  @Test
  void metadata_sendsOAuthHeaderAndGivesCredentialsForTheDataCentre() {
    WM.stubFor(get("/oauth2/metadata").withHeader("Authorization", equalTo("OAuth tok"))
        .willReturn(okJson("{\"dc\":\"us6\",\"role\":\"owner\",\"accountname\":\"Freddie's Jokes\",\"user_id\":1,"
            + "\"login\":{\"email\":\"f@example.com\",\"avatar\":null,\"login_id\":42,\"login_name\":\"freddie\","
            + "\"login_email\":\"f@example.com\"},\"login_url\":\"https://login.mailchimp.com\","
            + "\"api_endpoint\":\"https://us6.api.mailchimp.com\"}")));

    OAuthMetadata metadata = oauth().metadata("tok");

    assertThat(metadata.dataCenter()).isEqualTo("us6");
    assertThat(metadata.login().flatMap(l -> l.loginId())).contains(42L);
    assertThat(MailchimpCredentials.oauthToken("tok", metadata).defaultBaseUri())
        .isEqualTo(URI.create("https://us6.api.mailchimp.com/3.0"));
  }

  @Test
  void metadata_when200WithInvalidToken_throwsAuthentication() {
    WM.stubFor(get("/oauth2/metadata").willReturn(okJson("{\"error\":\"invalid_token\"}")));

    assertThatThrownBy(() -> oauth().metadata("revoked"))
        .isInstanceOf(MailchimpAuthenticationException.class).hasMessageContaining("invalid_token");
  }
}
