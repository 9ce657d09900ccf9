package dev.qbmc.mailchimp;

/**
 * Observes every HTTP attempt the client makes (for metrics and logs). Events carry the method, the path
 * template, the status, the attempt number and the duration; never a credential, a body or a concrete path
 * (which may contain a subscriber hash). Called on the calling thread; an exception thrown here is logged
 * and ignored.
 */
@FunctionalInterface
public interface RequestListener {
  /**
   * Called after each attempt.
   *
   * @param event what happened
   */
  void onAttempt(RequestEvent event);

  /**
   * A listener that does nothing.
   *
   * @return the no-op listener
   */
  static RequestListener none() {
    return e -> {};
  }
}
