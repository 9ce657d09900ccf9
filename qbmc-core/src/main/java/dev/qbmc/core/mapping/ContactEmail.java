package dev.qbmc.core.mapping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Objects;

/**
 * A valid email address chosen for a contact: the address as the customer wrote it (trimmed, for
 * display), its lower-case form and the Mailchimp subscriber hash (MD5 of the lower-case form).
 * Created by {@link EmailCheck#of(String)}.
 */
public final class ContactEmail {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** Never used directly, only cloned. */
  private static final MessageDigest MD5 = Canonical.digest("MD5");

  private final String address;
  private final String normalized;
  private final String subscriberHash;

  private ContactEmail(String address) {
    this.address = address;
    this.normalized = address.toLowerCase(Locale.ROOT);
    this.subscriberHash = md5Hex(normalized);
  }

  static ContactEmail ofValid(String trimmedAddress) {
    return new ContactEmail(trimmedAddress);
  }

  /**
   * The address with its original case, trimmed; what Mailchimp shows.
   *
   * @return the display address
   */
  public String address() {
    return address;
  }

  /**
   * The lower-case address; the identity of the contact.
   *
   * @return the normalised address
   */
  public String normalized() {
    return normalized;
  }

  /**
   * The Mailchimp subscriber hash: lower-case hex MD5 of {@link #normalized()}.
   *
   * @return 32 hex characters
   */
  public String subscriberHash() {
    return subscriberHash;
  }

  static String md5Hex(String text) {
    return hex(Canonical.copy(MD5).digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
      out[2 * i + 1] = HEX[bytes[i] & 0xF];
    }
    return new String(out);
  }

  /**
   * Two emails are equal when their normalised addresses are.
   *
   * @param other another object
   * @return whether both identify the same contact
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof ContactEmail && ((ContactEmail) other).normalized.equals(normalized);
  }

  /**
   * A hash of the normalised address.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(normalized);
  }

  /**
   * A rendering that does not reveal the full address: the first character of the local part and
   * the domain, e.g. {@code p***@example.com}.
   *
   * @return a masked form of the address
   */
  @Override
  public String toString() {
    int at = address.lastIndexOf('@');
    return address.charAt(0) + "***" + address.substring(at);
  }
}
