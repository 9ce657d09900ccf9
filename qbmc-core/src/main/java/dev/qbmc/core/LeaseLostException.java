package dev.qbmc.core;

/**
 * A sync lost its connection's lease while it ran: the lease expired (the run stalled for longer
 * than the lease TTL), so it could not be renewed. The run stops at once and writes nothing more;
 * what it committed before stays committed, and the next sync resumes where it stopped. (When
 * another run has already taken the lease over, the store refuses the stale run's next commit and
 * the run ends with a {@code FAILED} report whose failure code is {@code LEASE_LOST}.)
 */
public final class LeaseLostException extends QbmcException {
  private static final long serialVersionUID = 1L;

  private final String connectionId;

  /**
   * Creates the exception.
   *
   * @param connectionId the connection whose lease was lost
   */
  public LeaseLostException(String connectionId) {
    super("lost the lease of connection '" + connectionId + "' (it expired); the run stopped, a re-run resumes it");
    this.connectionId = connectionId;
  }

  /**
   * The connection whose lease was lost.
   *
   * @return the connection id
   */
  public String connectionId() {
    return connectionId;
  }
}
