package dev.qbmc.core.reconcile;

import dev.qbmc.core.internal.QbmcStyle;
import dev.qbmc.core.mapping.MappedCustomer;
import dev.qbmc.core.mapping.MappingOutcome;
import dev.qbmc.core.mapping.OrderLine;
import dev.qbmc.core.mapping.OrderRecord;
import dev.qbmc.core.mapping.ParentLink;
import dev.qbmc.core.mapping.ProductRecord;
import dev.qbmc.core.mapping.QboMapper;
import dev.qbmc.core.mapping.SyncSettings;
import dev.qbmc.core.model.QboEntity;
import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordKind;
import java.time.LocalDate;
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
   * Sub-customers whose orders belong to their parent's contact ({@link QboMapper#parentLink}). A
   * job without a usable email is also among {@link #customers()} as skipped; the plan then links it
   * instead of skipping it.
   *
   * @return the links, in QBO order
   */
  public abstract List<ParentLink> links();

  /**
   * Whether a link whose parent is neither in the chunk nor in the stored state is handed back
   * ({@link SyncPlan#deferredLinks()}) to be planned again once more customers are synced; false on
   * that last attempt, where such a link is skipped.
   *
   * @return true unless set
   */
  @Value.Default
  public boolean deferUnresolvedLinks() {
    return true;
  }

  /**
   * The day the sync judges invoices overdue on (the services' clock as a UTC date); without it the
   * plan keeps no overdue facts.
   *
   * @return the day, if the overdue facts are kept
   */
  public abstract Optional<LocalDate> today();

  /**
   * The connection's import tag, re-applied with a contact's fact tags when only those change.
   *
   * @return the tag; {@value SyncSettings#DEFAULT_TAG} unless set
   */
  @Value.Default
  public String importTag() {
    return SyncSettings.DEFAULT_TAG;
  }

  /**
   * The tag on contacts whose representative customer has an open balance; without it the plan
   * neither adds nor removes it.
   *
   * @return the tag name, if the connection keeps this fact
   */
  public abstract Optional<String> openBalanceTag();

  /**
   * The tag on contacts with an overdue invoice; without it the plan neither adds nor removes it.
   *
   * @return the tag name, if the connection keeps this fact
   */
  public abstract Optional<String> overdueTag();

  /**
   * The keys whose stored state {@link Reconciler#plan} needs: every mapped record's key, the
   * contact of every mapped customer, the items named by order lines, the deletions, the linked
   * jobs and their parents, and (with {@link #today()}) the contacts the invoices' orders name.
   * {@link Reconciler#followUpKeys} names the few more that these states point to.
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
        if (today().isPresent() && order.entityType() == QboEntity.INVOICE) {
          keys.add(RecordKey.of(RecordKind.CONTACT, order.customerId()));
        }
      }
    }
    keys.addAll(deletions());
    for (ParentLink link : links()) {
      keys.add(RecordKey.of(RecordKind.CUSTOMER, link.qboId()));
      keys.add(RecordKey.of(RecordKind.CUSTOMER, link.parentId()));
    }
    return Collections.unmodifiableSet(keys);
  }

  /**
   * The number of entries in the chunk (outcomes, deletions and links).
   *
   * @return the count
   */
  public int size() {
    return customers().size() + products().size() + orders().size() + deletions().size() + links().size();
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

  /**
   * Builds a {@link SyncChunk} ({@code addCustomers}, {@code addProducts}, {@code addOrders},
   * {@code addDeletions}, {@code addLinks}, {@code today}, the fact tags).
   */
  public static final class Builder extends ImmutableSyncChunk.Builder {
    Builder() {}
  }
}
