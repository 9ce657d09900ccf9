package dev.qbmc.quickbooks;

import java.net.URI;

/** The two Intuit hosts. Sandbox companies only work against {@link #SANDBOX}. */
public enum QuickBooksEnvironment {
  /** Live companies: {@code https://quickbooks.api.intuit.com}. */
  PRODUCTION("https://quickbooks.api.intuit.com"),
  /** Sandbox companies: {@code https://sandbox-quickbooks.api.intuit.com}. */
  SANDBOX("https://sandbox-quickbooks.api.intuit.com");

  private final URI baseUri;

  QuickBooksEnvironment(String baseUri) {
    this.baseUri = URI.create(baseUri);
  }

  /**
   * The API base URI (without {@code /v3}).
   *
   * @return the base URI
   */
  public URI baseUri() {
    return baseUri;
  }
}
