package dev.qbmc.core.reconcile;

import dev.qbmc.core.model.ContactLimitPolicy;
import java.util.Objects;

/**
 * The decision of a {@link ContactLimitPolicy} for one plan: what to run, and why.
 *
 * @param outcome what was decided
 * @param newContacts the contacts the original plan may add
 * @param available how many contacts the audience can still take (never negative)
 * @param plan the plan to run: the original plan, a reduced one, or (when stopped) a plan without writes
 */
public record ContactLimitDecision(
    Outcome outcome, int newContacts, long available, SyncPlan plan) {

  /** What was decided. */
  public enum Outcome {
    /** The new contacts fit: run the plan as it is. */
    WITHIN_LIMIT,
    /** Policy {@link ContactLimitPolicy#STOP_BEFORE_WRITING}: write nothing. */
    STOPPED,
    /** Policy {@link ContactLimitPolicy#SYNC_UP_TO_LIMIT}: the plan was cut to the limit. */
    LIMITED,
    /** Policy {@link ContactLimitPolicy#PROCEED}: the plan runs past the limit. */
    OVER_LIMIT_PROCEEDING
  }

  /**
   * Validates the decision.
   *
   * @param outcome what was decided
   * @param newContacts the contacts the original plan may add
   * @param available how many contacts the audience can still take (never negative)
   * @param plan the plan to run: the original plan, a reduced one, or (when stopped) a plan without
   *     writes
   * @throws NullPointerException if outcome or plan is null
   */
  public ContactLimitDecision {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(plan, "plan");
  }

  /**
   * Whether the sync may write.
   *
   * @return false when stopped
   */
  public boolean mayWrite() {
    return outcome != Outcome.STOPPED;
  }
}
