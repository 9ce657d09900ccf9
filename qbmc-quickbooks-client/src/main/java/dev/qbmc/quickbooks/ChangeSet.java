package dev.qbmc.quickbooks;

import dev.qbmc.quickbooks.model.DeletedEntity;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The result of one Change Data Capture call: per requested entity type the changed entities (full
 * payloads) and the deleted ones (id and time only), plus the cursor for the next call.
 */
public final class ChangeSet {
  /** QBO returns at most this many objects per CDC response. */
  public static final int MAX_OBJECTS = 1000;

  private final OffsetDateTime changedSince;
  private final Map<EntityType<?>, List<?>> changed;
  private final Map<EntityType<?>, List<DeletedEntity>> deleted;
  private final OffsetDateTime serverTime;
  private final OffsetDateTime requestTime;

  ChangeSet(
      OffsetDateTime changedSince,
      Map<EntityType<?>, List<?>> changed,
      Map<EntityType<?>, List<DeletedEntity>> deleted,
      OffsetDateTime serverTime,
      OffsetDateTime requestTime) {
    this.changedSince = changedSince;
    this.changed = new LinkedHashMap<>(changed);
    this.deleted = new LinkedHashMap<>(deleted);
    this.serverTime = serverTime;
    this.requestTime = requestTime;
  }

  /**
   * Builds a change set by hand, for simulators and tests of code that consumes change sets.
   *
   * @param changedSince the requested start
   * @param changed changed entities per type; its keys are the requested types
   * @param deleted deleted entities per type; types missing here have no deletions
   * @param serverTime the server time to use as the next cursor
   * @return the change set
   * @throws IllegalArgumentException when an entity does not match its type, or {@code deleted}
   *     names a type not in {@code changed}
   */
  public static ChangeSet of(
      OffsetDateTime changedSince,
      Map<EntityType<?>, ? extends List<?>> changed,
      Map<EntityType<?>, ? extends List<DeletedEntity>> deleted,
      OffsetDateTime serverTime) {
    Objects.requireNonNull(changedSince, "changedSince");
    Objects.requireNonNull(serverTime, "serverTime");
    Map<EntityType<?>, List<?>> changedCopy = new LinkedHashMap<>();
    Map<EntityType<?>, List<DeletedEntity>> deletedCopy = new LinkedHashMap<>();
    changed.forEach(
        (type, list) -> {
          for (Object entity : list) {
            if (!type.modelType().isInstance(entity)) {
              throw new IllegalArgumentException(entity.getClass().getSimpleName() + " listed under " + type);
            }
          }
          changedCopy.put(type, List.copyOf(list));
          deletedCopy.put(type, List.of());
        });
    deleted.forEach(
        (type, list) -> {
          if (!changedCopy.containsKey(type)) {
            throw new IllegalArgumentException(type + " has deletions but is not a requested type");
          }
          deletedCopy.put(type, List.copyOf(list));
        });
    return new ChangeSet(changedSince, changedCopy, deletedCopy, serverTime, serverTime);
  }

  /**
   * The entity types that were requested.
   *
   * @return the types, in request order
   */
  public Set<EntityType<?>> entityTypes() {
    return new LinkedHashSet<>(changed.keySet());
  }

  /**
   * The changed (created, updated, voided) entities of one type.
   *
   * @param type the entity type
   * @param <T> the model type
   * @return the entities, empty when none changed
   * @throws IllegalArgumentException when the type was not requested
   */
  public <T> List<T> changed(EntityType<T> type) {
    List<?> list = changed.get(requested(type));
    @SuppressWarnings("unchecked")
    List<T> typed = (List<T>) list;
    return typed;
  }

  /**
   * The deleted entities of one type.
   *
   * @param type the entity type
   * @return the deletions, empty when none
   * @throws IllegalArgumentException when the type was not requested
   */
  public List<DeletedEntity> deleted(EntityType<?> type) {
    return deleted.get(requested(type));
  }

  private EntityType<?> requested(EntityType<?> type) {
    Objects.requireNonNull(type, "type");
    if (!changed.containsKey(type)) {
      throw new IllegalArgumentException(type + " was not requested in this change set");
    }
    return type;
  }

  /**
   * Total number of objects (changed and deleted, all types).
   *
   * @return the count
   */
  public int size() {
    int total = 0;
    for (List<?> list : changed.values()) {
      total += list.size();
    }
    for (List<DeletedEntity> list : deleted.values()) {
      total += list.size();
    }
    return total;
  }

  /**
   * Whether QBO may have cut the response at {@link #MAX_OBJECTS} objects. Intuit does not say
   * whether the cap is per entity or per response, so this is true when the total reaches it; the
   * caller should poll again with a narrower window or fewer entity types.
   *
   * @return true when the response may be incomplete
   */
  public boolean possiblyTruncated() {
    return size() >= MAX_OBJECTS;
  }

  /**
   * The {@code changedSince} that was requested.
   *
   * @return the requested start
   */
  public OffsetDateTime changedSince() {
    return changedSince;
  }

  /**
   * The server time of the response ({@code time}).
   *
   * @return the server time, empty when QBO did not send it
   */
  public Optional<OffsetDateTime> serverTime() {
    return Optional.ofNullable(serverTime);
  }

  /**
   * The {@code changedSince} to use next: the server time of this response, or when QBO sent none,
   * the client clock's time just before the request was sent.
   *
   * @return the next cursor
   */
  public OffsetDateTime nextChangedSince() {
    return serverTime != null ? serverTime : requestTime;
  }

  @Override
  public String toString() {
    return "ChangeSet{changedSince=" + changedSince + ", objects=" + size()
        + ", possiblyTruncated=" + possiblyTruncated() + ", serverTime=" + serverTime + "}";
  }
}
