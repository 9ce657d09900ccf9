package dev.qbmc.core.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PrefetchingChunksTest {

  @Test
  void rows_comeBackInOrder_inChunksOfTheGivenSize() {
    List<List<Integer>> chunks = new ArrayList<>();
    try (PrefetchingChunks<Integer> it = new PrefetchingChunks<>(IntStream.range(0, 2_501).boxed(), 1_000)) {
      it.forEachRemaining(chunks::add);
    }
    assertThat(chunks).extracting(List::size).containsExactly(1_000, 1_000, 501);
    assertThat(chunks.get(2).get(500)).isEqualTo(2_500);
  }

  @Test
  void aReadFailure_reachesTheConsumer_afterTheRowsReadBeforeIt() {
    Stream<Integer> failing = IntStream.range(0, 15).boxed().map(i -> {
      if (i == 12) {
        throw new IllegalStateException("page 2 failed");
      }
      return i;
    });
    try (PrefetchingChunks<Integer> it = new PrefetchingChunks<>(failing, 5)) {
      assertThat(it.next()).hasSize(5);
      assertThat(it.next()).hasSize(5);
      assertThatThrownBy(it::hasNext).isInstanceOf(IllegalStateException.class).hasMessage("page 2 failed");
    }
  }

  @Test
  void closing_stopsTheReader_withoutReadingTheRest() {
    AtomicInteger read = new AtomicInteger();
    Stream<Integer> rows = Stream.iterate(0, i -> i + 1).peek(i -> read.incrementAndGet());
    try (PrefetchingChunks<Integer> it = new PrefetchingChunks<>(rows, 10)) {
      assertThat(it.next()).hasSize(10);
    }
    int afterClose = read.get();
    assertThat(afterClose).isLessThan(10_000);
  }

  @Test
  void anEmptyQuery_hasNoChunks() {
    try (PrefetchingChunks<Integer> it = new PrefetchingChunks<>(Stream.empty(), 10)) {
      assertThat(it.hasNext()).isFalse();
    }
  }
}
