package dev.qbmc.core.bench;

import static dev.qbmc.core.bench.StateBenchData.CHUNK;
import static dev.qbmc.core.bench.StateBenchData.CONNECTION;
import static dev.qbmc.core.bench.StateBenchData.chunk;
import static dev.qbmc.core.bench.StateBenchData.commit;
import static dev.qbmc.core.bench.StateBenchData.connect;
import static dev.qbmc.core.bench.StateBenchData.kind;
import static dev.qbmc.core.bench.StateBenchData.pct;

import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.RecordState;
import dev.qbmc.core.spi.Checkpoint;
import dev.qbmc.core.spi.Lease;
import dev.qbmc.core.store.FileStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Measures the file store at 1,000,000 record states (not a test; run by hand):
 *
 * <pre>
 * mvn -B -ntp -o -q test-compile -pl qbmc-core -am
 * java -Xmx1g -cp qbmc-core/target/test-classes:qbmc-core/target/classes:$(deps) \
 *     dev.qbmc.core.bench.FileStoreBenchmark [states] [fsync:true|false] [dir]
 * </pre>
 *
 * Puts the states in checkpoints of 1,000 (one journal frame each), then makes 200 checkpoints of
 * 1,000 changed states, closes, reopens, and reports throughput, checkpoint times, file sizes,
 * reopen time and peak heap.
 */
public final class FileStoreBenchmark {

  private static long peakHeap;

  private FileStoreBenchmark() {}

  private static void sampleHeap() {
    Runtime rt = Runtime.getRuntime();
    peakHeap = Math.max(peakHeap, rt.totalMemory() - rt.freeMemory());
  }

  /**
   * Runs the benchmark.
   *
   * @param args [number of states (default 1,000,000)] [fsync (default true)] [folder]
   * @throws IOException if the folder cannot be used
   */
  public static void main(String[] args) throws IOException {
    int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    boolean fsync = args.length > 1 ? Boolean.parseBoolean(args[1]) : true;
    Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("qbmc-bench");
    System.out.printf(Locale.ROOT, "FileStoreBenchmark: %,d states, fsync=%s, folder %s, %d CPUs, Java %s%n",
        total, fsync, dir, Runtime.getRuntime().availableProcessors(), Runtime.version());

    long[] fillTimes;
    long fillNanos;
    try (FileStore store = FileStore.builder().directory(dir).fsync(fsync).build()) {
      Lease lease = connect(store);
      fillTimes = new long[total / CHUNK];
      long start = System.nanoTime();
      for (int c = 0; c < total / CHUNK; c++) {
        List<RecordState> chunk = chunk(c * CHUNK, 0);
        long t0 = System.nanoTime();
        commit(store, lease, Checkpoint.builder().addAllPuts(chunk).build());
        fillTimes[c] = System.nanoTime() - t0;
        sampleHeap();
      }
      fillNanos = System.nanoTime() - start;
      System.out.printf(Locale.ROOT, "fill: %,d states in %.2f s = %,.0f states/s; per 1,000-state checkpoint median %.2f ms, p99 %.2f ms, max %.2f ms%n",
          total, fillNanos / 1e9, total / (fillNanos / 1e9), pct(fillTimes, 50), pct(fillTimes, 99), pct(fillTimes, 100));
      sizes(dir, "after fill");

      int rounds = 200;
      long[] cp = new long[rounds];
      for (int r = 0; r < rounds; r++) {
        int base = (int) ((long) r * 4_999 * CHUNK % Math.max(total - CHUNK, 1));
        List<RecordState> changed = chunk(base, r + 1);
        long t0 = System.nanoTime();
        commit(store, lease, Checkpoint.builder().addAllPuts(changed).build());
        cp[r] = System.nanoTime() - t0;
        sampleHeap();
      }
      System.out.printf(Locale.ROOT, "checkpoint of 1,000 changed states (x%d, store holds %,d): median %.2f ms, p99 %.2f ms, max %.2f ms%n",
          rounds, total, pct(cp, 50), pct(cp, 99), pct(cp, 100));
      sizes(dir, "after checkpoints");
    }

    long t0 = System.nanoTime();
    try (FileStore store = FileStore.open(dir)) {
      long n = 0;
      for (RecordKind k : RecordKind.values()) {
        n += store.countStates(CONNECTION, k);
      }
      long reopen = System.nanoTime() - t0;
      System.out.printf(Locale.ROOT, "reopen and load %,d states: %.2f s%n", n, reopen / 1e9);
      long getNanos = 0;
      int found = 0;
      for (int round = 0; round < 20; round++) { // the last of 20 rounds: warmed up
        List<RecordKey> keys = new ArrayList<>();
        for (int i = 0; i < CHUNK; i++) {
          int id = (int) (((long) i * 997 + round * 7919L) % total);
          keys.add(RecordKey.of(kind(id), "id-" + id));
        }
        long g0 = System.nanoTime();
        found = store.states(CONNECTION, keys).size();
        getNanos = System.nanoTime() - g0;
      }
      sampleHeap();
      System.gc();
      Runtime rt = Runtime.getRuntime();
      System.out.printf(Locale.ROOT, "heap live after GC with %,d states loaded: %,d MiB%n", n,
          (rt.totalMemory() - rt.freeMemory()) >> 20);
      System.out.printf(Locale.ROOT, "get 1,000 states by key (warm): %.2f ms (%d found)%n", getNanos / 1e6, found);
    }
    sampleHeap();
    System.out.printf(Locale.ROOT, "peak heap used (sampled after every checkpoint): %,d MiB; max heap %,d MiB%n",
        peakHeap >> 20, Runtime.getRuntime().maxMemory() >> 20);
  }

  private static void sizes(Path dir, String when) throws IOException {
    Path c = dir.resolve("connections").resolve(CONNECTION);
    long journal = Files.exists(c.resolve("states.journal")) ? Files.size(c.resolve("states.journal")) : 0;
    long snapshot = Files.exists(c.resolve("states.snapshot")) ? Files.size(c.resolve("states.snapshot")) : 0;
    long all;
    try (Stream<Path> files = Files.walk(dir)) {
      all = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    System.out.printf(Locale.ROOT, "%s: journal %,d bytes, snapshot %,d bytes, folder %,d bytes%n",
        when, journal, snapshot, all);
  }
}
