package dev.qbmc.quickbooks;

/**
 * Observes every HTTP attempt the client makes, for metrics and tracing. Called synchronously on the
 * calling thread after each attempt; must be fast, thread-safe and must not throw (exceptions are
 * caught and logged at DEBUG).
 */
@FunctionalInterface
public interface RequestListener {

  /**
   * One attempt finished.
   *
   * @param event what happened
   */
  void onAttempt(RequestEvent event);

  /**
   * A listener that does nothing.
   *
   * @return the no-op listener
   */
  static RequestListener noop() {
    return event -> {};
  }
}
