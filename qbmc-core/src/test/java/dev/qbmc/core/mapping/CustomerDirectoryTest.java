package dev.qbmc.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.RecordState;
import dev.qbmc.core.model.SkipReason;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CustomerDirectoryTest {

  private final RecordKey five = RecordKey.of(RecordKind.CUSTOMER, "5");
  private final CustomerDirectory stored =
      ofStates(Map.of(five, RecordState.of(five, "fp", "11e52525471b7cf91a277edaae537161")));

  /**
   * A directory over stored {@code CUSTOMER} record states, as the sync services build one: a
   * customer with a state and a Mailchimp id is synced under that e-commerce customer id.
   */
  private static CustomerDirectory ofStates(Map<RecordKey, RecordState> states) {
    return id ->
        id == null || id.isBlank()
            ? Optional.empty()
            : Optional.ofNullable(states.get(RecordKey.of(RecordKind.CUSTOMER, id)))
                .flatMap(RecordState::mailchimpId)
                .map(CustomerResolution::synced);
  }

  @Test
  void resolve_givesStoredCustomersTheirCommerceCustomerId() {
    assertThat(stored.resolve("5").flatMap(CustomerResolution::commerceCustomerId))
        .contains("11e52525471b7cf91a277edaae537161");
    assertThat(stored.resolve("6")).isEmpty();
    assertThat(stored.resolve(" ")).isEmpty();
  }

  @Test
  void orElse_asksTheRunFirstThenTheStoredState() {
    CustomerDirectory run = CustomerDirectory.of(Map.of("5", CustomerResolution.notSynced(SkipReason.NO_EMAIL)));

    CustomerDirectory both = run.orElse(stored);

    assertThat(both.resolve("5").flatMap(CustomerResolution::skipReason)).contains(SkipReason.NO_EMAIL);
    assertThat(CustomerDirectory.of(Map.of()).orElse(stored).resolve("5")).isPresent();
  }
}
