package dev.qbmc.examples.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qbmc.core.Qbmc;
import dev.qbmc.core.model.SyncOutcome;
import dev.qbmc.core.report.SyncReport;
import dev.qbmc.core.spi.Connection;
import dev.qbmc.examples.sim.Fault;
import dev.qbmc.examples.sim.FaultInjector;
import dev.qbmc.examples.sim.SimRequest;
import dev.qbmc.examples.sim.SimResponse;
import dev.qbmc.examples.sim.mailchimp.MemberView;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Operations inside {@code /batches} that Mailchimp answers 429, 500 or 503 are resubmitted in
 * follow-up batches within the run (the retry policy's attempts, its backoff on the client's
 * sleeper), so a passing failure of a share of them costs no record.
 */
class BatchOperationFaultsTest {
  private static final int[] STATUSES = {429, 500, 503};

  @Test
  void fifteenPercentOfBatchOperationsFailingForAWhile_costNoRecord() {
    Map<String, String> clean;
    try (SimulatedWorld world = new SimulatedWorld(); Qbmc qbmc = world.qbmc()) {
      Connection c = world.connect(qbmc);
      assertThat(qbmc.sync(SimulatedWorld.CONNECTION).failures()).isEmpty();
      clean = state(world, c.storeId());
    }
    try (SimulatedWorld world = new SimulatedWorld(); Qbmc qbmc = world.qbmc()) {
      Connection c = world.connect(qbmc);
      FaultInjector faults = world.mailchimp.batchOperationFaults();
      faults.onEvery(firstAttempts(15, 2), transientError());

      SyncReport report = qbmc.sync(SimulatedWorld.CONNECTION);

      assertThat(faults.fired()).as("a share of the operations failed, twice each").isGreaterThan(30);
      assertThat(report.failures()).isEmpty();
      assertThat(report.outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
      assertThat(state(world, c.storeId())).isEqualTo(clean);
    }
  }

  @Test
  void anOperationFailingEveryTime_isReportedAfterTheAttemptsRunOut_andWrittenByTheNextRun() {
    try (SimulatedWorld world = new SimulatedWorld(); Qbmc qbmc = world.qbmc()) {
      world.connect(qbmc);
      FaultInjector faults = world.mailchimp.batchOperationFaults();
      faults.onEvery(r -> r.path().endsWith("/orders/invoice-5"), transientError());

      SyncReport report = qbmc.sync(SimulatedWorld.CONNECTION);

      assertThat(report.outcome()).isEqualTo(SyncOutcome.PARTIAL);
      assertThat(report.failures()).singleElement().satisfies(f -> {
        assertThat(f.qboId()).contains("5");
        assertThat(f.code()).isIn("HTTP 429", "Internal Server Error", "Service Unavailable", "Too Many Requests");
      });
      assertThat(faults.fired()).as("the retry policy's 4 attempts").isEqualTo(4);

      faults.clear();
      SyncReport next = qbmc.sync(SimulatedWorld.CONNECTION);
      assertThat(next.failures()).isEmpty();
      assertThat(world.mailchimp.orders(world.state.connection(SimulatedWorld.CONNECTION).orElseThrow().storeId()))
          .anySatisfy(o -> assertThat(o.path("id").asText()).isEqualTo("invoice-5"));
    }
  }

  /** A 429, 500 or 503 problem, by the operation's path. */
  private static Fault transientError() {
    return (request, normal, sleeper) -> {
      int status = STATUSES[Math.floorMod(request.path().hashCode(), STATUSES.length)];
      String title = status == 429 ? "Too Many Requests" : status == 500 ? "Internal Server Error" : "Service Unavailable";
      return SimResponse.text(status, "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"" + title
          + "\",\"status\":" + status + ",\"detail\":\"try again\",\"instance\":\"x\"}");
    };
  }

  /** The first {@code attempts} times each of {@code percent}% of the operations (chosen by path) runs. */
  private static Predicate<SimRequest> firstAttempts(int percent, int attempts) {
    Map<String, Integer> seen = new ConcurrentHashMap<>();
    return r -> {
      String op = r.method() + " " + r.path();
      return Math.floorMod(op.hashCode() * 31 + 7, 100) < percent && seen.merge(op, 1, Integer::sum) <= attempts;
    };
  }

  private static Map<String, String> state(SimulatedWorld world, String storeId) {
    Map<String, String> state = new TreeMap<>();
    for (MemberView m : world.mailchimp.members(world.listId)) {
      state.put("member " + m.emailAddress(), m.status() + " " + m.tags() + " " + m.mergeFields());
    }
    world.mailchimp.customers(storeId).forEach(c -> state.put("customer " + c.path("id").asText(), timeless(c)));
    world.mailchimp.products(storeId).forEach(p -> state.put("product " + p.path("id").asText(), timeless(p)));
    world.mailchimp.orders(storeId).forEach(o -> state.put("order " + o.path("id").asText(),
        o.path("order_total").decimalValue().toPlainString() + " " + o.path("financial_status").asText() + " "
            + o.path("lines")));
    return state;
  }

  /** The JSON without its {@code *_at} timestamps (the faulted run's clock moved on by its backoff). */
  private static String timeless(com.fasterxml.jackson.databind.JsonNode node) {
    com.fasterxml.jackson.databind.node.ObjectNode copy = (com.fasterxml.jackson.databind.node.ObjectNode) node.deepCopy();
    copy.remove(java.util.List.of("created_at", "updated_at", "published_at_foreign"));
    return copy.toString();
  }
}
