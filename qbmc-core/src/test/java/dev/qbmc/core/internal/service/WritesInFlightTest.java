package dev.qbmc.core.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qbmc.core.model.QboEntity;
import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.RecordState;
import dev.qbmc.core.reconcile.StateChange;
import dev.qbmc.core.reconcile.SyncOperation;
import dev.qbmc.core.reconcile.SyncPlan;
import dev.qbmc.core.spi.Checkpoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The rules that let several chunks' writes be in flight: commits in planning order, later chunks
 * plan against earlier chunks' planned states, no state built on an unconfirmed one is committed,
 * one writer per resource, and a failed write ends the run with nothing after it committed.
 */
class WritesInFlightTest {
  private final Map<RecordKey, RecordState> store = new HashMap<>();
  private final List<Checkpoint> commits = new ArrayList<>();
  private final List<String> done = new CopyOnWriteArrayList<>();
  private final List<Collection<RecordKey>> storeReads = new ArrayList<>();

  private WritesInFlight writes(int limit) {
    return new WritesInFlight(limit, keys -> {
      storeReads.add(List.copyOf(keys));
      Map<RecordKey, RecordState> found = new HashMap<>();
      keys.forEach(k -> {
        if (store.containsKey(k)) {
          found.put(k, store.get(k));
        }
      });
      return found;
    }, checkpoint -> {
      commits.add(checkpoint);
      checkpoint.puts().forEach(s -> store.put(s.key(), s));
      checkpoint.removals().forEach(store::remove);
    });
  }

  @Test
  void commitsInPlanningOrderWhenALaterChunkFinishesFirst() {
    CompletableFuture<Void> release = new CompletableFuture<>();
    try (WritesInFlight writes = writes(3)) {
      writes.submit(chunk("A", write(order("1"), "fp-a"), () -> {
        release.join();
        return confirmAll(write(order("1"), "fp-a"));
      }));
      writes.submit(chunk("B", write(order("2"), "fp-b"), () -> confirmAll(write(order("2"), "fp-b"))));
      release.complete(null);
      writes.drain();
    }
    assertThat(commits).extracting(c -> c.puts().get(0).fingerprint()).containsExactly("fp-a", "fp-b");
    assertThat(done).containsExactly("A", "B");
  }

  @Test
  void aLaterChunkPlansAgainstTheStatesOfTheChunksInFlight() {
    CompletableFuture<Void> release = new CompletableFuture<>();
    store.put(order("1"), state(order("1"), "stored"));
    try (WritesInFlight writes = writes(2)) {
      writes.submit(chunk("A", write(order("1"), "planned"), () -> {
        release.join();
        return confirmAll(write(order("1"), "planned"));
      }));
      storeReads.clear();
      Map<RecordKey, RecordState> read = writes.states(List.of(order("1"), order("2")));
      assertThat(read.get(order("1")).fingerprint()).isEqualTo("planned");
      assertThat(storeReads).containsExactly(List.of(order("2"))); // the planned key is not read from the store
      release.complete(null);
      writes.drain();
      assertThat(writes.states(List.of(order("1"))).get(order("1")).fingerprint()).isEqualTo("planned");
    }
  }

  @Test
  void aStateReadFromAWriteMailchimpDidNotConfirmIsNotCommitted() {
    RecordKey contact = RecordKey.of(RecordKind.CONTACT, "a".repeat(32));
    CompletableFuture<Void> release = new CompletableFuture<>();
    try (WritesInFlight writes = writes(2)) {
      // A tags the contact, and Mailchimp refuses the write
      writes.submit(chunk("A", write(contact, "tagged"), () -> {
        release.join();
        return new MailchimpWriter.Applied(List.of(), List.of());
      }));
      // B reads A's planned state and keeps it without a write, with its own order confirmed
      assertThat(writes.states(List.of(contact)).get(contact).fingerprint()).isEqualTo("tagged");
      SyncPlan plan = SyncPlan.of(List.of(
          new SyncOperation.RememberState(List.of(StateChange.put(state(contact, "tagged+invoice")))),
          delete(order("9"), "order-9")));
      writes.submit(new WritesInFlight.Chunk(plan, () -> confirmAll(plan),
          applied -> ContactUpkeep.toCommit(applied.confirmed(), plan), applied -> done.add("B")));
      release.complete(null);
      writes.drain();
    }
    assertThat(store).doesNotContainKey(contact);
    assertThat(store.get(order("9")).fingerprint()).isEqualTo("order-9");
    assertThat(done).containsExactly("A", "B");
  }

