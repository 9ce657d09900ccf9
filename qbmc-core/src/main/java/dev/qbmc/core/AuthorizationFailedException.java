package dev.qbmc.core;

import dev.qbmc.core.model.Provider;
import java.util.Objects;

/**
 * An OAuth redirect was refused: the user did not grant access, the {@code state} is missing,
 * expired or was issued for another connection, or the redirect lacks a parameter the provider
 * always sends. Nothing was stored; start the authorization again.
 */
public final class AuthorizationFailedException extends QbmcException {
  private static final long serialVersionUID = 1L;

  private final Provider provider;

  /**
   * Creates the exception.
   *
   * @param provider whose authorization failed
   * @param message what was wrong with the redirect, without secrets
   */
  public AuthorizationFailedException(Provider provider, String message) {
    super(message);
    this.provider = Objects.requireNonNull(provider, "provider");
  }

  /**
   * Whose authorization failed.
   *
   * @return the provider
   */
  public Provider provider() {
    return provider;
  }
}
