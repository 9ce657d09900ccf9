package dev.qbmc.core.reconcile;

import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordState;
import java.util.Objects;
import java.util.Optional;

/**
 * One change to the stored sync state, committed once the operation it belongs to succeeded: put a
 * record's new state, or remove a record's state.
 */
public final class StateChange {

  private final RecordKey key;
  private final RecordState state;

  private StateChange(RecordKey key, RecordState state) {
    this.key = key;
    this.state = state;
  }

  /**
   * Stores a record's state.
   *
   * @param state the new state
   * @return the change
   */
  public static StateChange put(RecordState state) {
    Objects.requireNonNull(state, "state");
    return new StateChange(state.key(), state);
  }

  /**
   * Removes a record's state.
   *
   * @param key the record
   * @return the change
   */
  public static StateChange remove(RecordKey key) {
    return new StateChange(Objects.requireNonNull(key, "key"), null);
  }

  /**
   * The record changed.
   *
   * @return the key
   */
  public RecordKey key() {
    return key;
  }

  /**
   * The state to store.
   *
   * @return the new state, empty for a removal
   */
  public Optional<RecordState> state() {
    return Optional.ofNullable(state);
  }

  /**
   * Whether this removes the record's state.
   *
   * @return true for a removal
   */
  public boolean isRemoval() {
    return state == null;
  }

  /**
   * Equal when both change the same key the same way.
   *
   * @param other another object
   * @return whether equal
   */
  @Override
  public boolean equals(Object other) {
    if (!(other instanceof StateChange)) {
      return false;
    }
    StateChange that = (StateChange) other;
    return key.equals(that.key) && Objects.equals(state, that.state);
  }

  /**
   * A hash of the key and state.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(key, state);
  }

  /**
   * For example {@code put CUSTOMER/5} or {@code remove INVOICE/7}.
   *
   * @return a short description
   */
  @Override
  public String toString() {
    return (state == null ? "remove " : "put ") + key.kind() + "/" + key.id();
  }
}
