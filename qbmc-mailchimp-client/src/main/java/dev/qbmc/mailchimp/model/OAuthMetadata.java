package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** The metadata of an OAuth access token ({@code GET https://login.mailchimp.com/oauth2/metadata}): its data centre and API endpoint. */
@Value.Immutable
@JsonSerialize(as = ImmutableOAuthMetadata.class)
@JsonDeserialize(as = ImmutableOAuthMetadata.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class OAuthMetadata {
  OAuthMetadata() {}

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the data centre, e.g. {@code us6}} */
  @JsonProperty("dc")
  public abstract String dataCenter();

  /** {@return the API endpoint, e.g. {@code https://us6.api.mailchimp.com}} */
  @JsonProperty("api_endpoint")
  public abstract String apiEndpoint();

  /** {@return the account name, if set} */
  @JsonProperty("accountname")
  public abstract Optional<String> accountName();

  /** {@return the user, if set} */
  @JsonProperty("login")
  public abstract Optional<OAuthLogin> login();

  /** Builder of {@link OAuthMetadata}; {@code build()} throws {@link IllegalStateException} when a required value is missing. */
  public static final class Builder extends ImmutableOAuthMetadata.Builder {
    Builder() {}
  }
}
