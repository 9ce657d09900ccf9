package dev.qbmc.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qbmc.quickbooks.oauth.OAuthStateSigner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Bad arguments to public entry points fail at once with a typed exception that names them. */
class ArgumentChecksTest {
  private final OAuthStateSigner signer =
      OAuthStateSigner.of(
          "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
          Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC),
          Duration.ofMinutes(10));

  @Test
  void encode_whenStatementIsNull_throwsNullPointerExceptionNamingIt() {
    assertThatThrownBy(() -> Query.encode(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("statement");
  }

  @Test
  void createState_whenBindingIsBlank_isRefused() {
    assertThatThrownBy(() -> signer.create("  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("binding");
  }

  @Test
  void verifyState_whenBindingIsBlank_isFalse() {
    String state = signer.create("session-1");

    assertThat(signer.verify(state, "session-1")).isTrue();
    assertThat(signer.verify(state, "")).isFalse();
    assertThat(signer.verify(state, " ")).isFalse();
  }
}
