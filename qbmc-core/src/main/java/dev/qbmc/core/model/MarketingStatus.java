package dev.qbmc.core.model;

/**
 * The marketing status a connection gives to contacts that are new to the audience. It is only ever
 * sent as {@code status_if_new}: qbmc never changes the status of a contact that already exists.
 */
public enum MarketingStatus {
  /** The customers agreed to receive marketing email. */
  SUBSCRIBED,
  /** The customers did not agree to receive marketing email. */
  UNSUBSCRIBED;

  /**
   * Whether e-commerce customers created for this status are opted in.
   *
   * @return true for {@link #SUBSCRIBED}
   */
  public boolean optIn() {
    return this == SUBSCRIBED;
  }
}
