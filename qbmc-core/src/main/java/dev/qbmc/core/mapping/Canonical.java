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
 * the same amount). The fingerprint is the lower-case hex SHA-256 of the UTF-8 rendering, identical
 * across JVM runs for identical records.
 */
final class Canonical {

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
    return add(name, value.map(Canonical::render).orElse(null));
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
      return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
    return String.valueOf(value);
  }

  String rendering() {
    return text.toString();
  }

  String fingerprint() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return ContactEmail.hex(sha.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }
}
