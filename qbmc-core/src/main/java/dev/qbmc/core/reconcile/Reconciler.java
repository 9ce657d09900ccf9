package dev.qbmc.core.reconcile;

import dev.qbmc.core.mapping.CustomerRank;
import dev.qbmc.core.mapping.MappedCustomer;
import dev.qbmc.core.mapping.MappingOutcome;
import dev.qbmc.core.mapping.OrderLine;
import dev.qbmc.core.mapping.OrderRecord;
import dev.qbmc.core.mapping.ParentLink;
import dev.qbmc.core.mapping.ProductRecord;
import dev.qbmc.core.model.QboEntity;
import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.RecordState;
import dev.qbmc.core.model.SkipReason;
import dev.qbmc.core.reconcile.SyncOperation.AttachToParent;
import dev.qbmc.core.reconcile.SyncOperation.CancelOrder;
import dev.qbmc.core.reconcile.SyncOperation.DeleteOrder;
import dev.qbmc.core.reconcile.SyncOperation.RememberState;
import dev.qbmc.core.reconcile.SyncOperation.Skip;
import dev.qbmc.core.reconcile.SyncOperation.TagMembers;
import dev.qbmc.core.reconcile.SyncOperation.TaggedMember;
import dev.qbmc.core.reconcile.SyncOperation.UpsertOrder;
import dev.qbmc.core.reconcile.SyncOperation.UpsertProduct;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
 *       the subscriber hash) and one e-commerce customer (its id is the subscriber hash). The
 *       contact's data comes from its <em>representative</em>: the best {@link CustomerRank}
 *       (top-level before job, active before inactive, then lowest Id) among the customers that
 *       share the email. The representative is remembered in the contact's state memo, so it is
 *       stable across chunks and syncs: a customer replaces it only by outranking it, a change of
 *       another customer does not rewrite the contact, a change of the representative does, and a
 *       representative whose email changed leaves the contact to the next customer with that email.
 *       The {@code CUSTOMER} state of every customer sharing the email is stored, so each one's
 *       orders name the shared e-commerce customer.
 *   <li><b>Jobs linked to their parent</b> ({@link ParentLink}: no usable email, or billed with the
 *       parent) attach their orders to the e-commerce customer of their top-level ancestor, through
 *       parents in the chunk or stored; the link is an {@link AttachToParent} (no write, noted in the
 *       report), a link whose parent is not known yet is deferred ({@link SyncPlan#deferredLinks()})
 *       and, on the last attempt, skipped.
 *   <li><b>Fact tags</b>, when the chunk names them: the open-balance tag follows the
 *       representative's open balance; the overdue tag is on while the contact has an overdue invoice
 *       ({@link OrderRecord#overdueOn} the chunk's {@link SyncChunk#today()}), tracked invoice by
 *       invoice in the contact's memo. Tags are added and removed only when the fact changes, in the
 *       same tag request as the import tag ({@link TagMembers}); state that changes without a write
 *       is kept by a {@link RememberState}.
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

  private static final java.util.regex.Pattern SUBSCRIBER_HASH = java.util.regex.Pattern.compile("[0-9a-f]{32}");

  private Reconciler() {}

  /**
   * Plans one chunk.
   *
   * @param chunk the mapped records and deletions
   * @param storedStates the stored states for (at least) {@link SyncChunk#stateKeys()} and {@link
   *     #followUpKeys}; a key without an entry has never been synced
   * @return the plan, in dependency order
   * @throws NullPointerException if an argument is null
   */
  public static SyncPlan plan(SyncChunk chunk, Map<RecordKey, RecordState> storedStates) {
    Objects.requireNonNull(chunk, "chunk");
    Objects.requireNonNull(storedStates, "storedStates");
    return new Planning(chunk, storedStates).run();
  }

  /**
   * The keys the states of {@link SyncChunk#stateKeys()} point to, whose states the plan also needs:
   * the contact a customer belonged to before its email changed, and the contact an invoice's order
   * named when it was last synced. Load them after the chunk's keys, before planning.
   *
   * @param chunk the chunk
   * @param storedStates the stored states of the chunk's keys
   * @return the further keys, possibly empty
   * @throws NullPointerException if an argument is null
   */
  public static Set<RecordKey> followUpKeys(SyncChunk chunk, Map<RecordKey, RecordState> storedStates) {
    Objects.requireNonNull(chunk, "chunk");
    Objects.requireNonNull(storedStates, "storedStates");
    Set<RecordKey> keys = new LinkedHashSet<>();
    for (MappingOutcome<MappedCustomer> outcome : chunk.customers()) {
      outcome.record().ifPresent(m -> {
        RecordState s = storedStates.get(RecordKey.of(RecordKind.CUSTOMER, m.qboId()));
        if (s != null && s.mailchimpId().isPresent() && !s.mailchimpId().get().equals(m.contact().subscriberHash())) {
          contactKey(s.mailchimpId().get()).ifPresent(keys::add);
        }
      });
    }
    for (MappingOutcome<OrderRecord> outcome : chunk.orders()) {
      outcome.record().filter(o -> o.entityType() == QboEntity.INVOICE)
          .ifPresent(o -> invoiceContact(storedStates.get(SyncChunk.orderKey(o.entityType(), o.qboId())))
              .flatMap(Reconciler::contactKey).ifPresent(keys::add));
    }
    for (RecordKey deleted : chunk.deletions()) {
      if (deleted.kind() == RecordKind.INVOICE) {
        invoiceContact(storedStates.get(deleted)).flatMap(Reconciler::contactKey).ifPresent(keys::add);
      }
    }
    keys.removeAll(chunk.stateKeys());
    return keys;
  }

  private static Optional<RecordKey> contactKey(String hash) {
    return SUBSCRIBER_HASH.matcher(hash).matches()
        ? Optional.of(RecordKey.of(RecordKind.CONTACT, hash)) : Optional.empty();
  }

  /** The contact an invoice's state says its order named (its memo). */
  private static Optional<String> invoiceContact(RecordState state) {
    return state == null ? Optional.empty() : state.memo().filter(m -> SUBSCRIBER_HASH.matcher(m).matches());
  }

  /** The working state of one planning run. */
  private static final class Planning {
    private final SyncChunk chunk;
    private final Map<RecordKey, RecordState> stored;
    private final ContactPlanning contacts;
    private final List<SyncOperation> members = new ArrayList<>();
    private final Map<String, List<TaggedMember>> tagged = new LinkedHashMap<>();
    private final List<SyncOperation> customers = new ArrayList<>();
    private final List<SyncOperation> products = new ArrayList<>();
    private final List<SyncOperation> orders = new ArrayList<>();
    private final List<SyncOperation> cancels = new ArrayList<>();
    private final List<SyncOperation> deletes = new ArrayList<>();
    private final List<SyncOperation> attached = new ArrayList<>();
    private final List<StateChange> remembered = new ArrayList<>();
    private final List<SyncOperation> skips = new ArrayList<>();
    private final List<ParentLink> deferred = new ArrayList<>();
    private final Set<String> knownProducts = new HashSet<>();

    Planning(SyncChunk chunk, Map<RecordKey, RecordState> stored) {
      this.chunk = chunk;
      this.stored = stored;
      this.contacts = new ContactPlanning(chunk, stored);
    }

    SyncPlan run() {
      Set<String> linked = planLinks();
      planCustomers(linked);
      planProducts();
      planOrders();
      contacts.finish(members, tagged, remembered, chunk.importTag());
      List<SyncOperation> all = new ArrayList<>(members);
      tagged.forEach((tag, list) -> all.add(new TagMembers(tag, list)));
      all.addAll(customers);
      all.addAll(products);
      all.addAll(orders);
      all.addAll(cancels);
      all.addAll(deletes);
      all.addAll(attached);
      if (!remembered.isEmpty()) {
        all.add(new RememberState(remembered));
      }
      all.addAll(skips);
      return SyncPlan.of(all, deferred);
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

    // ------------------------------------------------------------------ links

    /** What a parent resolves to: an e-commerce customer, known not synced, or not known yet. */
    private record Target(String commerceCustomerId, String notSynced) {}

    /**
     * Plans the links; returns the jobs whose link resolved in this chunk (their {@code CUSTOMER}
     * state is the link's, not their own e-commerce customer's).
     */
    private Set<String> planLinks() {
      Map<String, ParentLink> byJob = new LinkedHashMap<>();
      for (ParentLink link : chunk.links()) {
        byJob.remove(link.qboId());
        byJob.put(link.qboId(), link);
      }
      Map<String, MappedCustomer> mapped = new HashMap<>();
      Map<String, MappingOutcome<MappedCustomer>> skipped = new HashMap<>();
      for (MappingOutcome<MappedCustomer> outcome : chunk.customers()) {
        outcome.record().ifPresentOrElse(m -> mapped.put(m.qboId(), m), () -> skipped.put(outcome.qboId(), outcome));
      }
      Set<String> resolved = new HashSet<>();
      for (ParentLink link : byJob.values()) {
        Target target = resolve(link.parentId(), byJob, mapped, skipped, new HashSet<>(Set.of(link.qboId())));
        if (target != null && target.commerceCustomerId() != null) {
          resolved.add(link.qboId());
          RecordKey key = RecordKey.of(RecordKind.CUSTOMER, link.qboId());
          String fingerprint = linkFingerprint(link, target.commerceCustomerId());
          RecordState state = stored.get(key);
          boolean same = state != null && state.fingerprint().equals(fingerprint);
          attached.add(new AttachToParent(link, target.commerceCustomerId(), same ? List.of()
              : List.of(StateChange.put(RecordState.of(key, fingerprint, target.commerceCustomerId())))));
        } else if (target == null && chunk.deferUnresolvedLinks()) {
          deferred.add(link);
        } else if (!link.billWithParent()) {
          MappingOutcome<MappedCustomer> own = skipped.get(link.qboId());
          skips.add(new Skip(QboEntity.CUSTOMER, link.qboId(),
              own != null ? own.skipReason().orElseThrow() : SkipReason.CUSTOMER_NOT_SYNCED,
              link.detail() + "; parent " + link.parentId() + " is not synced"
                  + (target != null ? " (" + target.notSynced() + ")" : "")));
        }
      }
      return resolved;
    }

    /** Follows parents up to a synced customer; null when the chain ends at a customer not known yet. */
    private Target resolve(String parentId, Map<String, ParentLink> links, Map<String, MappedCustomer> mapped,
        Map<String, MappingOutcome<MappedCustomer>> skipped, Set<String> seen) {
      if (!seen.add(parentId) || seen.size() > 32) {
        return new Target(null, "the parents form a loop");
      }
      ParentLink up = links.get(parentId);
      if (up != null) {
        return resolve(up.parentId(), links, mapped, skipped, seen);
      }
      MappedCustomer parent = mapped.get(parentId);
      if (parent != null) {
        return new Target(parent.commerceCustomer().id(), null);
      }
      MappingOutcome<MappedCustomer> parentSkipped = skipped.get(parentId);
      if (parentSkipped != null) {
        return new Target(null, parentSkipped.skipReason().map(Enum::name).orElse("skipped"));
      }
      RecordState state = stored.get(RecordKey.of(RecordKind.CUSTOMER, parentId));
      if (state != null && state.mailchimpId().isPresent()) {
        return new Target(state.mailchimpId().get(), null);
      }
      return null;
    }

    private static String linkFingerprint(ParentLink link, String commerceCustomerId) {
      return "link:" + link.parentId().length() + ":" + link.parentId() + ":" + commerceCustomerId;
    }

    // ------------------------------------------------------------------ customers

    private void planCustomers(Set<String> linked) {
      Set<String> linkedJobs = new HashSet<>();
      chunk.links().forEach(l -> linkedJobs.add(l.qboId()));
      Map<String, List<MappedCustomer>> byHash = new LinkedHashMap<>();
      Map<String, MappedCustomer> byQboId = new LinkedHashMap<>();
      for (MappingOutcome<MappedCustomer> outcome : chunk.customers()) {
        if (outcome.record().isEmpty()) {
          if (!linkedJobs.contains(outcome.qboId())) {
            skip(outcome);
          }
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
        if (!group.getValue().isEmpty()) {
          contacts.planGroup(group.getKey(), group.getValue(), linked, customers, remembered);
        }
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
        trackOverdue(order);
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
        if (key.kind() == RecordKind.INVOICE) {
          contacts.invoice(key.id(), null, invoiceContact(state), false);
        }
        QboEntity type =
            key.kind() == RecordKind.INVOICE ? QboEntity.INVOICE : QboEntity.SALES_RECEIPT;
        String orderId = state.mailchimpId().orElse(OrderRecord.orderId(type, key.id()));
        deletes.add(new DeleteOrder(orderId, type, key.id(), List.of(StateChange.remove(key))));
      }
    }

    /**
     * With {@link SyncChunk#today()}, an invoice's overdue fact moves to the contact its order names;
     * an unchanged invoice tracked as overdue whose state does not name that contact yet gets it.
     */
    private void trackOverdue(OrderRecord order) {
      if (chunk.today().isEmpty() || order.entityType() != QboEntity.INVOICE) {
        return;
      }
      RecordKey key = SyncChunk.orderKey(order.entityType(), order.qboId());
      RecordState state = stored.get(key);
      Optional<String> before = invoiceContact(state);
      boolean tracked = contacts.invoice(order.qboId(), order.customerId(), before, order.overdueOn(chunk.today().get()));
      if (tracked && state != null && unchanged(key, order.fingerprint()) && !before.equals(Optional.of(order.customerId()))) {
        remembered.add(StateChange.put(
            RecordState.of(key, state.fingerprint(), state.mailchimpId().orElse(null), order.customerId())));
      }
    }

    private void planOrder(OrderRecord order) {
      RecordKey key = SyncChunk.orderKey(order.entityType(), order.qboId());
      if (unchanged(key, order.fingerprint())) {
        return;
      }
      String memo = order.entityType() == QboEntity.INVOICE ? order.customerId() : null;
      List<StateChange> confirms =
          List.of(StateChange.put(RecordState.of(key, order.fingerprint(), order.id(), memo)));
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
