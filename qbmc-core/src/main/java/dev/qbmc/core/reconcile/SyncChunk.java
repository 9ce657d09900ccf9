package dev.qbmc.core.reconcile;

import dev.qbmc.core.internal.QbmcStyle;
import dev.qbmc.core.mapping.MappedCustomer;
import dev.qbmc.core.mapping.MappingOutcome;
import dev.qbmc.core.mapping.OrderLine;
import dev.qbmc.core.mapping.OrderRecord;
import dev.qbmc.core.mapping.ProductRecord;
import dev.qbmc.core.model.QboEntity;
import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordKind;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * One chunk of a sync: the mapping outcomes of some QBO records and the transactions deleted in QBO.
 * The services build a chunk, load the stored states for {@link #stateKeys()} and hand both to
 * {@link Reconciler#plan}; memory then depends on the chunk size only, not on the company's size.
 */
@Value.Immutable
@QbmcStyle
public abstract class SyncChunk {

  SyncChunk() {}

  /**
   * Mapped or skipped customers.
   *
   * @return the outcomes, in QBO order
   */
  public abstract List<MappingOutcome<MappedCustomer>> customers();

  /**
   * Mapped or skipped items.
   *
   * @return the outcomes, in QBO order
   */
  public abstract List<MappingOutcome<ProductRecord>> products();

  /**
   * Mapped or skipped invoices and sales receipts.
   *
   * @return the outcomes, in QBO order
   */
  public abstract List<MappingOutcome<OrderRecord>> orders();

  /**
   * Records deleted in QBO (CDC {@code status="Deleted"}, webhook Delete). Only
   * {@link RecordKind#INVOICE} and {@link RecordKind#SALES_RECEIPT} deletions act (their orders are
   * deleted); deleted customers keep their contact and items keep their product, so other kinds are
   * ignored.
   *
   * @return the deleted records' keys
   */
  public abstract List<RecordKey> deletions();

  /**
   * The keys whose stored state {@link Reconciler#plan} needs: every mapped record's key, the
   * contact of every mapped customer, the items named by order lines, and the deletions.
   *
   * @return the keys, in a stable order
   */
  @Value.Lazy
  public Set<RecordKey> stateKeys() {
    Set<RecordKey> keys = new LinkedHashSet<>();
    for (MappingOutcome<MappedCustomer> c : customers()) {
      c.record()
          .ifPresent(
              m -> {
                keys.add(RecordKey.of(RecordKind.CUSTOMER, m.qboId()));
                keys.add(RecordKey.of(RecordKind.CONTACT, m.contact().subscriberHash()));
              });
    }
    for (MappingOutcome<ProductRecord> p : products()) {
      p.record().ifPresent(r -> keys.add(RecordKey.of(RecordKind.ITEM, r.id())));
    }
    for (MappingOutcome<OrderRecord> o : orders()) {
      if (o.record().isPresent()) {
        OrderRecord order = o.record().get();
        keys.add(orderKey(order.entityType(), order.qboId()));
        for (OrderLine line : order.lines()) {
          keys.add(RecordKey.of(RecordKind.ITEM, line.productId()));
        }
      }
    }
    keys.addAll(deletions());
    return Collections.unmodifiableSet(keys);
  }

  /**
   * The number of QBO records in the chunk (outcomes plus deletions).
   *
   * @return the count
   */
  public int size() {
    return customers().size() + products().size() + orders().size() + deletions().size();
  }

  /**
   * The key of a record QBO reports as deleted (CDC {@code status="Deleted"}, a delete response, a
   * webhook Delete or Merge), to pass to {@code addDeletions}; deleted records are never mapped.
   *
   * @param qboEntityName the entity name as QBO spells it ({@code Invoice}, {@code SalesReceipt},
   *     {@code Customer}, {@code Item})
   * @param qboId the deleted record's Id
   * @return the key, or empty for an entity type qbmc does not sync or a blank Id
   */
  public static Optional<RecordKey> deletionKey(String qboEntityName, String qboId) {
    if (qboEntityName == null || qboId == null || qboId.isBlank()) {
      return Optional.empty();
    }
    for (QboEntity type : QboEntity.values()) {
      if (type.qboName().equals(qboEntityName)) {
        return Optional.of(RecordKey.of(kindOf(type), qboId.strip()));
      }
    }
    return Optional.empty();
  }

  static RecordKind kindOf(QboEntity type) {
    switch (type) {
      case CUSTOMER:
        return RecordKind.CUSTOMER;
      case ITEM:
        return RecordKind.ITEM;
      case INVOICE:
        return RecordKind.INVOICE;
      case SALES_RECEIPT:
      default:
        return RecordKind.SALES_RECEIPT;
    }
  }

  static RecordKey orderKey(QboEntity type, String qboId) {
    return RecordKey.of(
        type == QboEntity.INVOICE ? RecordKind.INVOICE : RecordKind.SALES_RECEIPT, qboId);
  }

  /**
   * Starts a builder; every list may stay empty.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link SyncChunk} ({@code addCustomers}, {@code addProducts}, {@code addOrders}, {@code addDeletions}). */
  public static final class Builder extends ImmutableSyncChunk.Builder {
    Builder() {}
  }
}
