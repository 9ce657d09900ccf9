package dev.qbmc.core.internal.service;

import java.time.Duration;

/**
 * How a sync batches its work, and how long its waits last.
 *
 * @param chunkSize QBO records mapped, planned, written and committed together; a crash loses at
 *     most the bookkeeping of the chunks in flight
 * @param directWriteLimit e-commerce writes of one wave up to this many are sent call by call,
 *     larger waves go to {@code /batches}
 * @param batchTimeout the longest wait for one {@code /batches} request to finish
 * @param leaseTtl how long the connection's lease lasts without renewal; a run's {@link Heartbeat}
 *     renews it every third of it
 * @param disconnectTimeout how long disconnect waits for a running sync to stop before it goes on
 *     without it (a sync asked to stop keeps its lease at most {@code batchTimeout} to finish the
 *     write in flight, then lets it expire)
 * @param batchesInFlight chunks whose Mailchimp writes may run at once (each at most one {@code
 *     /batches} request at a time); their states are committed in order
 */
public record SyncTuning(int chunkSize, int directWriteLimit, Duration batchTimeout, Duration leaseTtl,
    Duration disconnectTimeout, int batchesInFlight) {

  /** The default of {@link #batchesInFlight}. */
  public static final int DEFAULT_BATCHES_IN_FLIGHT = 4;

  /**
   * The tuning with the default number of batches in flight, {@value #DEFAULT_BATCHES_IN_FLIGHT}.
   *
   * @param chunkSize QBO records planned, written and committed together
   * @param directWriteLimit e-commerce writes of one wave sent call by call
   * @param batchTimeout the longest wait for one {@code /batches} request
   * @param leaseTtl how long the lease lasts without renewal
   * @param disconnectTimeout how long disconnect waits for a running sync to stop
   */
  public SyncTuning(
      int chunkSize, int directWriteLimit, Duration batchTimeout, Duration leaseTtl, Duration disconnectTimeout) {
    this(chunkSize, directWriteLimit, batchTimeout, leaseTtl, disconnectTimeout, DEFAULT_BATCHES_IN_FLIGHT);
  }

  /**
   * The tuning with the default disconnect timeout, {@link #defaultDisconnectTimeout}.
   *
   * @param chunkSize QBO records planned, written and committed together
   * @param directWriteLimit e-commerce writes of one wave sent call by call
   * @param batchTimeout the longest wait for one {@code /batches} request
   * @param leaseTtl how long the lease lasts without renewal
   */
  public SyncTuning(int chunkSize, int directWriteLimit, Duration batchTimeout, Duration leaseTtl) {
    this(chunkSize, directWriteLimit, batchTimeout, leaseTtl, defaultDisconnectTimeout(batchTimeout, leaseTtl));
  }

  /**
   * The default disconnect timeout: the batch timeout plus two lease TTLs (a sync notices a pause
   * within a third of the TTL, finishes its batch, and a hung one's lease expires one TTL later).
   *
   * @param batchTimeout the batch timeout
   * @param leaseTtl the lease TTL
   * @return the timeout
   */
  public static Duration defaultDisconnectTimeout(Duration batchTimeout, Duration leaseTtl) {
    return batchTimeout.plus(leaseTtl.multipliedBy(2));
  }

  /**
   * The defaults: chunks of 5,000 records, up to 10 direct writes, 30 minutes per batch, 1 minute
   * lease, 4 batches in flight.
   */
  public static SyncTuning defaults() {
    return new SyncTuning(5_000, 10, Duration.ofMinutes(30), Duration.ofMinutes(1));
  }
}
