package dev.qbmc.examples.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The command line of {@link SyncBenchmark}; see {@link #USAGE}. */
final class BenchOptions {
  static final String USAGE = String.join("\n",
      "usage: bench [options]",
      "  --customers N            customers of the measured company (default 1000)",
      "  --items N                items (default 50)",
      "  --invoices N             invoice ids (default 8000)",
      "  --receipts N             sales receipt ids (default 2000)",
      "  --latency-ms N           latency of every simulated API call (default 50)",
      "  --qbo-per-minute N       QBO requests per realm per minute (default 500)",
      "  --qbo-in-flight N        QBO requests in flight per realm (default 10)",
      "  --mailchimp-connections N  Mailchimp simultaneous connections (default 10)",
      "  --state-store file|memory|postgres  sync state store (default file, in a new temp directory;",
      "                           postgres: QBMC_STORE_URL, or a throwaway embedded server when the",
      "                           qbmc-core test jar is on the class path); --store is the same",
      "  --chunk-size N           QBO records per sync chunk (default: the services' 5000)",
      "  --batches-in-flight N    chunks whose Mailchimp writes run at once (default: the services' 4)",
      "  --batch-poll-cap-ms N    cap every wait of the Mailchimp client (batch status polls start after",
      "                           100 ms + 0.2 ms per operation) at N ms; default: no cap (the real one)",
      "  --skip-baseline          do not run the per-record comparison",
      "  --baseline-customers N   size of the side-by-side comparison (default 1000 customers,",
      "  --baseline-items N         50 items, 8000 invoices, 2000 receipts)",
      "  --baseline-invoices N",
      "  --baseline-receipts N",
      "  --simulators-heap SIZE   -Xmx of the simulators' child JVM (default: 1 GB, or 6 KB per record",
      "                           when that is more, e.g. 6.5 GB for 1.1M records)",
      "  --in-process-simulators  run the simulators in this JVM (by default they run in a child JVM, so",
      "                           that the CPU time and heap measured are the sync's own)",
      "  --simulators URL         use simulators already started with --simulators-only (give both",
      "                           the same size, latency and limit options)",
      "  --simulators-only        only start the simulators (for the size options) and print",
      "                           their control URL; stop with POST URL/shutdown",
      "  --json                   print the results as JSON instead of tables",
      "  --help                   this text");

  CompanySize size = new CompanySize(1000, 50, 8000, 2000);
  CompanySize baselineSize = new CompanySize(1000, 50, 8000, 2000);
  Duration latency = Duration.ofMillis(50);
  int qboPerMinute = 500;
  int qboInFlight = 10;
  int mailchimpConnections = 10;
  boolean memoryStore;
  boolean postgresStore;
  Integer chunkSize;
  Integer batchesInFlight;
  Long pollCapMillis;
  boolean skipBaseline;
  String simulatorsHeap;
  String simulatorsUrl;
  boolean simulatorsOnly;
  boolean inProcessSimulators;
  boolean exitOnStdinEof;
  boolean json;
  boolean help;

  static BenchOptions parse(List<String> args) {
    BenchOptions o = new BenchOptions();
    long[] main = {o.size.customers(), o.size.items(), o.size.invoices(), o.size.receipts()};
    long[] base = {o.baselineSize.customers(), o.baselineSize.items(), o.baselineSize.invoices(),
        o.baselineSize.receipts()};
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--customers" -> main[0] = number(args, ++i, arg);
        case "--items" -> main[1] = number(args, ++i, arg);
        case "--invoices" -> main[2] = number(args, ++i, arg);
        case "--receipts" -> main[3] = number(args, ++i, arg);
        case "--baseline-customers" -> base[0] = number(args, ++i, arg);
        case "--baseline-items" -> base[1] = number(args, ++i, arg);
        case "--baseline-invoices" -> base[2] = number(args, ++i, arg);
        case "--baseline-receipts" -> base[3] = number(args, ++i, arg);
        case "--latency-ms" -> o.latency = Duration.ofMillis(number(args, ++i, arg));
        case "--qbo-per-minute" -> o.qboPerMinute = positiveInt(args, ++i, arg);
        case "--qbo-in-flight" -> o.qboInFlight = positiveInt(args, ++i, arg);
        case "--mailchimp-connections" -> o.mailchimpConnections = positiveInt(args, ++i, arg);
        case "--chunk-size" -> o.chunkSize = positiveInt(args, ++i, arg);
        case "--batches-in-flight" -> o.batchesInFlight = positiveInt(args, ++i, arg);
        case "--batch-poll-cap-ms" -> o.pollCapMillis = number(args, ++i, arg);
        case "--state-store", "--store" -> {
          String kind = value(args, ++i, arg).toLowerCase(Locale.ROOT);
          if (!kind.equals("file") && !kind.equals("memory") && !kind.equals("postgres")) {
            throw new IllegalArgumentException(arg + " must be file, memory or postgres, was " + kind);
          }
          o.memoryStore = kind.equals("memory");
          o.postgresStore = kind.equals("postgres");
        }
        case "--skip-baseline" -> o.skipBaseline = true;
        case "--simulators-heap" -> o.simulatorsHeap = value(args, ++i, arg);
        case "--simulators" -> o.simulatorsUrl = value(args, ++i, arg);
        case "--simulators-only" -> o.simulatorsOnly = true;
        case "--in-process-simulators" -> o.inProcessSimulators = true;
        case "--exit-on-stdin-eof" -> o.exitOnStdinEof = true;
        case "--json" -> o.json = true;
        case "--help", "-h" -> o.help = true;
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    o.size = new CompanySize(main[0], main[1], main[2], main[3]);
    o.baselineSize = new CompanySize(base[0], base[1], base[2], base[3]);
    if (o.simulatorsHeap != null && o.simulatorsUrl != null) {
      throw new IllegalArgumentException("--simulators-heap and --simulators exclude each other");
    }
    if (o.inProcessSimulators && (o.simulatorsHeap != null || o.simulatorsUrl != null)) {
      throw new IllegalArgumentException("--in-process-simulators excludes --simulators-heap and --simulators");
    }
    return o;
  }

  SimSettings simSettings(CompanySize company) {
    return new SimSettings(company, latency, qboPerMinute, qboInFlight, mailchimpConnections);
  }

  /** The -Xmx of a child simulator JVM for a company: the option, else 1 GB or 6 KB per record. */
  String simulatorsHeap(CompanySize company) {
    if (simulatorsHeap != null) {
      return simulatorsHeap;
    }
    long mb = Math.max(1024, company.records() * 6 / 1024);
    return mb + "m";
  }

  /** The options a child simulator JVM needs to build the same simulators, for a company. */
  List<String> simulatorArgs(CompanySize size) {
    List<String> args = new ArrayList<>();
    args.add("--customers");
    args.add(Long.toString(size.customers()));
    args.add("--items");
    args.add(Long.toString(size.items()));
    args.add("--invoices");
    args.add(Long.toString(size.invoices()));
    args.add("--receipts");
    args.add(Long.toString(size.receipts()));
    args.add("--latency-ms");
    args.add(Long.toString(latency.toMillis()));
    args.add("--qbo-per-minute");
    args.add(Integer.toString(qboPerMinute));
    args.add("--qbo-in-flight");
    args.add(Integer.toString(qboInFlight));
    args.add("--mailchimp-connections");
    args.add(Integer.toString(mailchimpConnections));
    return args;
  }

  private static String value(List<String> args, int i, String option) {
    if (i >= args.size()) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args.get(i);
  }

  private static long number(List<String> args, int i, String option) {
    String v = value(args, i, option).replace("_", "").replace(",", "");
    try {
      long n = Long.parseLong(v);
      if (n < 0) {
        throw new IllegalArgumentException(option + " must not be negative");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a number, was " + v);
    }
  }

  private static int positiveInt(List<String> args, int i, String option) {
    long n = number(args, i, option);
    if (n < 1 || n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(option + " must be between 1 and " + Integer.MAX_VALUE);
    }
    return (int) n;
  }
}
