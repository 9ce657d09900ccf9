package dev.qbmc.examples.multinode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qbmc.core.AudienceChoice;
import dev.qbmc.core.ConnectRequest;
import dev.qbmc.core.Qbmc;
import dev.qbmc.core.model.ConnectionStatus;
import dev.qbmc.core.model.MarketingStatus;
import dev.qbmc.core.model.Provider;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.SyncMode;
import dev.qbmc.core.model.SyncOutcome;
import dev.qbmc.core.spi.Lease;
import dev.qbmc.core.spi.SyncRunRecord;
import dev.qbmc.core.store.InMemorySyncStateStore;
import dev.qbmc.core.store.InMemoryTokenStore;
import dev.qbmc.core.store.JdbcStore;
import dev.qbmc.core.testing.TestDatabase;
import dev.qbmc.core.testing.TestPostgres;
import dev.qbmc.examples.cli.Sandbox;
import dev.qbmc.examples.host.ApiEndpoints;
import dev.qbmc.examples.host.QbmcSetup;
import dev.qbmc.examples.sim.FaultInjector;
import dev.qbmc.examples.sim.SimRequest;
import dev.qbmc.examples.sim.SimResponse;
import dev.qbmc.examples.sim.quickbooks.QuickBooksSimulator;
import dev.qbmc.quickbooks.oauth.IntuitOAuth;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes of one host, each a JVM of its own with its own {@link JdbcStore} and PostgreSQL
 * driver {@code DataSource}, on one connection in one (real, embedded) PostgreSQL; the simulators
 * run in this JVM, which watches their request logs and holds chosen requests to see a node
 * mid-sync. Proves the multi-node promises of the README: one sync at a time, one token refresh
 * when both nodes need one with the rotated refresh token never lost, and a SIGKILLed lease
 * holder taken over after the lease TTL with the same Mailchimp state as an uninterrupted sync.
 */
class MultiNodeTest {
  private static final String ID = "acme";
  private static final Duration LONG_TTL = Duration.ofMinutes(2);
  private static final int CHUNK = 25;
  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir Path logs;

  private final List<AutoCloseable> closing = new ArrayList<>();
  private TestDatabase database;
  private Sandbox sandbox;
  private JdbcStore store;

