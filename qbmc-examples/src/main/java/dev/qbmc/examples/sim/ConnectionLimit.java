package dev.qbmc.examples.sim;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/** At most a fixed number of calls at once; a call beyond it is refused, not queued. Thread-safe. */
public final class ConnectionLimit {

  private final int max;
  private final Semaphore slots;

  /**
   * Creates a limit.
   *
   * @param max at least 1
   */
  public ConnectionLimit(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("connection limit must be >= 1, was " + max);
    }
    this.max = max;
    this.slots = new Semaphore(max);
  }

  /**
   * The number of simultaneous calls allowed.
   *
   * @return the limit
   */
  public int max() {
    return max;
  }

  /**
   * Runs a call in a free slot.
   *
   * @param refused answers when every slot is taken
   * @param call the call, run while it holds its slot
   * @return the call's response, or the refusal
   */
  public SimResponse call(Supplier<SimResponse> refused, Supplier<SimResponse> call) {
    if (!slots.tryAcquire()) {
      return refused.get();
    }
    try {
      return call.get();
    } finally {
      slots.release();
    }
  }
}
