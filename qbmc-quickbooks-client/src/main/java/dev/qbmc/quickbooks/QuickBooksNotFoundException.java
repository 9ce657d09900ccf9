package dev.qbmc.quickbooks;

import java.util.List;

/**
 * The object does not exist or was made inactive (code 610 or HTTP 404).
 */
public final class QuickBooksNotFoundException extends QuickBooksServiceException {
  private static final long serialVersionUID = 1L;

  QuickBooksNotFoundException(String summary, int statusCode, List<QuickBooksError> errors, String faultType, String intuitTid) {
    super(summary, statusCode, errors, faultType, intuitTid);
  }
}
