package dev.qbmc.examples.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects the phases of one benchmark and renders them as tables or JSON, with the targets. */
final class BenchResults {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final BenchOptions options;
  private String store = "";
  private Mutation mutation;
  private List<PhaseResult> mainRun = List.of();
  private PhaseResult batched;
  private PhaseResult baseline;

  BenchResults(BenchOptions options) {
    this.options = options;
  }

  void store(String description) {
    this.store = description;
  }

  void mutation(Mutation m) {
    this.mutation = m;
  }

  void mainRun(List<PhaseResult> phases) {
    this.mainRun = List.copyOf(phases);
  }

  void batched(PhaseResult p) {
    this.batched = p;
  }

  void baseline(PhaseResult p) {
    this.baseline = p;
  }

  boolean allSucceeded() {
    List<PhaseResult> all = new ArrayList<>(mainRun);
    if (batched != null) {
      all.add(batched);
    }
    return all.stream().allMatch(p -> p.outcome().equals("SUCCEEDED") && p.failures() == 0);
  }

  // ------------------------------------------------------------------ targets

  /** One target with its measured value. */
  record Target(String name, String measured, boolean met) {
  }

  List<Target> targets() {
    List<Target> targets = new ArrayList<>();
    if (mainRun.size() == 3) {
      PhaseResult initial = mainRun.get(0);
      PhaseResult changed = mainRun.get(1);
      PhaseResult unchanged = mainRun.get(2);
      long min = initial.budget().qboMinimum() + initial.budget().mailchimpMinimum();
      double ratio = (double) initial.totalCalls() / min;
      double allowed = callTarget(options.size.records());
      targets.add(new Target(String.format(Locale.ROOT, "initial sync calls <= %.2f x minimum", allowed),
          String.format(Locale.ROOT, "%,d / %,d = %.2f (QBO %.2f, Mailchimp %.2f)", initial.totalCalls(), min, ratio,
              ratioOf(initial.qboTotal(), initial.budget().qboMinimum()),
              ratioOf(initial.mailchimpTotal(), initial.budget().mailchimpMinimum())),
          ratio <= allowed));
      targets.add(new Target("nothing-changed sync: 0 Mailchimp writes, constant QBO calls (at most 1 CDC call"
          + " + 1 last-update query per entity, whatever the company size)",
          String.format(Locale.ROOT, "%d Mailchimp writes, %d QBO calls, %d Mailchimp calls in all",
              unchanged.mailchimpWrites(), unchanged.qboTotal(), unchanged.mailchimpTotal()),
          unchanged.mailchimpWrites() == 0 && unchanged.qboTotal() <= 5));
      long changes = mutation == null ? 0 : mutation.total();
      long expectedOps = mutation == null ? 0 : 3 * mutation.customers() + mutation.invoices() + mutation.receipts();
      long changedMin = changed.budget().qboMinimum() + changed.budget().mailchimpMinimum();
      targets.add(new Target("1%-changed sync: calls proportional to the changes (write operations <= expected,"
          + " QBO calls <= 2 x minimum)",
          String.format(Locale.ROOT, "%,d changed records -> %,d Mailchimp write operations (at most %,d expected:"
                  + " member + tag + customer per customer, one order per transaction), %,d HTTP calls (QBO %,d,"
                  + " Mailchimp %,d; minimum %,d); the initial sync made %,d", changes,
              changed.mailchimpWriteOperations(), expectedOps, changed.totalCalls(), changed.qboTotal(),
              changed.mailchimpTotal(), changedMin, initial.totalCalls()),
          changed.mailchimpWriteOperations() <= expectedOps
              && changed.qboTotal() <= 2 * changed.budget().qboMinimum()));
      double boundRatio = ratioOf(initial.wall().toMillis(), initial.budget().bound().toMillis());
      targets.add(new Target("initial sync wall time <= 1.5 x the limits' bound",
          String.format(Locale.ROOT, "%.1f s / %.1f s = %.2f", initial.wall().toMillis() / 1000.0,
              initial.budget().bound().toMillis() / 1000.0, boundRatio), boundRatio <= 1.5));
      long maxHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
      long peak = mainRun.stream().mapToLong(p -> p.heap().sampledBytes()).max().orElse(0);
      targets.add(new Target("sync completes within the heap limit (" + store + ")",
          String.format(Locale.ROOT, "peak %s of -Xmx %s, %s records", mb(peak), mb(maxHeap),
              String.format(Locale.ROOT, "%,d", options.size.records())),
          allSucceeded()));
    }
    if (batched != null) {
      long min = batched.budget().qboMinimum() + batched.budget().mailchimpMinimum();
      double ratio = ratioOf(batched.totalCalls(), min);
      double allowed = callTarget(options.baselineSize.records());
      targets.add(new Target(String.format(Locale.ROOT, "comparison initial sync calls <= %.2f x minimum", allowed),
          String.format(Locale.ROOT, "%,d / %,d = %.2f", batched.totalCalls(), min, ratio), ratio <= allowed));
    }
    if (batched != null && baseline != null) {
      double calls = ratioOf(baseline.totalCalls(), batched.totalCalls());
      double wall = ratioOf(baseline.wall().toMillis(), batched.wall().toMillis());
      targets.add(new Target("vs per-record baseline: >= 20x fewer calls",
          String.format(Locale.ROOT, "%,d / %,d = %.1fx", baseline.totalCalls(), batched.totalCalls(), calls),
          calls >= 20));
      targets.add(new Target("vs per-record baseline: >= 10x less wall time",
          String.format(Locale.ROOT, "%.1f s / %.1f s = %.1fx", baseline.wall().toMillis() / 1000.0,
              batched.wall().toMillis() / 1000.0, wall), wall >= 10));
    }
    return targets;
  }

