package dev.qbmc.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qbmc.core.AudienceChoice;
import dev.qbmc.core.ConnectRequest;
import dev.qbmc.core.model.MarketingStatus;
import dev.qbmc.core.spi.SyncRunRecord;
import dev.qbmc.core.store.JdbcStore;
import dev.qbmc.core.testing.PostgresDatabaseExtension;
import dev.qbmc.examples.cli.Sandbox;
import dev.qbmc.examples.host.ApiEndpoints;
import dev.qbmc.examples.host.QbmcSetup;
import dev.qbmc.examples.host.SeveralNodesSyncExample;
import dev.qbmc.examples.host.SeveralNodesSyncExample.Node;
import dev.qbmc.quickbooks.oauth.IntuitOAuth;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two in-process nodes of {@link SeveralNodesSyncExample}, each with its own data source on one
 * real PostgreSQL database, against the simulators: the connection is synced in full once, a later
 * change is picked up by one of the nodes, and no two runs overlap.
 */
class SeveralNodesSyncExampleTest {
  @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

  private final Sandbox sandbox = Sandbox.start(Duration.ZERO, true);
  private final LinkedBlockingQueue<String> log = new LinkedBlockingQueue<>();
  private final List<String> seen = new ArrayList<>();

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void twoNodesOnOneDatabase_syncTheConnectionOnceInFull_andOneRunAtATime() throws Exception {
    ApiEndpoints endpoints = ApiEndpoints.of(sandbox);
    IntuitOAuth intuit = QbmcSetup.intuitOAuth(endpoints, sandbox.quickBooks().clientId(),
        sandbox.quickBooks().clientSecret(), URI.create("http://127.0.0.1/callback"));
    Duration every = Duration.ofMillis(100);
    String storeId = "qbo-" + sandbox.quickBooks().realmId();

    try (Node a = SeveralNodesSyncExample.startNode("a", DB.database().unpooledDataSource(), endpoints, intuit, every,
            log::add);
        Node b = SeveralNodesSyncExample.startNode("b", DB.database().unpooledDataSource(), endpoints, intuit, every,
            log::add)) {
      b.qbmc().storeQuickBooksRefreshToken("acme", sandbox.quickBooks().realmId(),
          sandbox.quickBooks().mintTokens().refreshToken());
      b.qbmc().storeMailchimpApiKey("acme", sandbox.mailchimp().apiKey());
      b.qbmc().connect(ConnectRequest.builder().connectionId("acme").realmId(sandbox.quickBooks().realmId())
          .audience(AudienceChoice.existing(sandbox.audienceId())).marketingStatus(MarketingStatus.SUBSCRIBED).build());

      awaitLogUntil(() -> seen.stream().anyMatch(line -> line.contains("acme: SUCCEEDED FULL sync")));
      String invoiceId = sandbox.quickBooks().addInvoice("1", "4", 2, new BigDecimal("19.99")).path("Id").asText();
      awaitLogUntil(() -> sandbox.mailchimp().orders(storeId).stream()
          .anyMatch(order -> order.path("id").asText().equals("invoice-" + invoiceId)));
      awaitLogUntil(() -> seen.stream().anyMatch(line -> line.startsWith("a ")) && seen.stream()
          .anyMatch(line -> line.startsWith("b ")));
    }
    log.drainTo(seen);

    assertThat(seen).filteredOn(line -> line.contains("FULL")).hasSize(1);
    assertThat(seen).allMatch(line -> line.matches("[ab] acme: (SUCCEEDED (FULL|INCREMENTAL) sync.*"
        + "|still syncing \\(here or in another process\\), skipped this round)"), "synced or skipped");
    List<SyncRunRecord> runs = new ArrayList<>(JdbcStore.builder().dataSource(DB.dataSource()).build()
        .recentRuns("acme", 20));
    runs.sort(Comparator.comparing(SyncRunRecord::startedAt));
    for (int i = 1; i < runs.size(); i++) {
      assertThat(runs.get(i).startedAt()).as("run %d starts after run %d ended", i, i - 1)
          .isAfterOrEqualTo(runs.get(i - 1).finishedAt().orElseThrow());
    }
  }

  /** Reads the nodes' log lines until the condition holds (a bounded wait: each round logs). */
  private void awaitLogUntil(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      String line = log.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      assertThat(line).as("a node logged within 60 s; so far: %s", seen).isNotNull();
      seen.add(line);
    }
  }
}
