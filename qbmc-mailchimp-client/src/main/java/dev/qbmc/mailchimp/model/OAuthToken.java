package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** The result of an OAuth 2.0 code exchange. Mailchimp access tokens do not expire and come without a refresh token. */
@Value.Immutable
@JsonSerialize(as = ImmutableOAuthToken.class)
@JsonDeserialize(as = ImmutableOAuthToken.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class OAuthToken {
  OAuthToken() {}

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the access token (redacted from {@code toString})} */
  @JsonProperty("access_token")
  @Value.Redacted
  public abstract String accessToken();

  /** {@return the token type, normally {@code bearer}, if set} */
  @JsonProperty("token_type")
  public abstract Optional<String> tokenType();

  /** {@return the granted scope, if any, if set} */
  @JsonProperty("scope")
  public abstract Optional<String> scope();

  /** Builder of {@link OAuthToken}; {@code build()} throws {@link IllegalStateException} when a required value is missing. */
  public static final class Builder extends ImmutableOAuthToken.Builder {
    Builder() {}
  }
}
