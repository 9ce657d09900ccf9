package dev.qbmc.mailchimp;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.qbmc.mailchimp.internal.MailchimpJson;
import dev.qbmc.mailchimp.internal.TarGz;
import dev.qbmc.mailchimp.model.BatchOperation;
import dev.qbmc.mailchimp.model.BatchOutcome;
import dev.qbmc.mailchimp.model.MemberStatus;
import dev.qbmc.mailchimp.model.MemberUpsert;
import dev.qbmc.mailchimp.testing.WireMockMailchimpTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BatchesTest extends WireMockMailchimpTest {
  @Test
  void run_submitsPollsAndReadsArchive_reportingPartialSuccessPerOperation() throws Exception {
    Batches batches = client().batches();
    String hash = SubscriberHash.of("ada@example.com");
    List<BatchOperation> ops = List.of(
        batches.operation("PUT", "/lists/abc/members/" + hash,
            MemberUpsert.builder().emailAddress("ada@example.com").statusIfNew(MemberStatus.SUBSCRIBED).build(), "member-ada"),
        batches.operation("DELETE", "/ecommerce/stores/s/orders/invoice-9", null, "order-9"),
        BatchOperation.builder().method("GET").path("/lists/abc").putParams("fields", "id,name").operationId("list").build());
    WM.stubFor(post("/3.0/batches").willReturn(okJson("{\"id\":\"b1\",\"status\":\"pending\",\"total_operations\":0}")));
    String url = WM.baseUrl() + "/results/b1.tar.gz";
    WM.stubFor(get("/3.0/batches/b1").inScenario("poll").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson(status("started", 3, 1, 0, null))).willSetStateTo("2"));
    WM.stubFor(get("/3.0/batches/b1").inScenario("poll").whenScenarioStateIs("2")
        .willReturn(okJson(status("finalizing", 3, 3, 1, null))).willSetStateTo("3"));
    WM.stubFor(get("/3.0/batches/b1").inScenario("poll").whenScenarioStateIs("3")
        .willReturn(okJson(status("finished", 3, 3, 1, url))));
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("b1/", new byte[0]);
    files.put("b1/1d8b0c1c34.json", ("[{\"status_code\":200,\"operation_id\":\"member-ada\",\"response\":"
        + "\"{\\\"id\\\":\\\"" + hash + "\\\",\\\"email_address\\\":\\\"ada@example.com\\\"}\"},"
        + "{\"status_code\":404,\"operation_id\":\"order-9\",\"response\":\"{\\\"title\\\":\\\"Resource Not Found\\\"}\"}]")
        .getBytes(StandardCharsets.UTF_8));
    files.put("b1/2f7a4e9b11.json", "[{\"status_code\":200,\"operation_id\":\"list\",\"response\":\"{\\\"id\\\":\\\"abc\\\"}\"}]"
        .getBytes(StandardCharsets.UTF_8));
    WM.stubFor(get("/results/b1.tar.gz").willReturn(aResponse().withBody(TarGz.write(files))));

    BatchOutcome outcome = batches.run(ops, Duration.ofMinutes(10));

    assertThat(outcome.status().isFinished()).isTrue();
    assertThat(outcome.isPartialSuccess()).isTrue();
    assertThat(outcome.results()).hasSize(3);
    assertThat(outcome.failed()).singleElement().satisfies(r -> {
      assertThat(r.operationId()).contains("order-9");
      assertThat(r.statusCode()).isEqualTo(404);
    });
    assertThat(outcome.result("member-ada").orElseThrow().body()).contains(hash);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10));
    JsonNode submitted = MailchimpJson.mapper().readTree(apiRequests().get(0).getBodyAsString());
    assertThat(submitted.at("/operations/0/body").isTextual()).isTrue();
    assertThat(submitted.at("/operations/1").has("body")).isFalse();
    WM.verify(getRequestedFor(urlEqualTo("/results/b1.tar.gz")).withoutHeader("Authorization"));
  }

  @Test
  void awaitFinished_whenDeadlinePasses_throwsWithLastStatus() {
    WM.stubFor(get("/3.0/batches/b2").willReturn(okJson(status("started", 10, 2, 0, null))));

    assertThatThrownBy(() -> client().batches().awaitFinished("b2", Duration.ofSeconds(30)))
        .isInstanceOfSatisfying(MailchimpBatchTimeoutException.class,
            e -> assertThat(e.lastStatus().finishedOperations()).isEqualTo(2));
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15));
  }

  @ParameterizedTest
  @ValueSource(strings = {"gnu-results.tar.gz", "pax-results.tar.gz"})
  void parseResults_readsArchivesWrittenByGnuTar_withDirectoriesAndLongNames(String file) throws Exception {
    byte[] archive;
    try (var in = getClass().getResourceAsStream("/batch-results/" + file)) {
      archive = in.readAllBytes();
    }

    List<dev.qbmc.mailchimp.model.BatchResult> results = Batches.parseResults(archive);

    assertThat(results).extracting(r -> r.operationId().orElseThrow())
        .containsExactlyInAnyOrder("op-1", "op-2-with-a-very-long-operation-id-to-force-nothing");
    assertThat(results).filteredOn(r -> r.statusCode() == 400).singleElement()
        .satisfies(r -> assertThat(r.body()).contains("Invalid Resource"));
  }

  @Test
  void parseResults_whenArchiveCorrupt_throwsProtocolException() {
    assertThatThrownBy(() -> Batches.parseResults("not gzip".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MailchimpMalformedResponseException.class);
  }


  @Test
  void results_whenStatusIsNull_throwsNullPointerExceptionNamingIt() {
    assertThatThrownBy(() -> client().batches().results(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("status");
  }
  private static String status(String status, int total, int finished, int errored, String url) {
    return "{\"id\":\"b\",\"status\":\"" + status + "\",\"total_operations\":" + total + ",\"finished_operations\":"
        + finished + ",\"errored_operations\":" + errored + ",\"submitted_at\":\"2026-11-27T00:00:00+00:00\","
        + "\"response_body_url\":" + (url == null ? "\"\"" : "\"" + url + "\"") + "}";
  }
}
