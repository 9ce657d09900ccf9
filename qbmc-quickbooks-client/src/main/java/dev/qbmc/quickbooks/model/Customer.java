package dev.qbmc.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.qbmc.quickbooks.internal.QboStyle;
import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A QBO customer (also sub-customers, jobs and projects: {@code Job}, {@code ParentRef}, {@code Level}).
 * Only {@code Id} is required; QBO omits properties without a value. A "deleted" customer is
 * {@code Active=false}.
 */
@Value.Immutable
@QboStyle
@JsonSerialize(as = ImmutableCustomer.class)
@JsonDeserialize(as = ImmutableCustomer.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class Customer {
  Customer() {}

  /**
   * Entity id (a string).
   *
   * @return the value
   */
  @JsonProperty("Id")
  public abstract String id();

  /**
   * Version for optimistic locking.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("SyncToken")
  public abstract Optional<String> syncToken();

  /**
   * Display name, unique across customers, vendors and employees.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("DisplayName")
  public abstract Optional<String> displayName();

  /**
   * Given (first) name.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("GivenName")
  public abstract Optional<String> givenName();

  /**
   * Middle name.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("MiddleName")
  public abstract Optional<String> middleName();

  /**
   * Family (last) name.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("FamilyName")
  public abstract Optional<String> familyName();

  /**
   * Company name.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("CompanyName")
  public abstract Optional<String> companyName();

  /**
   * Name including parents, {@code Parent:Child}.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("FullyQualifiedName")
  public abstract Optional<String> fullyQualifiedName();

  /**
   * Primary email (may hold several, comma-separated).
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("PrimaryEmailAddr")
  public abstract Optional<EmailAddress> primaryEmailAddr();

  /**
   * Primary phone.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("PrimaryPhone")
  public abstract Optional<TelephoneNumber> primaryPhone();

  /**
   * Mobile phone.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("Mobile")
  public abstract Optional<TelephoneNumber> mobile();

  /**
   * Web site.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("WebAddr")
  public abstract Optional<WebSiteAddress> webAddr();

  /**
   * Billing address.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("BillAddr")
  public abstract Optional<PhysicalAddress> billAddr();

  /**
   * Shipping address.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("ShipAddr")
  public abstract Optional<PhysicalAddress> shipAddr();

  /**
   * Whether the customer is active.
   *
   * @return the value, true when QBO left it out
   */
  @JsonProperty("Active")
  @Value.Default
  public boolean active() {
    return true;
  }

  /**
   * Whether this is a sub-customer (job).
   *
   * @return the value, false when QBO left it out
   */
  @JsonProperty("Job")
  @Value.Default
  public boolean job() {
    return false;
  }

  /**
   * Whether a sub-customer (job) is billed with its parent: its invoices go to the parent.
   *
   * @return the value, false when QBO left it out
   */
  @JsonProperty("BillWithParent")
  @Value.Default
  public boolean billWithParent() {
    return false;
  }

  /**
   * Parent customer of a sub-customer.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("ParentRef")
  public abstract Optional<ReferenceType> parentRef();

  /**
   * Depth in the customer hierarchy (0 = top level).
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("Level")
  public abstract Optional<Integer> level();

  /**
   * Open balance.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("Balance")
  public abstract Optional<BigDecimal> balance();

  /**
   * Open balance of the customer and its sub-customers (jobs).
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("BalanceWithJobs")
  public abstract Optional<BigDecimal> balanceWithJobs();

  /**
   * Currency of the customer.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("CurrencyRef")
  public abstract Optional<ReferenceType> currencyRef();

  /**
   * Timestamps.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("MetaData")
  public abstract Optional<MetaData> metaData();

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Customer} values. */
  public static final class Builder extends ImmutableCustomer.Builder {
    Builder() {}
  }
}
