package dev.qbmc.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link Qbmc#handleWebhook} did with one verified delivery: how many events it scheduled for
 * a targeted sync, how many it had already seen (redeliveries), and which realms it ignored and why.
 *
 * @param scheduled events scheduled for a targeted sync, per connection id
 * @param duplicates events already handled in an earlier delivery
 * @param ignoredRealms realms that were ignored, with the reason ({@code UNKNOWN_REALM} or the
 *     connection's status, for example {@code DISCONNECTED}; {@code QUEUE_FULL} when the
 *     executor refused the sync, {@code CLOSED} when the {@code Qbmc} is closing: the next
 *     change-feed sync picks those changes up)
 */
public record WebhookResult(Map<String, Integer> scheduled, int duplicates, Map<String, String> ignoredRealms) {

  /**
   * Validates and copies.
   *
   * @param scheduled events scheduled for a targeted sync, per connection id
   * @param duplicates events already handled in an earlier delivery
   * @param ignoredRealms realms that were ignored, with the reason ({@code UNKNOWN_REALM} or the
   *     connection's status, for example {@code DISCONNECTED}; {@code QUEUE_FULL} when the
   *     executor refused the sync, {@code CLOSED} when the {@code Qbmc} is closing: the next
   *     change-feed sync picks those changes up)
   * @throws NullPointerException if a map is null
   */
  public WebhookResult {
    scheduled = Map.copyOf(Objects.requireNonNull(scheduled, "scheduled"));
    ignoredRealms = Map.copyOf(Objects.requireNonNull(ignoredRealms, "ignoredRealms"));
  }

  /**
   * The total number of events scheduled.
   *
   * @return the count
   */
  public int scheduledEvents() {
    return scheduled.values().stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * The connection ids that got a targeted sync.
   *
   * @return the ids
   */
  public List<String> syncedConnections() {
    return scheduled.keySet().stream().sorted().toList();
  }
}
