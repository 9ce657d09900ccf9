package dev.qbmc.quickbooks.internal;

import java.time.Duration;
import java.util.Objects;

/** The argument checks shared by the client, OAuth and webhook builders. */
public final class Checks {
  private Checks() {}

  /**
   * Requires text.
   *
   * @param value the argument
   * @param name the argument's name, for the message
   * @return the value
   * @throws IllegalArgumentException if the value is null or blank
   */
  public static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be null or blank");
    }
    return value;
  }

  /**
   * Requires a positive duration.
   *
   * @param duration the argument
   * @param name the argument's name, for the messages
   * @return the duration
   * @throws NullPointerException if the duration is null
   * @throws IllegalArgumentException if it is zero or negative
   */
  public static Duration requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return duration;
  }
}
