package dev.qbmc.core.internal.service;

import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.RecordState;
import dev.qbmc.core.reconcile.StateChange;
import dev.qbmc.core.reconcile.SyncOperation;
import dev.qbmc.core.reconcile.SyncPlan;
import dev.qbmc.core.spi.Checkpoint;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Keeps the Mailchimp writes of up to {@code limit} chunks in flight at once, so that a run does not
 * wait on one {@code /batches} request at a time, and commits their states one chunk after the
 * other, in the order the chunks were planned.
 *
 * <p>A chunk is planned while earlier chunks' writes are still running: it reads the states those
 * chunks would commit (an overlay of their plans over the store, {@link #states}), exactly as it
 * would after their commits. Three rules keep that as safe as planning one chunk at a time:
 *
 * <ol>
 *   <li><b>Waves</b>: chunks of different waves never overlap ({@link #enterWave}); the orders'
 *       wave starts once every customer and product is written and committed.
 *   <li><b>One writer per resource</b>: a chunk whose writes touch a Mailchimp resource (a member,
 *       an e-commerce customer, product or order) that an earlier chunk in flight also writes is
 *       not sent before that chunk ended ({@link #conflicts}; the caller then {@link #drain drains}
 *       and plans it again from the store), because Mailchimp runs concurrent batches in no
 *       particular order.
 *   <li><b>No state built on a write that failed</b>: when a chunk ends without Mailchimp
 *       confirming a state it planned, that key is <i>unconfirmed</i>; a later chunk that read it
 *       from the overlay does not commit its own state for it (the failure is in the report, so the
 *       cursor stays and the next run plans it again from what was really committed).
 * </ol>
 *
 * <p>Only the run's own thread calls this class; the writes run on up to {@code limit} daemon
 * threads. A write that throws ends the run: the chunks after it are waited for (they stop at the
 * run's next gate) and not committed. With a limit of 1 every chunk is written on the run's thread
 * and committed before the next is planned.
 */
final class WritesInFlight implements AutoCloseable {

  /**
   * One chunk's writes: {@code write} sends them and answers what Mailchimp confirmed; {@code
   * toCommit} turns that into the state changes to commit; {@code done} reports it, after the commit.
   */
  record Chunk(
      SyncPlan plan,
      Supplier<MailchimpWriter.Applied> write,
      Function<MailchimpWriter.Applied, List<StateChange>> toCommit,
      Consumer<MailchimpWriter.Applied> done) {}

  private record Submitted(long owner, Chunk chunk, Future<MailchimpWriter.Applied> result,
      Set<RecordKey> overlayReads, Set<RecordKey> resources) {}

  private record Planned(long owner, Optional<RecordState> state) {}

  private final int limit;
  private final Function<Collection<RecordKey>, Map<RecordKey, RecordState>> stored;
  private final Consumer<Checkpoint> commit;
  private final ArrayDeque<Submitted> inFlight = new ArrayDeque<>();
  /** The states the chunks in flight would commit, by key, with the chunk that planned them last. */
  private final Map<RecordKey, Planned> overlay = new HashMap<>();
  /** How many chunks in flight write each resource. */
  private final Map<RecordKey, Integer> writing = new HashMap<>();
  /** Keys a chunk in flight planned and Mailchimp did not confirm. */
  private final Set<RecordKey> unconfirmed = new HashSet<>();
  /** Keys the chunk being planned read from the overlay. */
  private Set<RecordKey> overlayReads = new HashSet<>();
  private ExecutorService threads;
  private long planned;
  private int wave = -1;

  /**
   * @param limit chunks whose writes may run at once, at least 1
   * @param stored reads committed states from the store
   * @param commit commits one chunk's checkpoint under the run's lease (throws when refused)
   */
  WritesInFlight(int limit, Function<Collection<RecordKey>, Map<RecordKey, RecordState>> stored,
      Consumer<Checkpoint> commit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    this.limit = limit;
    this.stored = stored;
    this.commit = commit;
  }

  /**
   * The states a chunk plans against: the committed ones with those of the chunks in flight laid
   * over them.
   *
   * @param keys the keys
   * @return the states found; a key without an entry has no state
   */
  Map<RecordKey, RecordState> states(Collection<RecordKey> keys) {
    if (overlay.isEmpty()) {
      return stored.apply(keys);
    }
    Map<RecordKey, RecordState> found = new HashMap<>(stored.apply(keys.stream().filter(k -> !overlay.containsKey(k)).toList()));
    for (RecordKey key : keys) {
      Planned laid = overlay.get(key);
      if (laid != null) {
        overlayReads.add(key);
        laid.state().ifPresent(state -> found.put(key, state));
      }
    }
    return found;
  }

  /**
   * Starts a chunk of the given wave: when the chunks in flight belong to another wave, waits for
   * them and commits them first. Commits the chunks whose writes already ended.
   *
   * @param next the chunk's wave
   */
  void enterWave(int next) {
    if (next != wave) {
      drain();
      wave = next;
    }
    while (!inFlight.isEmpty() && inFlight.peekFirst().result().isDone()) {
      completeOldest();
    }
  }

  /**
   * Whether a plan writes a resource that a chunk in flight writes too; plan it again after {@link
   * #drain()}.
   *
   * @param plan the plan
   * @return true on a conflict
   */
  boolean conflicts(SyncPlan plan) {
    if (writing.isEmpty()) {
      return false;
    }
    for (RecordKey resource : resources(plan)) {
      if (writing.containsKey(resource)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Sends a planned chunk's writes: on the run's thread when the limit is 1, else on a write thread
   * once fewer than {@code limit} chunks are in flight (the oldest is waited for and committed).
   *
   * @param chunk the chunk
   */
  void submit(Chunk chunk) {
    Set<RecordKey> reads = overlayReads;
    overlayReads = new HashSet<>();
    long owner = ++planned;
    if (limit == 1) { // written and committed before the next chunk is planned: nothing to lay over
      complete(new Submitted(owner, chunk, CompletableFuture.completedFuture(chunk.write().get()), reads, Set.of()));
      return;
    }
    while (inFlight.size() >= limit) {
      completeOldest();
    }
    Submitted submitted =
        new Submitted(owner, chunk, threads().submit(chunk.write()::get), reads, resources(chunk.plan()));
    for (StateChange change : chunk.plan().stateChanges()) {
      overlay.put(change.key(), new Planned(owner, change.state()));
    }
    submitted.resources().forEach(r -> writing.merge(r, 1, Integer::sum));
    inFlight.addLast(submitted);
  }

  /**
   * Waits for every chunk in flight and commits them in order; rethrows the first write's failure
   * (the chunks after it are waited for and not committed).
   */
  void drain() {
    while (!inFlight.isEmpty()) {
      completeOldest();
    }
    unconfirmed.clear();
    overlayReads = new HashSet<>();
  }

  /**
   * Waits for the chunks in flight, committing them in order until one fails or a commit is
   * refused, then stops the write threads. Never throws: it runs when the run ends, also after a
   * failure.
   */
  @Override
  public void close() {
    try {
      drain();
    } catch (RuntimeException | Error e) {
      // the run is ending already; what was not committed is written again by the next run
    } finally {
      abandon();
      if (threads != null) {
        threads.shutdownNow();
      }
    }
  }

  private void completeOldest() {
    complete(inFlight.pollFirst());
  }

  /** Waits for a chunk's writes, commits what they confirmed and reports them; on a failure, abandons the rest. */
  private void complete(Submitted oldest) {
    MailchimpWriter.Applied applied;
    try {
      applied = await(oldest.result());
    } catch (RuntimeException | Error e) {
      release(oldest);
      abandon();
      throw e;
    }
    try {
      Set<RecordKey> committed = commit(oldest, applied);
      for (StateChange change : oldest.chunk().plan().stateChanges()) {
        if (!committed.contains(change.key())) {
          unconfirmed.add(change.key());
        }
      }
    } catch (RuntimeException | Error e) {
      release(oldest);
      abandon();
      throw e;
    }
    release(oldest);
    oldest.chunk().done().accept(applied);
  }

  /** Commits what Mailchimp confirmed, less the states built on an unconfirmed read; the keys committed. */
  private Set<RecordKey> commit(Submitted submitted, MailchimpWriter.Applied applied) {
    Checkpoint.Builder checkpoint = Checkpoint.builder();
    Set<RecordKey> committed = new HashSet<>();
    for (StateChange change : submitted.chunk().toCommit().apply(applied)) {
      RecordKey key = change.key();
      if (submitted.overlayReads().contains(key) && unconfirmed.contains(key)) {
        continue;
      }
      committed.add(key);
      if (change.isRemoval()) {
        checkpoint.addRemovals(key);
      } else {
        checkpoint.addPuts(change.state().orElseThrow());
      }
    }
    Checkpoint built = checkpoint.build();
    if (!built.isEmpty()) {
      commit.accept(built);
    }
    return committed;
  }

  /** Waits for the chunks still in flight, without committing them, after a failure. */
  private void abandon() {
    while (!inFlight.isEmpty()) {
      Submitted next = inFlight.pollFirst();
      try {
        await(next.result());
      } catch (RuntimeException | Error e) {
        // the first failure is the one the run reports
      }
      release(next);
    }
  }

  private void release(Submitted submitted) {
    long owner = submitted.owner();
    for (StateChange change : submitted.chunk().plan().stateChanges()) {
      Planned laid = overlay.get(change.key());
      if (laid != null && laid.owner() == owner) {
        overlay.remove(change.key());
      }
    }
    for (RecordKey resource : submitted.resources()) {
      writing.computeIfPresent(resource, (r, n) -> n == 1 ? null : n - 1);
    }
  }

  private static MailchimpWriter.Applied await(Future<MailchimpWriter.Applied> result) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return result.get();
        } catch (InterruptedException e) {
          interrupted = true; // the writes stop at the run's next gate; their outcome must be known
        }
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private ExecutorService threads() {
    if (threads == null) {
      threads = Executors.newFixedThreadPool(limit, task -> {
        Thread thread = new Thread(task, "qbmc-mailchimp-writes");
        thread.setDaemon(true);
        return thread;
      });
    }
    return threads;
  }

  /**
   * The Mailchimp resources a plan writes, named by their state keys: every key its writes confirm,
   * and the contact behind a member, tag or e-commerce customer write.
   */
  private static Set<RecordKey> resources(SyncPlan plan) {
    Set<RecordKey> resources = new HashSet<>();
    for (SyncOperation op : plan.writes()) {
      op.confirms().forEach(c -> resources.add(c.key()));
      if (op instanceof SyncOperation.UpsertMember m) {
        resources.add(RecordKey.of(RecordKind.CONTACT, m.contact().subscriberHash()));
      } else if (op instanceof SyncOperation.TagMembers t) {
        t.members().forEach(m -> resources.add(RecordKey.of(RecordKind.CONTACT, m.subscriberHash())));
      } else if (op instanceof SyncOperation.UpsertCustomer c) {
        resources.add(RecordKey.of(RecordKind.CONTACT, c.customer().id()));
      }
    }
    return resources;
  }
}
