package dev.qbmc.examples.bench;

import dev.qbmc.core.model.QboEntity;
import dev.qbmc.core.report.ApiCallCount;
import dev.qbmc.core.report.EntityCounts;
import dev.qbmc.core.report.SyncReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
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
 * (see {@link CallBudget}), this process's CPU time per 100,000 records, and the share of the wall
 * time during which requests to each API were in flight (see {@link ApiTimes}); as tables, or as
 * JSON with {@code --json}. {@code --help} lists the options. The simulators run in a child JVM
 * (its heap: {@code --simulators-heap}), so that the CPU time and the peak heap measured are the
 * sync's own; {@code --in-process-simulators} keeps them in this JVM.
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
      ApiTimes times = new ApiTimes();
      try (Simulators sims = open(options, options.size)) {
        results.mainRun(measureMainRun(sims, options, chunk, results, times));
      }
      if (!options.skipBaseline) {
        SimSettings comparison = options.simSettings(options.baselineSize);
        try (Simulators sims = open(options, options.baselineSize)) {
          results.batched(initialOnly(sims, options, chunk, comparison, times));
        }
        try (Simulators sims = open(options, options.baselineSize)) {
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

  /**
   * The simulators for a company: in a child JVM unless {@code --in-process-simulators} (or
   * already started, {@code --simulators URL}, for the measured company only).
   */
  private static Simulators open(BenchOptions options, CompanySize company) {
    if (options.simulatorsUrl != null && company == options.size) {
      return RemoteSimulators.connect(options.simulatorsUrl);
    }
    if (options.inProcessSimulators) {
      return new LocalSimulators(options.simSettings(company));
    }
    return RemoteSimulators.spawn(options.simulatorArgs(company), options.simulatorsHeap(company));
  }

  private static List<PhaseResult> measureMainRun(Simulators sims, BenchOptions options, int chunk,
      BenchResults results, ApiTimes times) {
    SimSettings limits = options.simSettings(options.size);
    List<PhaseResult> phases = new ArrayList<>();
    try (BenchedQbmc bench = new BenchedQbmc(sims, options, chunk, times)) {
      results.store(bench.storeDescription());
      phases.add(measure("initial", sims, times, () -> bench.qbmc.sync(BenchedQbmc.CONNECTION),
          w -> CallBudget.fullRead(options.size, w, chunk, true, limits)));
      Mutation mutation = sims.mutate();
      results.mutation(mutation);
      phases.add(measure("changed-1%", sims, times, () -> bench.qbmc.sync(BenchedQbmc.CONNECTION),
          w -> CallBudget.incremental(mutation, w, chunk, limits)));
      phases.add(measure("unchanged", sims, times, () -> bench.qbmc.sync(BenchedQbmc.CONNECTION),
          w -> CallBudget.incremental(new Mutation(0, 0, 0), w, chunk, limits)));
    }
    return phases;
  }

  private static PhaseResult initialOnly(Simulators sims, BenchOptions options, int chunk, SimSettings limits,
      ApiTimes times) {
    try (BenchedQbmc bench = new BenchedQbmc(sims, options, chunk, times)) {
      return measure("qbmc initial", sims, times, () -> bench.qbmc.sync(BenchedQbmc.CONNECTION),
          w -> CallBudget.fullRead(limits.size(), w, chunk, true, limits));
    }
  }

  private static PhaseResult measure(String name, Simulators sims, ApiTimes times, Supplier<SyncReport> sync,
      Function<CallBudget.Written, CallBudget> budget) {
    System.gc();
    sims.resetCalls();
    times.reset();
    System.err.println("bench: " + name + " sync starts");
    HeapSampler sampler = new HeapSampler();
    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    SyncReport report;
    try {
      report = sync.get();
    } finally {
      sampler.close();
    }
    long end = System.nanoTime();
    long cpu = processCpuNanos() - cpuStart;
    long nanos = end - start;
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
        budget.apply(written), heap, sims.simulatorHeapUsed(), cpu, times.phase(start, end));
  }

  /** CPU time of this process (all its threads, garbage collection included), or -1 when unknown. */
  static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  private static long writes(EntityCounts counts) {
    return counts.created() + counts.updated() + counts.deleted();
  }

  private static PhaseResult baseline(Simulators sims, SimSettings limits) {
    System.gc();
    sims.resetCalls();
    System.err.println("bench: per-record baseline starts");
    HeapSampler sampler = new HeapSampler();
    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    PerRecordBaseline.Counts counts;
    try {
      counts = new PerRecordBaseline(sims.info(), sims.mintRefreshToken(), limits).run();
    } finally {
      sampler.close();
    }
    long nanos = System.nanoTime() - start;
    long cpu = processCpuNanos() - cpuStart;
    HeapSampler.Peak heap = sampler.stop();
    Map<String, Long> mailchimpLog = sims.mailchimpCalls();
    return new PhaseResult("per-record baseline", "FULL", counts.failed() == 0 ? "SUCCEEDED" : "FAILURES",
        java.time.Duration.ofNanos(nanos), counts.read(), counts.written(), counts.skipped(), counts.failed(),
        sims.qboCalls(), PhaseResult.httpCalls(mailchimpLog), PhaseResult.batchOperations(mailchimpLog), Map.of(),
        null, heap, sims.simulatorHeapUsed(), cpu, null);
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
