package dev.qbmc.examples.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qbmc.core.Qbmc;
import dev.qbmc.core.QuickBooksConnector;
import dev.qbmc.core.SyncListener;
import dev.qbmc.core.SyncProgress;
import dev.qbmc.core.model.Provider;
import dev.qbmc.core.model.SyncOutcome;
import dev.qbmc.core.report.SyncReport;
import dev.qbmc.mailchimp.MailchimpRequestEvent;
import dev.qbmc.quickbooks.QuickBooksClient;
import dev.qbmc.quickbooks.QuickBooksRequestEvent;
import dev.qbmc.quickbooks.RealmLimiter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One {@code Qbmc} shares one HTTP client and one limiter per realm among all its syncs (issue 12
 * item 7), counts API calls whatever listener the host sets, and logs one line per sync outcome and
 * one line per sync for a failing listener (issue 16); against both simulators.
 */
class SharedClientsTest {
  private final SimulatedWorld world = new SimulatedWorld();
  private final List<QuickBooksClient> built = new CopyOnWriteArrayList<>();
  private final List<QuickBooksRequestEvent> hostQboEvents = new CopyOnWriteArrayList<>();
  private final List<MailchimpRequestEvent> hostMailchimpEvents = new CopyOnWriteArrayList<>();
  private final Logger qbmcLoggers = Logger.getLogger("dev.qbmc");
  private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      logged.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private Qbmc qbmc;

  /** A connector that sets the host's own request listener and keeps every client it built. */
  private QuickBooksConnector recordingConnector() {
    return new QuickBooksConnector() {
      @Override
      public dev.qbmc.quickbooks.oauth.IntuitOAuth oauth() {
        return world.oauth;
      }

      @Override
      public QuickBooksClient client(QuickBooksClient.Builder prepared) {
        QuickBooksClient client = prepared
            .baseUri(URI.create(world.qbo.baseUrl()))
            .clock(world.clock)
            .sleeper(d -> world.clock.advance(d))
            .requestListener(hostQboEvents::add) // the host's own listener: qbmc's counter stays
            .build();
        built.add(client);
        return client;
      }
    };
  }

  @AfterEach
  void close() {
    qbmcLoggers.removeHandler(capture);
    if (qbmc != null) {
      qbmc.close();
    }
    world.close();
  }

  @Test
  void fiftySyncs_startNoHttpClientThreads_andShareTheRealmLimiter() {
    qbmc = world.qbmc(b -> b.quickBooks(recordingConnector()));
    world.connect(qbmc);
    assertThat(qbmc.sync(SimulatedWorld.CONNECTION).outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
    long selectorsAfterFirst = httpClientSelectorThreads();

    for (int i = 0; i < 50; i++) {
      world.clock.advance(Duration.ofMinutes(1));
      assertThat(qbmc.sync(SimulatedWorld.CONNECTION).outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
    }

    // Before: every sync built two HttpClients, each with a selector thread (3 -> 61 over 30 syncs).
    assertThat(httpClientSelectorThreads()).isLessThanOrEqualTo(selectorsAfterFirst);
    // connect + 51 syncs, each with a client of its own, all counting against one realm limiter
    assertThat(built).hasSizeGreaterThanOrEqualTo(52);
    RealmLimiter realm = built.get(0).realmLimiter();
    assertThat(built).allSatisfy(client -> assertThat(client.realmLimiter()).isSameAs(realm));
    assertThat(realm.maxInFlight()).isEqualTo(RealmLimiter.INTUIT_MAX_IN_FLIGHT);
    assertThat(realm.maxPerMinute()).isEqualTo(RealmLimiter.INTUIT_MAX_PER_MINUTE);
    assertThat(realm.inFlight()).isZero();
  }

  @Test
  void aHostsOwnRequestListeners_doNotCostTheReportItsApiCallCounts() {
    qbmc = world.qbmc(
        b -> b.quickBooks(recordingConnector()),
        client -> client.requestListener(hostMailchimpEvents::add));
    world.connect(qbmc);
    hostQboEvents.clear();
    hostMailchimpEvents.clear();

    SyncReport report = qbmc.sync(SimulatedWorld.CONNECTION);

    assertThat(report.apiCallsTo(Provider.QUICKBOOKS)).isPositive().isEqualTo(hostQboEvents.size());
    assertThat(report.apiCallsTo(Provider.MAILCHIMP)).isPositive().isEqualTo(hostMailchimpEvents.size());
  }

  @Test
  void everySyncOutcome_isOneInfoLine_andAFailingListenerOneWarningPerSync() {
    qbmcLoggers.addHandler(capture);
    qbmcLoggers.setLevel(Level.ALL);
    SyncListener failing = new SyncListener() {
      @Override
      public void onProgress(SyncProgress progress) {
        throw new IllegalStateException("listener bug");
      }

      @Override
      public void onFinished(SyncReport report) {
        throw new IllegalStateException("listener bug");
      }
    };
    qbmc = world.qbmc(b -> b.listener(failing));
    world.connect(qbmc);

    SyncReport first = qbmc.sync(SimulatedWorld.CONNECTION);
    world.clock.advance(Duration.ofMinutes(1));
    SyncReport second = qbmc.sync(SimulatedWorld.CONNECTION);

    List<String> infos = messages(Level.INFO);
    assertThat(infos).hasSize(2);
    assertThat(infos.get(0)).startsWith("sync acme FULL SUCCEEDED in ")
        .contains("created " + first.totals().created(), "run " + first.runId(),
            "API calls QuickBooks " + first.apiCallsTo(Provider.QUICKBOOKS));
    assertThat(infos.get(1)).startsWith("sync acme INCREMENTAL SUCCEEDED in ").contains("run " + second.runId());
    assertThat(messages(Level.WARNING)).hasSize(2) // one per sync, not one per progress event
        .allSatisfy(line -> assertThat(line).contains("SyncListener threw java.lang.IllegalStateException"));
    assertThat(String.join("\n", messages(Level.ALL))).doesNotContain("@", world.mailchimp.apiKey());
  }

  private List<String> messages(Level level) {
    SimpleFormatter formatter = new SimpleFormatter();
    return logged.stream()
        .filter(r -> level == Level.ALL || r.getLevel().equals(level))
        .filter(r -> r.getLoggerName().startsWith("dev.qbmc.core"))
        .map(formatter::formatMessage)
        .toList();
  }

  private static long httpClientSelectorThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager"))
        .count();
  }
}
