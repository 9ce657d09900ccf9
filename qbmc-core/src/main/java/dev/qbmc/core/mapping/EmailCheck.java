package dev.qbmc.core.mapping;

import java.util.Optional;

/**
 * The result of checking a QBO email field ({@code PrimaryEmailAddr.Address}). QBO allows several
 * addresses separated by commas; the first valid, non-role-based one is chosen.
 *
 * <p>Syntax accepted: one {@code @}; a local part of 1 to 64 ASCII characters from
 * {@code A-Z a-z 0-9 ! # $ % & ' * + - / = ? ^ _ ` { | } ~ .} without a leading, trailing or doubled
 * dot; a domain of at least two dot-separated labels of ASCII letters, digits and inner hyphens, each
 * 1 to 63 characters, the last one at least two letters; 254 characters at most in total.
 */
public final class EmailCheck {

  private final EmailClassification classification;
  private final ContactEmail email;

  private EmailCheck(EmailClassification classification, ContactEmail email) {
    this.classification = classification;
    this.email = email;
  }

  /**
   * Checks an email field.
   *
   * @param field the raw field, possibly null, blank or holding several comma-separated addresses
   * @return the classification and, when {@link EmailClassification#VALID}, the chosen address
   */
  public static EmailCheck of(String field) {
    if (field == null || field.isBlank()) {
      return new EmailCheck(EmailClassification.MISSING, null);
    }
    boolean sawRoleBased = false;
    boolean sawCandidate = false;
    for (String part : field.split(",", -1)) {
      String candidate = part.trim();
      if (candidate.isEmpty()) {
        continue;
      }
      sawCandidate = true;
      if (!isValidSyntax(candidate)) {
        continue;
      }
      if (RoleBasedEmails.isRoleBased(candidate)) {
        sawRoleBased = true;
        continue;
      }
      return new EmailCheck(EmailClassification.VALID, ContactEmail.ofValid(candidate));
    }
    if (!sawCandidate) {
      return new EmailCheck(EmailClassification.MISSING, null);
    }
    return new EmailCheck(
        sawRoleBased ? EmailClassification.ROLE_BASED : EmailClassification.INVALID_SYNTAX, null);
  }

  /**
   * The classification of the field.
   *
   * @return the classification
   */
  public EmailClassification classification() {
    return classification;
  }

  /**
   * The chosen address.
   *
   * @return the address, present exactly when the classification is {@link EmailClassification#VALID}
   */
  public Optional<ContactEmail> email() {
    return Optional.ofNullable(email);
  }

  /**
   * Whether one address is syntactically valid by the rules in the class description.
   *
   * @param address a single trimmed address
   * @return true when valid
   */
  public static boolean isValidSyntax(String address) {
    if (address == null || address.length() > 254) {
      return false;
    }
    int at = address.indexOf('@');
    if (at <= 0 || at != address.lastIndexOf('@') || at > 64 || at == address.length() - 1) {
      return false;
    }
    return validLocal(address, at) && validDomain(address, at + 1);
  }

  private static boolean validLocal(String s, int end) {
    char previous = '.';
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      if (c == '.') {
        if (previous == '.') {
          return false;
        }
      } else if (!isAtext(c)) {
        return false;
      }
      previous = c;
    }
    return previous != '.';
  }

  private static boolean isAtext(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0;
  }

  private static boolean validDomain(String s, int start) {
    int labels = 0;
    int labelStart = start;
    for (int i = start; i <= s.length(); i++) {
      if (i == s.length() || s.charAt(i) == '.') {
        int length = i - labelStart;
        if (length < 1 || length > 63) {
          return false;
        }
        if (s.charAt(labelStart) == '-' || s.charAt(i - 1) == '-') {
          return false;
        }
        labels++;
        if (i == s.length()) {
          break;
        }
        labelStart = i + 1;
        continue;
      }
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
      if (!ok) {
        return false;
      }
    }
    if (labels < 2) {
      return false;
    }
    for (int i = labelStart; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
        return false;
      }
    }
    return s.length() - labelStart >= 2;
  }
}
