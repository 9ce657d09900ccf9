package dev.qbmc.core;

import dev.qbmc.core.model.Provider;


/**
 * Connecting was refused because a credential did not work: QuickBooks did not return the company
 * profile, or Mailchimp did not answer {@code GET /}. Nothing was stored. The cause carries the
 * client's typed exception; no secret appears in any message.
 */
public final class CredentialsRejectedException extends QbmcException {
  private static final long serialVersionUID = 1L;

  private final Provider provider;

  /**
   * Creates the exception.
   *
   * @param provider the API whose credential was rejected
   * @param cause the client's exception
   */
  public CredentialsRejectedException(Provider provider, RuntimeException cause) {
    super(provider + " credentials were rejected: " + cause.getMessage(), cause);
    this.provider = provider;
  }

  /**
   * The API whose credential was rejected.
   *
   * @return the provider
   */
  public Provider provider() {
    return provider;
  }
}
