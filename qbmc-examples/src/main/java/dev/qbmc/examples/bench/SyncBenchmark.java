package dev.qbmc.examples.bench;

import dev.qbmc.core.model.QboEntity;
import dev.qbmc.core.report.ApiCallCount;
import dev.qbmc.core.report.EntityCounts;
import dev.qbmc.core.report.SyncReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Measures what a qbmc sync costs against the APIs' limits, side by side with syncing one call per
 * record. It seeds the QBO simulator with a generated company, gives both simulators a latency per
 * call and the real limits (QBO 500 requests per minute and 10 in flight per realm, Mailchimp 10
 * simultaneous connections) and runs, in one process:
 *
 * <ol>
 *   <li>a full initial sync;</li>
 *   <li>an incremental sync after 1% of the customers, invoices and sales receipts changed;</li>
 *   <li>an incremental sync with nothing changed;</li>
 *   <li>unless {@code --skip-baseline}: on a comparison company (default 1,000 customers and 10,000
 *       invoices and receipts), the initial sync by qbmc and the same sync one call per record.</li>
 * </ol>
 *
 * <p>For each it prints the wall time, the calls per endpoint and API (the simulators' request
 * logs and the sync report), the minimum number of calls the batch sizes allow and the ratio,
 * records per second, peak heap, and the wall-time bound of the APIs' limits with its arithmetic
 * (see {@link CallBudget}); as tables, or as JSON with {@code --json}. {@code --help} lists the
 * options. For a company too large for one heap, {@code --simulators-heap 6g} runs the simulators
 * in a child JVM, so that the sync's own peak heap can be measured under {@code -Xmx256m}.
 */
public final class SyncBenchmark {

  private SyncBenchmark() {
  }

  /**
   * Runs the benchmark from the command line; exits with the code of {@link #run(List, PrintStream)}.
   *
   * @param args the options, see {@code --help}
   */
  public static void main(String[] args) {
    int code = run(Arrays.asList(args), System.out);
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * Runs the benchmark and prints its results.
   *
   * @param args the options ({@code --help} prints them)
   * @param out where the tables or the JSON go
   * @return 0 on success, 2 for bad options, 1 when a sync failed
   */
  public static int run(List<String> args, PrintStream out) {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      out.println("bench: " + e.getMessage());
      out.println(BenchOptions.USAGE);
      return 2;
    }
    if (options.help) {
      out.println(BenchOptions.USAGE);
      return 0;
    }
    if (options.simulatorsOnly) {
      return serveSimulators(options, out);
    }
    BenchResults results = new BenchResults(options);
    try {
      int chunk = options.chunkSize != null ? options.chunkSize : BenchedQbmc.DEFAULT_CHUNK_SIZE;
      try (Simulators sims = open(options)) {
        results.mainRun(measureMainRun(sims, options, chunk, results));
      }
      if (!options.skipBaseline) {
        SimSettings comparison = options.simSettings(options.baselineSize);
        try (Simulators sims = new LocalSimulators(comparison)) {
          results.batched(initialOnly(sims, options, chunk, comparison));
        }
        try (Simulators sims = new LocalSimulators(comparison)) {
          results.baseline(baseline(sims, comparison));
        }
      }
    } catch (RuntimeException e) {
      out.println("bench: failed: " + e);
      e.printStackTrace(out);
      return 1;
    }
    if (options.json) {
      out.println(results.toJson());
    } else {
      out.print(results.toTables());
    }
    return results.allSucceeded() ? 0 : 1;
  }

  private static Simulators open(BenchOptions options) {
    if (options.simulatorsUrl != null) {
      return RemoteSimulators.connect(options.simulatorsUrl);
    }
    if (options.simulatorsHeap != null) {
      return RemoteSimulators.spawn(options.simulatorArgs(), options.simulatorsHeap);
    }
    return new LocalSimulators(options.simSettings(options.size));
  }

  private static List<PhaseResult> measureMainRun(Simulators sims, BenchOptions options, int chunk,
      BenchResults results) {
    SimSettings limits = options.simSettings(options.size);
    List<PhaseResult> phases = new ArrayList<>();
    try (BenchedQbmc bench = new BenchedQbmc(sims, options, chunk)) {
      results.store(bench.storeDescription());
      phases.add(measure("initial", sims, () -> bench.qbmc.sync(BenchedQbmc.CONNECTION),
          w -> CallBudget.fullRead(options.size, w, chunk, true, limits)));
      Mutation mutation = sims.mutate();
      results.mutation(mutation);
      phases.add(measure("changed-1%", sims, () -> bench.qbmc.sync(BenchedQbmc.CONNECTION),
          w -> CallBudget.incremental(mutation, w, chunk, limits)));
      phases.add(measure("unchanged", sims, () -> bench.qbmc.sync(BenchedQbmc.CONNECTION),
          w -> CallBudget.incremental(new Mutation(0, 0, 0), w, chunk, limits)));
    }
    return phases;
  }

