package dev.qbmc.core;

/**
 * A sync lost its connection's lease while it ran. qbmc's own syncs no longer throw it: a run whose
 * lease renewal is refused or whose lease was taken over stops writing and ends with a {@code
 * FAILED} report whose failure code is {@code LEASE_LOST} (what it committed before stays
 * committed, and the next sync resumes where it stopped). Kept for hosts that catch it.
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
