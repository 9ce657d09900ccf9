package dev.qbmc.quickbooks;

import java.util.List;

/**
 * QBO refused the request as invalid (HTTP 400 with validation codes such as 2010, 2030, 4000, 4001,
 * 6000, 6240); {@link #errors()} holds every entry.
 */
public final class QuickBooksValidationException extends QuickBooksServiceException {
  private static final long serialVersionUID = 1L;

  QuickBooksValidationException(String summary, int statusCode, List<QuickBooksError> errors, String faultType, String intuitTid) {
    super(summary, statusCode, errors, faultType, intuitTid);
  }
}
