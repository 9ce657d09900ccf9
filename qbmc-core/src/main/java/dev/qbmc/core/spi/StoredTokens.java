package dev.qbmc.core.spi;

import dev.qbmc.core.internal.QbmcStyle;
import dev.qbmc.core.model.Provider;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The credentials of one connection for one {@link Provider}: an OAuth 2.0 access token (or a
 * Mailchimp API key) and, for QuickBooks, the rotating refresh token, with their expiry instants and
 * the metadata needed to call the API (QBO realm id; Mailchimp data centre and API endpoint).
 *
 * <p>The access and refresh tokens are redacted from {@link #toString()}.
 */
@Value.Immutable
@QbmcStyle
public abstract class StoredTokens {

  StoredTokens() {}

  /**
   * The access token (QBO OAuth 2.0 bearer token, Mailchimp OAuth 2.0 token or API key).
   *
   * @return the secret; never blank
   */
  @Value.Redacted
  public abstract String accessToken();

  /**
   * The refresh token. QuickBooks rotates it on every refresh; Mailchimp tokens and API keys have
   * none.
   *
   * @return the secret, or empty
   */
  @Value.Redacted
  public abstract Optional<String> refreshToken();

  /**
   * When the access token expires.
   *
   * @return the instant, or empty when it does not expire (Mailchimp)
   */
  public abstract Optional<Instant> accessTokenExpiresAt();

  /**
   * When the refresh token expires.
   *
   * @return the instant, or empty when unknown or not applicable
   */
  public abstract Optional<Instant> refreshTokenExpiresAt();

  /**
   * The QuickBooks company (realm) id the tokens were issued for.
   *
   * @return the realm id, or empty for Mailchimp
   */
  public abstract Optional<String> realmId();

  /**
   * The Mailchimp data centre ({@code us6}) of the account.
   *
   * @return the data centre, or empty for QuickBooks
   */
  public abstract Optional<String> dataCenter();

  /**
   * The API base URL to call with these tokens (Mailchimp metadata {@code api_endpoint}, or a
   * sandbox or simulator URL).
   *
   * @return the URL, or empty for the provider's default
   */
  public abstract Optional<String> apiEndpoint();

  @Value.Check
  void check() {
    if (accessToken().isBlank()) {
      throw new IllegalArgumentException("accessToken must not be blank");
    }
    if (refreshToken().isPresent() && refreshToken().get().isBlank()) {
      throw new IllegalArgumentException("refreshToken must not be blank when present");
    }
  }

  /**
   * Starts a builder; {@code accessToken} is required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return ImmutableStoredTokens.builder();
  }

  /**
   * Builds {@link StoredTokens}. Build fails with {@link IllegalStateException} when the access
   * token is missing and {@link IllegalArgumentException} when a token is blank.
   */
  public interface Builder {
    /**
     * Copies every attribute of an existing value.
     *
     * @param instance the value to copy
     * @return this builder
     */
    Builder from(StoredTokens instance);

    /**
     * Sets the access token or API key.
     *
     * @param accessToken the secret
     * @return this builder
     */
    Builder accessToken(String accessToken);

    /**
     * Sets the refresh token.
     *
     * @param refreshToken the secret
     * @return this builder
     */
    Builder refreshToken(String refreshToken);

    /**
     * Sets when the access token expires.
     *
     * @param accessTokenExpiresAt the instant
     * @return this builder
     */
    Builder accessTokenExpiresAt(Instant accessTokenExpiresAt);

    /**
     * Sets when the refresh token expires.
     *
     * @param refreshTokenExpiresAt the instant
     * @return this builder
     */
    Builder refreshTokenExpiresAt(Instant refreshTokenExpiresAt);

    /**
     * Sets the QuickBooks realm id.
     *
     * @param realmId the realm id
     * @return this builder
     */
    Builder realmId(String realmId);

    /**
     * Sets the Mailchimp data centre.
     *
     * @param dataCenter for example {@code us6}
     * @return this builder
     */
    Builder dataCenter(String dataCenter);

    /**
     * Sets the API base URL.
     *
     * @param apiEndpoint the URL
     * @return this builder
     */
    Builder apiEndpoint(String apiEndpoint);

    /**
     * Builds the value.
     *
     * @return the tokens
     */
    StoredTokens build();
  }
}
