package dev.qbmc.core.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PhasedChunksTest {

  private static PhasedChunks.Source<Integer> source(int wave, int from, int count) {
    return new PhasedChunks.Source<>(wave, () -> IntStream.range(from, from + count).boxed());
  }

  @Test
  void queriesOfOneWave_shareChunks_butAChunkNeverSpansTwoWaves() {
    PhasedChunks.Source<Integer> items = source(1, 0, 7);
    PhasedChunks.Source<Integer> customers = source(1, 100, 5);
    PhasedChunks.Source<Integer> invoices = source(2, 200, 4);
    PhasedChunks.Source<Integer> receipts = source(2, 300, 9);
    List<PhasedChunks.Chunk> chunks = new ArrayList<>();

    try (PhasedChunks it = new PhasedChunks(List.of(items, customers, invoices, receipts), 5)) {
      it.forEachRemaining(chunks::add);
    }

    assertThat(chunks).extracting(PhasedChunks.Chunk::wave).containsExactly(1, 1, 1, 2, 2, 2);
    assertThat(chunks).extracting(PhasedChunks.Chunk::size).containsExactly(5, 5, 2, 5, 5, 3);
    assertThat(chunks.get(1).rows(items)).containsExactly(5, 6);
    assertThat(chunks.get(1).rows(customers)).containsExactly(100, 101, 102);
    assertThat(chunks.get(2).rows(items)).isEmpty();
    assertThat(chunks.get(3).rows(invoices)).containsExactly(200, 201, 202, 203);
    assertThat(chunks.get(3).rows(receipts)).containsExactly(300);
    assertThat(chunks.get(5).rows(receipts)).containsExactly(306, 307, 308);
  }

  @Test
  void eachQuery_isOpenedOnlyOnceTheQueriesBeforeItAreRead() {
    List<String> events = new CopyOnWriteArrayList<>();
    PhasedChunks.Source<Integer> first = new PhasedChunks.Source<>(1, () -> {
      events.add("open first");
      return IntStream.range(0, 3).boxed().peek(i -> events.add("row " + i));
    });
    PhasedChunks.Source<Integer> second = new PhasedChunks.Source<>(2, () -> {
      events.add("open second");
      return Stream.of(9);
    });

    try (PhasedChunks it = new PhasedChunks(List.of(first, second), 10)) {
      it.forEachRemaining(c -> { });
    }

    assertThat(events).containsExactly("open first", "row 0", "row 1", "row 2", "open second");
  }

  @Test
  void aReadFailure_reachesTheConsumer_afterTheChunksReadBeforeIt() {
    PhasedChunks.Source<Integer> good = source(1, 0, 4);
    PhasedChunks.Source<Integer> failing = new PhasedChunks.Source<>(2, () -> {
      throw new IllegalStateException("the count failed");
    });

    try (PhasedChunks it = new PhasedChunks(List.of(good, failing), 5)) {
      assertThat(it.next().rows(good)).containsExactly(0, 1, 2, 3);
      assertThatThrownBy(it::hasNext).isInstanceOf(IllegalStateException.class).hasMessage("the count failed");
    }
  }

  @Test
  void emptyQueries_makeNoChunks() {
    PhasedChunks.Source<Integer> none = source(1, 0, 0);
    PhasedChunks.Source<Integer> some = source(2, 0, 2);

    try (PhasedChunks it = new PhasedChunks(List.of(none, some, source(2, 5, 0)), 5)) {
      assertThat(it.next().rows(some)).containsExactly(0, 1);
      assertThat(it.hasNext()).isFalse();
    }
    try (PhasedChunks it = new PhasedChunks(List.of(none), 5)) {
      assertThat(it.hasNext()).isFalse();
    }
  }
}
