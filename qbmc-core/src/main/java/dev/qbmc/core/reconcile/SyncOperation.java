package dev.qbmc.core.reconcile;

import dev.qbmc.core.mapping.CommerceCustomerRecord;
import dev.qbmc.core.mapping.ContactRecord;
import dev.qbmc.core.mapping.OrderRecord;
import dev.qbmc.core.mapping.ParentLink;
import dev.qbmc.core.mapping.ProductRecord;
import dev.qbmc.core.model.QboEntity;
import dev.qbmc.core.model.SkipReason;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One typed operation of a {@link SyncPlan}. Each operation lists the state changes it confirms:
 * commit them once (and only once) Mailchimp confirmed the operation, so that a failed write is
 * simply planned again by the next sync. The services translate operations into Mailchimp requests
 * for the connection's audience and store.
 */
public sealed interface SyncOperation
    permits SyncOperation.UpsertMember,
        SyncOperation.TagMembers,
        SyncOperation.UpsertCustomer,
        SyncOperation.UpsertProduct,
        SyncOperation.UpsertOrder,
        SyncOperation.CancelOrder,
        SyncOperation.DeleteOrder,
        SyncOperation.AttachToParent,
        SyncOperation.RememberState,
        SyncOperation.Skip {

  /**
   * The state changes to commit once this operation succeeded.
   *
   * @return the changes, possibly empty
   */
  List<StateChange> confirms();

  /**
   * Upserts an audience member ({@code PUT /lists/{list}/members/{subscriberHash}} with
   * {@code status_if_new}). Its state is confirmed by the {@link TagMembers} that follows it, because
   * a contact is synced only once it also carries the tag.
   *
   * @param contact the contact to write
   * @param isNew true when qbmc has no state for this contact yet (it may be new to the audience:
   *     this is what the contact limit counts)
   */
  record UpsertMember(ContactRecord contact, boolean isNew) implements SyncOperation {
    /**
     * Validates the operation.
     *
     * @param contact the contact to write
     * @param isNew true when qbmc has no state for this contact yet (it may be new to the audience:
     *     this is what the contact limit counts)
     * @throws NullPointerException if the contact is null
     */
    public UpsertMember {
      Objects.requireNonNull(contact, "contact");
    }

    /**
     * Nothing: the contact's state is confirmed by the {@link TagMembers} operation.
     *
     * @return an empty list
     */
    @Override
    public List<StateChange> confirms() {
      return List.of();
    }
  }

  /**
   * One member to tag, with the contact state its tagging confirms.
   *
   * @param subscriberHash the member's subscriber hash
   * @param confirms the {@code CONTACT} state to commit once the member is upserted and tagged
   * @param factTags the fact tags (open balance, overdue) to set in the same request, each name to
   *     {@code true} (add) or {@code false} (remove); empty when none changes
   */
  record TaggedMember(String subscriberHash, StateChange confirms, Map<String, Boolean> factTags) {
    /**
     * Validates the member and copies the fact tags (in a stable order).
     *
     * @param subscriberHash the member's subscriber hash
     * @param confirms the {@code CONTACT} state to commit once the member is upserted and tagged
     * @param factTags the fact tags to add ({@code true}) or remove ({@code false})
     * @throws NullPointerException if an argument is null
     */
    public TaggedMember {
      Objects.requireNonNull(subscriberHash, "subscriberHash");
      Objects.requireNonNull(confirms, "confirms");
      factTags = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(factTags));
    }

    /**
     * A member tagged with the import tag only.
     *
     * @param subscriberHash the member's subscriber hash
     * @param confirms the {@code CONTACT} state to commit
     */
    public TaggedMember(String subscriberHash, StateChange confirms) {
      this(subscriberHash, confirms, Map.of());
    }
  }

  /**
   * Puts the active tag on members upserted earlier in the plan, with each member's fact tags in the
   * same request ({@code POST /lists/{list}/members/{hash}/tags}); a member whose only change is a
   * fact tag is here too, without an upsert. Tag members whose upsert failed must be left out, and
   * their states not committed.
   *
   * @param tag the tag
   * @param members the members to tag, in plan order
   */
  record TagMembers(String tag, List<TaggedMember> members) implements SyncOperation {
    /**
     * Validates and copies the members.
     *
     * @param tag the tag
     * @param members the members to tag, in plan order
     * @throws NullPointerException if an argument is null
     */
    public TagMembers {
      Objects.requireNonNull(tag, "tag");
      members = List.copyOf(members);
    }

    /**
     * The contact states of all members.
     *
     * @return one change per member
     */
    @Override
    public List<StateChange> confirms() {
      return members.stream().map(TaggedMember::confirms).toList();
    }
  }

  /**
   * Upserts an e-commerce customer ({@code PUT /ecommerce/stores/{store}/customers/{id}}).
   *
   * @param customer the customer to write
   * @param confirms the {@code CUSTOMER} states of every QBO customer this write stands for (several
   *     when they share an email address)
   */
  record UpsertCustomer(CommerceCustomerRecord customer, List<StateChange> confirms)
      implements SyncOperation {
    /**
     * Validates and copies.
     *
     * @param customer the customer to write
     * @param confirms the {@code CUSTOMER} states of every QBO customer this write stands for (several
     *     when they share an email address)
     * @throws NullPointerException if an argument is null
     */
    public UpsertCustomer {
      Objects.requireNonNull(customer, "customer");
      confirms = List.copyOf(confirms);
    }
  }

  /**
   * Upserts a product with its one variant ({@code PUT /ecommerce/stores/{store}/products/{id}}).
   *
   * @param product the product to write
   * @param confirms the {@code ITEM} state
   */
  record UpsertProduct(ProductRecord product, List<StateChange> confirms)
      implements SyncOperation {
    /**
     * Validates and copies.
     *
     * @param product the product to write
     * @param confirms the {@code ITEM} state
     * @throws NullPointerException if an argument is null
     */
    public UpsertProduct {
      Objects.requireNonNull(product, "product");
      confirms = List.copyOf(confirms);
    }
  }

  /**
   * Upserts an order ({@code PUT /ecommerce/stores/{store}/orders/{id}}); its customer and products
   * exist already or are upserted earlier in the plan.
   *
   * @param order the order to write
   * @param confirms the {@code INVOICE} or {@code SALES_RECEIPT} state
   */
  record UpsertOrder(OrderRecord order, List<StateChange> confirms) implements SyncOperation {
    /**
     * Validates and copies.
     *
     * @param order the order to write
     * @param confirms the {@code INVOICE} or {@code SALES_RECEIPT} state
     * @throws NullPointerException if an argument is null
     */
    public UpsertOrder {
      Objects.requireNonNull(order, "order");
      confirms = List.copyOf(confirms);
    }
  }

  /**
   * Cancels an order synced earlier whose QBO transaction was voided ({@code financial_status}
   * {@code cancelled}).
   *
   * @param order the voided order (amounts 0, status cancelled)
   * @param confirms the transaction's new state
   */
  record CancelOrder(OrderRecord order, List<StateChange> confirms) implements SyncOperation {
    /**
     * Validates and copies.
     *
     * @param order the voided order (amounts 0, status cancelled)
     * @param confirms the transaction's new state
     * @throws NullPointerException if an argument is null
     */
    public CancelOrder {
      Objects.requireNonNull(order, "order");
      confirms = List.copyOf(confirms);
    }
  }

  /**
   * Deletes an order synced earlier whose QBO transaction was deleted
   * ({@code DELETE /ecommerce/stores/{store}/orders/{orderId}}; a 404 counts as done).
   *
   * @param orderId the order id
   * @param entityType {@link QboEntity#INVOICE} or {@link QboEntity#SALES_RECEIPT}
   * @param qboId the deleted transaction's QBO Id
   * @param confirms the removal of the transaction's state
   */
  record DeleteOrder(String orderId, QboEntity entityType, String qboId, List<StateChange> confirms)
      implements SyncOperation {
    /**
     * Validates and copies.
     *
     * @param orderId the order id
     * @param entityType {@link QboEntity#INVOICE} or {@link QboEntity#SALES_RECEIPT}
     * @param qboId the deleted transaction's QBO Id
     * @param confirms the removal of the transaction's state
     * @throws NullPointerException if an argument is null
     */
    public DeleteOrder {
      Objects.requireNonNull(orderId, "orderId");
      Objects.requireNonNull(entityType, "entityType");
      Objects.requireNonNull(qboId, "qboId");
      confirms = List.copyOf(confirms);
    }
  }

  /**
   * A sub-customer whose orders belong to its top-level ancestor's contact and e-commerce customer:
   * writes nothing to Mailchimp; its {@code CUSTOMER} state names that e-commerce customer, so its
   * invoices and sales receipts are attached there. The report notes it (it is not skipped).
   *
   * @param link the job and its parent
   * @param commerceCustomerId the e-commerce customer its orders name
   * @param confirms its {@code CUSTOMER} state, empty when it is stored already
   */
  record AttachToParent(ParentLink link, String commerceCustomerId, List<StateChange> confirms)
      implements SyncOperation {
    /**
     * Validates and copies.
     *
     * @param link the job and its parent
     * @param commerceCustomerId the e-commerce customer its orders name
     * @param confirms its {@code CUSTOMER} state, empty when it is stored already
     * @throws NullPointerException if an argument is null
     */
    public AttachToParent {
      Objects.requireNonNull(link, "link");
      Objects.requireNonNull(commerceCustomerId, "commerceCustomerId");
      confirms = List.copyOf(confirms);
    }
  }

  /**
   * State the planner keeps without writing to Mailchimp (a contact's memo when only its
   * representative or tracked invoices changed, a customer sharing a contact whose representative is
   * not in the chunk, an invoice's contact): commit it after the chunk's writes.
   *
   * @param confirms the state changes
   */
  record RememberState(List<StateChange> confirms) implements SyncOperation {
    /**
     * Copies.
     *
     * @param confirms the state changes
     * @throws NullPointerException if the list is null
     */
    public RememberState {
      confirms = List.copyOf(confirms);
    }
  }

  /**
   * A record that is not synced, with its reason; writes nothing and confirms nothing.
   *
   * @param entityType the QBO entity type
   * @param qboId the QBO Id ({@code ""} if the record had none)
   * @param reason why it is skipped
   * @param detail a human-readable explanation; never a full email address
   */
  record Skip(QboEntity entityType, String qboId, SkipReason reason, String detail)
      implements SyncOperation {
    /**
     * Validates the skip.
     *
     * @param entityType the QBO entity type
     * @param qboId the QBO Id ({@code ""} if the record had none)
     * @param reason why it is skipped
     * @param detail a human-readable explanation; never a full email address
     * @throws NullPointerException if an argument is null
     */
    public Skip {
      Objects.requireNonNull(entityType, "entityType");
      Objects.requireNonNull(qboId, "qboId");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }

    /**
     * Nothing.
     *
     * @return an empty list
     */
    @Override
    public List<StateChange> confirms() {
      return List.of();
    }
  }
}
