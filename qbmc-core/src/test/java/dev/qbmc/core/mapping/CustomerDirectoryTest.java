package dev.qbmc.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qbmc.core.reconcile.RecordKey;
import dev.qbmc.core.reconcile.RecordKind;
import dev.qbmc.core.reconcile.RecordState;
import dev.qbmc.core.reconcile.SkipReason;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerDirectoryTest {

  private final RecordKey five = RecordKey.of(RecordKind.CUSTOMER, "5");
  private final CustomerDirectory stored =
      CustomerDirectory.ofStates(Map.of(five, RecordState.of(five, "fp", "11e52525471b7cf91a277edaae537161")));

  @Test
  void ofStates_resolvesStoredCustomersToTheirCommerceCustomerId() {
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
