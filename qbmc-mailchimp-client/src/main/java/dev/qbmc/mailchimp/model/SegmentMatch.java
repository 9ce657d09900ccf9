package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a member must meet all or any of a segment's conditions ({@code options.match}). */
public enum SegmentMatch {
  /** Every condition. */
  @JsonProperty("all")
  ALL,
  /** At least one condition. */
  @JsonProperty("any")
  ANY
}
