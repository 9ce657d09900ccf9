package dev.qbmc.mailchimp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/** The subscriber hash that identifies a member in Mailchimp URLs: MD5 hex of the trimmed, lower-cased email. */
public final class SubscriberHash {
  private SubscriberHash() {}

  /**
   * The subscriber hash of an email address.
   *
   * @param email the email address, in any case, with or without surrounding spaces
   * @return 32 lower-case hex digits
   * @throws NullPointerException if {@code email} is null
   * @throws IllegalArgumentException if {@code email} is blank
   */
  public static String of(String email) {
    String normalised = normalise(email);
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      return HexFormat.of().formatHex(md5.digest(normalised.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is required of every JVM", e);
    }
  }

  /**
   * The form of an email address that is hashed: trimmed and lower-cased.
   *
   * @param email the email address
   * @return the normalised address
   * @throws NullPointerException if {@code email} is null
   * @throws IllegalArgumentException if {@code email} is blank
   */
  public static String normalise(String email) {
    Objects.requireNonNull(email, "email");
    String trimmed = email.strip().toLowerCase(Locale.ROOT);
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("email must not be blank");
    }
    return trimmed;
  }
}
