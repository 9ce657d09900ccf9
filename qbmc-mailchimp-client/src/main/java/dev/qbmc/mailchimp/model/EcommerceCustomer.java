package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/** An e-commerce customer ({@code PUT /ecommerce/stores/{store_id}/customers/{customer_id}}), also the customer of an order. A customer maps to a contact of the store's audience by email; {@code opt_in_status} never overwrites an existing member's status. */
@Value.Immutable
@JsonSerialize(as = ImmutableEcommerceCustomer.class)
@JsonDeserialize(as = ImmutableEcommerceCustomer.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class EcommerceCustomer {
  EcommerceCustomer() {}

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the customer id (at most 50 characters)} */
  @JsonProperty("id")
  public abstract String id();

  /** {@return the email address, if set} */
  @JsonProperty("email_address")
  public abstract Optional<String> emailAddress();

  /** {@return the opt-in for a new contact: true subscribes, false makes it transactional, if set} */
  @JsonProperty("opt_in_status")
  public abstract Optional<Boolean> optInStatus();

  /** {@return the company, if set} */
  @JsonProperty("company")
  public abstract Optional<String> company();

  /** {@return the first name, if set} */
  @JsonProperty("first_name")
  public abstract Optional<String> firstName();

  /** {@return the last name, if set} */
  @JsonProperty("last_name")
  public abstract Optional<String> lastName();

  /** {@return the address, if set} */
  @JsonProperty("address")
  public abstract Optional<EcommerceAddress> address();

  /** {@return the number of orders (read only), if set} */
  @JsonProperty("orders_count")
  public abstract Optional<Integer> ordersCount();

  /** {@return the total spent (read only), if set} */
  @JsonProperty("total_spent")
  public abstract Optional<BigDecimal> totalSpent();

  /** Mailchimp's limit on a customer id. */
  public static final int MAX_ID_LENGTH = 50;

  @Value.Check
  void check() {
    if (id().isEmpty() || id().length() > MAX_ID_LENGTH) {
      throw new IllegalStateException("customer id must have 1 to " + MAX_ID_LENGTH + " characters");
    }
  }

  /** Builder of {@link EcommerceCustomer}; {@code build()} throws {@link IllegalStateException} when a required value is missing. */
  public static final class Builder extends ImmutableEcommerceCustomer.Builder {
    Builder() {}
  }
}
