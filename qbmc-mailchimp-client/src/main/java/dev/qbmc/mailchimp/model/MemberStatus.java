package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The marketing status of an audience member. */
public enum MemberStatus {
  /** Agreed to receive marketing email. */
  @JsonProperty("subscribed")
  SUBSCRIBED,
  /** Opted out of marketing email. */
  @JsonProperty("unsubscribed")
  UNSUBSCRIBED,
  /** Hard-bounced; Mailchimp no longer sends to it. */
  @JsonProperty("cleaned")
  CLEANED,
  /** Waiting for double opt-in confirmation. */
  @JsonProperty("pending")
  PENDING,
  /** Known from transactions only; receives no marketing email. */
  @JsonProperty("transactional")
  TRANSACTIONAL,
  /** Archived (read only: returned, never written). */
  @JsonProperty("archived")
  ARCHIVED,
  /** A status this client does not know (read only). */
  @JsonProperty("unknown")
  @JsonEnumDefaultValue
  UNKNOWN;

  /**
   * Whether this status may be sent in a request.
   *
   * @return false for {@link #ARCHIVED} and {@link #UNKNOWN}
   */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isWritable() {
    return this != ARCHIVED && this != UNKNOWN;
  }
}
