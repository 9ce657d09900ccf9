package dev.qbmc.core.bench;

import static dev.qbmc.core.bench.StateBenchData.CHUNK;
import static dev.qbmc.core.bench.StateBenchData.CONNECTION;
import static dev.qbmc.core.bench.StateBenchData.chunk;
import static dev.qbmc.core.bench.StateBenchData.commit;
import static dev.qbmc.core.bench.StateBenchData.connect;
import static dev.qbmc.core.bench.StateBenchData.key;
import static dev.qbmc.core.bench.StateBenchData.pct;

import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.RecordState;
import dev.qbmc.core.spi.Checkpoint;
import dev.qbmc.core.spi.Lease;
import dev.qbmc.core.store.JdbcStore;
import dev.qbmc.core.testing.TestDatabase;
import dev.qbmc.core.testing.TestPostgres;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Measures {@link JdbcStore} at 1,000,000 record states on a PostgreSQL of its own (not a test; run
 * by hand, see the README's "Choosing a store"):
 *
 * <pre>
 * mvn -B -ntp -q test-compile dependency:build-classpath -pl qbmc-core -am \
 *     -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -Xmx1g -cp qbmc-core/target/test-classes:qbmc-core/target/classes:$(cat /tmp/cp.txt) \
 *     dev.qbmc.core.bench.JdbcStoreBenchmark [states] [durable:true|false]
 * </pre>
 *
 * Starts a throwaway server from the embedded binaries (durable by default: every commit flushed
 * to disk, PostgreSQL's defaults), connects through a connection-reusing data source (as a host's
 * pool would), fills the store with fenced commits of 1,000 states, makes 200 commits of 1,000
 * changed states, reads 5,000 keys of mixed kinds 20 times, streams one kind, and reports
 * throughput, latencies, table size per state and peak heap.
 */
public final class JdbcStoreBenchmark {

  private JdbcStoreBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args [number of states (default 1,000,000)] [durable (default true)]
   * @throws SQLException if a size query fails
   */
  public static void main(String[] args) throws SQLException {
    int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    boolean durable = args.length > 1 ? Boolean.parseBoolean(args[1]) : true;
    long s0 = System.nanoTime();
    TestPostgres server = TestPostgres.startPrivate(durable);
    System.out.printf(Locale.ROOT, "JdbcStoreBenchmark: %,d states, PostgreSQL %s (%s, started in %.1f s), %d CPUs, Java %s%n",
        total, server.version(), durable ? "durable: fsync on" : "fsync off", (System.nanoTime() - s0) / 1e9,
        Runtime.getRuntime().availableProcessors(), Runtime.version());
    try (TestDatabase db = server.createDatabase("bench")) {
      run(db.dataSource(), total);
    } finally {
      server.stop();
    }
  }

  private static void run(DataSource ds, int total) throws SQLException {
    long o0 = System.nanoTime();
    JdbcStore store = JdbcStore.builder().dataSource(ds).build();
    System.out.printf(Locale.ROOT, "open with migration: %.1f ms%n", (System.nanoTime() - o0) / 1e6);
    Lease lease = connect(store);
    HeapSampler heap = new HeapSampler();

    long[] fill = new long[total / CHUNK];
    long start = System.nanoTime();
    for (int c = 0; c < fill.length; c++) {
      Checkpoint checkpoint = Checkpoint.builder().addAllPuts(chunk(c * CHUNK, 0)).build();
      long t0 = System.nanoTime();
      commit(store, lease, checkpoint);
      fill[c] = System.nanoTime() - t0;
      heap.sample();
    }
    double fillSeconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "fill: %,d states in %.1f s = %,.0f states/s; per 1,000-state commit median %.1f ms, p99 %.1f ms%n",
        total, fillSeconds, total / fillSeconds, pct(fill, 50), pct(fill, 99));
    long filled = tableBytes(ds);
    System.out.printf(Locale.ROOT, "record_states after the fill (table + primary key): %,d MiB = %.0f bytes per state%n",
        filled >> 20, (double) filled / total);

    int rounds = 200;
    long[] cp = new long[rounds];
    for (int r = 0; r < rounds; r++) {
      int base = (int) ((long) r * 4_999 * CHUNK % Math.max(total - CHUNK, 1));
      Checkpoint checkpoint = Checkpoint.builder().addAllPuts(chunk(base, r + 1)).build();
      long t0 = System.nanoTime();
      commit(store, lease, checkpoint);
      cp[r] = System.nanoTime() - t0;
      heap.sample();
    }
    System.out.printf(Locale.ROOT, "commit of 1,000 changed states (x%d, store holds %,d): median %.1f ms, p99 %.1f ms, max %.1f ms%n",
        rounds, total, pct(cp, 50), pct(cp, 99), pct(cp, 100));

    int readRounds = 20;
    long[] reads = new long[readRounds];
    int found = 0;
    for (int round = 0; round < readRounds; round++) {
      List<RecordKey> keys = new ArrayList<>();
      for (int i = 0; i < 5 * CHUNK; i++) {
        keys.add(key((int) (((long) i * 997 + round * 7919L) % total)));
      }
      long t0 = System.nanoTime();
      found = store.states(CONNECTION, keys).size();
      reads[round] = System.nanoTime() - t0;
      heap.sample();
    }
    System.out.printf(Locale.ROOT, "read 5,000 keys of mixed kinds (x%d): median %.1f ms, p99 %.1f ms (%,d found)%n",
        readRounds, pct(reads, 50), pct(reads, 99), found);

    long t0 = System.nanoTime();
    long streamed;
    try (Stream<RecordState> states = store.streamStates(CONNECTION, RecordKind.INVOICE)) {
      streamed = states.count();
    }
    double streamSeconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "stream %,d invoice states: %.2f s = %,.0f states/s%n",
        streamed, streamSeconds, streamed / streamSeconds);

    long r0 = System.nanoTime();
    JdbcStore.builder().dataSource(ds).build().countStates(CONNECTION, RecordKind.CUSTOMER);
    System.out.printf(Locale.ROOT, "reopen (schema already current) and count one kind: %.1f ms%n", (System.nanoTime() - r0) / 1e6);

    long bytes = tableBytes(ds);
    System.out.printf(Locale.ROOT, "record_states at the end (dead row versions of the updates not yet vacuumed): %,d MiB%n",
        bytes >> 20);
    System.out.printf(Locale.ROOT, "peak client heap used (sampled after every call): %,d MiB; max heap %,d MiB%n",
        heap.peak() >> 20, Runtime.getRuntime().maxMemory() >> 20);
  }

  private static long tableBytes(DataSource ds) throws SQLException {
    try (java.sql.Connection c = ds.getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT pg_total_relation_size('qbmc_record_states')")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The largest heap use seen. */
  private static final class HeapSampler {
    private long peak;

    void sample() {
      Runtime rt = Runtime.getRuntime();
      peak = Math.max(peak, rt.totalMemory() - rt.freeMemory());
    }

    long peak() {
      return peak;
    }
  }
}
