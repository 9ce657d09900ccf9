package dev.qbmc.core.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qbmc.core.model.SkipReason;
import dev.qbmc.core.report.SyncFailure;
import org.junit.jupiter.api.Test;

class RecordRejectionTest {

  @Test
  void mask_insertsTheMaskedAddressLiterally_whateverCharactersItHolds() {
    assertThat(RecordRejection.mask("$fan@example.com looks fake or invalid"))
        .isEqualTo("$***@example.com looks fake or invalid");
    assertThat(RecordRejection.mask("a\\$1@example.com and $2x@example.org"))
        .isEqualTo("a***@example.com and $***@example.org");
    assertThat(RecordRejection.mask("\"john doe\"@example.com is refused")).isEqualTo("\"***@example.com is refused");
    assertThat(RecordRejection.mask("😀fan@example.com")).isEqualTo("😀***@example.com");
    assertThat(RecordRejection.mask(null)).isEmpty();
  }

  @Test
  void mask_keepsAtMostTwiceTheReportsMessageLength_withoutSplittingACharacter() {
    String masked = RecordRejection.mask("x".repeat(2 * SyncFailure.MAX_MESSAGE_LENGTH - 1) + "😀" + "y".repeat(10_000));

    assertThat(masked).hasSize(2 * SyncFailure.MAX_MESSAGE_LENGTH - 1);
    assertThat(Character.isHighSurrogate(masked.charAt(masked.length() - 1))).isFalse();
  }

  @Test
  void classify_aRefusalQuotingAnAddressWithGroupReferences_isASkipWithTheMaskedDetail() {
    RecordRejection rejection =
        RecordRejection.classify(400, "ERROR_GENERIC", "$fan\\1@shop.invalid looks fake or invalid, please enter a real email address.");

    assertThat(rejection.reason()).contains(SkipReason.FAKE_OR_INVALID_EMAIL);
    assertThat(rejection.detail()).startsWith("$***@shop.invalid");
  }
}
