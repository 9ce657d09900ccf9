package dev.qbmc.core.bench;

import dev.qbmc.core.model.ConnectionStatus;
import dev.qbmc.core.model.MarketingStatus;
import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.RecordState;
import dev.qbmc.core.spi.Checkpoint;
import dev.qbmc.core.spi.Connection;
import dev.qbmc.core.spi.Lease;
import dev.qbmc.core.spi.SyncStateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The record states the store benchmarks write, and their percentile arithmetic. */
final class StateBenchData {

  /** States per checkpoint. */
  static final int CHUNK = 1_000;
  /** The connection the benchmarks write. */
  static final String CONNECTION = "bench";

  private static final Instant T0 = Instant.parse("2026-11-27T01:00:00Z");

  private StateBenchData() {}

  /**
   * Saves the benchmark's connection (CONNECTED) and takes its lease for the run.
   *
   * @param store the store
   * @return the lease that fences the benchmark's commits
   */
  static Lease connect(SyncStateStore store) {
    store.saveConnection(
        Connection.builder()
            .connectionId(CONNECTION)
            .realmId("bench-realm")
            .audienceId("bench-list")
            .storeId("qbo-bench-realm")
            .marketingStatus(MarketingStatus.UNSUBSCRIBED)
            .homeCurrency("USD")
            .status(ConnectionStatus.CONNECTED)
            .createdAt(T0)
            .updatedAt(T0)
            .build());
    return store.tryAcquireLease(CONNECTION, "bench", Duration.ofHours(1), T0).orElseThrow();
  }

  /**
   * Commits, failing the benchmark when the store refuses.
   *
   * @param store the store
   * @param lease the benchmark's lease
   * @param checkpoint what to write
   */
  static void commit(SyncStateStore store, Lease lease, Checkpoint checkpoint) {
    if (!store.commit(lease, checkpoint)) {
      throw new IllegalStateException("the benchmark lost its lease");
    }
  }

  /**
   * The kind of state number {@code i}: 40% invoices, 20% each customers, contacts, receipts.
   *
   * @param i the number
   * @return the kind
   */
  static RecordKind kind(int i) {
    return switch (i % 5) {
      case 0, 1 -> RecordKind.INVOICE;
      case 2 -> RecordKind.CUSTOMER;
      case 3 -> RecordKind.CONTACT;
      default -> RecordKind.SALES_RECEIPT;
    };
  }

  /**
   * The key of state number {@code i}.
   *
   * @param i the number
   * @return the key
   */
  static RecordKey key(int i) {
    return RecordKey.of(kind(i), "id-" + i);
  }

  /**
   * {@link #CHUNK} states from number {@code from}; a new generation changes every fingerprint.
   *
   * @param from the first number
   * @param generation 0 for the first write
   * @return the states
   */
  static List<RecordState> chunk(int from, int generation) {
    List<RecordState> out = new ArrayList<>(CHUNK);
    for (int i = from; i < from + CHUNK; i++) {
      RecordKind kind = kind(i);
      String fingerprint = hex64(i * 31L + generation);
      String mailchimpId = kind == RecordKind.INVOICE ? "invoice-" + i : hex64(i).substring(0, 32);
      out.add(RecordState.of(key(i), fingerprint, mailchimpId));
    }
    return out;
  }

  /** A deterministic 64-hex-digit string (the size of a SHA-256 fingerprint). */
  static String hex64(long seed) {
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

  /**
   * A percentile of durations.
   *
   * @param nanos the durations
   * @param p the percentile (100 = max)
   * @return milliseconds
   */
  static double pct(long[] nanos, int p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int idx = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
    return sorted[Math.max(idx, 0)] / 1e6;
  }
}