  @BeforeEach
  void start(TestInfo test) throws Exception {
    database = TestPostgres.shared().createDatabase("multinode_" + test.getTestMethod().orElseThrow().getName());
    sandbox = Sandbox.start(Duration.ZERO, true);
    store = JdbcStore.builder().dataSource(database.dataSource()).build();
    Qbmc host = qbmc(sandbox, store);
    host.storeQuickBooksRefreshToken(ID, sandbox.quickBooks().realmId(), sandbox.quickBooks().mintTokens().refreshToken());
    host.storeMailchimpApiKey(ID, sandbox.mailchimp().apiKey());
    host.connect(ConnectRequest.builder().connectionId(ID).realmId(sandbox.quickBooks().realmId())
        .audience(AudienceChoice.existing(sandbox.audienceId())).marketingStatus(MarketingStatus.SUBSCRIBED).build());
    host.close();
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = closing.size() - 1; i >= 0; i--) {
      closing.get(i).close();
    }
    sandbox.close();
    database.close();
  }

  @Test
  void twoNodes_runOneSyncAtATime_theOtherIsRefusedOrWaits() throws Exception {
    NodeProcess a = node("a", LONG_TTL);
    NodeProcess b = node("b", LONG_TTL);
    Hold hold = hold(sandbox.quickBooks().faults(), FaultInjector.route("GET", QuickBooksSimulator.QUERY_PATH)
        .or(FaultInjector.route("POST", QuickBooksSimulator.QUERY_PATH)));

    a.send("sync");
    hold.awaitReached();
    assertThat(store.currentLease(ID).orElseThrow().owner()).startsWith("node-a/");
    assertThat(b.call("sync")).as("node b while node a syncs").isEqualTo("REFUSED");
    hold.release();
    assertThat(a.answer()).startsWith("DONE SUCCEEDED FULL");

    sandbox.quickBooks().setLatency(Duration.ofMillis(5)); // each run takes long enough to overlap
    for (int round = 0; round < 3; round++) {
      sandbox.quickBooks().addInvoice("1", "4", round + 1, new java.math.BigDecimal("19.99"));
      a.send("sync-wait " + WAIT.toMillis());
      b.send("sync-wait " + WAIT.toMillis());
      assertThat(List.of(a.answer(), b.answer())).allMatch(answer -> answer.startsWith("DONE SUCCEEDED INCREMENTAL"));
    }

    List<SyncRunRecord> runs = new ArrayList<>(store.recentRuns(ID, 20));
    runs.sort(Comparator.comparing(SyncRunRecord::startedAt));
    assertThat(runs).hasSize(7).allMatch(r -> r.outcome().orElseThrow() == SyncOutcome.SUCCEEDED);
    for (int i = 1; i < runs.size(); i++) {
      assertThat(runs.get(i).startedAt()).as("run %d starts after run %d ended", i, i - 1)
          .isAfterOrEqualTo(runs.get(i - 1).finishedAt().orElseThrow());
    }
  }

  @Test
  void twoNodesNeedingATokenRefresh_refreshOnce_andNeverLoseTheRotatedRefreshToken() throws Exception {
    QuickBooksSimulator qbo = sandbox.quickBooks();
    Qbmc host = qbmc(sandbox, store);
    host.storeQuickBooksRefreshToken(ID, qbo.realmId(), qbo.mintTokens().refreshToken()); // access token expired
    host.close();
    qbo.requestLog().reset();
    AtomicInteger refused = new AtomicInteger();
    qbo.faults().onEvery(FaultInjector.route("POST", QuickBooksSimulator.TOKEN_PATH), (request, normal, sleeper) -> {
      SimResponse response = normal.apply(request);
      if (response.status() != 200) {
        refused.incrementAndGet(); // invalid_grant: a refresh token used twice
      }
      return response;
    });
    NodeProcess a = node("a", LONG_TTL);
    NodeProcess b = node("b", LONG_TTL);

    a.send("sync-wait " + WAIT.toMillis());
    b.send("sync-wait " + WAIT.toMillis());
    assertThat(List.of(a.answer(), b.answer())).allMatch(answer -> answer.startsWith("DONE SUCCEEDED"));
    assertThat(qbo.requestLog().count("POST", QuickBooksSimulator.TOKEN_PATH)).as("refreshes").isEqualTo(1);

    qbo.expireAccessTokens(); // both nodes hold the same, now rejected, access token
    a.send("sync-wait " + WAIT.toMillis());
    b.send("sync-wait " + WAIT.toMillis());
    assertThat(List.of(a.answer(), b.answer())).allMatch(answer -> answer.startsWith("DONE SUCCEEDED INCREMENTAL"));
    assertThat(a.call("sync")).startsWith("DONE SUCCEEDED INCREMENTAL");
    assertThat(b.call("sync")).startsWith("DONE SUCCEEDED INCREMENTAL");
    assertThat(qbo.requestLog().count("POST", QuickBooksSimulator.TOKEN_PATH)).as("refreshes").isEqualTo(2);
    assertThat(refused).as("invalid_grant answers").hasValue(0);
    assertThat(store.connection(ID).orElseThrow().status()).isEqualTo(ConnectionStatus.CONNECTED);

    String stored = store.load(ID, Provider.QUICKBOOKS).orElseThrow().tokens().refreshToken().orElseThrow();
    assertThat(intuit(sandbox).refresh(stored).refreshToken()).as("the stored refresh token is the live one")
        .isNotEqualTo(stored);
    assertThat(refused).hasValue(0);
  }

  @Test
  void aLeaseHolderKilledMidSync_isTakenOverAfterTheTtl_andTheSyncConverges() throws Exception {
    Duration ttl = Duration.ofSeconds(3);
    NodeProcess a = node("a", ttl);
    NodeProcess b = node("b", ttl);
    Hold hold = hold(sandbox.mailchimp().faults(),
        request -> !request.method().equals("GET") && committedStates() > 0);

    a.send("sync");
    hold.awaitReached(); // node a committed a chunk and is writing the next one
    Lease killed = store.currentLease(ID).orElseThrow();
    assertThat(killed.owner()).startsWith("node-a/");
    long committed = committedStates();
    assertThat(store.cursor(ID)).as("node a is mid-sync").isEmpty();
    a.kill();
    hold.answer = false; // the held write never reaches Mailchimp: its node is dead
    hold.release();

    assertThat(b.call("sync-wait " + WAIT.toMillis())).startsWith("DONE SUCCEEDED FULL");
    SyncRunRecord takeover = store.recentRuns(ID, 1).get(0);
    assertThat(takeover.startedAt()).as("taken over once the lease expired").isAfterOrEqualTo(killed.expiresAt());
    assertThat(committedStates()).isGreaterThan(committed);

    MailchimpState converged = MailchimpState.of(sandbox);
    assertThat(converged.differencesFrom(expectedState())).as("differences from an uninterrupted sync").isEmpty();
    assertThat(converged.orderIds()).hasSizeGreaterThan(100);
    long writes = sandbox.mailchimp().requestLog().total() - sandbox.mailchimp().requestLog().countMatching("GET ");
    assertThat(b.call("sync")).startsWith("DONE SUCCEEDED INCREMENTAL");
    assertThat(sandbox.mailchimp().requestLog().total() - sandbox.mailchimp().requestLog().countMatching("GET "))
        .as("nothing left to write").isEqualTo(writes);
  }

  /** The Mailchimp state of an uninterrupted sync of the same company, into fresh simulators. */
  private MailchimpState expectedState() throws Exception {
    try (Sandbox clean = Sandbox.start(Duration.ZERO, true)) {
      InMemoryTokenStore tokens = new InMemoryTokenStore();
      try (Qbmc qbmc = QbmcSetup.builder(ApiEndpoints.of(clean), intuit(clean), null)
          .tokenStore(tokens).stateStore(new InMemorySyncStateStore()).chunkSize(CHUNK).build()) {
        qbmc.storeQuickBooksRefreshToken(ID, clean.quickBooks().realmId(), clean.quickBooks().mintTokens().refreshToken());
        qbmc.storeMailchimpApiKey(ID, clean.mailchimp().apiKey());
        qbmc.connect(ConnectRequest.builder().connectionId(ID).realmId(clean.quickBooks().realmId())
            .audience(AudienceChoice.existing(clean.audienceId())).marketingStatus(MarketingStatus.SUBSCRIBED).build());
        assertThat(qbmc.sync(ID).mode()).isEqualTo(SyncMode.FULL);
      }
      return MailchimpState.of(clean);
    }
  }

  private long committedStates() {
    long sum = 0;
    for (RecordKind kind : RecordKind.values()) {
      sum += store.countStates(ID, kind);
    }
    return sum;
  }

  private NodeProcess node(String name, Duration ttl) {
    NodeProcess node = NodeProcess.start(name, database, sandbox, ID, ttl, CHUNK, logs);
    closing.add(node);
    return node;
  }

  private static IntuitOAuth intuit(Sandbox sandbox) {
    return QbmcSetup.intuitOAuth(ApiEndpoints.of(sandbox), sandbox.quickBooks().clientId(),
        sandbox.quickBooks().clientSecret(), URI.create("http://127.0.0.1/callback"));
  }

  private static Qbmc qbmc(Sandbox sandbox, JdbcStore store) {
    return QbmcSetup.builder(ApiEndpoints.of(sandbox), intuit(sandbox), null)
        .tokenStore(store).stateStore(store).chunkSize(CHUNK).build();
  }

  private Hold hold(FaultInjector faults, Predicate<SimRequest> matching) {
    Hold hold = new Hold();
    faults.onRequest(matching, 1, (request, normal, sleeper) -> {
      hold.reached.countDown();
      if (!hold.released.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        return SimResponse.empty(503);
      }
      return hold.answer ? normal.apply(request) : SimResponse.empty(503);
    });
    closing.add(hold::release);
    return hold;
  }

  /** The first request that matches waits in the simulator until released. */
  private static final class Hold {
    final CountDownLatch reached = new CountDownLatch(1);
    final CountDownLatch released = new CountDownLatch(1);
    volatile boolean answer = true;

    void awaitReached() throws InterruptedException {
      assertThat(reached.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("a node reached the held request").isTrue();
    }

    void release() {
      released.countDown();
    }
  }
}
