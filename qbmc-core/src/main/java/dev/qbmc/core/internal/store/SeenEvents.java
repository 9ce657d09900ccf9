package dev.qbmc.core.internal.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Webhook event ids of one scope, remembered for a retention period and up to a maximum number
 * (oldest forgotten first). Not thread-safe; callers synchronise.
 */
public final class SeenEvents {

  private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();
  private final Duration retention;
  private final int maxEntries;

  /**
   * Creates an empty table.
   *
   * @param retention how long an event id is remembered
   * @param maxEntries how many event ids are remembered at most
   */
  public SeenEvents(Duration retention, int maxEntries) {
    this.retention = Args.positive(retention, "retention");
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be positive");
    }
    this.maxEntries = maxEntries;
  }

  /**
   * Marks an event id as seen.
   *
   * @param eventId the id
   * @param now the current time
   * @return true when it was not remembered yet
   */
  public boolean mark(String eventId, Instant now) {
    Args.notBlank(eventId, "eventId");
    Args.notNull(now, "now");
    expire(now);
    if (seen.containsKey(eventId)) {
      return false;
    }
    seen.put(eventId, now);
    trim();
    return true;
  }

  /**
   * Restores a remembered id (used when loading from disk), in insertion order.
   *
   * @param eventId the id
   * @param seenAt when it was first seen
   */
  public void restore(String eventId, Instant seenAt) {
    seen.put(eventId, seenAt);
    trim();
  }

  private void trim() {
    while (seen.size() > maxEntries) {
      Iterator<String> it = seen.keySet().iterator();
      it.next();
      it.remove();
    }
  }

  /**
   * The remembered ids with when they were seen, oldest first.
   *
   * @return a read-only view
   */
  public Map<String, Instant> entries() {
    return java.util.Collections.unmodifiableMap(seen);
  }

  private void expire(Instant now) {
    Instant cutoff = now.minus(retention);
    Iterator<Map.Entry<String, Instant>> it = seen.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, Instant> e = it.next();
      if (e.getValue().isBefore(cutoff)) {
        it.remove();
      } else {
        break;
      }
    }
  }
}
