package dev.qbmc.examples.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qbmc.core.AudienceChoice;
import dev.qbmc.core.AuthorizationFailedException;
import dev.qbmc.core.ConcurrentTokenUpdateException;
import dev.qbmc.core.ConnectRequest;
import dev.qbmc.core.MailchimpConnector;
import dev.qbmc.core.Qbmc;
import dev.qbmc.core.QbmcException;
import dev.qbmc.core.SyncOptions;
import dev.qbmc.core.model.MarketingStatus;
import dev.qbmc.core.model.Provider;
import dev.qbmc.core.spi.Connection;
import dev.qbmc.core.spi.StoredTokens;
import dev.qbmc.core.spi.TokenStore;
import dev.qbmc.core.spi.VersionedTokens;
import dev.qbmc.examples.sim.quickbooks.QuickBooksSimulator;
import dev.qbmc.mailchimp.MailchimpOAuth;
import dev.qbmc.mailchimp.model.Member;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HostHelpersTest {
  private static final byte[] STATE_KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private final SimulatedWorld world = new SimulatedWorld();

  @AfterEach
  void close() {
    world.close();
  }

  @Test
  void quickBooksOAuthCallback_storesTokensForTheConnection_andRefusesAForeignState() {
    try (Qbmc qbmc = world.qbmc(b -> b.oauthStateKey(STATE_KEY))) {
      URI authorize = qbmc.quickBooksAuthorizationUrl(SimulatedWorld.CONNECTION, "victim-session");
      String state = query(authorize, "state");
      assertThat(query(authorize, "scope")).contains("com.intuit.quickbooks.accounting");

      String realm = qbmc.completeQuickBooksAuthorization(SimulatedWorld.CONNECTION, "victim-session", URI.create(
          "https://host.example/callback?code=" + world.qbo.mintAuthorizationCode() + "&state=" + state
              + "&realmId=" + world.qbo.realmId()));

      assertThat(realm).isEqualTo(world.qbo.realmId());
      assertThat(world.tokens.load(SimulatedWorld.CONNECTION, Provider.QUICKBOOKS)).isPresent();
      assertThatThrownBy(() -> qbmc.completeQuickBooksAuthorization("another-connection", "victim-session",
          URI.create("https://host.example/callback?code=" + world.qbo.mintAuthorizationCode() + "&state=" + state
              + "&realmId=" + world.qbo.realmId())))
          .isInstanceOf(AuthorizationFailedException.class)
          .hasMessageContaining("state")
          .satisfies(e -> assertThat(((AuthorizationFailedException) e).provider()).isEqualTo(Provider.QUICKBOOKS));
      assertThat(world.tokens.load("another-connection", Provider.QUICKBOOKS)).isEmpty();
    }
  }

  @Test
  void aStateReplayedInAnotherSession_isRefused_andTheVictimsConnectionKeepsNoAttackerTokens() {
    MailchimpOAuth mailchimpOAuth = MailchimpOAuth.builder()
        .clientId(world.mailchimp.oauthClientId())
        .clientSecret(world.mailchimp.oauthClientSecret())
        .redirectUri(URI.create("https://host.example/oauth/mailchimp/callback"))
        .loginBaseUri(URI.create(world.mailchimp.loginUrl()))
        .build();
    try (Qbmc qbmc = world.qbmc(b -> b.oauthStateKey(STATE_KEY).mailchimp(MailchimpConnector.of(
        client -> client.baseUri(URI.create(world.mailchimp.baseUrl())), mailchimpOAuth)))) {
      // The attacker starts the flow in their own session for the connection id the victim will use,
      // consents with their own company, and sends the victim the callback URL with their code.
      String attackerState =
          query(qbmc.quickBooksAuthorizationUrl(SimulatedWorld.CONNECTION, "attacker-session"), "state");
      URI planted = URI.create("https://host.example/callback?code=" + world.qbo.mintAuthorizationCode()
          + "&state=" + attackerState + "&realmId=" + world.qbo.realmId());
      String mailchimpState =
          query(qbmc.mailchimpAuthorizationUrl(SimulatedWorld.CONNECTION, "attacker-session"), "state");
      URI plantedMailchimp = URI.create("https://host.example/callback?code=" + world.mailchimp.mintOAuthCode()
          + "&state=" + mailchimpState);

      // The victim's browser follows it: the host passes the victim's session.
      assertThatThrownBy(() -> qbmc.completeQuickBooksAuthorization(SimulatedWorld.CONNECTION, "victim-session", planted))
          .isInstanceOf(AuthorizationFailedException.class).hasMessageContaining("session")
          .hasMessageNotContaining("victim-session");
      assertThatThrownBy(() -> qbmc.completeMailchimpAuthorization(
          SimulatedWorld.CONNECTION, "victim-session", plantedMailchimp))
          .isInstanceOf(AuthorizationFailedException.class);

      assertThat(world.tokens.load(SimulatedWorld.CONNECTION, Provider.QUICKBOOKS)).isEmpty();
      assertThat(world.tokens.load(SimulatedWorld.CONNECTION, Provider.MAILCHIMP)).isEmpty();
      assertThat(world.qbo.requestLog().count("POST", QuickBooksSimulator.TOKEN_PATH))
          .as("no code was exchanged").isZero();
    }
  }

  @Test
  void storingTokens_whileAnotherWriterKeepsWinningTheRace_failsTyped_andStoresNothing() {
    TokenStore racing = new TokenStore() {
      @Override
      public Optional<VersionedTokens> load(String connectionId, Provider provider) {
        return world.tokens.load(connectionId, provider);
      }

      @Override
      public boolean compareAndSet(String connectionId, Provider provider, long expectedVersion, StoredTokens tokens) {
        long current = world.tokens.load(connectionId, provider).map(VersionedTokens::version).orElse(0L);
        world.tokens.compareAndSet(connectionId, provider, current,
            StoredTokens.builder().accessToken("other-writer-us6").dataCenter("us6").build());
        return world.tokens.compareAndSet(connectionId, provider, expectedVersion, tokens);
      }

      @Override
      public void delete(String connectionId, Provider provider) {
        world.tokens.delete(connectionId, provider);
      }

      @Override
      public void deleteAll(String connectionId) {
        world.tokens.deleteAll(connectionId);
      }
    };
    try (Qbmc qbmc = world.qbmc(b -> b.tokenStore(racing))) {
      assertThatThrownBy(() -> qbmc.storeMailchimpApiKey(SimulatedWorld.CONNECTION, world.mailchimp.apiKey()))
          .isInstanceOf(ConcurrentTokenUpdateException.class)
          .isInstanceOf(QbmcException.class)
          .hasMessageNotContaining(world.mailchimp.apiKey())
          .satisfies(e -> assertThat(((ConcurrentTokenUpdateException) e).provider()).isEqualTo(Provider.MAILCHIMP));
      assertThat(world.tokens.load(SimulatedWorld.CONNECTION, Provider.MAILCHIMP).orElseThrow().tokens().accessToken())
          .isEqualTo("other-writer-us6");
    }
  }

  @Test
  void connect_canCreateTheAudienceFromTheCompanyProfile() {
    try (Qbmc qbmc = world.qbmc()) {
      world.authorise(qbmc);
      Connection connection = qbmc.connect(ConnectRequest.builder()
          .connectionId(SimulatedWorld.CONNECTION)
          .realmId(world.qbo.realmId())
          .audience(AudienceChoice.createFromCompany("You bought from us."))
          .marketingStatus(MarketingStatus.UNSUBSCRIBED)
          .build());

      assertThat(connection.audienceId()).isNotEqualTo(world.listId);
      assertThat(world.mailchimp.listIds()).contains(connection.audienceId());
      assertThat(qbmc.sync(SimulatedWorld.CONNECTION).failures()).isEmpty();
      assertThat(world.mailchimp.members(connection.audienceId()))
          .isNotEmpty()
          .allSatisfy(m -> assertThat(m.status()).isEqualTo("unsubscribed"));
    }
  }

  @Test
  void review_listsTheImportedContacts_andThoseChangedSinceAnInstant() {
    try (Qbmc qbmc = world.qbmc()) {
      world.connect(qbmc);
      qbmc.sync(SimulatedWorld.CONNECTION);
      world.mailchimp.seedMember(world.listId, "not-from-qbo@example.com", "subscribed");

      List<Member> imported = qbmc.importedContacts(SimulatedWorld.CONNECTION).toList();

      assertThat(imported).hasSize(world.mailchimp.members(world.listId).size() - 1);
      assertThat(imported).extracting(Member::emailAddress).doesNotContain("not-from-qbo@example.com");
      assertThat(qbmc.importedContactsChangedSince(SimulatedWorld.CONNECTION, world.clock.instant().minusSeconds(60)).count())
          .isEqualTo(imported.size());
      assertThat(qbmc.importedContactsChangedSince(SimulatedWorld.CONNECTION, world.clock.instant().plusSeconds(60)).count())
          .isZero();
    }
  }

  @Test
  void aSyncAskedToWait_getsTheLeaseOnceItIsFree() {
    try (Qbmc qbmc = world.qbmc()) {
      world.connect(qbmc);
      world.state.tryAcquireLease(SimulatedWorld.CONNECTION, "other", Duration.ofSeconds(30), world.clock.instant());

      assertThat(qbmc.sync(SimulatedWorld.CONNECTION, SyncOptions.builder().waitForLease(Duration.ofMinutes(1)).build())
          .failures()).isEmpty();
    }
  }

  private static String query(URI uri, String name) {
    for (String pair : uri.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      if (pair.substring(0, eq).equals(name)) {
        return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no " + name + " in " + uri);
  }
}
