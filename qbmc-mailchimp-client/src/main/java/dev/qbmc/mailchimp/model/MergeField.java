package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** An audience merge field ({@code GET /lists/{list_id}/merge-fields}). FNAME, LNAME, ADDRESS and PHONE exist by default but may be renamed or deleted. */
@Value.Immutable
@JsonSerialize(as = ImmutableMergeField.class)
@JsonDeserialize(as = ImmutableMergeField.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class MergeField {
  MergeField() {}

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the merge field id} */
  @JsonProperty("merge_id")
  public abstract int mergeId();

  /** {@return the merge tag used as key in {@code merge_fields}, e.g. {@code FNAME}} */
  @JsonProperty("tag")
  public abstract String tag();

  /** {@return the field label} */
  @JsonProperty("name")
  public abstract String name();

  /** {@return the field type: text, number, address, phone, date, url, imageurl, radio, dropdown, birthday, zip} */
  @JsonProperty("type")
  public abstract String type();

  /** {@return whether a value is required} */
  @JsonProperty("required")
  @Value.Default
  public boolean required() {
    return false;
  }

  /** {@return the default value, if set} */
  @JsonProperty("default_value")
  public abstract Optional<String> defaultValue();

  /** {@return whether the field is shown on signup forms, if set} */
  @JsonProperty("public")
  public abstract Optional<Boolean> visible();

  /** {@return the display order, if set} */
  @JsonProperty("display_order")
  public abstract Optional<Integer> displayOrder();

  /** {@return the list id, if set} */
  @JsonProperty("list_id")
  public abstract Optional<String> listId();

  /** Builder of {@link MergeField}; {@code build()} throws {@link IllegalStateException} when a required value is missing. */
  public static final class Builder extends ImmutableMergeField.Builder {
    Builder() {}
  }
}
