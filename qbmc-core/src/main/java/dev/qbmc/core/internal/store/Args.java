package dev.qbmc.core.internal.store;

import java.time.Duration;
import java.util.Objects;

/** Argument checks shared by the embedded stores, with clear messages. */
public final class Args {

  private Args() {}

  /**
   * Requires a non-null, non-blank string.
   *
   * @param value the value
   * @param name its name for the message
   * @return the value
   */
  public static String notBlank(String value, String name) {
    Objects.requireNonNull(value, name + " must not be null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  /**
   * Requires a non-null argument.
   *
   * @param <T> its type
   * @param value the value
   * @param name its name for the message
   * @return the value
   */
  public static <T> T notNull(T value, String name) {
    return Objects.requireNonNull(value, name + " must not be null");
  }

  /**
   * Requires a positive duration.
   *
   * @param ttl the duration
   * @param name its name for the message
   * @return the duration
   */
  public static Duration positive(Duration ttl, String name) {
    notNull(ttl, name);
    if (ttl.isZero() || ttl.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, was " + ttl);
    }
    return ttl;
  }
}
