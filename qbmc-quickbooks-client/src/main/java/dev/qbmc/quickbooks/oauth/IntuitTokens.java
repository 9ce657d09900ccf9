package dev.qbmc.quickbooks.oauth;

import dev.qbmc.quickbooks.internal.QboStyle;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Tokens from Intuit's token endpoint with absolute expiry instants (computed from
 * {@code expires_in} and {@code x_refresh_token_expires_in} with the injected clock at the time of
 * the response). Always persist {@link #refreshToken()}: Intuit may rotate it on every refresh and
 * the previous one stops working 24 hours later. {@code toString} hides every token.
 */
@Value.Immutable
@QboStyle
public abstract class IntuitTokens {
  IntuitTokens() {}

  /**
   * The access token (about one hour).
   *
   * @return the access token
   */
  @Value.Redacted
  public abstract String accessToken();

  /**
   * The newest refresh token.
   *
   * @return the refresh token
   */
  @Value.Redacted
  public abstract String refreshToken();

  /**
   * When the access token expires.
   *
   * @return the instant
   */
  public abstract Instant accessTokenExpiresAt();

  /**
   * When the refresh token expires if not used (rolling, about 100 days).
   *
   * @return the instant
   */
  public abstract Instant refreshTokenExpiresAt();

  /**
   * The refresh token's hard limit ({@code x_refresh_token_hard_expires_in}), when Intuit sent it.
   *
   * @return the instant
   */
  public abstract Optional<Instant> refreshTokenHardExpiresAt();

  /**
   * The OpenID Connect id token, only with the {@code openid} scope.
   *
   * @return the id token
   */
  @Value.Redacted
  public abstract Optional<String> idToken();

  /**
   * The realm the tokens are for, when known (code exchange).
   *
   * @return the realm id
   */
  public abstract Optional<String> realmId();

  /**
   * Whether the access token expires within the given margin of {@code now}.
   *
   * @param now the current time (from your clock)
   * @param margin safety margin, for example one minute
   * @return true when it should be refreshed
   */
  public boolean accessTokenExpiresWithin(Instant now, java.time.Duration margin) {
    return !now.plus(margin).isBefore(accessTokenExpiresAt());
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link IntuitTokens}; tokens and expiry instants are required. */
  public static final class Builder extends ImmutableIntuitTokens.Builder {
    Builder() {}
  }
}
