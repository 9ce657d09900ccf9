package dev.qbmc.core.model;

import java.util.Objects;

/**
 * Identifies one record whose sync state is kept: its kind and its id (the QBO Id, or the subscriber
 * hash for a {@link RecordKind#CONTACT}).
 *
 * @param kind the kind of record
 * @param id the record's id within its kind; never blank
 */
public record RecordKey(RecordKind kind, String id) {

  /**
   * Validates the key.
   *
   * @param kind the kind of record
   * @param id the record's id within its kind; never blank
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the id is blank
   */
  public RecordKey {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("record id must not be blank");
    }
  }

  /**
   * Creates a key.
   *
   * @param kind the kind of record
   * @param id the record's id
   * @return the key
   */
  public static RecordKey of(RecordKind kind, String id) {
    return new RecordKey(kind, id);
  }
}
