package dev.qbmc.core.reconcile;

import dev.qbmc.core.mapping.CommerceCustomerRecord;
import dev.qbmc.core.mapping.ContactRecord;
import dev.qbmc.core.mapping.CustomerRank;
import dev.qbmc.core.mapping.MappedCustomer;
import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.RecordState;
import dev.qbmc.core.reconcile.SyncOperation.RememberState;
import dev.qbmc.core.reconcile.SyncOperation.TaggedMember;
import dev.qbmc.core.reconcile.SyncOperation.UpsertCustomer;
import dev.qbmc.core.reconcile.SyncOperation.UpsertMember;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The contacts of one planning run: which customer represents each contact, what the contact and
 * its fact tags become, and the state to keep. Contacts are touched by the chunk's customers (a new
 * representative, or the representative's new data), by its invoices (an overdue invoice tracked or
 * dropped) and by customers whose email moved away (a representative that left).
 */
final class ContactPlanning {

  /** One contact being planned. */
  private static final class Work {
    final String hash;
    final RecordState stored;
    final ContactMemo before;
    final ContactMemo after;
    ContactRecord contact;
    Boolean openBalance;

    Work(String hash, RecordState stored) {
      this.hash = hash;
      this.stored = stored;
      this.before = ContactMemo.parse(stored == null ? Optional.empty() : stored.memo());
      this.after = before.copy();
    }
  }

  private final Map<RecordKey, RecordState> stored;
  private final Optional<String> openBalanceTag;
  private final Optional<String> overdueTag;
  private final Map<String, Work> contacts = new LinkedHashMap<>();

  ContactPlanning(SyncChunk chunk, Map<RecordKey, RecordState> stored) {
    this.stored = stored;
    this.openBalanceTag = chunk.openBalanceTag();
    this.overdueTag = chunk.overdueTag();
  }

  private Work work(String hash) {
    return contacts.computeIfAbsent(hash, h -> new Work(h, stored.get(RecordKey.of(RecordKind.CONTACT, h))));
  }

  /** A contact that exists (stored, or written in this plan); empty for one that does not. */
  private Optional<Work> existing(String hash) {
    Work w = contacts.get(hash);
    if (w != null) {
      return w.stored != null || w.contact != null ? Optional.of(w) : Optional.empty();
    }
    return stored.containsKey(RecordKey.of(RecordKind.CONTACT, hash)) ? Optional.of(work(hash)) : Optional.empty();
  }

  /**
   * Plans the customers sharing one contact: the best-ranked of them becomes the representative
   * when the contact has none, when the stored one is among them, or when it outranks the stored
   * one; otherwise the stored representative (not in the chunk) stays and the contact's data is not
   * rewritten. The e-commerce customer is written from the representative and confirms every
   * customer's state; without the representative the states are remembered without a write.
   *
   * @param group the customers of the chunk with this email
   * @param linked customers whose orders go to a parent (their state is the link's)
   * @param customers receives the e-commerce customer write
   * @param remembered receives state kept without a write
   */
  void planGroup(String hash, List<MappedCustomer> group, Set<String> linked, List<SyncOperation> customers,
      List<StateChange> remembered) {
    Work work = work(hash);
    Optional<CustomerRank> storedRep = work.before.representative();
    MappedCustomer best = group.get(0);
    for (MappedCustomer candidate : group) {
      if (candidate.rank().isBetterThan(best.rank())) {
        best = candidate;
      }
    }
    boolean storedRepHere = storedRep.isPresent()
        && group.stream().anyMatch(c -> c.qboId().equals(storedRep.get().qboId()));
    MappedCustomer representative =
        storedRep.isEmpty() || storedRepHere || best.rank().isBetterThan(storedRep.get()) ? best : null;
    if (representative != null) {
      work.after.representative(representative.rank());
      work.contact = representative.contact();
      work.openBalance = representative.openBalance();
    }
    List<StateChange> changed = new ArrayList<>();
    for (MappedCustomer customer : group) {
      if (linked.contains(customer.qboId())) {
        continue;
      }
      CommerceCustomerRecord record = customer.commerceCustomer();
      RecordKey key = RecordKey.of(RecordKind.CUSTOMER, customer.qboId());
      RecordState state = stored.get(key);
      if (state == null || !state.fingerprint().equals(record.fingerprint())
          || !state.mailchimpId().equals(Optional.of(record.id()))) {
        changed.add(StateChange.put(RecordState.of(key, record.fingerprint(), record.id())));
      }
      vacateIfLeft(customer, state, hash, linked);
    }
    if (!changed.isEmpty()) {
      if (representative != null) {
        customers.add(new UpsertCustomer(representative.commerceCustomer(), changed));
      } else {
        remembered.addAll(changed);
      }
    }
  }

