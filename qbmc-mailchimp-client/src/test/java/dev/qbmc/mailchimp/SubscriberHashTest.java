package dev.qbmc.mailchimp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SubscriberHashTest {
  @Test
  void of_whenEmailIsNormalised_isMd5HexOfIt() {
    assertThat(SubscriberHash.of("ada@example.com")).isEqualTo("3e3417d7ef77d5932a6734b916515ed5");
  }

  @Test
  void of_whenUpperCaseOrPadded_equalsNormalisedHash() {
    assertThat(SubscriberHash.of("  Ada@Example.COM \t")).isEqualTo(SubscriberHash.of("ada@example.com"));
    assertThat(SubscriberHash.of("ADA@EXAMPLE.COM")).isEqualTo("3e3417d7ef77d5932a6734b916515ed5");
  }

  @Test
  void of_whenBlankOrNull_throwsClearly() {
    assertThatThrownBy(() -> SubscriberHash.of("  ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SubscriberHash.of(null)).isInstanceOf(NullPointerException.class).hasMessage("email");
  }
}
