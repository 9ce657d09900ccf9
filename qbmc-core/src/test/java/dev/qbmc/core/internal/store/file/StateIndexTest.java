package dev.qbmc.core.internal.store.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qbmc.core.model.RecordKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StateIndexTest {

  /** Ids by the offset a test gives them: what the files would hold. */
  private final Map<Long, String> ids = new HashMap<>();
  private long nextOffset = 1;

  private final StateIndex index =
      new StateIndex((location, id) -> ids.get(StateIndex.offset(location)).equals(new String(id, StandardCharsets.UTF_8)));

  private long put(RecordKind kind, String id) {
    long offset = nextOffset++;
    ids.put(offset, id);
    long location = StateIndex.location(kind, 3, offset);
    index.put(kind, id, location);
    return location;
  }

  @Test
  void holdsAtMost40BytesOfHeapPerState() {
    for (int n : new int[] {100_000, 200_000, 400_000}) {
      while (index.size() < n) {
        put(RecordKind.INVOICE, "id-" + index.size());
      }
      assertThat((double) index.heapBytes() / index.size()).as("at %,d states", n).isLessThanOrEqualTo(40);
    }
  }

  @Test
  void randomPutsAndRemoves_agreeWithAMap() {
    Random random = new Random(42);
    Map<String, Long> model = new HashMap<>();
    RecordKind[] kinds = RecordKind.values();
    for (int step = 0; step < 200_000; step++) {
      RecordKind kind = kinds[random.nextInt(kinds.length)];
      String id = Integer.toString(random.nextInt(5_000));
      String key = kind + "/" + id;
      if (random.nextInt(3) == 0) {
        assertThat(index.remove(kind, id)).isEqualTo(model.remove(key) != null);
      } else {
        model.put(key, put(kind, id));
      }
      if (step % 50_000 == 0) {
        index.clear(RecordKind.ITEM);
        model.keySet().removeIf(k -> k.startsWith("ITEM/"));
      }
    }
    assertThat(index.size()).isEqualTo(model.size());
    for (RecordKind kind : kinds) {
      for (int i = 0; i < 5_000; i++) {
        Long expected = model.get(kind + "/" + i);
        assertThat(index.get(kind, Integer.toString(i))).isEqualTo(expected == null ? 0 : expected);
      }
      assertThat(index.count(kind)).isEqualTo(model.keySet().stream().filter(k -> k.startsWith(kind + "/")).count());
    }
  }

  @Test
  void sortedLocations_ofAKind_areInFileOrder_andRemapMovesOnlyThoseCopied() {
    List<Long> invoices = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      invoices.add(put(RecordKind.INVOICE, "i" + i));
      put(RecordKind.CUSTOMER, "c" + i);
    }
    long[] sorted = index.sortedLocations(RecordKind.INVOICE);
    assertThat(sorted).hasSize(1000);
    long[] expected = invoices.stream().mapToLong(Long::longValue).sorted().toArray();
    assertThat(sorted).isEqualTo(expected);

    long[] moved = Arrays.stream(sorted)
        .map(l -> StateIndex.location(RecordKind.INVOICE, 1, StateIndex.offset(l)))
        .toArray();
    index.remap(sorted, moved);
    assertThat(StateIndex.file(index.get(RecordKind.INVOICE, "i7"))).isEqualTo(1);
    assertThat(StateIndex.file(index.get(RecordKind.CUSTOMER, "c7"))).isEqualTo(3);
  }
}
