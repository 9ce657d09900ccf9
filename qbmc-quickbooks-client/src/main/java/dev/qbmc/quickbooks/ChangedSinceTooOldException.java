package dev.qbmc.quickbooks;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * A Change Data Capture request asked for changes older than QBO keeps (30 days). QBO does not
 * reliably reject such requests itself, so the client refuses them before sending: the caller must
 * fall back to a full read (query) instead of trusting an incomplete change set.
 */
public final class ChangedSinceTooOldException extends QuickBooksException {
  private static final long serialVersionUID = 1L;
  /** The changedSince value (serialized form). */
  private final OffsetDateTime changedSince;
  /** The oldestAllowed value (serialized form). */
  private final OffsetDateTime oldestAllowed;

  ChangedSinceTooOldException(OffsetDateTime changedSince, OffsetDateTime oldestAllowed, Duration window) {
    super(
        "changedSince "
            + changedSince
            + " is older than the "
            + window.toDays()
            + "-day Change Data Capture window (oldest allowed "
            + oldestAllowed
            + "); read the entities in full instead");
    this.changedSince = changedSince;
    this.oldestAllowed = oldestAllowed;
  }

  /**
   * The requested start.
   *
   * @return the requested {@code changedSince}
   */
  public OffsetDateTime changedSince() {
    return changedSince;
  }

  /**
   * The oldest start the client would have accepted at the time of the call.
   *
   * @return the oldest allowed {@code changedSince}
   */
  public OffsetDateTime oldestAllowed() {
    return oldestAllowed;
  }
}
