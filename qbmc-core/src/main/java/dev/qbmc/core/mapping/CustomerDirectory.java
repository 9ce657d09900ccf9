package dev.qbmc.core.mapping;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Looks up the customer a transaction names ({@code CustomerRef.value}), so that the mapping of a
 * transaction stays pure. The sync services implement it from the stored state (a {@code CUSTOMER}
 * record state's Mailchimp id is the e-commerce customer id) and from the customers mapped in the
 * same run; tests use {@link #of(Map)}.
 */
@FunctionalInterface
public interface CustomerDirectory {

  /**
   * Resolves a QBO customer.
   *
   * @param qboCustomerId the QBO customer Id
   * @return the resolution, or empty when the customer is unknown (the transaction is then skipped
   *     with {@code CUSTOMER_NOT_SYNCED})
   */
  Optional<CustomerResolution> resolve(String qboCustomerId);

  /**
   * This directory, then another one for the customers this one does not know; e.g. the customers
   * mapped in this run first, then the stored state.
   *
   * @param fallback asked when this directory does not know a customer
   * @return the combined directory
   */
  default CustomerDirectory orElse(CustomerDirectory fallback) {
    Objects.requireNonNull(fallback, "fallback");
    return id -> {
      Optional<CustomerResolution> found = resolve(id);
      return found.isPresent() ? found : fallback.resolve(id);
    };
  }

  /**
   * A directory backed by a map.
   *
   * @param byQboId resolutions by QBO customer Id; copied
   * @return the directory
   */
  static CustomerDirectory of(Map<String, CustomerResolution> byQboId) {
    Map<String, CustomerResolution> copy = Map.copyOf(Objects.requireNonNull(byQboId, "byQboId"));
    return id -> Optional.ofNullable(copy.get(id));
  }
}
