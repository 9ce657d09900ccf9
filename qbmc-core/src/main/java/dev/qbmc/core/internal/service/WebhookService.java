package dev.qbmc.core.internal.service;

import dev.qbmc.core.WebhookResult;
import dev.qbmc.core.model.ConnectionStatus;
import dev.qbmc.core.spi.Connection;
import dev.qbmc.quickbooks.webhook.WebhookEvent;
import dev.qbmc.quickbooks.webhook.WebhookParser;
import dev.qbmc.quickbooks.webhook.WebhookVerifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Handles Intuit webhook deliveries fast: verifies the signature over the raw bytes, parses both
 * payload formats, drops events already seen, maps realms to connections and hands each
 * connection's events to a {@link WebhookQueue}, which runs targeted syncs on the executor without
 * ever parking a worker on a lease. It never waits for the sync, so the host can answer within
 * Intuit's 3 seconds.
 */
public final class WebhookService {

  private final ServiceContext ctx;
  private final SyncService syncs;
  private final WebhookVerifier verifier;
  private final WebhookParser parser = new WebhookParser();
  private final WebhookQueue queue;

  /**
   * Creates the service.
   *
   * @param ctx the shared context
   * @param syncs runs the targeted syncs
   * @param verifier checks the {@code intuit-signature} header, or null when no verifier token was
   *     configured (then every delivery is refused)
   */
  public WebhookService(ServiceContext ctx, SyncService syncs, WebhookVerifier verifier) {
    this.ctx = ctx;
    this.syncs = syncs;
    this.verifier = verifier;
    this.queue = new WebhookQueue(ctx, syncs);
  }

  /**
   * Handles one delivery.
   *
   * @param headers the request headers (names in any case)
   * @param rawBody the raw request body, exactly as received
   * @return what was scheduled, deduplicated and ignored
   */
  public WebhookResult handle(Map<String, List<String>> headers, byte[] rawBody) {
    if (verifier == null) {
      throw new IllegalStateException("no webhook verifier token was configured on Qbmc.builder()");
    }
    verifier.verify(rawBody, header(headers, WebhookVerifier.SIGNATURE_HEADER).orElse(null));
    List<WebhookEvent> events = parser.parse(rawBody);
    Map<String, List<WebhookEvent>> byRealm = new LinkedHashMap<>();
    for (WebhookEvent event : events) {
      byRealm.computeIfAbsent(event.realmId(), r -> new ArrayList<>()).add(event);
    }
    Map<String, Integer> scheduled = new LinkedHashMap<>();
    Map<String, String> ignored = new LinkedHashMap<>();
    int duplicates = 0;
    for (Map.Entry<String, List<WebhookEvent>> realm : byRealm.entrySet()) {
      List<Connection> connections = ctx.state.connectionsByRealm(realm.getKey());
      Optional<Connection> active =
          connections.stream().filter(c -> c.status() == ConnectionStatus.CONNECTED).findFirst();
      if (active.isEmpty()) {
        ignored.put(
            realm.getKey(),
            connections.isEmpty() ? "UNKNOWN_REALM" : connections.get(0).status().name());
        continue;
      }
      String connectionId = active.get().connectionId();
      List<WebhookEvent> fresh = new ArrayList<>();
      for (WebhookEvent event : realm.getValue()) {
        if (ctx.state.markEventSeen(connectionId, event.eventId(), ctx.clock.instant())) {
          fresh.add(event);
        } else {
          duplicates++;
        }
      }
      if (!fresh.isEmpty()) {
        WebhookQueue.Outcome outcome = queue.offer(connectionId, fresh);
        if (outcome == WebhookQueue.Outcome.SCHEDULED) {
          scheduled.put(connectionId, fresh.size());
        } else {
          ignored.put(realm.getKey(), outcome.name());
        }
      }
    }
    return new WebhookResult(scheduled, duplicates, ignored);
  }

  /** Schedules no more webhook-triggered syncs; what waits is left to the next change-feed sync. */
  public void close() {
    queue.close();
  }

  private static Optional<String> header(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> h : headers.entrySet()) {
      if (h.getKey() != null && h.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))
          && h.getValue() != null && !h.getValue().isEmpty()) {
        return Optional.ofNullable(h.getValue().get(0));
      }
    }
    return Optional.empty();
  }
}
