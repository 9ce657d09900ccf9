package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** The user a Mailchimp OAuth token belongs to. */
@Value.Immutable
@JsonSerialize(as = ImmutableOAuthLogin.class)
@JsonDeserialize(as = ImmutableOAuthLogin.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class OAuthLogin {
  OAuthLogin() {}

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the login email, if set} */
  @JsonProperty("email")
  public abstract Optional<String> email();

  /** {@return the login id, if set} */
  @JsonProperty("login_id")
  public abstract Optional<Long> loginId();

  /** {@return the login name, if set} */
  @JsonProperty("login_name")
  public abstract Optional<String> loginName();

  /** Builder of {@link OAuthLogin}; {@code build()} throws {@link IllegalStateException} when a required value is missing. */
  public static final class Builder extends ImmutableOAuthLogin.Builder {
    Builder() {}
  }
}
