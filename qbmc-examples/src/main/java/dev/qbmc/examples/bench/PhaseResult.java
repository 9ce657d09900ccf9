package dev.qbmc.examples.bench;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The measurements of one benchmark phase. Calls come from the simulators' request logs (every HTTP
 * request received, {@code "METHOD template"}; operations run inside a Mailchimp batch are listed
 * apart, they are not calls) and, for qbmc syncs, from the sync report. The CPU time is this
 * process's (the sync's own when the simulators run in a child JVM); the API times are those of
 * qbmc syncs (null for the per-record baseline).
 */
record PhaseResult(
    String name,
    String mode,
    String outcome,
    Duration wall,
    long recordsRead,
    long recordsWritten,
    long skipped,
    long failures,
    Map<String, Long> qboCalls,
    Map<String, Long> mailchimpCalls,
    Map<String, Long> mailchimpBatchOperations,
    Map<String, Long> reportCalls,
    CallBudget budget,
    HeapSampler.Peak heap,
    long simulatorHeapBytes,
    long cpuNanos,
    ApiTimes.Phase apiTimes) {

  static final String BATCH_PREFIX = "BATCH:";

  static Map<String, Long> httpCalls(Map<String, Long> mailchimpLog) {
    Map<String, Long> calls = new TreeMap<>();
    mailchimpLog.forEach((k, v) -> {
      if (!k.startsWith(BATCH_PREFIX)) {
        calls.put(k, v);
      }
    });
    return calls;
  }

  static Map<String, Long> batchOperations(Map<String, Long> mailchimpLog) {
    Map<String, Long> ops = new TreeMap<>();
    mailchimpLog.forEach((k, v) -> {
      if (k.startsWith(BATCH_PREFIX)) {
        ops.put(k.substring(BATCH_PREFIX.length()), v);
      }
    });
    return ops;
  }

  long qboTotal() {
    return sum(qboCalls);
  }

  long mailchimpTotal() {
    return sum(mailchimpCalls);
  }

  long totalCalls() {
    return qboTotal() + mailchimpTotal();
  }

  /** Mailchimp requests other than GET (writes, batch submits). */
  long mailchimpWrites() {
    return mailchimpCalls.entrySet().stream().filter(e -> !e.getKey().startsWith("GET ")).mapToLong(Map.Entry::getValue)
        .sum();
  }

  /**
   * Mailchimp write operations: direct writes (anything but GET, batch submits and the store's
   * {@code is_syncing} flag) plus the operations run inside batches.
   */
  long mailchimpWriteOperations() {
    long direct = mailchimpCalls.entrySet().stream()
        .filter(e -> !e.getKey().startsWith("GET ") && !e.getKey().equals("POST /3.0/batches")
            && !e.getKey().equals("PATCH /3.0/ecommerce/stores/{store_id}"))
        .mapToLong(Map.Entry::getValue).sum();
    return direct + sum(mailchimpBatchOperations);
  }

  /** This process's CPU time per 100,000 records read, in seconds. */
  double cpuSecondsPer100k() {
    return recordsRead == 0 ? 0 : cpuNanos / 1e9 * 100_000 / recordsRead;
  }

  double recordsPerSecond() {
    double seconds = wall.toNanos() / 1e9;
    return seconds == 0 ? 0 : recordsRead / seconds;
  }

  private static long sum(Map<String, Long> calls) {
    return calls.values().stream().mapToLong(Long::longValue).sum();
  }
}
