package dev.qbmc.quickbooks.webhook;

import dev.qbmc.quickbooks.EntityType;
import dev.qbmc.quickbooks.internal.QboStyle;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One entity change from a webhook, the same shape for legacy and CloudEvents payloads. Webhooks
 * carry ids only: read the entity (or run CDC) to get its data.
 */
@Value.Immutable
@QboStyle
public abstract class WebhookEvent {
  WebhookEvent() {}

  /** The payload format an event came from. */
  public enum Format {
    /** {@code {"eventNotifications": [...]}}. */
    LEGACY,
    /** A CloudEvents 1.0 JSON array. */
    CLOUD_EVENTS
  }

  /**
   * Id for de-duplication: the CloudEvents {@code id}; for legacy events a stable hash of realm,
   * entity, id, operation and {@code lastUpdated} (Intuit resends identical events on retry).
   *
   * @return the event id
   */
  public abstract String eventId();

  /**
   * The company.
   *
   * @return the realm id
   */
  public abstract String realmId();

  /**
   * The QBO entity name, for example {@code Customer} or {@code SalesReceipt}.
   *
   * @return the entity name
   */
  public abstract String entityName();

  /**
   * The changed entity's id (for merges, the surviving entity).
   *
   * @return the id
   */
  public abstract String entityId();

  /**
   * What happened.
   *
   * @return the operation
   */
  public abstract WebhookOperation operation();

  /**
   * When it happened ({@code lastUpdated} or CloudEvents {@code time}).
   *
   * @return the time, empty when absent or unparsable
   */
  public abstract Optional<OffsetDateTime> time();

  /**
   * For merges: the id of the entity that was merged away.
   *
   * @return the deleted id
   */
  public abstract Optional<String> deletedId();

  /**
   * The payload format.
   *
   * @return the format
   */
  public abstract Format format();

  /**
   * The entity type when this SDK supports it.
   *
   * @return the type, empty for entities such as {@code Vendor}
   */
  public Optional<EntityType<?>> entityType() {
    for (EntityType<?> type : EntityType.values()) {
      if (type.name().equalsIgnoreCase(entityName())) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link WebhookEvent} values. */
  public static final class Builder extends ImmutableWebhookEvent.Builder {
    Builder() {}
  }
}
