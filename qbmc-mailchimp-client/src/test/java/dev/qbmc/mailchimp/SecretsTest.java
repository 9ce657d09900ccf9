package dev.qbmc.mailchimp;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.qbmc.mailchimp.testing.WireMockMailchimpTest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

class SecretsTest extends WireMockMailchimpTest {
  private static final String TOKEN = "5c6ccc561059aa386da9d112215bae55";

  @Test
  void toString_ofCredentialsClientAndOAuth_neverShowsSecrets() {
    MailchimpCredentials key = MailchimpCredentials.apiKey(API_KEY);
    MailchimpCredentials oauth = MailchimpCredentials.oauthToken(TOKEN, "us6");
    MailchimpOAuth flow = MailchimpOAuth.builder().clientId("123").clientSecret("s3cr3t-client-secret")
        .redirectUri(URI.create("https://app.example.com/cb")).build();

    assertThat(key.toString()).doesNotContain(API_KEY).doesNotContain("0123456789abcdef").contains("us6");
    assertThat(oauth.toString()).doesNotContain(TOKEN);
    assertThat(client().toString()).doesNotContain(API_KEY).doesNotContain("0123456789abcdef");
    assertThat(flow.toString()).doesNotContain("s3cr3t-client-secret");
  }

  @Test
  void invalidApiKey_messageDoesNotEchoIt() {
    assertThatThrownBy(() -> MailchimpCredentials.apiKey("secretvaluewithoutdc"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("secretvaluewithoutdc");
  }

  @Test
  void failures_listenerEventsAndLogs_carryNoSecretOrBody() {
    List<String> logged = new ArrayList<>();
    Logger jul = Logger.getLogger(MailchimpClient.class.getName());
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        logged.add(new SimpleFormatter().formatMessage(record) + " " + record.getThrown());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Level previous = jul.getLevel();
    jul.setLevel(Level.ALL);
    capture.setLevel(Level.ALL);
    jul.addHandler(capture);
    WM.stubFor(get("/3.0/lists/abc").willReturn(aResponse().withStatus(503)));
    WM.stubFor(get("/3.0/").willReturn(aResponse().withStatus(401).withBody("{\"title\":\"API Key Invalid\",\"status\":401,"
        + "\"detail\":\"Your API key may be invalid.\",\"type\":\"t\",\"instance\":\"i\"}")));

    Throwable t;
    try {
      catchThrowable(() -> client().audiences().get("abc"));
      t = catchThrowable(() -> client().account());
    } finally {
      jul.removeHandler(capture);
      jul.setLevel(previous);
    }

    assertThat(t).isInstanceOf(MailchimpAuthenticationException.class);
    for (Throwable c = t; c != null; c = c.getCause()) {
      assertThat(String.valueOf(c.getMessage())).doesNotContain(API_KEY);
    }
    assertThat(events).allSatisfy(e -> assertThat(e.toString()).doesNotContain(API_KEY).doesNotContain("Basic"));
    assertThat(logged).isNotEmpty().noneMatch(l -> l.contains(API_KEY) || l.contains("Basic "));
  }

  @Test
  void memberDetails_inExceptionMessages_haveEmailMasked() {
    WM.stubFor(put(urlPathMatching("/3.0/lists/abc/members/.*")).willReturn(aResponse().withStatus(400).withBody(
        "{\"title\":\"Forgotten Email Not Subscribed\",\"status\":400,\"detail\":\"jane.doe@example.com was permanently "
            + "deleted and cannot be re-imported.\",\"type\":\"t\",\"instance\":\"i\"}")));

    Throwable t = catchThrowable(() -> client().members().upsert("abc", dev.qbmc.mailchimp.model.MemberUpsert.builder()
        .emailAddress("jane.doe@example.com").statusIfNew(dev.qbmc.mailchimp.model.MemberStatus.SUBSCRIBED).build()));

    assertThat(t).isInstanceOf(MailchimpForgottenEmailException.class)
        .hasMessageNotContaining("jane.doe@example.com").hasMessageContaining("j***@example.com");
    assertThat(((MailchimpServiceException) t).detail()).contains("jane.doe@example.com");
  }
}
