package dev.qbmc.core.internal.store.file;

import dev.qbmc.core.model.RecordKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where each record state of a connection is on disk: an open-addressing hash table (linear
 * probing, backward-shift deletion) of a 32-bit key hash and a 64-bit location per state, 12 bytes
 * a slot at a load of 0.375 to 0.75, so 16 to 32 bytes of heap per state. The key itself stays on
 * disk: a hash match is confirmed by reading the record's id, so two keys with equal hashes never
 * mix.
 *
 * <p>A location packs the kind (bits 59-62), the file (bits 56-58, never 0, so a location is never
 * 0, which marks an empty slot) and the record's offset in that file (bits 0-55). Sorting
 * locations therefore groups them by kind, then by file, then by offset. Not thread-safe.
 */
final class StateIndex {

  /** Reads the id of the record at a location. */
  @FunctionalInterface
  interface IdCheck {
    boolean idEquals(long location, byte[] id) throws IOException;
  }

  private static final int MIN_CAPACITY = 1024;
  private static final long OFFSET_MASK = (1L << 56) - 1;

  private final IdCheck check;
  private int[] hashes;
  private long[] locations;
  private int size;
  private final long[] counts = new long[RecordKind.values().length];

  StateIndex(IdCheck check) {
    this.check = check;
    this.hashes = new int[MIN_CAPACITY];
    this.locations = new long[MIN_CAPACITY];
  }

  static long location(RecordKind kind, int file, long offset) {
    return (long) kind.ordinal() << 59 | (long) file << 56 | offset;
  }

  static int file(long location) {
    return (int) (location >>> 56) & 7;
  }

  static int kind(long location) {
    return (int) (location >>> 59);
  }

  static long offset(long location) {
    return location & OFFSET_MASK;
  }

  private static long hash64(RecordKind kind, byte[] id) {
    long h = 0xcbf29ce484222325L ^ kind.ordinal();
    for (byte b : id) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }

  /** The slot of a key, or -1 - (the empty slot where it would go). */
  private int find(RecordKind kind, byte[] id, int hash) {
    int mask = hashes.length - 1;
    int i = hash & mask;
    while (locations[i] != 0) {
      if (hashes[i] == hash && kind(locations[i]) == kind.ordinal()) {
        try {
          if (check.idEquals(locations[i], id)) {
            return i;
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      i = (i + 1) & mask;
    }
    return -1 - i;
  }

  private static int hash(RecordKind kind, byte[] id) {
    return (int) (hash64(kind, id) >>> 32);
  }

  static byte[] utf8(String id) {
    return id.getBytes(StandardCharsets.UTF_8);
  }

  long get(RecordKind kind, String id) {
    byte[] b = utf8(id);
    int slot = find(kind, b, hash(kind, b));
    return slot >= 0 ? locations[slot] : 0;
  }

  void put(RecordKind kind, String id, long location) {
    byte[] b = utf8(id);
    int h = hash(kind, b);
    int slot = find(kind, b, h);
    if (slot >= 0) {
      locations[slot] = location;
      return;
    }
    slot = -1 - slot;
    hashes[slot] = h;
    locations[slot] = location;
    size++;
    counts[kind.ordinal()]++;
    if (size > hashes.length / 4 * 3) {
      resize(hashes.length * 2);
    }
  }

  boolean remove(RecordKind kind, String id) {
    byte[] b = utf8(id);
    int slot = find(kind, b, hash(kind, b));
    if (slot < 0) {
      return false;
    }
    counts[kind(locations[slot])]--;
    size--;
    int mask = hashes.length - 1;
    int hole = slot;
    int i = (slot + 1) & mask;
    while (locations[i] != 0) {
      int home = hashes[i] & mask;
      if (((i - home) & mask) >= ((i - hole) & mask)) {
        hashes[hole] = hashes[i];
        locations[hole] = locations[i];
        hole = i;
      }
      i = (i + 1) & mask;
    }
    locations[hole] = 0;
    hashes[hole] = 0;
    if (size < hashes.length / 8 && hashes.length > MIN_CAPACITY) {
      resize(hashes.length / 2);
    }
    return true;
  }

  private void resize(int capacity) {
    int[] oldHashes = hashes;
    long[] oldLocations = locations;
    hashes = new int[capacity];
    locations = new long[capacity];
    int mask = capacity - 1;
    for (int j = 0; j < oldHashes.length; j++) {
      if (oldLocations[j] != 0) {
        int i = oldHashes[j] & mask;
        while (locations[i] != 0) {
          i = (i + 1) & mask;
        }
        hashes[i] = oldHashes[j];
        locations[i] = oldLocations[j];
      }
    }
  }

  /** Removes every state of a kind. */
  void clear(RecordKind kind) {
    if (counts[kind.ordinal()] == 0) {
      return;
    }
    int[] oldHashes = hashes;
    long[] oldLocations = locations;
    long keep = size - counts[kind.ordinal()];
    int capacity = MIN_CAPACITY;
    while (keep > capacity / 4 * 3) {
      capacity *= 2;
    }
    hashes = new int[capacity];
    locations = new long[capacity];
    int mask = capacity - 1;
    for (int j = 0; j < oldHashes.length; j++) {
      if (oldLocations[j] != 0 && kind(oldLocations[j]) != kind.ordinal()) {
        int i = oldHashes[j] & mask;
        while (locations[i] != 0) {
          i = (i + 1) & mask;
        }
        hashes[i] = oldHashes[j];
        locations[i] = oldLocations[j];
      }
    }
    size = (int) keep;
    counts[kind.ordinal()] = 0;
  }

  long count(RecordKind kind) {
    return counts[kind.ordinal()];
  }

  int size() {
    return size;
  }

  /** Heap held by the table, in bytes. */
  long heapBytes() {
    return 12L * hashes.length;
  }

  /**
   * The sorted locations of one kind, or of all states.
   *
   * @param kind the kind, or null for all
   * @return a sorted copy
   */
  long[] sortedLocations(RecordKind kind) {
    long[] out = new long[kind == null ? size : (int) counts[kind.ordinal()]];
    int n = 0;
    for (long l : locations) {
      if (l != 0 && (kind == null || kind(l) == kind.ordinal())) {
        out[n++] = l;
      }
    }
    Arrays.sort(out);
    return out;
  }

  /** Moves every location of file {@code from} to file {@code to} (the file was renamed). */
  void relabel(int from, int to) {
    for (int i = 0; i < locations.length; i++) {
      long l = locations[i];
      if (l != 0 && file(l) == from) {
        locations[i] = l & ~(7L << 56) | (long) to << 56;
      }
    }
  }

  /**
   * Points the states that a new snapshot holds at it: every location found in {@code oldSorted}
   * becomes the location at the same position of {@code moved}.
   *
   * @param oldSorted the locations copied into the snapshot, sorted
   * @param moved their locations in the snapshot
   */
  void remap(long[] oldSorted, long[] moved) {
    for (int i = 0; i < locations.length; i++) {
      long l = locations[i];
      if (l != 0) {
        int at = Arrays.binarySearch(oldSorted, l);
        if (at >= 0) {
          locations[i] = moved[at];
        }
      }
    }
  }
}
