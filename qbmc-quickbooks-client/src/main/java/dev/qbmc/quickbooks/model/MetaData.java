package dev.qbmc.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.qbmc.quickbooks.internal.QboStyle;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Creation and last-update times of a QBO entity, with the company's UTC offset.
 */
@Value.Immutable
@QboStyle
@JsonSerialize(as = ImmutableMetaData.class)
@JsonDeserialize(as = ImmutableMetaData.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class MetaData {
  MetaData() {}

  /**
   * When the entity was created.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("CreateTime")
  public abstract Optional<OffsetDateTime> createTime();

  /**
   * When the entity was last changed.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("LastUpdatedTime")
  public abstract Optional<OffsetDateTime> lastUpdatedTime();

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link MetaData} values. */
  public static final class Builder extends ImmutableMetaData.Builder {
    Builder() {}
  }
}
