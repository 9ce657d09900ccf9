package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a {@link TagChange} adds or removes a tag. */
public enum TagStatus {
  /** Adds the tag (creating it if unknown). */
  @JsonProperty("active")
  ACTIVE,
  /** Removes the tag. */
  @JsonProperty("inactive")
  INACTIVE
}
