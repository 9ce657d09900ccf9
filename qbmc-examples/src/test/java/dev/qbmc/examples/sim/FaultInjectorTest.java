package dev.qbmc.examples.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qbmc.examples.sim.mailchimp.MailchimpSimulator;
import dev.qbmc.examples.sim.quickbooks.QuickBooksSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {

  private final List<Duration> slept = new CopyOnWriteArrayList<>();
  private QuickBooksSimulator qbo;
  private MailchimpSimulator mailchimp;

  @AfterEach
  void stop() {
    if (qbo != null) {
      qbo.close();
    }
    if (mailchimp != null) {
      mailchimp.close();
    }
  }

  private TestHttp startQbo() {
    qbo = QuickBooksSimulator.builder().sleeper(slept::add).build().start();
    return new TestHttp("Bearer " + qbo.mintTokens().accessToken());
  }

  private String queryUrl() {
    return qbo.baseUrl() + "/v3/company/" + qbo.realmId() + "/query?query="
        + URLEncoder.encode("SELECT * FROM Customer MAXRESULTS 5", StandardCharsets.UTF_8).replace("+", "%20");
  }

  private String customerUrl(String id) {
    return qbo.baseUrl() + "/v3/company/" + qbo.realmId() + "/customer/" + id;
  }

  @Test
  void onRequest_replacesOnlyTheNthResponse_andEveryRequestIsStillLogged() {
    TestHttp http = startQbo();
    qbo.faults().onRequest(2, Fault.respond(
        SimResponse.text(503, "text/plain", "unavailable").withHeader("Retry-After", "2")));

    HttpResponse<String> first = http.send("GET", queryUrl(), null);
    HttpResponse<String> second = http.send("GET", queryUrl(), null);
    HttpResponse<String> third = http.send("GET", queryUrl(), null);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(second.statusCode()).isEqualTo(503);
    assertThat(second.body()).isEqualTo("unavailable");
    assertThat(second.headers().firstValue("Retry-After")).hasValue("2");
    assertThat(third.statusCode()).isEqualTo(200);
    assertThat(qbo.faults().fired()).isEqualTo(1);
    assertThat(qbo.requestLog().count("GET", QuickBooksSimulator.QUERY_PATH)).isEqualTo(3);
  }

  @Test
  void routePredicate_countsOnlyMatchingRequests() {
    TestHttp http = startQbo();
    qbo.faults().onRequest(FaultInjector.route("GET", QuickBooksSimulator.QUERY_PATH), 2,
        Fault.respond(SimResponse.text(500, "text/plain", "boom")));

    assertThat(http.send("GET", customerUrl("1"), null).statusCode()).isEqualTo(200);
    assertThat(http.send("GET", queryUrl(), null).statusCode()).isEqualTo(200);
    assertThat(http.send("GET", customerUrl("2"), null).statusCode()).isEqualTo(200);
    assertThat(http.send("GET", queryUrl(), null).statusCode()).isEqualTo(500);
    assertThat(http.send("GET", queryUrl(), null).statusCode()).isEqualTo(200);
  }

  @Test
  void closeConnection_endsTheConnectionWithoutAResponse_untilCleared() {
    TestHttp http = startQbo();
    qbo.faults().onEvery(FaultInjector.route("GET", QuickBooksSimulator.QUERY_PATH), Fault.closeConnection());

    assertThatThrownBy(() -> http.send("GET", queryUrl(), null))
        .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(IOException.class);
    assertThat(http.send("GET", customerUrl("1"), null).statusCode()).isEqualTo(200);
    assertThat(qbo.faults().fired()).isPositive();

    qbo.faults().clear();
    assertThat(http.send("GET", queryUrl(), null).statusCode()).isEqualTo(200);
    assertThat(qbo.faults().fired()).isZero();
  }

  @Test
  void delay_waitsOnTheSimulatorsSleeper_thenServesNormally() {
    TestHttp http = startQbo();
    qbo.faults().onRequest(1, Fault.delay(Duration.ofSeconds(90)));

    HttpResponse<String> delayed = http.send("GET", queryUrl(), null);

    assertThat(slept).containsExactly(Duration.ofSeconds(90));
    assertThat(delayed.statusCode()).isEqualTo(200);
    assertThat(TestHttp.json(delayed).path("QueryResponse").path("Customer").size()).isEqualTo(5);
  }

  @Test
  void truncateBody_keepsStatusAndMediaType_butCutsTheJson() {
    TestHttp http = startQbo();
    String whole = http.send("GET", queryUrl(), null).body();
    qbo.faults().onRequest(1, Fault.truncateBody());

    HttpResponse<String> cut = http.send("GET", queryUrl(), null);

    assertThat(cut.statusCode()).isEqualTo(200);
    assertThat(cut.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    assertThat(whole).startsWith(cut.body());
    assertThat(cut.body()).hasSizeLessThan(whole.length());
    assertThatThrownBy(() -> TestHttp.json(cut)).isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void mailchimp_aReplacedWriteChangesNothing_whileADelayedWriteIsApplied() {
    mailchimp = MailchimpSimulator.builder().sleeper(slept::add).build().start();
    String listId = mailchimp.createList("Customers");
    TestHttp http = new TestHttp("Basic " + Base64.getEncoder().encodeToString(
        ("any:" + mailchimp.apiKey()).getBytes(StandardCharsets.UTF_8)));
    String members = mailchimp.baseUrl() + "/lists/" + listId + "/members";
    mailchimp.faults()
        .onRequest(FaultInjector.route("POST", MailchimpSimulator.ROOT + "/lists/{list_id}/members"), 1,
            Fault.respond(SimResponse.empty(502)))
        .onRequest(FaultInjector.route("POST", MailchimpSimulator.ROOT + "/lists/{list_id}/members"), 2,
            Fault.delay(Duration.ofMinutes(2)));
    ObjectNode body = TestHttp.JSON.createObjectNode().put("email_address", "ada@example.org")
        .put("status", "subscribed");

    assertThat(http.send("POST", members, body.toString()).statusCode()).isEqualTo(502);
    assertThat(mailchimp.member(listId, "ada@example.org")).isEmpty();
    assertThat(http.send("POST", members, body.toString()).statusCode()).isEqualTo(200);
    assertThat(mailchimp.member(listId, "ada@example.org")).isPresent();
    assertThat(slept).containsExactly(Duration.ofMinutes(2));
    assertThat(mailchimp.faults().fired()).isEqualTo(2);
  }
}
