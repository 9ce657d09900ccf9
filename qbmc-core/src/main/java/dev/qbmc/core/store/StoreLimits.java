package dev.qbmc.core.store;

import dev.qbmc.core.internal.QbmcStyle;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * Bounds of the embedded stores: how many sync runs are kept per connection and how long, and how
 * many, webhook event ids are remembered per scope.
 */
@Value.Immutable
@QbmcStyle
public abstract class StoreLimits {

  private static final StoreLimits DEFAULTS = builder().build();

  StoreLimits() {}

  /**
   * How many sync runs are kept per connection (the most recent by start time).
   *
   * @return 20 unless set
   */
  @Value.Default
  public int recentRunsKept() {
    return 20;
  }

  /**
   * How long a webhook event id is remembered.
   *
   * @return 7 days unless set
   */
  @Value.Default
  public Duration eventRetention() {
    return Duration.ofDays(7);
  }

  /**
   * How many webhook event ids are remembered per scope (the oldest are forgotten first).
   *
   * @return 10,000 unless set
   */
  @Value.Default
  public int maxEventsPerScope() {
    return 10_000;
  }

  @Value.Check
  void check() {
    if (recentRunsKept() < 1 || maxEventsPerScope() < 1) {
      throw new IllegalArgumentException("store limits must be positive: " + this);
    }
    if (eventRetention().compareTo(Duration.ofHours(24)) < 0) {
      throw new IllegalArgumentException("eventRetention must be at least 24 hours");
    }
  }

  /**
   * The default limits.
   *
   * @return 20 runs, 7 days, 10,000 events
   */
  public static StoreLimits defaults() {
    return DEFAULTS;
  }

  /**
   * Starts a builder with the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return ImmutableStoreLimits.builder();
  }

  /** Builds {@link StoreLimits}. */
  public interface Builder {
    /**
     * Sets how many runs are kept.
     *
     * @param recentRunsKept a positive number
     * @return this builder
     */
    Builder recentRunsKept(int recentRunsKept);

    /**
     * Sets how long event ids are remembered.
     *
     * @param eventRetention at least 24 hours
     * @return this builder
     */
    Builder eventRetention(Duration eventRetention);

    /**
     * Sets how many event ids are remembered per scope.
     *
     * @param maxEventsPerScope a positive number
     * @return this builder
     */
    Builder maxEventsPerScope(int maxEventsPerScope);

    /**
     * Builds the limits.
     *
     * @return the limits
     */
    StoreLimits build();
  }
}
