package dev.qbmc.mailchimp;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.qbmc.mailchimp.model.AudienceContact;
import dev.qbmc.mailchimp.model.AudienceCreate;
import dev.qbmc.mailchimp.model.CampaignDefaults;
import dev.qbmc.mailchimp.model.MemberStatus;
import dev.qbmc.mailchimp.model.MemberUpsert;
import dev.qbmc.mailchimp.testing.WireMockMailchimpTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryTest extends WireMockMailchimpTest {
  private static final String LIST = "{\"id\":\"abc\",\"name\":\"L\"}";

  @Test
  void get_when503Then200_retriesAfterJitteredBackoff() {
    WM.stubFor(get("/3.0/lists/abc").inScenario("s").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
    WM.stubFor(get("/3.0/lists/abc").inScenario("s").whenScenarioStateIs("ok").willReturn(okJson(LIST)));

    assertThat(client().audiences().get("abc").id()).isEqualTo("abc");

    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500));
    assertThat(events).extracting(e -> e.attempt()).containsExactly(1, 2);
    assertThat(events.get(0).willRetry()).isTrue();
    assertThat(events.get(0).statusCode()).hasValue(503);
  }

  @Test
  void get_when429WithRetryAfter_waitsThatLong() {
    WM.stubFor(get("/3.0/lists/abc").inScenario("s").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")).willSetStateTo("ok"));
    WM.stubFor(get("/3.0/lists/abc").inScenario("s").whenScenarioStateIs("ok").willReturn(okJson(LIST)));

    client().audiences().get("abc");

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void get_whenAlways500_givesUpAfterMaxAttemptsWithGrowingBackoff() {
    WM.stubFor(get("/3.0/lists/abc").willReturn(aResponse().withStatus(500)));

    assertThatThrownBy(() -> client().audiences().get("abc")).isInstanceOf(MailchimpServerException.class);

    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(2000));
    WM.verify(4, getRequestedFor(urlEqualTo("/3.0/lists/abc")));
  }

  @Test
  void put_whenConnectionReset_isRetried() {
    WM.stubFor(put(urlPathMatching("/3.0/lists/abc/members/.*")).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("ok"));
    WM.stubFor(put(urlPathMatching("/3.0/lists/abc/members/.*")).inScenario("s").whenScenarioStateIs("ok")
        .willReturn(okJson("{\"id\":\"h\",\"email_address\":\"a@b.co\",\"status\":\"subscribed\"}")));

    client().members().upsert("abc", MemberUpsert.builder().emailAddress("a@b.co").statusIfNew(MemberStatus.SUBSCRIBED).build());

    assertThat(events).extracting(e -> e.statusCode().isPresent()).containsExactly(false, true);
  }

  @Test
  void post_whenServerError_isNotRetriedAndReportsUnknownOutcome() {
    WM.stubFor(post("/3.0/lists").willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));

    assertThatThrownBy(() -> client().audiences().create(audience()))
        .isInstanceOfSatisfying(MailchimpOutcomeUnknownException.class, e -> {
          assertThat(e.statusCode()).hasValue(502);
          assertThat(e.getCause()).isInstanceOf(MailchimpServerException.class);
        });
    WM.verify(1, postRequestedFor(urlEqualTo("/3.0/lists")));
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void post_whenConnectionResetAfterSending_reportsUnknownOutcome() {
    WM.stubFor(post("/3.0/lists").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> client().audiences().create(audience()))
        .isInstanceOf(MailchimpOutcomeUnknownException.class);
    WM.verify(1, postRequestedFor(urlEqualTo("/3.0/lists")));
  }

  @Test
  void post_whenThrottled_isRetriedBecauseNothingHappened() {
    WM.stubFor(post("/3.0/lists").inScenario("s").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429)).willSetStateTo("ok"));
    WM.stubFor(post("/3.0/lists").inScenario("s").whenScenarioStateIs("ok").willReturn(okJson(LIST)));

    assertThat(client().audiences().create(audience()).id()).isEqualTo("abc");
    WM.verify(2, postRequestedFor(urlEqualTo("/3.0/lists")));
  }

  @Test
  void get_whenRetryAfterTooLong_givesUpAtOnce() {
    WM.stubFor(get("/3.0/lists/abc").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

    assertThatThrownBy(() -> client().audiences().get("abc"))
        .isInstanceOfSatisfying(MailchimpRateLimitException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofHours(1)));
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void get_whenRetryAfterIsLongMaxValue_givesUpAtOnce_evenUnderTheLongestAllowedPolicy() {
    WM.stubFor(get("/3.0/lists/abc")
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", Long.toString(Long.MAX_VALUE))));
    MailchimpClient client = clientBuilder()
        .retryPolicy(MailchimpRetryPolicy.builder().maxRetryAfter(MailchimpRetryPolicy.MAX_WAIT).build()).build();

    assertThatThrownBy(() -> client.audiences().get("abc")).isInstanceOf(MailchimpRateLimitException.class);
    assertThat(time.sleeps()).isEmpty();
    assertThatThrownBy(() -> MailchimpRetryPolicy.builder().maxRetryAfter(Duration.ofSeconds(Long.MAX_VALUE)).build())
        .isInstanceOf(IllegalArgumentException.class);
    Thread.currentThread().interrupt();
    assertThatThrownBy(() -> MailchimpSleeper.system().sleep(Duration.ofSeconds(Long.MAX_VALUE)))
        .as("interrupted at once, not an ArithmeticException").isInstanceOf(InterruptedException.class);
  }

  @Test
  void connectionRefused_isRetriedEvenForPost_thenReportedAsTransportFailure() {
    MailchimpClient client = clientBuilder().baseUri(java.net.URI.create("http://127.0.0.1:1/3.0")).build();

    assertThatThrownBy(() -> client.audiences().create(audience()))
        .isInstanceOf(MailchimpTransportException.class).hasMessageNotContaining(API_KEY);
    assertThat(events).hasSize(4);
  }

  private static AudienceCreate audience() {
    return AudienceCreate.builder().name("n")
        .contact(AudienceContact.builder().company("c").address1("a").city("c").state("s").zip("z").country("US").build())
        .permissionReminder("p")
        .campaignDefaults(CampaignDefaults.builder().fromName("f").fromEmail("f@x.co").subject("").language("en").build())
        .build();
  }
}
