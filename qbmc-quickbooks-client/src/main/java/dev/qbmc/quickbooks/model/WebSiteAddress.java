package dev.qbmc.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.qbmc.quickbooks.internal.QboStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A web site address ({@code WebAddr}).
 */
@Value.Immutable
@QboStyle
@JsonSerialize(as = ImmutableWebSiteAddress.class)
@JsonDeserialize(as = ImmutableWebSiteAddress.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class WebSiteAddress {
  WebSiteAddress() {}

  /**
   * The address as QBO stores it (not validated).
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("URI")
  public abstract Optional<String> uri();

  /**
   * A web site address with the given text.
   *
   * @param uri the address text
   * @return the value
   */
  public static WebSiteAddress of(String uri) {
    return builder().uri(uri).build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link WebSiteAddress} values. */
  public static final class Builder extends ImmutableWebSiteAddress.Builder {
    Builder() {}
  }
}
