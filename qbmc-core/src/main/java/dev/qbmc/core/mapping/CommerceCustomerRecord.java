package dev.qbmc.core.mapping;

import dev.qbmc.core.internal.QbmcStyle;
import dev.qbmc.core.model.MarketingStatus;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What qbmc writes to the connection's e-commerce store for one QBO customer: an e-commerce customer
 * with the contact's email address.
 *
 * <p><b>Id.</b> The e-commerce customer id is the contact's subscriber hash (32 hex characters, within
 * Mailchimp's 50-character limit), as Mailchimp's own WooCommerce integration does. It is
 * deterministic, so retries and reconnects never duplicate a customer, and it makes every QBO
 * customer sharing an email address one e-commerce customer, just as they share one contact (Mailchimp
 * ties an e-commerce customer to the audience member with its email anyway). A customer whose email
 * changes in QBO becomes a new e-commerce customer; its later orders name the new one.
 *
 * <p><b>Opt-in.</b> {@link #optIn()} mirrors the connection's marketing status; Mailchimp applies it
 * to contacts created by the e-commerce write only and never lowers an existing member's status.
 */
@Value.Immutable
@QbmcStyle
public abstract class CommerceCustomerRecord {

  CommerceCustomerRecord() {}

  /**
   * The e-commerce customer id: the subscriber hash of {@link #email()}.
   *
   * @return the id
   */
  @Value.Derived
  public String id() {
    return email().subscriberHash();
  }

  /**
   * The QBO Id of the customer this was mapped from. Not part of the fingerprint.
   *
   * @return the QBO Id
   */
  public abstract String qboCustomerId();

  /**
   * The customer's email address.
   *
   * @return the address
   */
  public abstract ContactEmail email();

  /**
   * The {@code opt_in_status} for a customer new to the store.
   *
   * @return true when the connection's marketing status is {@link MarketingStatus#SUBSCRIBED}
   */
  public abstract boolean optIn();

  /**
   * The first name.
   *
   * @return the first name, if known
   */
  public abstract Optional<String> firstName();

  /**
   * The last name.
   *
   * @return the last name, if known
   */
  public abstract Optional<String> lastName();

  /**
   * The company.
   *
   * @return the QBO {@code CompanyName}, if any
   */
  public abstract Optional<String> company();

  /**
   * The stable digest of what is written to the store.
   *
   * @return lower-case hex SHA-256
   */
  @Value.Lazy
  public String fingerprint() {
    return new Canonical("commerceCustomer")
        .add("id", id())
        .add("email", email().address())
        .add("optIn", optIn())
        .add("fname", firstName())
        .add("lname", lastName())
        .add("company", company())
        .fingerprint();
  }

  /**
   * Starts a builder; {@code qboCustomerId}, {@code email} and {@code optIn} are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CommerceCustomerRecord}. */
  public static final class Builder extends ImmutableCommerceCustomerRecord.Builder {
    Builder() {}
  }
}
