package dev.qbmc.mailchimp;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Caps the simultaneous requests to Mailchimp, whose limit is 10 connections per user (not per key or
 * client). Every {@link MailchimpClient} of one Mailchimp account should share one limiter: create it once
 * with {@link #mailchimpDefault()} and pass the same instance to each client builder. There is no global
 * registry. Thread-safe; fair, so waiting callers are served in order.
 */
public final class ConnectionLimiter {
  /** Mailchimp's documented maximum of simultaneous connections per user. */
  public static final int MAILCHIMP_MAX_CONNECTIONS = 10;

  private final int maxConnections;
  private final Semaphore permits;

  private ConnectionLimiter(int maxConnections) {
    this.maxConnections = maxConnections;
    this.permits = new Semaphore(maxConnections, true);
  }

  /**
   * A new limiter allowing Mailchimp's 10 simultaneous connections.
   *
   * @return a new limiter; share it between the clients of one account
   */
  public static ConnectionLimiter mailchimpDefault() {
    return new ConnectionLimiter(MAILCHIMP_MAX_CONNECTIONS);
  }

  /**
   * A new limiter with the given maximum.
   *
   * @param maxConnections the simultaneous requests allowed, 1 to 10
   * @return a new limiter
   * @throws IllegalArgumentException if the maximum is outside 1 to 10
   */
  public static ConnectionLimiter of(int maxConnections) {
    if (maxConnections < 1 || maxConnections > MAILCHIMP_MAX_CONNECTIONS) {
      throw new IllegalArgumentException(
          "maxConnections must be 1 to " + MAILCHIMP_MAX_CONNECTIONS + ", not " + maxConnections);
    }
    return new ConnectionLimiter(maxConnections);
  }

  /**
   * The maximum number of simultaneous requests.
   *
   * @return the maximum
   */
  public int maxConnections() {
    return maxConnections;
  }

  /**
   * The number of requests holding a connection slot now.
   *
   * @return the slots in use
   */
  public int inUse() {
    return maxConnections - permits.availablePermits();
  }

  boolean tryAcquire(Duration timeout) throws InterruptedException {
    return permits.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  void release() {
    permits.release();
  }

  @Override
  public String toString() {
    return "ConnectionLimiter{max=" + maxConnections + ", inUse=" + inUse() + "}";
  }
}
