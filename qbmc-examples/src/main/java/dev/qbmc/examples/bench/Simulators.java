package dev.qbmc.examples.bench;

import java.util.Map;

/**
 * Both simulators of one run, in this process ({@link LocalSimulators}) or in another JVM
 * ({@link RemoteSimulators}, started with {@code --simulators-only}), so that the sync can be
 * measured with a small heap while the Mailchimp simulator holds a million orders.
 */
interface Simulators extends AutoCloseable {

  /** Where they listen. */
  SimInfo info();

  /** A fresh QBO refresh token for the simulated realm. */
  String mintRefreshToken();

  /** Requests received per {@code "METHOD template"} since the last reset, QBO simulator. */
  Map<String, Long> qboCalls();

  /** Requests received per {@code "METHOD template"} since the last reset, Mailchimp simulator. */
  Map<String, Long> mailchimpCalls();

  /** Starts a new measurement. */
  void resetCalls();

  /**
   * Changes 1% of the customers (every id {@code % 100 == 50}: family name) and of the invoices and
   * sales receipts (same ids: date moved one day, invoices paid).
   */
  Mutation mutate();

  /** Heap used by the JVM that runs the simulators, in bytes (the current value). */
  long simulatorHeapUsed();

  @Override
  void close();
}
