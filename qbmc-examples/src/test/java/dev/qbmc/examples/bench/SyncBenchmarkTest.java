package dev.qbmc.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the benchmark on a company so small that almost every write goes call by call
 * and with no simulated latency (the Mailchimp client's waits capped at 1 ms, should a batch be
 * needed), so it takes a few seconds; performance is never asserted.
 */
class SyncBenchmarkTest {
  private static final List<String> TINY = List.of("--customers", "5", "--items", "3", "--invoices", "8",
      "--receipts", "2", "--latency-ms", "0", "--batch-poll-cap-ms", "1");

  @Test
  void run_onATinyCompany_withSimulatorsInAChildJvm_printsEveryPhaseAndTheComparisonAsJson() throws Exception {
    List<String> args = new ArrayList<>(TINY);
    args.addAll(List.of("--baseline-customers", "5", "--baseline-items", "3", "--baseline-invoices", "8",
        "--baseline-receipts", "2", "--state-store", "memory", "--json"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int code = SyncBenchmark.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));

    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(text).isZero();
    JsonNode json = new ObjectMapper().readTree(text);
    JsonNode phases = json.path("measured").path("phases");
    assertThat(phases).hasSize(3);
    assertThat(phases.get(0).path("mode").asText()).isEqualTo("FULL");
    assertThat(phases.get(0).path("calls").path("qboByEndpoint").path("GET /v3/company/{realm}/query").asLong())
        .isGreaterThanOrEqualTo(4);
    assertThat(phases.get(0).path("minimum").path("qbo").asLong()).isEqualTo(4);
    assertThat(phases.get(1).path("mode").asText()).isEqualTo("INCREMENTAL");
    assertThat(phases.get(2).path("calls").path("mailchimpWrites").asLong()).isZero();
    assertThat(phases.get(2).path("wallTimeBound").path("qboArithmetic").asText()).contains("in flight");
    assertThat(json.path("comparison").path("perRecord").path("calls").path("mailchimpByEndpoint")
        .path("PUT /3.0/ecommerce/stores/{store_id}/orders/{order_id}").asLong()).isPositive();
    assertThat(json.path("targets")).isNotEmpty();
    JsonNode initial = phases.get(0);
    assertThat(initial.path("cpuSeconds").asDouble()).isPositive();
    assertThat(initial.path("apiWait").path("qbo").path("count").asLong())
        .isEqualTo(initial.path("calls").path("qbo").asLong());
    assertThat(initial.path("apiWait").path("mailchimp").path("shareOfWall").asDouble()).isBetween(0.0, 1.0);
    assertThat(json.path("comparison").path("qbmc").path("apiWait").path("qbo").path("count").asLong()).isPositive();
    assertThat(json.path("comparison").path("perRecord").has("apiWait")).isFalse();
  }

  @Test
  void run_withInProcessSimulators_printsCpuAndApiWaitsInTheTables() {
    List<String> args = new ArrayList<>(TINY);
    args.addAll(List.of("--in-process-simulators", "--skip-baseline", "--state-store", "memory"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int code = SyncBenchmark.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));

    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(text).isZero();
    assertThat(text).contains("process CPU", "per 100,000 records read", "QBO requests", "Mailchimp batch waits",
        "neither API", "calls vs minimum");
  }

  @Test
  void run_withInProcessAndChildHeap_refusesTheCombination() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int code = SyncBenchmark.run(List.of("--in-process-simulators", "--simulators-heap", "1g"),
        new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--in-process-simulators excludes");
  }

  @Test
  void run_withThePostgresStore_syncsEveryPhaseThroughAJdbcStore() throws Exception {
    List<String> args = new ArrayList<>(TINY);
    args.addAll(List.of("--skip-baseline", "--store", "postgres", "--json"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int code = SyncBenchmark.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));

    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(text).isZero();
    JsonNode json = new ObjectMapper().readTree(text);
    assertThat(json.path("measured").path("phases")).hasSize(3);
    assertThat(json.path("measured").path("phases").get(2).path("calls").path("mailchimpWrites").asLong()).isZero();
    assertThat(text).contains("JdbcStore on embedded PostgreSQL");
  }

  @Test
  void run_withSimulatorsOfAnotherProcess_readsTheirCallsThroughTheControlServer() {
    LocalSimulators local = new LocalSimulators(new SimSettings(new CompanySize(5, 3, 8, 2), Duration.ZERO, 500, 10,
        10));
    try (SimulatorControlServer server = new SimulatorControlServer(local)) {
      List<String> args = new ArrayList<>(TINY);
      args.addAll(List.of("--simulators", server.url(), "--skip-baseline"));
      ByteArrayOutputStream out = new ByteArrayOutputStream();

      int code = SyncBenchmark.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));

      String text = out.toString(StandardCharsets.UTF_8);
      assertThat(code).as(text).isZero();
      assertThat(text).contains("== initial (FULL, SUCCEEDED)", "== changed-1% (INCREMENTAL, SUCCEEDED)",
          "GET /v3/company/{realm}/query", "Targets:");
      assertThat(text).doesNotContain("Side by side");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void run_withAnUnknownOption_printsUsageAndReturns2() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int code = SyncBenchmark.run(List.of("--frobnicate"), new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("unknown option --frobnicate", "usage: bench");
  }

  @Test
  void companySize_countsOnlyTheTransactionsThatExist() {
    CompanySize size = new CompanySize(10, 3, 100, 57);

    assertThat(size.liveInvoices()).isEqualTo(100 - 3); // ids 17, 57, 97 are gaps
    assertThat(size.liveReceipts()).isEqualTo(57 - 2);
  }
}
