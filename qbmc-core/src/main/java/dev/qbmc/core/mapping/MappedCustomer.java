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
        || !contact().email().equals(commerceCustomer().email())) {
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
    return ImmutableMappedCustomer.of(contact, commerceCustomer);
  }
}
