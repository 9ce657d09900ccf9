package dev.qbmc.core;

/**
 * Root of every exception thrown by qbmc core (connection state, configuration, sync). Unchecked; subtypes say what went
 * wrong (connection not found, already connected, sync already running, re-authorisation required, configuration).
 * Messages never contain a token or a secret.
 */
public class QbmcException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, without secrets
   */
  protected QbmcException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong, without secrets
   * @param cause the underlying failure
   */
  protected QbmcException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Whether repeating the same request later may succeed.
   *
   * @return true for throttling, server and transport failures
   */
  public boolean isRetryable() {
    return false;
  }
}
