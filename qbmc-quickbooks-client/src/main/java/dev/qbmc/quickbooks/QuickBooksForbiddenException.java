package dev.qbmc.quickbooks;

import java.util.List;

/**
 * The app may not do this in this company (code 3100 or HTTP 403): wrong host for the realm (sandbox
 * vs production), missing scope, app disconnected or subscription problem.
 */
public final class QuickBooksForbiddenException extends QuickBooksServiceException {
  private static final long serialVersionUID = 1L;

  QuickBooksForbiddenException(String summary, int statusCode, List<QuickBooksError> errors, String faultType, String intuitTid) {
    super(summary, statusCode, errors, faultType, intuitTid);
  }
}
