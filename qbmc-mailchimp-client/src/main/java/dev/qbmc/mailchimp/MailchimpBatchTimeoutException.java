package dev.qbmc.mailchimp;

import dev.qbmc.mailchimp.model.BatchStatus;

/** A batch operations request did not finish before the caller's deadline; it may still finish later. */
public final class MailchimpBatchTimeoutException extends MailchimpException {
  private static final long serialVersionUID = 1L;

  private final transient BatchStatus lastStatus;

  MailchimpBatchTimeoutException(String message, BatchStatus lastStatus) {
    super(message);
    this.lastStatus = lastStatus;
  }

  /**
   * The last status read before giving up.
   *
   * @return the status; poll {@code GET /batches/{id}} later with {@link Batches#get(String)}
   */
  public BatchStatus lastStatus() {
    return lastStatus;
  }
}
