package dev.qbmc.core.mapping;

import dev.qbmc.core.internal.QbmcStyle;
import org.immutables.value.Value;

/** The two records one syncable QBO customer becomes: an audience contact and an e-commerce customer. */
@Value.Immutable
@QbmcStyle
public abstract class MappedCustomer {

  MappedCustomer() {}

  /**
   * The audience contact.
   *
   * @return the contact
   */
  @Value.Parameter
  public abstract ContactRecord contact();

  /**
   * The e-commerce customer.
   *
   * @return the e-commerce customer
   */
  @Value.Parameter
  public abstract CommerceCustomerRecord commerceCustomer();

  /**
   * How well this customer represents a contact shared with other customers of the same email.
   *
   * @return the rank; a top-level, active customer unless set
   */
  @Value.Parameter
  @Value.Default
  public CustomerRank rank() {
    return new CustomerRank(contact().qboCustomerId(), false, true);
  }

  /**
   * Whether the customer has an open balance: QBO's {@code BalanceWithJobs} (its own and its jobs'),
   * else {@code Balance}, is above zero.
   *
   * @return true when money is owed
   */
  @Value.Parameter
  @Value.Default
  public boolean openBalance() {
    return false;
  }

  /**
   * The QBO customer's Id.
   *
   * @return the QBO Id
   */
  public String qboId() {
    return contact().qboCustomerId();
  }

  @Value.Check
  void check() {
    if (!contact().qboCustomerId().equals(commerceCustomer().qboCustomerId())
        || !contact().email().equals(commerceCustomer().email())
        || !rank().qboId().equals(contact().qboCustomerId())) {
      throw new IllegalArgumentException("contact and e-commerce customer must share customer and email");
    }
  }

  /**
   * Pairs a contact and an e-commerce customer of the same QBO customer.
   *
   * @param contact the contact
   * @param commerceCustomer the e-commerce customer with the same QBO Id and email
   * @return the pair
   * @throws IllegalArgumentException if they belong to different customers or emails
   */
  public static MappedCustomer of(ContactRecord contact, CommerceCustomerRecord commerceCustomer) {
    return ImmutableMappedCustomer.of(contact, commerceCustomer, new CustomerRank(contact.qboCustomerId(), false, true),
        false);
  }

  /**
   * Pairs a contact and an e-commerce customer with the customer's rank and balance.
   *
   * @param contact the contact
   * @param commerceCustomer the e-commerce customer with the same QBO Id and email
   * @param rank the customer's rank, with the same QBO Id
   * @param openBalance whether the customer has an open balance
   * @return the pair
   * @throws IllegalArgumentException if they belong to different customers or emails
   */
  public static MappedCustomer of(
      ContactRecord contact, CommerceCustomerRecord commerceCustomer, CustomerRank rank, boolean openBalance) {
    return ImmutableMappedCustomer.of(contact, commerceCustomer, rank, openBalance);
  }
}
