package dev.qbmc.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qbmc.core.AudienceChoice;
import dev.qbmc.core.ConnectRequest;
import dev.qbmc.core.Qbmc;
import dev.qbmc.core.model.MarketingStatus;
import dev.qbmc.core.spi.Lease;
import dev.qbmc.core.store.InMemorySyncStateStore;
import dev.qbmc.core.store.InMemoryTokenStore;
import dev.qbmc.examples.cli.Sandbox;
import dev.qbmc.examples.host.ApiEndpoints;
import dev.qbmc.examples.host.QbmcSetup;
import dev.qbmc.examples.host.ScheduledSyncExample;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One round of the scheduled sync: skipped while another process holds the lease, synced after. */
class ScheduledSyncExampleTest {
  private final Sandbox sandbox = Sandbox.start(Duration.ZERO, true);
  private final InMemorySyncStateStore state = new InMemorySyncStateStore();

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void aRound_skipsAConnectionSyncingElsewhere_andSyncsItOnceTheLeaseIsFree() throws Exception {
    ApiEndpoints endpoints = ApiEndpoints.of(sandbox);
    try (Qbmc qbmc = QbmcSetup.builder(endpoints, QbmcSetup.intuitOAuth(endpoints, sandbox.quickBooks().clientId(),
            sandbox.quickBooks().clientSecret(), URI.create("http://127.0.0.1/callback")), null)
        .tokenStore(new InMemoryTokenStore()).stateStore(state).build()) {
      qbmc.storeQuickBooksRefreshToken("acme", sandbox.quickBooks().realmId(),
          sandbox.quickBooks().mintTokens().refreshToken());
      qbmc.storeMailchimpApiKey("acme", sandbox.mailchimp().apiKey());
      qbmc.connect(ConnectRequest.builder().connectionId("acme").realmId(sandbox.quickBooks().realmId())
          .audience(AudienceChoice.existing(sandbox.audienceId())).marketingStatus(MarketingStatus.SUBSCRIBED).build());
      Lease elsewhere = state.tryAcquireLease("acme", "another-process", Duration.ofMinutes(5), Instant.now())
          .orElseThrow();
      LinkedBlockingQueue<String> log = new LinkedBlockingQueue<>();

      try (ScheduledSyncExample schedule = ScheduledSyncExample.start(qbmc, state, Duration.ofHours(1), 2, log::add)) {
        assertThat(log.poll(30, TimeUnit.SECONDS)).isEqualTo(
            "acme: still syncing (here or in another process), skipped this round");
      }
      state.releaseLease(elsewhere);
      try (ScheduledSyncExample schedule = ScheduledSyncExample.start(qbmc, state, Duration.ofHours(1), 2, log::add)) {
        assertThat(log.poll(60, TimeUnit.SECONDS)).startsWith("acme: SUCCEEDED FULL sync");
      }
    }
  }
}
