package dev.qbmc.quickbooks;

import java.util.List;

/**
 * The object changed since it was read (code 5010, {@code SyncToken} mismatch); read it again and
 * repeat.
 */
public final class QuickBooksStaleObjectException extends QuickBooksServiceException {
  private static final long serialVersionUID = 1L;

  QuickBooksStaleObjectException(String summary, int statusCode, List<QuickBooksError> errors, String faultType, String intuitTid) {
    super(summary, statusCode, errors, faultType, intuitTid);
  }
}
