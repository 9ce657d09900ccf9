package dev.qbmc.quickbooks;

/**
 * Observes every HTTP attempt the client makes, for metrics and tracing. Called synchronously on the
 * calling thread after each attempt; must be fast and thread-safe, and should not throw (an
 * exception is logged at WARNING and ignored). Same shape as {@code MailchimpRequestListener}.
 */
@FunctionalInterface
public interface QuickBooksRequestListener {

  /**
   * One attempt finished.
   *
   * @param event what happened
   */
  void onAttempt(QuickBooksRequestEvent event);

  /**
   * A listener that does nothing.
   *
   * @return the listener
   */
  static QuickBooksRequestListener none() {
    return event -> {};
  }
}
