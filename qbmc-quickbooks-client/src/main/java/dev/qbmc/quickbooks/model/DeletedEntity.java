package dev.qbmc.quickbooks.model;

import dev.qbmc.quickbooks.internal.QboStyle;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An entity QBO reports as deleted ({@code "status": "Deleted"} in Change Data Capture): only its
 * type, id and deletion time are known.
 */
@Value.Immutable
@QboStyle
public abstract class DeletedEntity {
  DeletedEntity() {}

  /**
   * The QBO entity name, for example {@code Invoice}.
   *
   * @return the entity name
   */
  public abstract String entityName();

  /**
   * The deleted entity's id.
   *
   * @return the id
   */
  public abstract String id();

  /**
   * When the entity was deleted ({@code MetaData.LastUpdatedTime}), when QBO sent it.
   *
   * @return the time
   */
  public abstract Optional<OffsetDateTime> lastUpdatedTime();

  /**
   * A deleted entity.
   *
   * @param entityName the QBO entity name
   * @param id the id
   * @param lastUpdatedTime when it was deleted, or null when unknown
   * @return the value
   */
  public static DeletedEntity of(String entityName, String id, OffsetDateTime lastUpdatedTime) {
    return builder().entityName(entityName).id(id).lastUpdatedTime(Optional.ofNullable(lastUpdatedTime)).build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link DeletedEntity} values; entity name and id are required. */
  public static final class Builder extends ImmutableDeletedEntity.Builder {
    Builder() {}
  }
}
