package dev.qbmc.examples.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qbmc.core.AudienceChoice;
import dev.qbmc.core.ConnectRequest;
import dev.qbmc.core.ConnectionNotActiveException;
import dev.qbmc.core.CredentialsRejectedException;
import dev.qbmc.core.MissingCredentialsException;
import dev.qbmc.core.Qbmc;
import dev.qbmc.core.RealmAlreadyConnectedException;
import dev.qbmc.core.model.ConnectionStatus;
import dev.qbmc.core.model.MarketingStatus;
import dev.qbmc.core.model.Provider;
import dev.qbmc.core.model.SyncMode;
import dev.qbmc.core.report.SyncReport;
import dev.qbmc.core.spi.Connection;
import dev.qbmc.examples.sim.mailchimp.MemberView;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConnectionLifecycleTest {
  private final SimulatedWorld world = new SimulatedWorld();

  @AfterEach
  void close() {
    world.close();
  }

  @Test
  void connect_createsTheStore_andStoresTheSettings() {
    try (Qbmc qbmc = world.qbmc()) {
      Connection connection = world.connect(qbmc, r -> r.marketingStatus(MarketingStatus.UNSUBSCRIBED).tag("From QBO"));

      assertThat(connection.status()).isEqualTo(ConnectionStatus.CONNECTED);
      assertThat(connection.storeId()).isEqualTo("qbo-" + world.qbo.realmId());
      assertThat(connection.tag()).isEqualTo("From QBO");
      assertThat(world.mailchimp.stores()).singleElement().satisfies(s -> {
        assertThat(s.path("id").asText()).isEqualTo(connection.storeId());
        assertThat(s.path("list_id").asText()).isEqualTo(world.listId);
        assertThat(s.path("platform").asText()).isEqualTo("QuickBooks Online");
        assertThat(s.path("currency_code").asText()).isEqualTo(connection.homeCurrency());
      });
      assertThat(qbmc.availableAudiences(SimulatedWorld.CONNECTION)).extracting(a -> a.id()).contains(world.listId);
    }
  }

  @Test
  void connect_withoutTokens_orWithABadApiKey_storesNothing() {
    try (Qbmc qbmc = world.qbmc()) {
      ConnectRequest request = ConnectRequest.builder().connectionId(SimulatedWorld.CONNECTION)
          .realmId(world.qbo.realmId()).audience(AudienceChoice.existing(world.listId))
          .marketingStatus(MarketingStatus.SUBSCRIBED).build();
      assertThatThrownBy(() -> qbmc.connect(request)).isInstanceOf(MissingCredentialsException.class);

      qbmc.storeQuickBooksRefreshToken(SimulatedWorld.CONNECTION, world.qbo.realmId(), world.qbo.mintTokens().refreshToken());
      qbmc.storeMailchimpApiKey(SimulatedWorld.CONNECTION, "ffffffffffffffffffffffffffffffff-us6");
      assertThatThrownBy(() -> qbmc.connect(request))
          .isInstanceOf(CredentialsRejectedException.class)
          .satisfies(e -> assertThat(((CredentialsRejectedException) e).provider()).isEqualTo(Provider.MAILCHIMP))
          .hasMessageNotContaining("ffffffffffffffff");
      assertThat(qbmc.connection(SimulatedWorld.CONNECTION)).isEmpty();
      assertThat(world.mailchimp.stores()).isEmpty();
    }
  }

  @Test
  void aRealmConnectedElsewhere_isRefused_unlessReplaced() {
    try (Qbmc qbmc = world.qbmc()) {
      world.connect(qbmc);
      String otherList = world.mailchimp.createList("Other audience");
      qbmc.storeQuickBooksRefreshToken("other", world.qbo.realmId(), world.qbo.mintTokens().refreshToken());
      qbmc.storeMailchimpApiKey("other", world.mailchimp.apiKey());
      ConnectRequest.Builder request = ConnectRequest.builder().connectionId("other").realmId(world.qbo.realmId())
          .audience(AudienceChoice.existing(otherList)).marketingStatus(MarketingStatus.SUBSCRIBED);

      assertThatThrownBy(() -> qbmc.connect(request.build()))
          .isInstanceOf(RealmAlreadyConnectedException.class)
          .hasMessageContaining(world.listId);

      Connection replaced = qbmc.connect(request.replaceExisting(true).build());
      assertThat(replaced.audienceId()).isEqualTo(otherList);
      assertThat(qbmc.connection(SimulatedWorld.CONNECTION).orElseThrow().status()).isEqualTo(ConnectionStatus.DISCONNECTED);
      assertThat(world.mailchimp.stores()).singleElement()
          .satisfies(s -> assertThat(s.path("list_id").asText()).isEqualTo(otherList));
    }
  }

  @Test
  void disconnect_deletesTheStore_keepsMembers_refusesSyncs_isIdempotent_andReconnectCreatesNoDuplicates() {
    try (Qbmc qbmc = world.qbmc()) {
      Connection connection = world.connect(qbmc);
      qbmc.sync(SimulatedWorld.CONNECTION);
      Map<String, String> membersBefore = statuses(world.mailchimp.members(world.listId));
      assertThat(world.mailchimp.orderCount(connection.storeId())).isPositive();

      qbmc.disconnect(SimulatedWorld.CONNECTION, true);
      qbmc.disconnect(SimulatedWorld.CONNECTION, true);

      assertThat(world.mailchimp.stores()).isEmpty();
      assertThat(statuses(world.mailchimp.members(world.listId))).isEqualTo(membersBefore);
      assertThat(world.mailchimp.members(world.listId)).allSatisfy(m -> assertThat(m.tags()).contains("QuickBooks Online"));
      assertThat(world.tokens.load(SimulatedWorld.CONNECTION, Provider.QUICKBOOKS)).isEmpty();
      assertThat(world.tokens.load(SimulatedWorld.CONNECTION, Provider.MAILCHIMP)).isEmpty();
      assertThat(world.qbo.requestLog().count("POST", "/v2/oauth2/tokens/revoke")).isEqualTo(1);
      assertThatThrownBy(() -> qbmc.sync(SimulatedWorld.CONNECTION))
          .isInstanceOf(ConnectionNotActiveException.class)
          .hasMessageContaining("DISCONNECTED");

      world.connect(qbmc);
      SyncReport again = qbmc.sync(SimulatedWorld.CONNECTION);

      assertThat(again.mode()).isEqualTo(SyncMode.FULL);
      assertThat(again.failures()).isEmpty();
      assertThat(statuses(world.mailchimp.members(world.listId))).isEqualTo(membersBefore);
      assertThat(world.mailchimp.orderCount(connection.storeId())).isPositive();
    }
  }

  private static Map<String, String> statuses(List<MemberView> members) {
    return members.stream().collect(Collectors.toMap(MemberView::emailAddress, MemberView::status));
  }
}
