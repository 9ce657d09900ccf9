package dev.qbmc.examples.host;

import dev.qbmc.core.AudienceChoice;
import dev.qbmc.core.ConnectRequest;
import dev.qbmc.core.ConnectionNotActiveException;
import dev.qbmc.core.Qbmc;
import dev.qbmc.core.SyncAlreadyRunningException;
import dev.qbmc.core.model.ConnectionStatus;
import dev.qbmc.core.model.MarketingStatus;
import dev.qbmc.core.report.SyncReport;
import dev.qbmc.core.spi.Connection;
import dev.qbmc.core.spi.SyncStateStore;
import dev.qbmc.core.store.FileStore;
import dev.qbmc.examples.cli.Sandbox;
import dev.qbmc.quickbooks.oauth.IntuitOAuth;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A scheduled incremental sync over many connections: a {@link ScheduledExecutorService} ticks at
 * a fixed delay and hands every connected connection to a small worker pool. A connection whose
 * previous sync is still running (here or in another process sharing the stores) is skipped for
 * the round ({@link SyncAlreadyRunningException}); one that is paused, disconnected or needs
 * re-authorisation is reported ({@link ConnectionNotActiveException}); no exception ends the
 * schedule.
 *
 * <p>{@link #main} runs it against the simulators for a few seconds: the first round does the
 * full sync, the next rounds find it still running and skip, a change made in QuickBooks is then
 * picked up by an incremental sync.
 */
public final class ScheduledSyncExample implements AutoCloseable {
  private final Qbmc qbmc;
  private final SyncStateStore state;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService workers;
  private final Consumer<String> log;

  private ScheduledSyncExample(Qbmc qbmc, SyncStateStore state, int workerThreads, Consumer<String> log) {
    this.qbmc = qbmc;
    this.state = state;
    this.log = log;
    this.scheduler = Executors.newSingleThreadScheduledExecutor();
    this.workers = Executors.newFixedThreadPool(workerThreads);
  }

  /**
   * Starts syncing every connection of the store at a fixed delay.
   *
   * @param qbmc the qbmc instance
   * @param state the state store the instance uses (lists the connections)
   * @param every the delay between rounds
   * @param workerThreads how many connections sync at once
   * @param log receives one line per sync or skip
   * @return the running schedule; close it to stop
   */
  public static ScheduledSyncExample start(
      Qbmc qbmc, SyncStateStore state, Duration every, int workerThreads, Consumer<String> log) {
    ScheduledSyncExample example = new ScheduledSyncExample(Objects.requireNonNull(qbmc, "qbmc"),
        Objects.requireNonNull(state, "state"), workerThreads, Objects.requireNonNull(log, "log"));
    example.scheduler.scheduleWithFixedDelay(example::syncAll, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    return example;
  }

  // quickstart:start scheduled
  private void syncAll() {
    for (Connection connection : state.connections()) {
      if (connection.status() == ConnectionStatus.CONNECTED) {
        workers.execute(() -> syncOne(connection.connectionId()));
      }
    }
  }

  private void syncOne(String connectionId) {
    try {
      SyncReport report = qbmc.sync(connectionId); // full the first time, then only the changes
      log.accept(connectionId + ": " + report.summary());
    } catch (SyncAlreadyRunningException e) {
      log.accept(connectionId + ": still syncing (here or in another process), skipped this round");
    } catch (ConnectionNotActiveException e) {
      log.accept(connectionId + ": " + e.getMessage()); // paused, disconnected or needs re-authorisation
    } catch (RuntimeException e) {
      log.accept(connectionId + ": sync failed, retried next round: " + e); // never kill the schedule
    }
  }
  // quickstart:end

  /** Stops scheduling and waits for running syncs to finish. */
  @Override
  public void close() {
    scheduler.shutdown();
    workers.shutdown();
    try {
      scheduler.awaitTermination(1, TimeUnit.MINUTES);
      workers.awaitTermination(10, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Runs the schedule against the simulators for a few seconds.
   *
   * @param args ignored
   * @throws Exception when something fails
   */
  public static void main(String[] args) throws Exception {
    run(System.out, Duration.ofMillis(500), Duration.ofSeconds(6));
  }

  /**
   * Runs the example.
   *
   * @param out where to print
   * @param every the delay between rounds
   * @param runFor how long to keep the schedule running
   * @throws IOException when the temporary state folder cannot be created
   * @throws InterruptedException when interrupted
   */
  public static void run(PrintStream out, Duration every, Duration runFor) throws IOException, InterruptedException {
    Path stateDir = Files.createTempDirectory("qbmc-scheduled-");
    try (Sandbox sandbox = Sandbox.builder().latency(Duration.ofMillis(2)).synchronousBatches(true).start();
        FileStore store = FileStore.open(stateDir)) {
      ApiEndpoints endpoints = ApiEndpoints.of(sandbox);
      IntuitOAuth intuit = QbmcSetup.intuitOAuth(endpoints, sandbox.quickBooks().clientId(),
          sandbox.quickBooks().clientSecret(), URI.create("http://127.0.0.1/oauth/quickbooks/callback"));
      String realmId = sandbox.quickBooks().realmId();
      String refreshToken = sandbox.quickBooks().mintTokens().refreshToken();
      String mailchimpApiKey = sandbox.mailchimp().apiKey();
      String audienceId = sandbox.audienceId();
      // quickstart:start build
      Qbmc qbmc = QbmcSetup.builder(endpoints, intuit, null) // null: no Mailchimp OAuth app, API keys only
          .tokenStore(store) // FileStore: durable tokens and sync state; or your own SPI implementations
          .stateStore(store)
          .build();
      // quickstart:end
      try (qbmc) {
        // quickstart:start connect
        qbmc.storeQuickBooksRefreshToken("acme", realmId, refreshToken); // or the OAuth callbacks below
        qbmc.storeMailchimpApiKey("acme", mailchimpApiKey);
        qbmc.connect(ConnectRequest.builder()
            .connectionId("acme")
            .realmId(realmId)
            .audience(AudienceChoice.existing(audienceId))
            .marketingStatus(MarketingStatus.SUBSCRIBED) // only if these customers agreed to marketing
            .build());
        // quickstart:end
        try (ScheduledSyncExample schedule = start(qbmc, store, every, 2, line -> out.println("  " + line))) {
          Thread.sleep(runFor.toMillis() / 2);
          sandbox.quickBooks().addInvoice("1", "4", 2, new BigDecimal("19.99"));
          out.println("  (added an invoice in QuickBooks)");
          Thread.sleep(runFor.toMillis() / 2);
        }
      }
    } finally {
      try (var paths = Files.walk(stateDir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
