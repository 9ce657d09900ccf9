package dev.qbmc.core.report;

import dev.qbmc.core.internal.QbmcStyle;
import org.immutables.value.Value;

/**
 * What a sync did with the records of one entity type: each record read is counted exactly once,
 * as created, updated, unchanged, deleted (or cancelled) or skipped.
 */
@Value.Immutable
@QbmcStyle
public abstract class EntityCounts {

  private static final EntityCounts ZERO = builder().build();

  EntityCounts() {}

  /**
   * Records newly written to Mailchimp.
   *
   * @return the count
   */
  @Value.Default
  public long created() {
    return 0;
  }

  /**
   * Records whose Mailchimp copy was changed.
   *
   * @return the count
   */
  @Value.Default
  public long updated() {
    return 0;
  }

  /**
   * Records whose fingerprint had not changed (nothing written).
   *
   * @return the count
   */
  @Value.Default
  public long unchanged() {
    return 0;
  }

  /**
   * Records deleted or cancelled in Mailchimp (deleted or voided QBO transactions).
   *
   * @return the count
   */
  @Value.Default
  public long deleted() {
    return 0;
  }

  /**
   * Records not synced, each listed with its reason in {@link SyncReport#skipped()}.
   *
   * @return the count
   */
  @Value.Default
  public long skipped() {
    return 0;
  }

  /**
   * The sum of all five counts.
   *
   * @return the number of records accounted for
   */
  public long total() {
    return created() + updated() + unchanged() + deleted() + skipped();
  }

  /**
   * Adds two counts field by field.
   *
   * @param other the counts to add
   * @return the sum
   */
  public EntityCounts plus(EntityCounts other) {
    return builder()
        .created(created() + other.created())
        .updated(updated() + other.updated())
        .unchanged(unchanged() + other.unchanged())
        .deleted(deleted() + other.deleted())
        .skipped(skipped() + other.skipped())
        .build();
  }

  @Value.Check
  void check() {
    if (created() < 0 || updated() < 0 || unchanged() < 0 || deleted() < 0 || skipped() < 0) {
      throw new IllegalArgumentException("counts must not be negative: " + this);
    }
  }

  /**
   * All counts zero.
   *
   * @return the zero counts
   */
  public static EntityCounts zero() {
    return ZERO;
  }

  /**
   * Starts a builder; every count defaults to zero.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return ImmutableEntityCounts.builder();
  }

  /** Builds {@link EntityCounts}. */
  public interface Builder {
    /**
     * Sets the created count.
     *
     * @param created the count
     * @return this builder
     */
    Builder created(long created);

    /**
     * Sets the updated count.
     *
     * @param updated the count
     * @return this builder
     */
    Builder updated(long updated);

    /**
     * Sets the unchanged count.
     *
     * @param unchanged the count
     * @return this builder
     */
    Builder unchanged(long unchanged);

    /**
     * Sets the deleted count.
     *
     * @param deleted the count
     * @return this builder
     */
    Builder deleted(long deleted);

    /**
     * Sets the skipped count.
     *
     * @param skipped the count
     * @return this builder
     */
    Builder skipped(long skipped);

    /**
     * Builds the counts.
     *
     * @return the counts
     */
    EntityCounts build();
  }
}
