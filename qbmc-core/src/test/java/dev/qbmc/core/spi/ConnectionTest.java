package dev.qbmc.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qbmc.core.model.ConnectionStatus;
import dev.qbmc.core.model.ContactLimitPolicy;
import dev.qbmc.core.model.FactTags;
import dev.qbmc.core.model.MarketingStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConnectionTest {

  private static final Instant T0 = Instant.parse("2026-11-27T01:00:00Z");

  private static Connection.Builder valid() {
    return Connection.builder()
        .connectionId("acme")
        .realmId("9130")
        .audienceId("a1b2c3")
        .storeId("qbo-9130")
        .marketingStatus(MarketingStatus.SUBSCRIBED)
        .homeCurrency("USD")
        .status(ConnectionStatus.CONNECTED)
        .createdAt(T0)
        .updatedAt(T0);
  }

  @Test
  void defaults_tagPolicyAndFullSyncFlag() {
    Connection c = valid().build();
    assertThat(c.tag()).isEqualTo("QuickBooks Online");
    assertThat(c.contactLimitPolicy()).isEqualTo(ContactLimitPolicy.STOP_BEFORE_WRITING);
    assertThat(c.contactLimit()).isEmpty();
    assertThat(c.fullSyncDone()).isFalse();
  }

  @Test
  void syncSettings_carryTheMappingSettings() {
    Connection c = valid().tag("Imported").build();
    assertThat(c.syncSettings().tag()).isEqualTo("Imported");
    assertThat(c.syncSettings().marketingStatus()).isEqualTo(MarketingStatus.SUBSCRIBED);
    assertThat(c.syncSettings().storeId()).isEqualTo("qbo-9130");
    assertThat(c.syncSettings().homeCurrency()).isEqualTo("USD");
  }

  @Test
  void factTags_defaultToBothTags_andReachTheSyncSettings() {
    assertThat(valid().build().factTags()).isEqualTo(FactTags.defaults());
    assertThat(valid().build().factTags().openBalance()).contains("QuickBooks open balance");
    assertThat(valid().build().factTags().overdue()).contains("QuickBooks overdue");
    Connection c = valid().factTags(FactTags.of("Owes", null)).build();
    assertThat(c.syncSettings().factTags().openBalance()).contains("Owes");
    assertThat(c.syncSettings().factTags().overdue()).isEmpty();
    assertThat(FactTags.none().openBalance()).isEmpty();
  }

  @Test
  void factTags_refuseBlankLongOrEqualNames() {
    assertThatThrownBy(() -> FactTags.of(" ", null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FactTags.of("x".repeat(101), null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FactTags.of("Same", "Same")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> dev.qbmc.core.ConnectRequest.builder().connectionId("a").realmId("1")
        .audience(dev.qbmc.core.AudienceChoice.existing("l")).marketingStatus(MarketingStatus.SUBSCRIBED)
        .factTags(FactTags.of("Over\u202Edue", null)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bidi");
  }

  @Test
  void withStatus_changesStatusAndUpdateTimeOnly() {
    Connection c = valid().tag("Imported").build();
    Connection paused = c.withStatus(ConnectionStatus.PAUSED, T0.plusSeconds(9));
    assertThat(paused.status()).isEqualTo(ConnectionStatus.PAUSED);
    assertThat(paused.updatedAt()).isEqualTo(T0.plusSeconds(9));
    assertThat(paused.tag()).isEqualTo("Imported");
  }

  @Test
  void build_refusesInvalidValues() {
    assertThatThrownBy(() -> valid().realmId(" ").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("realmId");
    assertThatThrownBy(() -> valid().homeCurrency("usd").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("homeCurrency");
    assertThatThrownBy(() -> valid().contactLimit(-1).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contactLimit");
    assertThatThrownBy(() -> valid().updatedAt(T0.minusSeconds(1)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("updatedAt");
    assertThatThrownBy(() -> Connection.builder().connectionId("x").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("realmId");
  }
}
