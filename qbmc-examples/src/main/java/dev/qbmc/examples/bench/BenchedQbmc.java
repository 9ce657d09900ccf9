package dev.qbmc.examples.bench;

import dev.qbmc.core.AudienceChoice;
import dev.qbmc.core.ConnectRequest;
import dev.qbmc.core.MailchimpConnector;
import dev.qbmc.core.Qbmc;
import dev.qbmc.core.QuickBooksConnector;
import dev.qbmc.core.model.MarketingStatus;
import dev.qbmc.core.spi.SyncStateStore;
import dev.qbmc.core.spi.TokenStore;
import dev.qbmc.core.store.FileStore;
import dev.qbmc.core.store.JdbcStore;
import dev.qbmc.core.store.InMemorySyncStateStore;
import dev.qbmc.core.store.InMemoryTokenStore;
import dev.qbmc.mailchimp.ConnectionLimiter;
import dev.qbmc.mailchimp.MailchimpSleeper;
import dev.qbmc.quickbooks.RealmLimiter;
import dev.qbmc.quickbooks.oauth.IntuitOAuth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A {@link Qbmc} wired to the benchmark's simulators, with a file, in-memory or PostgreSQL store, and
 * connected; its clients' request times and the Mailchimp client's waits go to an {@link ApiTimes}.
 */
final class BenchedQbmc implements AutoCloseable {
  static final String CONNECTION = "bench";
  /** The services' default chunk size, passed explicitly so the budget uses the same value. */
  static final int DEFAULT_CHUNK_SIZE = 5000;
  /** The services' default {@code Qbmc.Builder.batchesInFlight}, for the report's settings. */
  static final int DEFAULT_BATCHES_IN_FLIGHT = 4;

  final Qbmc qbmc;
  private final FileStore fileStore;
  private final Path directory;
  private final PostgresForBench postgres;

  BenchedQbmc(Simulators sims, BenchOptions options, int chunkSize, ApiTimes times) {
    SimInfo info = sims.info();
    try {
      directory = options.memoryStore || options.postgresStore ? null : Files.createTempDirectory("qbmc-bench-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the state directory", e);
    }
    fileStore = directory == null ? null : FileStore.open(directory);
    postgres = options.postgresStore ? PostgresForBench.start(System.err) : null;
    JdbcStore jdbc = postgres == null ? null
        : JdbcStore.builder().dataSource(postgres.dataSource())
            .tablePrefix("bench" + System.currentTimeMillis() + "_").build();
    TokenStore tokens = fileStore != null ? fileStore : jdbc != null ? jdbc : new InMemoryTokenStore();
    SyncStateStore state = fileStore != null ? fileStore : jdbc != null ? jdbc : new InMemorySyncStateStore();
    IntuitOAuth oauth = IntuitOAuth.builder().clientId(info.qboClientId()).clientSecret(info.qboClientSecret())
        .redirectUri(URI.create("http://127.0.0.1/callback")).tokenEndpoint(URI.create(info.qboTokenUrl()))
        .revocationEndpoint(URI.create(info.qboRevokeUrl())).build();
    MailchimpSleeper capped = cappedSleeper(options.pollCapMillis);
    MailchimpSleeper sleeper = d -> {
      long start = System.nanoTime();
      try {
        capped.sleep(d);
      } finally {
        times.ended(ApiTimes.Kind.MAILCHIMP_WAIT, System.nanoTime() - start);
      }
    };
    RealmLimiter qboLimits = RealmLimiter.of(options.qboInFlight, options.qboPerMinute); // one realm
    ConnectionLimiter mailchimpConnections = ConnectionLimiter.of(options.mailchimpConnections); // one account
    Qbmc.Builder builder = Qbmc.builder()
        .quickBooks(QuickBooksConnector.of(oauth, client -> client
            .baseUri(URI.create(info.qboBaseUrl()))
            .realmLimiter(qboLimits)
            .requestListener(e -> times.ended(ApiTimes.Kind.QBO, e.duration().toNanos()))))
        .mailchimp(MailchimpConnector.of(client -> client
            .baseUri(URI.create(info.mailchimpBaseUrl()))
            .requestListener(e -> times.ended(ApiTimes.Kind.MAILCHIMP, e.duration().toNanos()))
            .connectionLimiter(mailchimpConnections)
            .sleeper(sleeper)))
        .tokenStore(tokens)
        .stateStore(state)
        .chunkSize(chunkSize)
        .listener(new ProgressPrinter(System.err));
    if (options.batchesInFlight != null) {
      builder.batchesInFlight(options.batchesInFlight);
    }
    qbmc = builder.build();
    qbmc.storeQuickBooksRefreshToken(CONNECTION, info.realmId(), sims.mintRefreshToken());
    qbmc.storeMailchimpApiKey(CONNECTION, info.mailchimpApiKey());
    qbmc.connect(ConnectRequest.builder()
        .connectionId(CONNECTION)
        .realmId(info.realmId())
        .audience(AudienceChoice.existing(info.listId()))
        .marketingStatus(MarketingStatus.SUBSCRIBED)
        .build());
  }

  /** The Mailchimp client's sleeper (batch polls, retry waits), each wait capped when asked. */
  static MailchimpSleeper cappedSleeper(Long capMillis) {
    if (capMillis == null) {
      return MailchimpSleeper.system();
    }
    Duration cap = Duration.ofMillis(capMillis);
    return d -> Thread.sleep((d.compareTo(cap) > 0 ? cap : d).toMillis());
  }

  String storeDescription() {
    if (postgres != null) {
      return "JdbcStore on " + postgres.description();
    }
    return directory == null ? "in-memory" : "file store in " + directory;
  }

  @Override
  public void close() {
    qbmc.close();
    if (postgres != null) {
      postgres.close();
    }
    if (fileStore != null) {
      fileStore.close();
      try (Stream<Path> files = Files.walk(directory)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a leftover temp directory is harmless
      }
    }
  }
}