  private static PhaseResult initialOnly(Simulators sims, BenchOptions options, int chunk, SimSettings limits) {
    try (BenchedQbmc bench = new BenchedQbmc(sims, options, chunk)) {
      return measure("qbmc initial", sims, () -> bench.qbmc.sync(BenchedQbmc.CONNECTION),
          w -> CallBudget.fullRead(limits.size(), w, chunk, true, limits));
    }
  }

  private static PhaseResult measure(String name, Simulators sims, Supplier<SyncReport> sync,
      Function<CallBudget.Written, CallBudget> budget) {
    System.gc();
    sims.resetCalls();
    System.err.println("bench: " + name + " sync starts");
    HeapSampler sampler = new HeapSampler();
    long start = System.nanoTime();
    SyncReport report;
    try {
      report = sync.get();
    } finally {
      sampler.close();
    }
    long nanos = System.nanoTime() - start;
    HeapSampler.Peak heap = sampler.stop();
    Map<String, Long> mailchimpLog = sims.mailchimpCalls();
    Map<String, Long> reportCalls = new TreeMap<>();
    for (ApiCallCount c : report.apiCalls()) {
      reportCalls.merge(c.api() + " " + c.endpoint(), c.calls(), Long::sum);
    }
    EntityCounts totals = report.totals();
    EntityCounts customers = report.countsFor(QboEntity.CUSTOMER);
    EntityCounts items = report.countsFor(QboEntity.ITEM);
    EntityCounts invoices = report.countsFor(QboEntity.INVOICE);
    EntityCounts receipts = report.countsFor(QboEntity.SALES_RECEIPT);
    CallBudget.Written written = new CallBudget.Written(customers.created(), customers.updated(),
        customers.created() + customers.updated(), items.created() + items.updated(),
        writes(invoices) + writes(receipts));
    return new PhaseResult(name, report.mode().name(), report.outcome().name(), java.time.Duration.ofNanos(nanos),
        totals.created() + totals.updated() + totals.unchanged() + totals.deleted() + totals.skipped(),
        writes(totals), totals.skipped(), report.failures().size(), sims.qboCalls(),
        PhaseResult.httpCalls(mailchimpLog), PhaseResult.batchOperations(mailchimpLog), reportCalls,
        budget.apply(written), heap, sims.simulatorHeapUsed());
  }

  private static long writes(EntityCounts counts) {
    return counts.created() + counts.updated() + counts.deleted();
  }

  private static PhaseResult baseline(Simulators sims, SimSettings limits) {
    System.gc();
    sims.resetCalls();
    System.err.println("bench: per-record baseline starts");
    HeapSampler sampler = new HeapSampler();
    long start = System.nanoTime();
    PerRecordBaseline.Counts counts;
    try {
      counts = new PerRecordBaseline(sims.info(), sims.mintRefreshToken(), limits).run();
    } finally {
      sampler.close();
    }
    long nanos = System.nanoTime() - start;
    HeapSampler.Peak heap = sampler.stop();
    Map<String, Long> mailchimpLog = sims.mailchimpCalls();
    return new PhaseResult("per-record baseline", "FULL", counts.failed() == 0 ? "SUCCEEDED" : "FAILURES",
        java.time.Duration.ofNanos(nanos), counts.read(), counts.written(), counts.skipped(), counts.failed(),
        sims.qboCalls(), PhaseResult.httpCalls(mailchimpLog), PhaseResult.batchOperations(mailchimpLog), Map.of(),
        null, heap, sims.simulatorHeapUsed());
  }

  private static int serveSimulators(BenchOptions options, PrintStream out) {
    try (SimulatorControlServer server = new SimulatorControlServer(new LocalSimulators(
        options.simSettings(options.size)))) {
      out.println(SimulatorControlServer.READY_PREFIX + server.url());
      out.flush();
      if (options.exitOnStdinEof) {
        Thread watcher = new Thread(() -> {
          try (InputStream in = System.in) {
            while (in.read() >= 0) {
              // the parent never writes; EOF means it closed the pipe or died
            }
          } catch (IOException e) {
            // treat as EOF
          }
          server.shutdown();
        }, "bench-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
      }
      server.awaitShutdown();
      return 0;
    } catch (IOException e) {
      out.println("bench: cannot start the simulator control server: " + e);
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }
}
