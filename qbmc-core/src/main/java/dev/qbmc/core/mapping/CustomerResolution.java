package dev.qbmc.core.mapping;

import dev.qbmc.core.model.SkipReason;
import java.util.Objects;
import java.util.Optional;

/**
 * What a transaction's customer is, for the mapping of the transaction: either synced (with the
 * e-commerce customer id its orders name) or not syncable (with the reason the customer was skipped).
 */
public final class CustomerResolution {

  private final String commerceCustomerId;
  private final SkipReason skipReason;

  private CustomerResolution(String commerceCustomerId, SkipReason skipReason) {
    this.commerceCustomerId = commerceCustomerId;
    this.skipReason = skipReason;
  }

  /**
   * A customer that is (or is being) synced.
   *
   * @param commerceCustomerId its e-commerce customer id ({@link CommerceCustomerRecord#id()})
   * @return the resolution
   */
  public static CustomerResolution synced(String commerceCustomerId) {
    Objects.requireNonNull(commerceCustomerId, "commerceCustomerId");
    if (commerceCustomerId.isBlank()) {
      throw new IllegalArgumentException("commerceCustomerId must not be blank");
    }
    return new CustomerResolution(commerceCustomerId, null);
  }

  /**
   * A customer that cannot be synced.
   *
   * @param reason why the customer is skipped (e.g. {@link SkipReason#NO_EMAIL})
   * @return the resolution
   */
  public static CustomerResolution notSynced(SkipReason reason) {
    return new CustomerResolution(null, Objects.requireNonNull(reason, "reason"));
  }

  /**
   * The resolution for a mapped (or skipped) customer.
   *
   * @param outcome the customer's mapping outcome
   * @return synced with its e-commerce customer id, or not synced with its skip reason
   * @throws NullPointerException if the outcome is null
   */
  public static CustomerResolution of(MappingOutcome<MappedCustomer> outcome) {
    Objects.requireNonNull(outcome, "outcome");
    return outcome
        .record()
        .map(c -> synced(c.commerceCustomer().id()))
        .orElseGet(() -> notSynced(outcome.skipReason().orElseThrow()));
  }

  /**
   * The e-commerce customer id.
   *
   * @return the id, present when the customer is synced
   */
  public Optional<String> commerceCustomerId() {
    return Optional.ofNullable(commerceCustomerId);
  }

  /**
   * Why the customer is not synced.
   *
   * @return the reason, present when it is not synced
   */
  public Optional<SkipReason> skipReason() {
    return Optional.ofNullable(skipReason);
  }
}
