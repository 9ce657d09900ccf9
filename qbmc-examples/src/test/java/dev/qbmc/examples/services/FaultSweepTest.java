package dev.qbmc.examples.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qbmc.core.model.SyncOutcome;
import dev.qbmc.core.report.SyncReport;
import dev.qbmc.examples.sim.MailchimpSnapshot;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The fault sweep: for every HTTP call of a full sync and of an incremental sync and every
 * {@link SweepFaults fault kind}, a fresh world injects that fault at that call, lets the run end,
 * runs once more without faults, and must then hold exactly what a fault-free world holds (members
 * with status, tags and merge fields; e-commerce customers, products and orders with lines and
 * totals), nothing duplicated, and a further sync must write nothing.
 *
 * <p>{@code mvn verify} runs a deterministic sample: every {@value #SAMPLE_STRIDE}-th call index per
 * fault kind, from an offset drawn per kind with a fixed seed, so that the kinds together cover
 * the calls. The Maven profile {@code fault-sweep} sets {@code -Dqbmc.faultSweep=full}: every call,
 * every kind.
 */
class FaultSweepTest {
  private static final int SAMPLE_STRIDE = 9;
  private static final long SEED = 20261203L;

  private enum Phase { FULL, INCREMENTAL }

  /** One case: a fault kind at the n-th request (from 1) of one API during one phase's sync. */
  private record Case(Phase phase, SweepFaults fault, int call, String route) {
    @Override
    public String toString() {
      return phase + " call " + call + " (" + route + ") " + fault;
    }
  }

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void everyFaultAtEveryCall_convergesToTheFaultFreeState() {
    boolean full = "full".equals(System.getProperty("qbmc.faultSweep"));
    long started = System.nanoTime();

    List<String> afterFull;
    List<String> afterIncremental;
    List<String> fullQbo;
    List<String> fullMailchimp;
    List<String> incrementalQbo;
    List<String> incrementalMailchimp;
    try (SweepWorld clean = new SweepWorld(http)) {
      clean.connect();
      int q0 = clean.qboRequests.size();
      int m0 = clean.mailchimpRequests.size();
      assertSucceeded(clean.sync(), "fault-free full sync");
      fullQbo = List.copyOf(clean.qboRequests.subList(q0, clean.qboRequests.size()));
      fullMailchimp = List.copyOf(clean.mailchimpRequests.subList(m0, clean.mailchimpRequests.size()));
      afterFull = clean.mailchimpState();
      clean.editQuickBooks();
      q0 = clean.qboRequests.size();
      m0 = clean.mailchimpRequests.size();
      assertSucceeded(clean.sync(), "fault-free incremental sync");
      incrementalQbo = List.copyOf(clean.qboRequests.subList(q0, clean.qboRequests.size()));
      incrementalMailchimp = List.copyOf(clean.mailchimpRequests.subList(m0, clean.mailchimpRequests.size()));
      afterIncremental = clean.mailchimpState();
    }
    assertThat(fullMailchimp).as("several batches").filteredOn("POST /3.0/batches"::equals).hasSizeGreaterThan(3);
    assertThat(afterIncremental).isNotEqualTo(afterFull);
    System.out.printf("fault sweep: fault-free full sync %d QBO calls %s, %d Mailchimp calls %s%n",
        fullQbo.size(), counts(fullQbo), fullMailchimp.size(), counts(fullMailchimp));
    System.out.printf("fault sweep: fault-free incremental sync %d QBO calls %s, %d Mailchimp calls %s%n",
        incrementalQbo.size(), counts(incrementalQbo), incrementalMailchimp.size(), counts(incrementalMailchimp));

    List<Case> cases = new ArrayList<>();
    java.util.Random random = new java.util.Random(SEED);
    for (SweepFaults fault : SweepFaults.values()) {
      int offset = random.nextInt(SAMPLE_STRIDE);
      addCases(cases, Phase.FULL, fault, fault.api == SweepFaults.Api.QBO ? fullQbo : fullMailchimp, full, offset);
      addCases(cases, Phase.INCREMENTAL, fault,
          fault.api == SweepFaults.Api.QBO ? incrementalQbo : incrementalMailchimp, full, offset);
    }

    List<String> defects = new ArrayList<>();
    int notFired = 0;
    for (Case c : cases) {
      List<String> expected = c.phase() == Phase.FULL ? afterFull : afterIncremental;
      if (!run(c, expected, defects)) {
        notFired++;
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("fault sweep (%s): %d (call, fault) cases (%d hit another call than planned) in %.1f s%n",
        full ? "full" : "sampled, every " + SAMPLE_STRIDE + "th call", cases.size(), notFired, seconds);
    assertThat(defects).as("cases that did not converge").isEmpty();
  }

  private static void addCases(List<Case> cases, Phase phase, SweepFaults fault, List<String> requests, boolean full,
      int offset) {
    for (int i = 0; i < requests.size(); i++) {
      if (fault.appliesTo(requests.get(i)) && (full || (i + offset) % SAMPLE_STRIDE == 0)) {
        cases.add(new Case(phase, fault, i + 1, requests.get(i)));
      }
    }
  }

  /** Runs one case; false when the fault fired on another route than planned (parallel reads). */
  private boolean run(Case c, List<String> expected, List<String> defects) {
    try (SweepWorld world = new SweepWorld(http)) {
      world.connect();
      if (c.phase() == Phase.INCREMENTAL) {
        assertSucceeded(world.sync(), "fault-free full sync");
        world.editQuickBooks();
      }
      var injector = c.fault().api == SweepFaults.Api.QBO ? world.qbo.faults() : world.mailchimp.faults();
      List<String> requests = c.fault().api == SweepFaults.Api.QBO ? world.qboRequests : world.mailchimpRequests;
      int before = requests.size();
      injector.onRequest(c.call(), c.fault().in(world));
      Consumer<String> defect = d -> defects.add(c + ": " + d);
      try {
        SyncReport faulted = world.sync();
        if (faulted.outcome() == null) {
          defect.accept("no outcome");
        }
      } catch (RuntimeException | Error e) {
        defect.accept("the faulted run threw " + e);
      }
      boolean onPlannedRoute = requests.size() >= before + c.call()
          && requests.get(before + c.call() - 1).equals(c.route());
      if (injector.fired() != 1) {
        defect.accept("the fault fired " + injector.fired() + " times");
      }
      injector.clear();
      reRecord(world);
      try {
        SyncReport rerun = world.sync();
        if (rerun.outcome() != SyncOutcome.SUCCEEDED || !rerun.failures().isEmpty()) {
          defect.accept("the fault-free rerun ended " + rerun.outcome() + " " + rerun.failures());
        }
        List<String> state = world.mailchimpState();
        if (!state.equals(expected)) {
          defect.accept("Mailchimp state differs: " + MailchimpSnapshot.diff(expected, state));
        }
        long writesBefore = writes(world);
        SyncReport third = world.sync();
        if (!third.failures().isEmpty() || writes(world) != writesBefore) {
          defect.accept("a further sync wrote " + (writes(world) - writesBefore) + " times, failures "
              + third.failures());
        }
      } catch (RuntimeException | Error e) {
        defect.accept("the fault-free rerun threw " + e);
      }
      return onPlannedRoute;
    }
  }

  /** {@link FaultInjector#clear()} also drops the request recorder; put it back. */
  private static void reRecord(SweepWorld world) {
    world.qbo.faults().onEvery(r -> {
      world.qboRequests.add(r.method() + " " + r.route());
      return false;
    }, (r, n, s) -> n.apply(r));
    world.mailchimp.faults().onEvery(r -> {
      world.mailchimpRequests.add(r.method() + " " + r.route());
      return false;
    }, (r, n, s) -> n.apply(r));
  }

  private static long writes(SweepWorld world) {
    return world.mailchimpRequests.stream().filter(r -> !r.startsWith("GET ")).count();
  }

  private static void assertSucceeded(SyncReport report, String what) {
    assertThat(report.failures()).as(what).isEmpty();
    assertThat(report.outcome()).as(what).isEqualTo(SyncOutcome.SUCCEEDED);
  }

  private static Map<String, Long> counts(List<String> requests) {
    Map<String, Long> counts = new TreeMap<>();
    requests.forEach(r -> counts.merge(r, 1L, Long::sum));
    return counts;
  }
}
