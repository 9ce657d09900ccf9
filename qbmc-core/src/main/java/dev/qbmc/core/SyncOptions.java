package dev.qbmc.core;

import dev.qbmc.core.internal.QbmcStyle;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/** How one {@link Qbmc#sync(String, SyncOptions)} runs. {@link #defaults()} fits most calls. */
@Value.Immutable
@QbmcStyle
public abstract class SyncOptions {

  SyncOptions() {}

  /**
   * Plan and report without writing anything to Mailchimp or to the state store.
   *
   * @return false unless set
   */
  @Value.Default
  public boolean dryRun() {
    return false;
  }

  /**
   * Read everything from QuickBooks instead of only the changes (writes still only differences).
   *
   * @return false unless set
   */
  @Value.Default
  public boolean forceFullRead() {
    return false;
  }

  /**
   * How long to wait for a sync of the same connection that is already running; empty means do not
   * wait and throw {@link SyncAlreadyRunningException}.
   *
   * @return the longest wait, or empty
   */
  public abstract Optional<Duration> waitForLease();

  /**
   * The options of a normal sync: write, read changes only, do not wait.
   *
   * @return the default options
   */
  public static SyncOptions defaults() {
    return builder().build();
  }

  /**
   * A dry run: the plan and report, nothing written.
   *
   * @return dry-run options
   */
  public static SyncOptions dryRunOnly() {
    return builder().dryRun(true).build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link SyncOptions}. */
  public static final class Builder extends ImmutableSyncOptions.Builder {
    Builder() {}
  }
}
