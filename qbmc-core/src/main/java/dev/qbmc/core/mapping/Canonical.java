package dev.qbmc.core.mapping;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Writes the canonical rendering of a mapped record and digests it. Every value is written as
 * {@code name=<length>:<value>;} so that no two different records render alike; absent values are
 * written as {@code name=-;}; decimals without trailing zeros ({@code 100.00} and {@code 100} are
 * the same amount; exponents beyond 64 in scientific notation). The fingerprint is the lower-case hex SHA-256 of the UTF-8 rendering, identical
 * across JVM runs for identical records.
 */
final class Canonical {

  /** Never used directly, only cloned: a clone is much cheaper than a provider look-up. */
  private static final MessageDigest SHA_256 = digest("SHA-256");

  private final StringBuilder text = new StringBuilder(256);

  Canonical(String recordType) {
    text.append(recordType).append('|');
  }

  Canonical add(String name, String value) {
    text.append(name).append('=');
    if (value == null) {
      text.append('-');
    } else {
      text.append(value.length()).append(':').append(value);
    }
    text.append(';');
    return this;
  }

  Canonical add(String name, Optional<?> value) {
    return add(name, value.isPresent() ? render(value.get()) : null);
  }

  Canonical add(String name, BigDecimal value) {
    return add(name, value == null ? null : render(value));
  }

  Canonical add(String name, boolean value) {
    return add(name, value ? "true" : "false");
  }

  Canonical add(String name, Enum<?> value) {
    return add(name, value == null ? null : value.name());
  }

  Canonical nested(String name, Canonical child) {
    return add(name, child.text.toString());
  }

  private static String render(Object value) {
    if (value instanceof BigDecimal) {
      BigDecimal d = ((BigDecimal) value);
      if (d.signum() == 0) {
        return "0";
      }
      if (d.scale() < -64 || d.scale() > 64) {
        // scientific notation keeps absurd exponents from rendering billions of digits
        return d.stripTrailingZeros().toString();
      }
      return d.scale() <= 0 ? d.toPlainString() : d.stripTrailingZeros().toPlainString();
    }
    return String.valueOf(value);
  }

  String rendering() {
    return text.toString();
  }

  String fingerprint() {
    return ContactEmail.hex(copy(SHA_256).digest(text.toString().getBytes(StandardCharsets.UTF_8)));
  }

  static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides " + algorithm, e);
    }
  }

  /** A fresh digest with the prototype's algorithm; falls back to a look-up if cloning is unsupported. */
  static MessageDigest copy(MessageDigest prototype) {
    try {
      return (MessageDigest) prototype.clone();
    } catch (CloneNotSupportedException e) {
      return digest(prototype.getAlgorithm());
    }
  }
}
