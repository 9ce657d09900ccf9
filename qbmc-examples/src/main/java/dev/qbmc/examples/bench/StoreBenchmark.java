package dev.qbmc.examples.bench;

import dev.qbmc.core.model.ConnectionStatus;
import dev.qbmc.core.model.MarketingStatus;
import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.RecordState;
import dev.qbmc.core.spi.Checkpoint;
import dev.qbmc.core.spi.Connection;
import dev.qbmc.core.spi.Lease;
import dev.qbmc.core.spi.SyncStateStore;
import dev.qbmc.core.store.FileStore;
import dev.qbmc.core.store.InMemorySyncStateStore;
import dev.qbmc.core.store.JdbcStore;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Measures a state store with the states of a big company (not a test; a main program):
 *
 * <pre>
 * mvn -B -ntp -q test-compile dependency:build-classpath -pl qbmc-examples -am \
 *     -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -Xmx256m -cp qbmc-examples/target/classes:qbmc-core/target/classes:qbmc-core/target/test-classes:$(cat /tmp/cp.txt) \
 *     dev.qbmc.examples.bench.StoreBenchmark --store file|postgres|memory [--states 1100000] [--dir DIR]
 * </pre>
 *
 * Fills the store through fenced commits of 1,000 states (5 kinds, 64-character fingerprints),
 * then reads 1,000 states by key (20 times), commits 1,000 changed states (100 times), streams
 * one kind, closes and reopens it, and reports throughput, mean and p99 latencies, heap per state
 * (live heap after a full GC, less the heap before the fill), peak heap and disk bytes per state.
 * {@code postgres}: see {@link PostgresForBench}.
 */
public final class StoreBenchmark {

  private static final int CHUNK = 1_000;
  private static final String CONNECTION = "bench";
  private static final Instant T0 = Instant.parse("2026-11-27T01:00:00Z");

  private StoreBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args {@code --store file|postgres|memory}, {@code --states N}, {@code --dir DIR}
   * @throws Exception when the store cannot be set up
   */
  public static void main(String[] args) throws Exception {
    String kind = "file";
    int total = 1_100_000;
    Path dir = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--store" -> kind = args[i + 1];
        case "--states" -> total = Integer.parseInt(args[i + 1].replace("_", ""));
        case "--dir" -> dir = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    total = Math.max(CHUNK, total / CHUNK * CHUNK);
    run(kind, total, dir, System.out);
  }

  /** Opens the store of a kind; the second element closes what was opened. */
  private record Opened(Supplier<SyncStateStore> open, AutoCloseable cleanup, Supplier<Long> diskBytes) {}

  private static void run(String kind, int total, Path dir, PrintStream out) throws Exception {
    out.printf(Locale.ROOT, "StoreBenchmark: %s store, %,d states, max heap %,d MiB, %d CPUs, Java %s%n",
        kind, total, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
        Runtime.version());
    Opened opened = switch (kind) {
      case "file" -> file(dir == null ? Files.createTempDirectory("qbmc-store-bench") : dir);
      case "postgres" -> postgres(out);
      case "memory" -> memory();
      default -> throw new IllegalArgumentException("--store must be file, postgres or memory, was " + kind);
    };
    try (AutoCloseable cleanup = opened.cleanup()) {
      measure(opened, total, out);
    }
  }

  private static void measure(Opened opened, int total, PrintStream out) throws Exception {
    long baseline = liveHeap();
    HeapSampler sampler = new HeapSampler();
    SyncStateStore store = opened.open().get();
    Lease lease = connect(store);
    long[] fill = new long[total / CHUNK];
    long start = System.nanoTime();
    for (int c = 0; c < fill.length; c++) {
      Checkpoint checkpoint = Checkpoint.builder().addAllPuts(chunk(c * CHUNK, 0)).build();
      long t0 = System.nanoTime();
      commit(store, lease, checkpoint);
      fill[c] = System.nanoTime() - t0;
    }
    double fillSeconds = (System.nanoTime() - start) / 1e9;
    out.printf(Locale.ROOT, "fill: %,d states in %.1f s = %,.0f states/s (commit of 1,000 new: mean %.1f ms, p99 %.1f ms)%n",
        total, fillSeconds, total / fillSeconds, mean(fill), pct(fill, 99));
    long live = liveHeap();
    out.printf(Locale.ROOT, "heap per state after the fill: %.1f bytes (live heap after GC %,d MiB with %,d states, %,d MiB before)%n",
        (double) (live - baseline) / total, live >> 20, total, baseline >> 20);

    long[] reads = new long[20];
    int found = 0;
    for (int round = 0; round < reads.length; round++) {
      List<RecordKey> keys = new ArrayList<>(CHUNK);
      for (int i = 0; i < CHUNK; i++) {
        keys.add(key((int) (((long) i * 997 + round * 7919L) % total)));
      }
      long t0 = System.nanoTime();
      found = store.states(CONNECTION, keys).size();
      reads[round] = System.nanoTime() - t0;
    }
    out.printf(Locale.ROOT, "read 1,000 states by key (x%d): mean %.1f ms, p99 %.1f ms (%,d found)%n",
        reads.length, mean(reads), pct(reads, 99), found);

    long[] commits = new long[100];
    for (int r = 0; r < commits.length; r++) {
      int base = (int) ((long) r * 4_999 * CHUNK % Math.max(total - CHUNK, 1));
      Checkpoint checkpoint = Checkpoint.builder().addAllPuts(chunk(base, r + 1)).build();
      long t0 = System.nanoTime();
      commit(store, lease, checkpoint);
      commits[r] = System.nanoTime() - t0;
    }
    out.printf(Locale.ROOT, "commit of 1,000 changed states (x%d, store holds %,d): mean %.1f ms, p99 %.1f ms%n",
        commits.length, total, mean(commits), pct(commits, 99));

    long s0 = System.nanoTime();
    long streamed;
    try (Stream<RecordState> states = store.streamStates(CONNECTION, RecordKind.INVOICE)) {
      streamed = states.filter(s -> !s.fingerprint().isEmpty()).count(); // reads every state
    }
    double streamSeconds = (System.nanoTime() - s0) / 1e9;
    out.printf(Locale.ROOT, "stream %,d invoice states: %.2f s = %,.0f states/s%n", streamed, streamSeconds,
        streamed / streamSeconds);
    close(store);

    long r0 = System.nanoTime();
    SyncStateStore reopened = opened.open().get();
    long count = 0;
    for (RecordKind k : RecordKind.values()) {
      count += reopened.countStates(CONNECTION, k);
    }
    out.printf(Locale.ROOT, "reopen and count %,d states: %.2f s%n", count, (System.nanoTime() - r0) / 1e9);
    long reopenedHeap = liveHeap();
    out.printf(Locale.ROOT, "heap per state after reopen (no compaction running): %.1f bytes (live heap %,d MiB)%n",
        (double) (reopenedHeap - baseline) / total, reopenedHeap >> 20);
    close(reopened);
    long disk = opened.diskBytes().get();
    out.printf(Locale.ROOT, "disk: %,d MiB = %.0f bytes per state%n", disk >> 20, (double) disk / total);
    HeapSampler.Peak peak = sampler.stop();
    out.printf(Locale.ROOT, "peak heap: %,d MiB (sum of heap pool peaks; sampled %,d MiB), max heap %,d MiB, %d GCs%n",
        peak.poolPeaksBytes() >> 20, peak.sampledBytes() >> 20, peak.maxHeapBytes() >> 20, peak.collections());
  }