  /**
   * A customer whose email changed leaves its old contact; when it represented that contact, the
   * contact is left without representative, so the next customer with that email takes over.
   */
  private void vacateIfLeft(MappedCustomer customer, RecordState state, String hash, Set<String> linked) {
    if (state == null || state.mailchimpId().isEmpty() || state.mailchimpId().get().equals(hash)
        || linked.contains(customer.qboId())) {
      return;
    }
    existing(state.mailchimpId().get()).ifPresent(old -> {
      if (old.after.representative().map(r -> r.qboId().equals(customer.qboId())).orElse(false)) {
        old.after.representative(null);
      }
    });
  }

  /**
   * Tracks (or drops) an invoice's overdue fact on the contact its order names, and drops it from
   * the contact it named before.
   *
   * @param invoiceId the invoice's QBO Id
   * @param hash the contact its order names now, or null for a deleted invoice
   * @param before the contact it named when last synced, if known
   * @param overdue whether it is overdue now
   * @return whether the invoice is tracked as overdue by an existing contact
   */
  boolean invoice(String invoiceId, String hash, Optional<String> before, boolean overdue) {
    before.filter(b -> !b.equals(hash)).flatMap(this::existing).ifPresent(w -> w.after.removeOverdue(invoiceId));
    if (hash == null) {
      return false;
    }
    Optional<Work> now = existing(hash);
    now.ifPresent(w -> {
      if (overdue) {
        w.after.addOverdue(invoiceId);
      } else {
        w.after.removeOverdue(invoiceId);
      }
    });
    return now.isPresent() && overdue;
  }

  /**
   * Emits each touched contact: its upsert and tags (import tag plus changed fact tags) when its data
   * changed, its tags alone when only a fact changed, its memo alone when only that changed.
   *
   * @param members receives the member upserts
   * @param tagged receives the members to tag, by import tag
   * @param remembered receives state kept without a write
   */
  void finish(List<SyncOperation> members, Map<String, List<TaggedMember>> tagged, List<StateChange> remembered,
      String importTag) {
    for (Work w : contacts.values()) {
      Map<String, Boolean> factTags = new TreeMap<>();
      if (openBalanceTag.isPresent()) {
        boolean wanted = w.openBalance != null ? w.openBalance : w.before.openBalanceTag();
        tagChange(factTags, openBalanceTag.get(), w.before.openBalanceTag(), wanted, w.stored == null);
        w.after.openBalanceTag(wanted);
      }
      if (overdueTag.isPresent()) {
        boolean wanted = w.after.hasOverdue();
        tagChange(factTags, overdueTag.get(), w.before.overdueTag(), wanted, w.stored == null);
        w.after.overdueTag(wanted);
      }
      RecordKey key = RecordKey.of(RecordKind.CONTACT, w.hash);
      boolean dataChanged = w.contact != null
          && (w.stored == null || !w.stored.fingerprint().equals(w.contact.fingerprint()));
      if (dataChanged) {
        members.add(new UpsertMember(w.contact, w.stored == null));
        tagged.computeIfAbsent(importTag(w, importTag), t -> new ArrayList<>())
            .add(new TaggedMember(w.hash,
                StateChange.put(RecordState.of(key, w.contact.fingerprint(), w.hash, w.after.encode())), factTags));
      } else if (w.stored == null) {
        continue; // a contact this plan neither has nor creates
      } else if (!factTags.isEmpty()) {
        tagged.computeIfAbsent(importTag(w, importTag), t -> new ArrayList<>())
            .add(new TaggedMember(w.hash, StateChange.put(RecordState.of(key, w.stored.fingerprint(),
                w.stored.mailchimpId().orElse(w.hash), w.after.encode())), factTags));
      } else if (!w.stored.memo().equals(Optional.of(w.after.encode()))) {
        remembered.add(StateChange.put(
            RecordState.of(key, w.stored.fingerprint(), w.stored.mailchimpId().orElse(w.hash), w.after.encode())));
      }
    }
  }

  private static String importTag(Work w, String fallback) {
    return w.contact != null ? w.contact.tag() : fallback;
  }

  /** Adds a change when a fact tag's wanted state differs from the applied one (a new member has none). */
  private static void tagChange(Map<String, Boolean> changes, String tag, boolean applied, boolean wanted,
      boolean isNew) {
    if (wanted != applied && (wanted || !isNew)) {
      changes.put(tag, wanted);
    }
  }

  static RememberState remember(List<StateChange> changes) {
    return new RememberState(changes);
  }
}
