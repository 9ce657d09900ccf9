package dev.qbmc.core.internal.service;

import java.time.Duration;

/**
 * How a sync batches its work.
 *
 * @param chunkSize QBO records mapped, planned, written and committed together; a crash loses at
 *     most one chunk's bookkeeping
 * @param directWriteLimit e-commerce writes of one wave up to this many are sent call by call,
 *     larger waves go to {@code /batches}
 * @param batchTimeout the longest wait for one {@code /batches} request to finish
 * @param leaseTtl how long the connection's lease lasts without renewal; a run's {@link Heartbeat}
 *     renews it every third of it
 */
public record SyncTuning(int chunkSize, int directWriteLimit, Duration batchTimeout, Duration leaseTtl) {

  /** The defaults: chunks of 5,000 records, up to 10 direct writes, 30 minutes per batch, 1 minute lease. */
  public static SyncTuning defaults() {
    return new SyncTuning(5_000, 10, Duration.ofMinutes(30), Duration.ofMinutes(1));
  }
}
