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
    assertThat(time.sleeps()).as("first poll after 100 ms + 0.2 ms per operation, then doubling")
        .containsExactly(Duration.ofNanos(100_600_000), Duration.ofNanos(201_200_000), Duration.ofNanos(402_400_000));
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
    assertThat(time.sleeps()).startsWith(Duration.ofMillis(102), Duration.ofMillis(204), Duration.ofMillis(408));
    assertThat(time.sleeps().stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofSeconds(30));
    assertThat(time.sleeps()).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Batches.MAX_POLL_INTERVAL));
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
  void run_resubmitsThrottledServerErroredAndUnansweredOperations_untilTheyPassOrTheAttemptsRunOut() throws Exception {
    Batches batches = client().batches();
    Map<String, Object> tag = Map.of("tags", List.of(Map.of("name", "t", "status", "active")));
    String member = "/lists/abc/members/" + SubscriberHash.of("ada@example.com");
    List<BatchOperation> ops = List.of(
        batches.operation("DELETE", "/ecommerce/stores/s/orders/ok", null, "ok"),
        batches.operation("DELETE", "/ecommerce/stores/s/orders/flaky", null, "flaky"),
        batches.operation("POST", member + "/tags", tag, "throttled-post"),
        batches.operation("POST", member + "/tags", tag, "failed-post"),
        batches.operation("DELETE", "/ecommerce/stores/s/orders/lost", null, "lost"),
        batches.operation("DELETE", "/ecommerce/stores/s/orders/down", null, "down"));
    stubBatch("b1", 1, results("ok", 200, "flaky", 503, "throttled-post", 429, "failed-post", 500, "down", 500));
    stubBatch("b2", 2, results("flaky", 200, "throttled-post", 200, "lost", 200, "down", 502));
    stubBatch("b3", 3, results("down", 500));
    stubBatch("b4", 4, results("down", 503));

    BatchOutcome outcome = batches.run(ops, Duration.ofMinutes(10));

    assertThat(outcome.results()).extracting(r -> r.operationId().orElseThrow() + " " + r.statusCode())
        .containsExactlyInAnyOrder("ok 200", "flaky 200", "throttled-post 200", "failed-post 500", "lost 200", "down 503");
    assertThat(outcome.isPartialSuccess()).isTrue();
    List<com.github.tomakehurst.wiremock.verification.LoggedRequest> submits =
        WM.findAll(postRequestedFor(urlEqualTo("/3.0/batches")));
    assertThat(submits).as("the first batch and three follow-ups: the retry policy's 4 attempts").hasSize(4);
    assertThat(operationIds(submits.get(1))).containsExactlyInAnyOrder("flaky", "throttled-post", "lost", "down");
    assertThat(operationIds(submits.get(2))).containsExactly("down");
    assertThat(time.sleeps()).as("the policy's backoff before each follow-up (fixed jitter 0)")
        .contains(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(2000));
  }

  @Test
  void run_whenTheCallerMayNotResubmit_sendsNoFollowUp_andKeepsTheFirstResults() throws Exception {
    Batches batches = client().batches();
    List<BatchOperation> ops = List.of(
        batches.operation("DELETE", "/ecommerce/stores/s/orders/a", null, "a"),
        batches.operation("DELETE", "/ecommerce/stores/s/orders/b", null, "b"));
    stubBatch("b1", 1, results("a", 200, "b", 503));
    stubBatch("b2", 2, results("b", 200));
    java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();

    BatchOutcome outcome = batches.run(ops, Duration.ofMinutes(10), () -> asked.incrementAndGet() < 0);

    assertThat(asked.get()).isEqualTo(1);
    assertThat(WM.findAll(postRequestedFor(urlEqualTo("/3.0/batches")))).hasSize(1);
    assertThat(outcome.results()).extracting(r -> r.operationId().orElseThrow() + " " + r.statusCode())
        .containsExactly("a 200", "b 503");
  }

  @Test
  void run_whenAFollowUpCannotBeSubmitted_keepsTheFirstResults() throws Exception {
    Batches batches = client().batches();
    List<BatchOperation> ops = List.of(
        batches.operation("DELETE", "/ecommerce/stores/s/orders/a", null, "a"),
        batches.operation("DELETE", "/ecommerce/stores/s/orders/b", null, "b"));
    stubBatch("b1", 1, results("a", 200, "b", 503));
    WM.stubFor(post("/3.0/batches").inScenario("submits").whenScenarioStateIs("2")
        .willReturn(aResponse().withStatus(400).withBody("{\"title\":\"Invalid Resource\",\"status\":400}")));

    BatchOutcome outcome = batches.run(ops, Duration.ofMinutes(10));

    assertThat(outcome.results()).extracting(r -> r.operationId().orElseThrow() + " " + r.statusCode())
        .containsExactly("a 200", "b 503");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not a url", "http://203.0.113.9/results.tar.gz", "https://exa mple.com/x"})
  void results_whenTheResultsUrlIsAbsentOrBad_isAMalformedResponse(String url) {
    var status = dev.qbmc.mailchimp.model.BatchStatus.builder().id("b").status("finished").totalOperations(1)
        .responseBodyUrl(url).build();

    assertThatThrownBy(() -> client().batches().results(status))
        .isInstanceOf(MailchimpMalformedResponseException.class);
  }

  @Test
  void results_whenTheArchiveClaimsAHugeEntry_isAMalformedResponse_withoutAllocatingIt() throws Exception {
    byte[] header = new byte[512];
    byte[] name = "b/huge.json".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(name, 0, header, 0, name.length);
    byte[] size = String.format("%011o", 20L * 1024 * 1024).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(size, 0, header, 124, size.length);
    header[156] = '0';
    java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
    try (var out = new java.util.zip.GZIPOutputStream(gz)) {
      out.write(header);
    }
    assertThat(gz.size()).as("a few dozen bytes of archive").isLessThan(100);

    assertThatThrownBy(() -> Batches.parseResults(gz.toByteArray()))
        .isInstanceOf(MailchimpMalformedResponseException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void results_whenAResultIsOdd_readsWhatItCan() throws Exception {
    byte[] archive = TarGz.write(Map.of("b/1.json", ("[{\"status_code\":\"x\",\"operation_id\":{},\"response\":{\"a\":1}},"
        + "7,{\"operation_id\":\"k\"}]").getBytes(StandardCharsets.UTF_8)));

    assertThat(Batches.parseResults(archive)).extracting(r -> r.statusCode() + " " + r.operationId().orElse("-"))
        .containsExactly("0 -", "0 -", "0 k");
  }

  @Test
  void results_whenStatusIsNull_throwsNullPointerExceptionNamingIt() {
    assertThatThrownBy(() -> client().batches().results(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("status");
  }
  /** Stubs the n-th {@code POST /batches} to create {@code id}, finished at once with these results. */
  private static void stubBatch(String id, int n, String resultsJson) throws Exception {
    WM.stubFor(post("/3.0/batches").inScenario("submits").whenScenarioStateIs(n == 1 ? Scenario.STARTED : "" + n)
        .willReturn(okJson("{\"id\":\"" + id + "\",\"status\":\"pending\"}")).willSetStateTo("" + (n + 1)));
    String url = WM.baseUrl() + "/results/" + id + ".tar.gz";
    WM.stubFor(get("/3.0/batches/" + id).willReturn(okJson(status("finished", 1, 1, 0, url).replace("\"b\"", "\"" + id + "\""))));
    WM.stubFor(get("/results/" + id + ".tar.gz").willReturn(aResponse().withBody(
        TarGz.write(Map.of(id + "/0.json", resultsJson.getBytes(StandardCharsets.UTF_8))))));
  }

  private static String results(Object... idAndStatus) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < idAndStatus.length; i += 2) {
      json.append(i == 0 ? "" : ",").append("{\"status_code\":").append(idAndStatus[i + 1])
          .append(",\"operation_id\":\"").append(idAndStatus[i]).append("\",\"response\":\"{}\"}");
    }
    return json.append("]").toString();
  }

  private static List<String> operationIds(com.github.tomakehurst.wiremock.verification.LoggedRequest submit)
      throws Exception {
    List<String> ids = new java.util.ArrayList<>();
    MailchimpJson.mapper().readTree(submit.getBodyAsString()).path("operations")
        .forEach(op -> ids.add(op.path("operation_id").asText()));
    return ids;
  }

  private static String status(String status, int total, int finished, int errored, String url) {
    return "{\"id\":\"b\",\"status\":\"" + status + "\",\"total_operations\":" + total + ",\"finished_operations\":"
        + finished + ",\"errored_operations\":" + errored + ",\"submitted_at\":\"2026-11-27T00:00:00+00:00\","
        + "\"response_body_url\":" + (url == null ? "\"\"" : "\"" + url + "\"") + "}";
  }
}
