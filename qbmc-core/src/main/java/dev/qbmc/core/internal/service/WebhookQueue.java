package dev.qbmc.core.internal.service;

import dev.qbmc.core.SyncAlreadyRunningException;
import dev.qbmc.core.SyncOptions;
import dev.qbmc.quickbooks.webhook.WebhookEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;

/**
 * Webhook-triggered syncs that never park a worker on a lease. The records named by a connection's
 * webhook events wait here (the latest event per record, at most {@value #MAX_PENDING} records per
 * connection; more turn into one change-feed sync, never a silent loss) while one task per
 * connection drains them on the executor: it runs a targeted sync of all of them without waiting for
 * the lease, and when a sync of the connection holds the lease it puts them back and lets go of the
 * worker; they run once that sync ended (here: at once; in another process: a third of the lease TTL
 * later, again). An executor that refuses the task (its queue is full) gets the delivery reported
 * {@code QUEUE_FULL}; the next change-feed sync picks those changes up.
 */
final class WebhookQueue {
  /** The most records waiting per connection; more are synced by one change-feed sync. */
  static final int MAX_PENDING = 1_000;

  private static final System.Logger LOG = System.getLogger(WebhookQueue.class.getName());

  /** What became of the events offered. */
  enum Outcome {
    /** A targeted sync of them will run (now, or after the sync that holds the lease). */
    SCHEDULED,
    /** The executor refused the task; the events were dropped (the change feed has them). */
    QUEUE_FULL,
    /** The {@code Qbmc} is closing; the events were dropped (the change feed has them). */
    CLOSED
  }

  private static final class Pending {
    final LinkedHashMap<String, WebhookEvent> events = new LinkedHashMap<>();
    boolean changeFeed;
    boolean scheduled;

    boolean isEmpty() {
      return events.isEmpty() && !changeFeed;
    }
  }

  private final ServiceContext ctx;
  private final SyncService syncs;
  private final Map<String, Pending> byConnection = new HashMap<>();
  private boolean closed;

  WebhookQueue(ServiceContext ctx, SyncService syncs) {
    this.ctx = ctx;
    this.syncs = syncs;
    ctx.keeper.onEnded(this::wake);
  }

  /** Adds a connection's fresh events and makes sure a task will sync them. */
  Outcome offer(String connectionId, List<WebhookEvent> events) {
    synchronized (this) {
      if (closed) {
        return Outcome.CLOSED;
      }
      Pending pending = byConnection.computeIfAbsent(connectionId, id -> new Pending());
      for (WebhookEvent event : events) {
        String key = event.entityName() + "/" + event.entityId();
        pending.events.remove(key); // the latest event of a record decides, in arrival order
        pending.events.put(key, event);
      }
      if (pending.events.size() > MAX_PENDING) {
        LOG.log(System.Logger.Level.INFO, "connection {0}: over {1} records named by webhooks wait; one change-feed"
            + " sync replaces their targeted syncs", connectionId, MAX_PENDING);
        pending.events.clear();
        pending.changeFeed = true;
      }
      if (pending.scheduled) {
        return Outcome.SCHEDULED; // coalesced: the task scheduled (or running) takes them
      }
      pending.scheduled = true;
    }
    return schedule(connectionId) ? Outcome.SCHEDULED : Outcome.QUEUE_FULL;
  }

  /** Schedules the connection's drain, if it has work and none is scheduled. */
  void wake(String connectionId) {
    synchronized (this) {
      Pending pending = byConnection.get(connectionId);
      if (closed || pending == null || pending.scheduled || pending.isEmpty()) {
        return;
      }
      pending.scheduled = true;
    }
    schedule(connectionId);
  }

  /** Hands the drain to the executor, outside the lock (an executor may run it at once). */
  private boolean schedule(String connectionId) {
    try {
      ctx.executor.execute(() -> drain(connectionId));
      return true;
    } catch (RejectedExecutionException e) {
      synchronized (this) {
        Pending dropped = byConnection.remove(connectionId);
        LOG.log(System.Logger.Level.WARNING, "connection {0}: the webhook executor is full; {1} records named by"
            + " webhooks are left to the next change-feed sync", connectionId,
            dropped == null ? 0 : dropped.events.size());
      }
      return false;
    }
  }

  /** Syncs what waits for the connection until nothing does; lets go when another sync holds the lease. */
  private void drain(String connectionId) {
    while (true) {
      List<WebhookEvent> events;
      boolean changeFeed;
      synchronized (this) {
        Pending pending = byConnection.get(connectionId);
        if (pending == null) {
          return;
        }
        if (closed || pending.isEmpty()) {
          byConnection.remove(connectionId);
          return;
        }
        events = new ArrayList<>(pending.events.values());
        changeFeed = pending.changeFeed;
        pending.events.clear();
        pending.changeFeed = false;
      }
      try {
        if (changeFeed) {
          syncs.sync(connectionId, SyncOptions.defaults());
        } else {
          syncs.targeted(connectionId, events);
        }
      } catch (SyncAlreadyRunningException e) {
        putBack(connectionId, events, changeFeed);
        return;
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "webhook-triggered sync of connection {0} failed ({1}); the next"
            + " incremental sync picks the changes up", connectionId, e.getClass().getSimpleName());
      }
    }
  }

  /** Another sync holds the lease: the events wait (behind newer ones of the same records) for it to end. */
  private void putBack(String connectionId, List<WebhookEvent> events, boolean changeFeed) {
    boolean local;
    synchronized (this) {
      Pending pending = byConnection.computeIfAbsent(connectionId, id -> new Pending());
      LinkedHashMap<String, WebhookEvent> merged = new LinkedHashMap<>();
      events.forEach(e -> merged.put(e.entityName() + "/" + e.entityId(), e));
      merged.putAll(pending.events);
      pending.events.clear();
      pending.events.putAll(merged);
      pending.changeFeed |= changeFeed;
      if (pending.events.size() > MAX_PENDING) {
        pending.events.clear();
        pending.changeFeed = true;
      }
      pending.scheduled = false;
      local = ctx.keeper.running(connectionId).isPresent();
    }
    if (!local) { // held by another process: look again later (a run here wakes the queue when it ends)
      ctx.keeper.later(() -> wake(connectionId), ctx.tuning.leaseTtl().dividedBy(3));
    } else if (ctx.keeper.running(connectionId).isEmpty()) {
      wake(connectionId); // it ended in between
    }
  }

  /** Stops scheduling; what waits is left to the next change-feed sync. */
  synchronized void close() {
    closed = true;
    int waiting = byConnection.values().stream().mapToInt(p -> p.events.size()).sum();
    if (waiting > 0) {
      LOG.log(System.Logger.Level.INFO, "closing: {0} records named by webhooks are left to the next change-feed sync",
          waiting);
    }
    byConnection.clear();
  }
}
