package dev.qbmc.core.internal.service;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;

/**
 * The QBO ids seen by a full read, kept compactly: QBO ids are decimal numbers in practice, held in a
 * bit set (1,000,000 ids in about 125 KB); any other id goes to a hash set.
 */
final class SeenIds {
  private final BitSet numeric = new BitSet();
  private final Set<String> other = new HashSet<>();

  void add(String id) {
    int n = numeric(id);
    if (n >= 0) {
      numeric.set(n);
    } else {
      other.add(id);
    }
  }

  boolean contains(String id) {
    int n = numeric(id);
    return n >= 0 ? numeric.get(n) : other.contains(id);
  }

  private static int numeric(String id) {
    if (id.isEmpty() || id.length() > 9 || (id.length() > 1 && id.charAt(0) == '0')) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