  /**
   * The calls allowed over the minimum: the per-sync calls (progress, flags, settings) weigh more
   * in a small company, so 1.15x up to 100,000 records and 1.05x above.
   */
  static double callTarget(long records) {
    return records <= 100_000 ? 1.15 : 1.05;
  }

  private static double ratioOf(double a, double b) {
    return b == 0 ? (a == 0 ? 1 : Double.POSITIVE_INFINITY) : a / b;
  }

  /** A ratio for text: "n/a" when the minimum is 0 but calls were made. */
  private static String ratioText(double a, double b) {
    double r = ratioOf(a, b);
    return Double.isInfinite(r) ? "n/a (minimum 0)" : String.format(Locale.ROOT, "%.2f", r);
  }

  private static void putRatio(ObjectNode node, String field, double a, double b) {
    double r = ratioOf(a, b);
    if (Double.isInfinite(r)) {
      node.putNull(field);
    } else {
      node.put(field, Math.round(r * 1000) / 1000.0);
    }
  }

  // ------------------------------------------------------------------ tables

  String toTables() {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "qbmc sync benchmark: latency %d ms per call, QBO %d/min and %d in flight,"
            + " Mailchimp %d connections, chunk %s, %s batches in flight, state: %s%s%n", options.latency.toMillis(),
        options.qboPerMinute, options.qboInFlight, options.mailchimpConnections,
        options.chunkSize == null ? BenchedQbmc.DEFAULT_CHUNK_SIZE : options.chunkSize,
        options.batchesInFlight == null ? BenchedQbmc.DEFAULT_BATCHES_IN_FLIGHT : options.batchesInFlight, store,
        options.pollCapMillis == null ? "" : ", Mailchimp client waits capped at " + options.pollCapMillis + " ms"));
    if (!mainRun.isEmpty()) {
      s.append(String.format("%nMeasured company: %s (%,d live records)%n", options.size, options.size.records()));
      if (mutation != null) {
        s.append(String.format("Changed before the 1%% sync: %,d customers, %,d invoices, %,d receipts%n",
            mutation.customers(), mutation.invoices(), mutation.receipts()));
      }
      for (PhaseResult p : mainRun) {
        phase(s, p);
      }
    }
    if (batched != null && baseline != null) {
      s.append(String.format("%nSide by side on %s:%n", options.baselineSize));
      phase(s, batched);
      phase(s, baseline);
      s.append(String.format(Locale.ROOT, "%n  %-28s %14s %14s %10s%n", "", "qbmc", "per-record", "ratio"));
      row(s, "calls (QBO + Mailchimp)", batched.totalCalls(), baseline.totalCalls());
      row(s, "  QBO calls", batched.qboTotal(), baseline.qboTotal());
      row(s, "  Mailchimp calls", batched.mailchimpTotal(), baseline.mailchimpTotal());
      s.append(String.format(Locale.ROOT, "  %-28s %13.1fs %13.1fs %9.1fx%n", "wall time",
          batched.wall().toMillis() / 1000.0, baseline.wall().toMillis() / 1000.0,
          ratioOf(baseline.wall().toMillis(), batched.wall().toMillis())));
    }
    s.append(String.format("%nTargets:%n"));
    for (Target t : targets()) {
      s.append(String.format("  [%s] %s: %s%n", t.met() ? "met " : "MISS", t.name(), t.measured()));
    }
    return s.toString();
  }

  private static void row(StringBuilder s, String name, long a, long b) {
    s.append(String.format(Locale.ROOT, "  %-28s %,14d %,14d %9.1fx%n", name, a, b, ratioOf(b, a)));
  }

  private static void phase(StringBuilder s, PhaseResult p) {
    s.append(String.format(Locale.ROOT, "%n== %s (%s, %s)%n", p.name(), p.mode(), p.outcome()));
    s.append(String.format(Locale.ROOT, "  wall time        %.2f s%n", p.wall().toMillis() / 1000.0));
    s.append(String.format(Locale.ROOT, "  records          %,d read, %,d written, %,d skipped, %d failures;"
        + " %,.0f records/s%n", p.recordsRead(), p.recordsWritten(), p.skipped(), p.failures(), p.recordsPerSecond()));
    s.append(String.format(Locale.ROOT, "  QBO calls        %,d", p.qboTotal()));
    if (p.budget() != null) {
      s.append(String.format(Locale.ROOT, "   minimum %,d, ratio %s%n    minimum: %s%n", p.budget().qboMinimum(),
          ratioText(p.qboTotal(), p.budget().qboMinimum()), p.budget().qboArithmetic()));
    } else {
      s.append('\n');
    }
    calls(s, p.qboCalls());
    s.append(String.format(Locale.ROOT, "  Mailchimp calls  %,d (%,d writes)", p.mailchimpTotal(), p.mailchimpWrites()));
    if (p.budget() != null) {
      s.append(String.format(Locale.ROOT, "   minimum %,d, ratio %s%n    minimum: %s%n",
          p.budget().mailchimpMinimum(), ratioText(p.mailchimpTotal(), p.budget().mailchimpMinimum()),
          p.budget().mailchimpArithmetic()));
    } else {
      s.append('\n');
    }
    calls(s, p.mailchimpCalls());
    if (!p.mailchimpBatchOperations().isEmpty()) {
      s.append("    operations run inside /batches (not calls):\n");
      calls(s, p.mailchimpBatchOperations());
    }
    if (!p.reportCalls().isEmpty()) {
      s.append("    sync report apiCalls:\n");
      calls(s, p.reportCalls());
    }
    if (p.budget() != null) {
      long min = p.budget().qboMinimum() + p.budget().mailchimpMinimum();
      s.append(String.format(Locale.ROOT, "  calls vs minimum %,d / %,d = %s%n", p.totalCalls(), min,
          ratioText(p.totalCalls(), min)));
    }
    s.append(String.format(Locale.ROOT, "  process CPU      %.2f s, %.2f s per 100,000 records read%n",
        p.cpuNanos() / 1e9, p.cpuSecondsPer100k()));
    if (p.apiTimes() != null) {
      ApiTimes.Phase t = p.apiTimes();
      s.append("  waiting on APIs  share of the wall time with a request in flight (sum of the requests' times):\n");
      busy(s, "QBO requests", t.byKind().get(ApiTimes.Kind.QBO), t.wallNanos());
      busy(s, "Mailchimp requests", t.byKind().get(ApiTimes.Kind.MAILCHIMP), t.wallNanos());
      busy(s, "Mailchimp batch waits", t.byKind().get(ApiTimes.Kind.MAILCHIMP_WAIT), t.wallNanos());
      s.append(String.format(Locale.ROOT, "      %-22s %5.1f%%  (no request in flight, no wait: the sync's own time)%n",
          "neither API", 100 * t.idleShare()));
    }
    if (p.budget() != null) {
      CallBudget b = p.budget();
      s.append(String.format(Locale.ROOT, "  limits' bound    %.2f s; actual/bound %s%n", b.bound().toMillis() / 1000.0,
          ratioText(p.wall().toMillis(), b.bound().toMillis())));
      s.append("    QBO:       ").append(b.qboBoundArithmetic()).append('\n');
      s.append("    Mailchimp: ").append(b.mailchimpBoundArithmetic()).append('\n');
      s.append("    bound = max(QBO, Mailchimp): the two APIs could be called at the same time\n");
    }
    s.append(String.format(Locale.ROOT, "  peak heap        %s sampled (heap pools' peaks sum %s), %d GCs %d ms,"
            + " -Xmx %s; simulators' heap now %s%n", mb(p.heap().sampledBytes()), mb(p.heap().poolPeaksBytes()),
        p.heap().collections(), p.heap().gcMillis(), mb(p.heap().maxHeapBytes()), mb(p.simulatorHeapBytes())));
  }

  private static void busy(StringBuilder s, String name, ApiTimes.Busy busy, long wallNanos) {
    s.append(String.format(Locale.ROOT, "      %-22s %5.1f%%  (%,d, %.2f s)%n", name, 100 * busy.share(wallNanos),
        busy.count(), busy.sumNanos() / 1e9));
  }

  private static void calls(StringBuilder s, Map<String, Long> calls) {
    calls.forEach((k, v) -> s.append(String.format(Locale.ROOT, "      %,10d  %s%n", v, k)));
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
  }

  // ------------------------------------------------------------------ JSON

  String toJson() {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode settings = root.putObject("settings");
    settings.put("latencyMs", options.latency.toMillis());
    settings.put("qboPerMinute", options.qboPerMinute);
    settings.put("qboInFlight", options.qboInFlight);
    settings.put("mailchimpConnections", options.mailchimpConnections);
    settings.put("chunkSize", options.chunkSize == null ? BenchedQbmc.DEFAULT_CHUNK_SIZE : options.chunkSize);
    settings.put("batchesInFlight",
        options.batchesInFlight == null ? BenchedQbmc.DEFAULT_BATCHES_IN_FLIGHT : options.batchesInFlight);
    settings.put("stateStore", store);
    if (options.pollCapMillis != null) {
      settings.put("mailchimpWaitCapMs", options.pollCapMillis);
    }
    settings.put("maxHeapBytes", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax());
    if (!mainRun.isEmpty()) {
      ObjectNode main = root.putObject("measured");
      main.set("company", company(options.size));
      if (mutation != null) {
        main.set("changed", JSON.valueToTree(mutation));
      }
      ArrayNode phases = main.putArray("phases");
      mainRun.forEach(p -> phases.add(phase(p)));
    }
    if (batched != null && baseline != null) {
      ObjectNode cmp = root.putObject("comparison");
      cmp.set("company", company(options.baselineSize));
      cmp.set("qbmc", phase(batched));
      cmp.set("perRecord", phase(baseline));
      putRatio(cmp, "callRatio", baseline.totalCalls(), batched.totalCalls());
      putRatio(cmp, "wallTimeRatio", baseline.wall().toMillis(), batched.wall().toMillis());
    }
    ArrayNode targets = root.putArray("targets");
    for (Target t : targets()) {
      targets.addObject().put("target", t.name()).put("measured", t.measured()).put("met", t.met());
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode company(CompanySize size) {
    ObjectNode c = JSON.createObjectNode();
    c.put("customers", size.customers());
    c.put("items", size.items());
    c.put("invoiceIds", size.invoices());
    c.put("receiptIds", size.receipts());
    c.put("liveRecords", size.records());
    return c;
  }

  private static ObjectNode phase(PhaseResult p) {
    ObjectNode n = JSON.createObjectNode();
    n.put("phase", p.name());
    n.put("mode", p.mode());
    n.put("outcome", p.outcome());
    n.put("wallSeconds", p.wall().toMillis() / 1000.0);
    n.put("recordsRead", p.recordsRead());
    n.put("recordsWritten", p.recordsWritten());
    n.put("skipped", p.skipped());
    n.put("failures", p.failures());
    n.put("recordsPerSecond", Math.round(p.recordsPerSecond()));
    ObjectNode calls = n.putObject("calls");
    calls.put("qbo", p.qboTotal());
    calls.put("mailchimp", p.mailchimpTotal());
    calls.put("mailchimpWrites", p.mailchimpWrites());
    calls.set("qboByEndpoint", JSON.valueToTree(p.qboCalls()));
    calls.set("mailchimpByEndpoint", JSON.valueToTree(p.mailchimpCalls()));
    calls.set("mailchimpBatchOperations", JSON.valueToTree(p.mailchimpBatchOperations()));
    calls.set("syncReport", JSON.valueToTree(p.reportCalls()));
    if (p.budget() != null) {
      CallBudget b = p.budget();
      ObjectNode min = n.putObject("minimum");
      min.put("qbo", b.qboMinimum());
      min.put("qboArithmetic", b.qboArithmetic());
      min.put("mailchimp", b.mailchimpMinimum());
      min.put("mailchimpArithmetic", b.mailchimpArithmetic());
      putRatio(min, "qboRatio", p.qboTotal(), b.qboMinimum());
      putRatio(min, "mailchimpRatio", p.mailchimpTotal(), b.mailchimpMinimum());
      putRatio(min, "totalRatio", p.totalCalls(), b.qboMinimum() + b.mailchimpMinimum());
      ObjectNode bound = n.putObject("wallTimeBound");
      bound.put("seconds", b.bound().toMillis() / 1000.0);
      bound.put("qboSeconds", b.qboBound().toMillis() / 1000.0);
      bound.put("qboArithmetic", b.qboBoundArithmetic());
      bound.put("mailchimpSeconds", b.mailchimpBound().toMillis() / 1000.0);
      bound.put("mailchimpArithmetic", b.mailchimpBoundArithmetic());
      putRatio(bound, "actualOverBound", p.wall().toMillis(), b.bound().toMillis());
    }
    n.put("cpuSeconds", p.cpuNanos() / 1e9);
    n.put("cpuSecondsPer100kRecords", Math.round(p.cpuSecondsPer100k() * 1000) / 1000.0);
    if (p.apiTimes() != null) {
      ObjectNode waits = n.putObject("apiWait");
      ApiTimes.Phase t = p.apiTimes();
      t.byKind().forEach((kind, busy) -> waits.putObject(kind.name().toLowerCase(Locale.ROOT))
          .put("shareOfWall", Math.round(busy.share(t.wallNanos()) * 1000) / 1000.0)
          .put("sumSeconds", busy.sumNanos() / 1e9)
          .put("count", busy.count()));
      waits.put("neitherShareOfWall", Math.round(t.idleShare() * 1000) / 1000.0);
    }
    ObjectNode heap = n.putObject("heap");
    heap.put("peakSampledBytes", p.heap().sampledBytes());
    heap.put("poolPeaksSumBytes", p.heap().poolPeaksBytes());
    heap.put("gcCount", p.heap().collections());
    heap.put("gcMillis", p.heap().gcMillis());
    heap.put("simulatorsHeapBytes", p.simulatorHeapBytes());
    return n;
  }
}
