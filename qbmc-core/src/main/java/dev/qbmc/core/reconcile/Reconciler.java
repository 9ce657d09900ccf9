package dev.qbmc.core.reconcile;

import dev.qbmc.core.mapping.CommerceCustomerRecord;
import dev.qbmc.core.mapping.ContactRecord;
import dev.qbmc.core.mapping.MappedCustomer;
import dev.qbmc.core.mapping.MappingOutcome;
import dev.qbmc.core.mapping.OrderLine;
import dev.qbmc.core.mapping.OrderRecord;
import dev.qbmc.core.mapping.ProductRecord;
import dev.qbmc.core.model.QboEntity;
import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.RecordState;
import dev.qbmc.core.model.SkipReason;
import dev.qbmc.core.reconcile.SyncOperation.CancelOrder;
import dev.qbmc.core.reconcile.SyncOperation.DeleteOrder;
import dev.qbmc.core.reconcile.SyncOperation.Skip;
import dev.qbmc.core.reconcile.SyncOperation.TagMembers;
import dev.qbmc.core.reconcile.SyncOperation.TaggedMember;
import dev.qbmc.core.reconcile.SyncOperation.UpsertCustomer;
import dev.qbmc.core.reconcile.SyncOperation.UpsertMember;
import dev.qbmc.core.reconcile.SyncOperation.UpsertOrder;
import dev.qbmc.core.reconcile.SyncOperation.UpsertProduct;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reconciles one {@link SyncChunk} with the stored state of earlier syncs into a {@link SyncPlan}.
 * Pure: the same chunk and states always give the same plan.
 *
 * <p><b>Rules.</b>
 *
 * <ul>
 *   <li>A record whose fingerprint equals its stored fingerprint makes no operation.
 *   <li>Skipped mapping outcomes become {@link Skip} operations; they store no state, so they are
 *       evaluated (and reported) again by every sync.
 *   <li><b>Customers sharing an email address</b> become one contact ({@code CONTACT} state keyed by
 *       the subscriber hash) and one e-commerce customer (its id is the subscriber hash). Within a
 *       chunk the customer most recently updated in QBO ({@code MetaData.LastUpdatedTime}, ties
 *       broken by the larger QBO Id) supplies the contact's and the e-commerce customer's data; the
 *       {@code CUSTOMER} state of every one of them is stored (confirmed by the single {@link
 *       UpsertCustomer}), so each one's orders name the shared e-commerce customer and a later
 *       change of any of them writes again. Across chunks and syncs the last change written wins.
 *   <li>Products come before the orders naming them. An order line naming an item that is neither
 *       in the chunk nor stored gets a stand-in product ({@link ProductRecord#standIn()}) made from
 *       the line (title from the {@code ItemRef} name, else "Item &lt;id&gt;"; price from the line);
 *       the line without item ({@link ProductRecord#PLACEHOLDER_ID}) gets the placeholder product.
 *       When the real item syncs, its different fingerprint replaces the stand-in.
 *   <li>A voided transaction synced earlier becomes {@link CancelOrder}; one never synced is
 *       skipped with {@link SkipReason#VOIDED_BEFORE_SYNC}.
 *   <li>A deleted transaction synced earlier becomes {@link DeleteOrder} and its state is removed; a
 *       deletion in the chunk wins over a mapped record with the same key. Deleted or inactive
 *       customers keep their contact: no operation ever deletes or archives a member.
 * </ul>
 */
public final class Reconciler {

  private static final Comparator<ContactRecord> MOST_RECENT =
      Comparator.comparing(
              (ContactRecord c) -> c.lastUpdated().map(OffsetDateTime::toInstant).orElse(null),
              Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(c -> c.qboCustomerId().length())
          .thenComparing(ContactRecord::qboCustomerId);

  private Reconciler() {}

  /**
   * Plans one chunk.
   *
   * @param chunk the mapped records and deletions
   * @param storedStates the stored states for (at least) {@link SyncChunk#stateKeys()}; a key
   *     without an entry has never been synced
   * @return the plan, in dependency order
   * @throws NullPointerException if an argument is null
   */
  public static SyncPlan plan(SyncChunk chunk, Map<RecordKey, RecordState> storedStates) {
    Objects.requireNonNull(chunk, "chunk");
    Objects.requireNonNull(storedStates, "storedStates");
    return new Planning(chunk, storedStates).run();
  }

  /** The working state of one planning run. */
  private static final class Planning {
    private final SyncChunk chunk;
    private final Map<RecordKey, RecordState> stored;
    private final List<SyncOperation> members = new ArrayList<>();
    private final Map<String, List<TaggedMember>> tagged = new LinkedHashMap<>();
    private final List<SyncOperation> customers = new ArrayList<>();
    private final List<SyncOperation> products = new ArrayList<>();
    private final List<SyncOperation> orders = new ArrayList<>();
    private final List<SyncOperation> cancels = new ArrayList<>();
    private final List<SyncOperation> deletes = new ArrayList<>();
    private final List<SyncOperation> skips = new ArrayList<>();
    private final Set<String> knownProducts = new HashSet<>();

    Planning(SyncChunk chunk, Map<RecordKey, RecordState> stored) {
      this.chunk = chunk;
      this.stored = stored;
    }

    SyncPlan run() {
      planCustomers();
      planProducts();
      planOrders();
      List<SyncOperation> all = new ArrayList<>(members);
      tagged.forEach((tag, list) -> all.add(new TagMembers(tag, list)));
      all.addAll(customers);
      all.addAll(products);
      all.addAll(orders);
      all.addAll(cancels);
      all.addAll(deletes);
      all.addAll(skips);
      return SyncPlan.of(all);
    }

    private boolean unchanged(RecordKey key, String fingerprint) {
      RecordState state = stored.get(key);
      return state != null && state.fingerprint().equals(fingerprint);
    }

    private void skip(MappingOutcome<?> outcome) {
      skips.add(
          new Skip(
              outcome.entityType(),
              outcome.qboId(),
              outcome.skipReason().orElseThrow(),
              outcome.detail()));
    }

    private void planCustomers() {
      Map<String, List<MappedCustomer>> byHash = new LinkedHashMap<>();
      Map<String, MappedCustomer> byQboId = new LinkedHashMap<>();
      for (MappingOutcome<MappedCustomer> outcome : chunk.customers()) {
        if (outcome.record().isEmpty()) {
          skip(outcome);
          continue;
        }
        MappedCustomer customer = outcome.record().get();
        MappedCustomer earlier = byQboId.put(customer.qboId(), customer);
        if (earlier != null) {
          byHash.get(earlier.contact().subscriberHash()).remove(earlier);
        }
        byHash.computeIfAbsent(customer.contact().subscriberHash(), h -> new ArrayList<>()).add(customer);
      }
      for (Map.Entry<String, List<MappedCustomer>> group : byHash.entrySet()) {
        if (group.getValue().isEmpty()) {
          continue;
        }
        planContact(group.getKey(), group.getValue());
      }
    }

    private void planContact(String hash, List<MappedCustomer> group) {
      MappedCustomer winner = group.get(0);
      for (MappedCustomer candidate : group) {
        if (MOST_RECENT.compare(candidate.contact(), winner.contact()) > 0) {
          winner = candidate;
        }
      }
      ContactRecord contact = winner.contact();
      RecordKey contactKey = RecordKey.of(RecordKind.CONTACT, hash);
      if (!unchanged(contactKey, contact.fingerprint())) {
        members.add(new UpsertMember(contact, !stored.containsKey(contactKey)));
        tagged
            .computeIfAbsent(contact.tag(), t -> new ArrayList<>())
            .add(
                new TaggedMember(
                    hash,
                    contact.email().address(),
                    StateChange.put(RecordState.of(contactKey, contact.fingerprint(), hash))));
      }
      List<StateChange> changed = new ArrayList<>();
      for (MappedCustomer customer : group) {
        CommerceCustomerRecord record = customer.commerceCustomer();
        RecordKey key = RecordKey.of(RecordKind.CUSTOMER, customer.qboId());
        if (!unchanged(key, record.fingerprint())) {
          changed.add(StateChange.put(RecordState.of(key, record.fingerprint(), record.id())));
        }
      }
      if (!changed.isEmpty()) {
        customers.add(new UpsertCustomer(winner.commerceCustomer(), changed));
      }
    }

    private void planProducts() {
      Map<String, ProductRecord> byId = new LinkedHashMap<>();
      for (MappingOutcome<ProductRecord> outcome : chunk.products()) {
        if (outcome.record().isEmpty()) {
          skip(outcome);
          continue;
        }
        ProductRecord product = outcome.record().get();
        byId.remove(product.id());
        byId.put(product.id(), product);
      }
      for (ProductRecord product : byId.values()) {
        knownProducts.add(product.id());
        upsertProductIfChanged(product);
      }
    }

    private void upsertProductIfChanged(ProductRecord product) {
      RecordKey key = RecordKey.of(RecordKind.ITEM, product.id());
      if (!unchanged(key, product.fingerprint())) {
        products.add(
            new UpsertProduct(
                product,
                List.of(
                    StateChange.put(RecordState.of(key, product.fingerprint(), product.id())))));
      }
    }

    private void planOrders() {
      Set<RecordKey> deleted = new HashSet<>(chunk.deletions());
      Map<String, OrderRecord> byId = new LinkedHashMap<>();
      for (MappingOutcome<OrderRecord> outcome : chunk.orders()) {
        if (outcome.record().isEmpty()) {
          skip(outcome);
          continue;
        }
        OrderRecord order = outcome.record().get();
        if (deleted.contains(SyncChunk.orderKey(order.entityType(), order.qboId()))) {
          continue;
        }
        byId.remove(order.id());
        byId.put(order.id(), order);
      }
      for (OrderRecord order : byId.values()) {
        planOrder(order);
      }
      Set<RecordKey> seen = new HashSet<>();
      for (RecordKey key : chunk.deletions()) {
        if (!seen.add(key)) {
          continue;
        }
        if (key.kind() != RecordKind.INVOICE && key.kind() != RecordKind.SALES_RECEIPT) {
          continue;
        }
        RecordState state = stored.get(key);
        if (state == null) {
          continue;
        }
        QboEntity type =
            key.kind() == RecordKind.INVOICE ? QboEntity.INVOICE : QboEntity.SALES_RECEIPT;
        String orderId = state.mailchimpId().orElse(OrderRecord.orderId(type, key.id()));
        deletes.add(new DeleteOrder(orderId, type, key.id(), List.of(StateChange.remove(key))));
      }
    }

    private void planOrder(OrderRecord order) {
      RecordKey key = SyncChunk.orderKey(order.entityType(), order.qboId());
      if (unchanged(key, order.fingerprint())) {
        return;
      }
      List<StateChange> confirms =
          List.of(StateChange.put(RecordState.of(key, order.fingerprint(), order.id())));
      if (order.voided()) {
        if (stored.containsKey(key)) {
          cancels.add(new CancelOrder(order, confirms));
        } else {
          skips.add(
              new Skip(
                  order.entityType(),
                  order.qboId(),
                  SkipReason.VOIDED_BEFORE_SYNC,
                  "voided before it was ever synced: no order to cancel"));
        }
        return;
      }
      for (OrderLine line : order.lines()) {
        ensureProduct(line);
      }
      orders.add(new UpsertOrder(order, confirms));
    }

    private void ensureProduct(OrderLine line) {
      String id = line.productId();
      if (knownProducts.contains(id) || stored.containsKey(RecordKey.of(RecordKind.ITEM, id))) {
        return;
      }
      knownProducts.add(id);
      boolean placeholder = ProductRecord.PLACEHOLDER_ID.equals(id);
      Optional<String> name = line.itemName().filter(n -> !n.isBlank());
      ProductRecord.Builder stand = ProductRecord.builder().id(id).standIn(true);
      if (placeholder) {
        stand.title(ProductRecord.PLACEHOLDER_TITLE);
      } else {
        stand.title(name.orElse("Item " + id)).price(line.price());
      }
      upsertProductIfChanged(stand.build());
    }
  }
}
