package dev.qbmc.core.reconcile;

import dev.qbmc.core.mapping.ParentLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one chunk of a sync must do in Mailchimp, in dependency order: members, then their tags, then
 * e-commerce customers, products, new and updated orders, cancelled orders, deleted orders, then the
 * state kept without a write (linked jobs, remembered state), and finally the skipped records. Each operation names the state changes it confirms ({@link
 * SyncOperation#confirms()}); commit those once the operation succeeded. Applying all of them and
 * planning the same chunk again gives a plan without writes.
 */
public final class SyncPlan {

  private final List<SyncOperation> operations;
  private final List<ParentLink> deferredLinks;

  private SyncPlan(List<SyncOperation> operations, List<ParentLink> deferredLinks) {
    this.operations = List.copyOf(operations);
    this.deferredLinks = List.copyOf(deferredLinks);
  }

  /**
   * A plan of the given operations, kept in the given order.
   *
   * @param operations the operations in dependency order
   * @return the plan
   */
  public static SyncPlan of(List<? extends SyncOperation> operations) {
    return of(operations, List.of());
  }

  /**
   * A plan of the given operations and the links it could not resolve yet.
   *
   * @param operations the operations in dependency order
   * @param deferredLinks links whose parent is not known yet
   * @return the plan
   */
  public static SyncPlan of(List<? extends SyncOperation> operations, List<ParentLink> deferredLinks) {
    return new SyncPlan(new ArrayList<>(Objects.requireNonNull(operations, "operations")),
        Objects.requireNonNull(deferredLinks, "deferredLinks"));
  }

  /**
   * Links whose parent was neither in the chunk nor stored: plan them again (in a chunk with {@link
   * SyncChunk#deferUnresolvedLinks()} false) once the other customers are synced.
   *
   * @return the links, possibly empty
   */
  public List<ParentLink> deferredLinks() {
    return deferredLinks;
  }

  /**
   * The state changes that need no Mailchimp write ({@link SyncOperation.RememberState} and {@link
   * SyncOperation.AttachToParent}): commit them with the chunk's confirmed writes.
   *
   * @return the changes, in operation order
   */
  public List<StateChange> stateOnlyChanges() {
    List<StateChange> changes = new ArrayList<>();
    for (SyncOperation op : operations) {
      if (!writes(op)) {
        changes.addAll(op.confirms());
      }
    }
    return List.copyOf(changes);
  }

  private static boolean writes(SyncOperation op) {
    return !(op instanceof SyncOperation.Skip
        || op instanceof SyncOperation.RememberState
        || op instanceof SyncOperation.AttachToParent);
  }

  /**
   * All operations, including skips, in the order to run them.
   *
   * @return the operations
   */
  public List<SyncOperation> operations() {
    return operations;
  }

  /**
   * The operations that write to Mailchimp (all but the skips, links and remembered state).
   *
   * @return the writing operations, in order
   */
  public List<SyncOperation> writes() {
    return operations.stream().filter(SyncPlan::writes).toList();
  }

  /**
   * The skipped records.
   *
   * @return the skips, in order
   */
  public List<SyncOperation.Skip> skips() {
    List<SyncOperation.Skip> skips = new ArrayList<>();
    for (SyncOperation op : operations) {
      if (op instanceof SyncOperation.Skip) {
        skips.add((SyncOperation.Skip) op);
      }
    }
    return List.copyOf(skips);
  }

  /**
   * Every state change of the plan, in operation order.
   *
   * @return the changes
   */
  public List<StateChange> stateChanges() {
    List<StateChange> changes = new ArrayList<>();
    for (SyncOperation op : operations) {
      changes.addAll(op.confirms());
    }
    return List.copyOf(changes);
  }

  /**
   * The operations of one type.
   *
   * @param type for example {@code SyncOperation.UpsertOrder.class}
   * @param <T> the type
   * @return those operations, in order
   * @throws NullPointerException if the type is null
   */
  public <T extends SyncOperation> List<T> operationsOf(Class<T> type) {
    Objects.requireNonNull(type, "type");
    return operations.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /**
   * The number of contacts the plan may add to the audience: members upserted without earlier state.
   *
   * @return the count
   */
  public int newContactCount() {
    int count = 0;
    for (SyncOperation op : operations) {
      if (op instanceof SyncOperation.UpsertMember && ((SyncOperation.UpsertMember) op).isNew()) {
        count++;
      }
    }
    return count;
  }

  /**
   * Whether the plan writes nothing to Mailchimp (it may still report skipped records).
   *
   * @return true when there is no writing operation
   */
  public boolean hasNoWrites() {
    return operations.stream().noneMatch(SyncPlan::writes);
  }

  /**
   * A summary: the number of operations of each type.
   *
   * @return for example {@code SyncPlan[UpsertMember=2, TagMembers=1, Skip=1]}
   */
  @Override
  public String toString() {
    java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
    for (SyncOperation op : operations) {
      counts.merge(op.getClass().getSimpleName(), 1, Integer::sum);
    }
    return "SyncPlan" + counts.toString().replace('{', '[').replace('}', ']');
  }
}
