package dev.qbmc.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qbmc.core.model.QboEntity;
import dev.qbmc.core.model.SyncMode;
import dev.qbmc.core.model.SyncOutcome;
import dev.qbmc.core.report.SyncReport;
import dev.qbmc.examples.host.OAuthCallbacksExample;
import dev.qbmc.examples.host.WebhookEndpointExample;
import dev.qbmc.examples.sim.quickbooks.QuickBooksSimulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The host examples run against the simulators, as their {@code main}s do. */
class HostExamplesTest {

  @Test
  void oauthCallbacks_storeTheTokensOfBothConsents_andRefuseAForgedState() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    String realmId = OAuthCallbacksExample.run(new PrintStream(out, true, StandardCharsets.UTF_8));

    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(realmId).isEqualTo(QuickBooksSimulator.builder().build().realmId());
    assertThat(printed).contains("/oauth/quickbooks/callback answered 200", "a forged state is refused with 400",
        "another session's state is refused in this session with 400",
        "/oauth/mailchimp/callback answered 200: Mailchimp authorised. Audiences: ", "first sync: SUCCEEDED FULL");
  }

  @Test
  void webhookEndpoint_answers200AtOnce_syncsTheChangedCustomer_andAnswers401ToAForgery() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    SyncReport report = WebhookEndpointExample.run(new PrintStream(out, true, StandardCharsets.UTF_8));

    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(report.mode()).isEqualTo(SyncMode.WEBHOOK);
    assertThat(report.outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
    assertThat(report.countsFor(QboEntity.CUSTOMER).updated()).isEqualTo(1);
    assertThat(printed).contains("the signed webhook was answered 200", "LNAME=Webhooked",
        "a forged delivery was answered 401");
  }

  @Test
  void targeting_createsTheSegmentsOfTheReadme_andTheyHaveMembers() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    java.util.List<dev.qbmc.mailchimp.model.Segment> segments =
        dev.qbmc.examples.host.TargetingExample.run(new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(segments).extracting(dev.qbmc.mailchimp.model.Segment::name)
        .containsExactly("Big spenders", "Lapsed cake buyers", "Never bought", "Payment reminders");
    assertThat(segments.get(0).memberCount()).isPositive();
    assertThat(segments.get(3).memberCount()).as("overdue invoices in the sample company").isPositive();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Big spenders: ");
  }
}
