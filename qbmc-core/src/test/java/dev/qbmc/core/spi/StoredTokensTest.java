package dev.qbmc.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StoredTokensTest {

  @Test
  void toString_hidesAccessAndRefreshTokens() {
    StoredTokens tokens =
        StoredTokens.builder()
            .accessToken("eyJhbGciOiJSUzI1NiJ9.access-secret")
            .refreshToken("AB11-refresh-secret")
            .accessTokenExpiresAt(Instant.parse("2026-11-27T02:00:00Z"))
            .realmId("9130355098765432")
            .build();
    assertThat(tokens.toString())
        .doesNotContain("access-secret")
        .doesNotContain("refresh-secret")
        .contains("9130355098765432");
    assertThat(VersionedTokens.of(tokens, 3).toString()).doesNotContain("secret").contains("3");
  }

  @Test
  void builder_refusesBlankTokens() {
    assertThatThrownBy(() -> StoredTokens.builder().accessToken(" ").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("accessToken");
    assertThatThrownBy(() -> StoredTokens.builder().accessToken("a").refreshToken("").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("refreshToken");
    assertThatThrownBy(() -> StoredTokens.builder().build()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void versionedTokens_refuseNonPositiveVersions() {
    StoredTokens t = StoredTokens.builder().accessToken("a").build();
    assertThatThrownBy(() -> VersionedTokens.of(t, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