  private static Opened file(Path dir) {
    return new Opened(() -> FileStore.open(dir), () -> { }, () -> folderBytes(dir));
  }

  private static Opened memory() {
    InMemorySyncStateStore store = new InMemorySyncStateStore();
    return new Opened(() -> store, () -> { }, () -> 0L);
  }

  private static Opened postgres(PrintStream out) {
    PostgresForBench pg = PostgresForBench.start(out);
    out.println(pg.description());
    DataSource source = pg.dataSource();
    return new Opened(() -> JdbcStore.builder().dataSource(source).build(), pg, () -> tableBytes(source));
  }

  private static long tableBytes(DataSource ds) {
    try (java.sql.Connection c = ds.getConnection();
        java.sql.Statement st = c.createStatement();
        java.sql.ResultSet rs = st.executeQuery("SELECT pg_total_relation_size('qbmc_record_states')")) {
      rs.next();
      return rs.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot read the table size", e);
    }
  }

  private static long folderBytes(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    } catch (IOException e) {
      throw new IllegalStateException("cannot measure " + dir, e);
    }
  }

  private static void close(SyncStateStore store) throws Exception {
    if (store instanceof AutoCloseable c) {
      c.close();
    }
  }

  private static long liveHeap() {
    for (int i = 0; i < 2; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static Lease connect(SyncStateStore store) {
    store.saveConnection(Connection.builder().connectionId(CONNECTION).realmId("bench-realm")
        .audienceId("bench-list").storeId("qbo-bench-realm").marketingStatus(MarketingStatus.UNSUBSCRIBED)
        .homeCurrency("USD").status(ConnectionStatus.CONNECTED).createdAt(T0).updatedAt(T0).build());
    return store.tryAcquireLease(CONNECTION, "bench", Duration.ofHours(1), T0).orElseThrow();
  }

  private static void commit(SyncStateStore store, Lease lease, Checkpoint checkpoint) {
    if (!store.commit(lease, checkpoint)) {
      throw new IllegalStateException("the benchmark lost its lease");
    }
  }

  /** 40% invoices, 20% each customers, contacts and sales receipts. */
  private static RecordKey key(int i) {
    RecordKind kind = switch (i % 5) {
      case 0, 1 -> RecordKind.INVOICE;
      case 2 -> RecordKind.CUSTOMER;
      case 3 -> RecordKind.CONTACT;
      default -> RecordKind.SALES_RECEIPT;
    };
    return RecordKey.of(kind, "id-" + i);
  }

  /** {@link #CHUNK} states from number {@code from}; a new generation changes every fingerprint. */
  private static List<RecordState> chunk(int from, int generation) {
    List<RecordState> out = new ArrayList<>(CHUNK);
    for (int i = from; i < from + CHUNK; i++) {
      RecordKey key = key(i);
      String mailchimpId = key.kind() == RecordKind.INVOICE ? "invoice-" + i : hex64(i).substring(0, 32);
      out.add(RecordState.of(key, hex64(i * 31L + generation), mailchimpId));
    }
    return out;
  }

  private static String hex64(long seed) {
    StringBuilder sb = new StringBuilder(64);
    long x = seed * 0x9E3779B97F4A7C15L + 1;
    for (int i = 0; i < 4; i++) {
      x ^= x >>> 33;
      x *= 0xff51afd7ed558ccdL;
      x ^= x >>> 33;
      String h = Long.toHexString(x);
      sb.append("0".repeat(16 - h.length())).append(h);
    }
    return sb.toString();
  }

  private static double mean(long[] nanos) {
    return Arrays.stream(nanos).average().orElse(0) / 1e6;
  }

  private static double pct(long[] nanos, int p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int idx = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
    return sorted[Math.max(idx, 0)] / 1e6;
  }
}