  @Test
  void aPlanThatWritesAResourceInFlightConflicts() {
    CompletableFuture<Void> release = new CompletableFuture<>();
    try (WritesInFlight writes = writes(4)) {
      writes.submit(chunk("A", write(order("1"), "x"), () -> {
        release.join();
        return confirmAll(write(order("1"), "x"));
      }));
      assertThat(writes.conflicts(write(order("1"), "y"))).isTrue();
      assertThat(writes.conflicts(write(order("2"), "y"))).isFalse();
      release.complete(null);
      writes.drain();
      assertThat(writes.conflicts(write(order("1"), "y"))).isFalse();
    }
  }

  @Test
  void aWriteThatThrowsEndsTheRunAndNothingAfterItIsCommitted() {
    CompletableFuture<Void> release = new CompletableFuture<>();
    WritesInFlight writes = writes(3);
    writes.submit(chunk("A", write(order("1"), "a"), () -> confirmAll(write(order("1"), "a"))));
    writes.submit(chunk("B", write(order("2"), "b"), () -> {
      release.join();
      throw new IllegalStateException("lease lost");
    }));
    writes.submit(chunk("C", write(order("3"), "c"), () -> confirmAll(write(order("3"), "c"))));
    release.complete(null);
    assertThatThrownBy(writes::drain).hasMessage("lease lost");
    writes.close();
    assertThat(store).containsOnlyKeys(order("1"));
    assertThat(done).containsExactly("A");
  }

  @Test
  void closeCommitsWhatFinishedAndNeverThrows() {
    WritesInFlight writes = writes(2);
    writes.submit(chunk("A", write(order("1"), "a"), () -> confirmAll(write(order("1"), "a"))));
    writes.submit(chunk("B", write(order("2"), "b"), () -> {
      throw new IllegalStateException("refused");
    }));
    writes.close();
    assertThat(store).containsOnlyKeys(order("1"));
  }

  @Test
  void withALimitOfOneEachChunkIsWrittenAndCommittedOnTheCallersThread() {
    Thread caller = Thread.currentThread();
    List<Thread> ran = new ArrayList<>();
    try (WritesInFlight writes = writes(1)) {
      writes.submit(chunk("A", write(order("1"), "a"), () -> {
        ran.add(Thread.currentThread());
        return confirmAll(write(order("1"), "a"));
      }));
      assertThat(commits).hasSize(1); // before the next chunk is planned
    }
    assertThat(ran).containsExactly(caller);
  }

  @Test
  void anotherWaveStartsOnceTheChunksInFlightAreCommitted() {
    CompletableFuture<Void> release = new CompletableFuture<>();
    try (WritesInFlight writes = writes(4)) {
      writes.enterWave(1);
      writes.submit(chunk("A", write(order("1"), "a"), () -> {
        release.join();
        return confirmAll(write(order("1"), "a"));
      }));
      release.complete(null);
      writes.enterWave(2);
      assertThat(done).containsExactly("A");
      assertThat(store).containsOnlyKeys(order("1"));
    }
  }

  // ---------------------------------------------------------------- helpers

  private WritesInFlight.Chunk chunk(String name, SyncPlan plan, Supplier<MailchimpWriter.Applied> write) {
    return new WritesInFlight.Chunk(plan, write, applied -> ContactUpkeep.toCommit(applied.confirmed(), plan),
        applied -> done.add(name));
  }

  private static RecordKey order(String id) {
    return RecordKey.of(RecordKind.INVOICE, id);
  }

  private static RecordState state(RecordKey key, String fingerprint) {
    return RecordState.of(key, fingerprint, null);
  }

  /** A plan with one write that confirms the key's new state. */
  private static SyncPlan write(RecordKey key, String fingerprint) {
    return SyncPlan.of(List.of(delete(key, fingerprint)));
  }

  /** A write (an order removal's shape) that confirms a state of the key. */
  private static SyncOperation delete(RecordKey key, String fingerprint) {
    return new SyncOperation.DeleteOrder("o-" + key.id(), QboEntity.INVOICE, key.id(),
        List.of(StateChange.put(state(key, fingerprint))));
  }

  private static MailchimpWriter.Applied confirmAll(SyncPlan plan) {
    List<StateChange> confirmed = new ArrayList<>();
    plan.writes().forEach(op -> confirmed.addAll(op.confirms()));
    return new MailchimpWriter.Applied(plan.writes(), confirmed);
  }
}
