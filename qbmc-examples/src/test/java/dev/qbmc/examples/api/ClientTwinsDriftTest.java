package dev.qbmc.examples.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.qbmc.core.Sleeper;
import dev.qbmc.mailchimp.MailchimpClient;
import dev.qbmc.mailchimp.MailchimpCredentials;
import dev.qbmc.mailchimp.MailchimpOAuth;
import dev.qbmc.mailchimp.MailchimpRateLimitException;
import dev.qbmc.mailchimp.MailchimpRequestEvent;
import dev.qbmc.mailchimp.MailchimpRetryPolicy;
import dev.qbmc.mailchimp.MailchimpSleeper;
import dev.qbmc.quickbooks.AccessTokenProvider;
import dev.qbmc.quickbooks.QuickBooksClient;
import dev.qbmc.quickbooks.QuickBooksRateLimitException;
import dev.qbmc.quickbooks.QuickBooksRequestEvent;
import dev.qbmc.quickbooks.QuickBooksRetryPolicy;
import dev.qbmc.quickbooks.QuickBooksSleeper;
import dev.qbmc.quickbooks.oauth.IntuitOAuth;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The two clients share no code, so retry timing, {@code Retry-After}, request events, the
 * HTTPS/loopback rule and sleeping are written once in each. This test gives both the same inputs
 * (the same policy, the same server answers, the same URIs) and expects the same outputs, so a
 * change to one twin without the other fails here. Differences that are facts of the APIs are
 * asserted as such.
 */
class ClientTwinsDriftTest {
  private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  /** {@code nextDouble()} is 0.5: the jitter sits in the middle. */
  private static final RandomGenerator HALF = () -> Long.MIN_VALUE;
  private static final Duration BASE = Duration.ofMillis(200);
  private static final Duration MAX = Duration.ofSeconds(5);
  private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(2);

  private HttpServer server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void backoff_isTheSameForTheSameSettings() {
    List<Duration> delays = List.of(Duration.ZERO, Duration.ofMillis(1), Duration.ofMillis(7), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(59), QuickBooksRetryPolicy.MAX_WAIT);
    int compared = 0;
    for (Duration base : delays) {
      for (Duration max : delays) {
        QuickBooksRetryPolicy quickBooks = QuickBooksRetryPolicy.builder().baseDelay(base).maxDelay(max).build();
        MailchimpRetryPolicy mailchimp = MailchimpRetryPolicy.builder().baseDelay(base).maxDelay(max).build();
        for (int attempt : new int[] {-1, 0, 1, 2, 3, 10, 31, 62, 63, 64, Integer.MAX_VALUE}) {
          for (double random : new double[] {-0.5, 0.0, 0.25, 0.5, 0.999, 1.0, 2.0, Double.NaN}) {
            assertThat(mailchimp.backoff(attempt, random))
                .as("backoff(%d, %s) with base %s, max %s", attempt, random, base, max)
                .isEqualTo(quickBooks.backoff(attempt, random));
            compared++;
          }
        }
      }
    }
    assertThat(compared).isEqualTo(8 * 8 * 11 * 8);
    assertThat(QuickBooksRetryPolicy.defaults().maxRetryAfter()).isEqualTo(MailchimpRetryPolicy.defaults().maxRetryAfter());
    assertThat(QuickBooksRetryPolicy.defaults().maxAttempts()).isEqualTo(MailchimpRetryPolicy.defaults().maxAttempts());
    assertThat(QuickBooksRetryPolicy.MAX_WAIT).isEqualTo(MailchimpRetryPolicy.MAX_WAIT);
    assertThat(QuickBooksRetryPolicy.MAX_ATTEMPTS).isEqualTo(MailchimpRetryPolicy.MAX_ATTEMPTS);
    Duration tooLong = QuickBooksRetryPolicy.MAX_WAIT.plusNanos(1);
    assertThatThrownBy(() -> QuickBooksRetryPolicy.builder().maxDelay(tooLong).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MailchimpRetryPolicy.builder().maxDelay(tooLong).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "Retry-After: [{0}]")
  @NullSource
  @ValueSource(strings = {"7", "+7", "0", "120", "121", "-5", "soon", "", "99999999999999999999",
      "Thu, 15 Jan 2026 12:00:30 GMT", "Thu, 15 Jan 2026 11:00:00 GMT", "Thursday, 15-Jan-26 12:00:30 GMT"})
  void throttling_readsAndHonoursRetryAfterAlike(String retryAfter) throws IOException {
    URI base = serve(429, retryAfter);
    Outcome quickBooks = quickBooks(base);
    Outcome mailchimp = mailchimp(base);

    assertThat(mailchimp.withoutWaits()).isEqualTo(quickBooks.withoutWaits());
    assertThat(quickBooks.failure()).isEqualTo("RateLimitException");
    if (quickBooks.retryAfter().isPresent()) {
      assertThat(mailchimp.waits()).isEqualTo(quickBooks.waits());
    } else {
      // No usable Retry-After: QBO waits Intuit's documented 60 s, Mailchimp backs off.
      Duration throttleDelay = QuickBooksRetryPolicy.defaults().throttleDelay();
      assertThat(quickBooks.waits()).containsExactly(throttleDelay, throttleDelay);
      assertThat(mailchimp.waits()).containsExactly(mailchimpPolicy().backoff(1, 0.5), mailchimpPolicy().backoff(2, 0.5));
    }
  }

  @Test
  void throttling_examplesOfTheSharedReading() throws IOException {
    URI base = serve(429, "Thu, 15 Jan 2026 12:00:30 GMT");
    assertThat(quickBooks(base).retryAfter()).contains(Duration.ofSeconds(30));
    assertThat(quickBooks(base).waits()).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30));
    stopServer();
    base = serve(429, "121");
    assertThat(mailchimp(base).willRetry()).containsExactly(false);
  }

  @Test
  void serverErrors_areRetriedWithTheSameBackoffAndEvents() throws IOException {
    URI base = serve(503, null);
    Outcome quickBooks = quickBooks(base);
    Outcome mailchimp = mailchimp(base);

    assertThat(mailchimp).isEqualTo(quickBooks);
    assertThat(quickBooks.statuses()).containsExactly(OptionalInt.of(503), OptionalInt.of(503), OptionalInt.of(503));
    assertThat(quickBooks.attempts()).containsExactly(1, 2, 3);
    assertThat(quickBooks.willRetry()).containsExactly(true, true, false);
    assertThat(quickBooks.waits()).containsExactly(Duration.ofMillis(150), Duration.ofMillis(300));
    assertThat(quickBooks.failure()).isEqualTo("ServerException");
  }

  @Test
  void connectionFailures_areReportedWithoutStatusAndRetriedAlike() {
    URI closed = URI.create("http://127.0.0.1:1");
    Outcome quickBooks = quickBooks(closed);
    Outcome mailchimp = mailchimp(closed);

    assertThat(mailchimp).isEqualTo(quickBooks);
    assertThat(quickBooks.statuses()).containsOnly(OptionalInt.empty()).hasSize(3);
    assertThat(quickBooks.failure()).isEqualTo("TransportException");
  }

  static Stream<String> uris() {
    return Stream.of("https://api.example.com/v3", "HTTPS://api.example.com", "http://api.example.com",
        "http://localhost:8080", "http://LOCALHOST:8080", "http://127.0.0.1:1", "http://127.255.255.254",
        "http://127.1", "http://127.0.0.256", "http://[::1]:8080", "http://[0:0:0:0:0:0:0:1]",
        "http://[::ffff:127.0.0.1]", "http://0.0.0.0", "http://10.0.0.1", "http://localhost.example.com",
        "ftp://localhost", "https://user:secret@api.example.com", "https://api.example.com/x?q=1",
        "https://api.example.com/x#f", "/relative", "mailto:someone@example.com");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("uris")
  void baseUris_areAcceptedOrRefusedAlike(String text) {
    URI uri = URI.create(text);
    String quickBooks = verdict(() -> QuickBooksClient.builder().baseUri(uri));
    assertThat(verdict(() -> MailchimpClient.builder().baseUri(uri))).as("Mailchimp client").isEqualTo(quickBooks);
    assertThat(verdict(() -> IntuitOAuth.builder().tokenEndpoint(uri))).as("Intuit OAuth").isEqualTo(quickBooks);
    assertThat(verdict(() -> MailchimpOAuth.builder().loginBaseUri(uri))).as("Mailchimp OAuth").isEqualTo(quickBooks);
  }

  @Test
  void baseUris_examplesOfTheSharedRule() {
    assertThat(verdict(() -> MailchimpClient.builder().baseUri(URI.create("http://[::1]:8080/3.0")))).isEqualTo("accepted");
    assertThat(verdict(() -> QuickBooksClient.builder().baseUri(URI.create("http://127.1"))))
        .isEqualTo("IllegalArgumentException");
  }

  @Test
  void systemSleepers_returnAtOnceForNothingAndStopWhenInterrupted() {
    List<Sleeper> sleepers = List.of(
        QuickBooksSleeper.system()::sleep, MailchimpSleeper.system()::sleep, Sleeper.system());
    List<List<String>> outcomes = new ArrayList<>();
    for (Sleeper sleeper : sleepers) {
      List<String> outcome = new ArrayList<>();
      for (Duration d : List.of(Duration.ZERO, Duration.ofMillis(-1), Duration.ofSeconds(-5))) {
        outcome.add(sleep(sleeper, d, false));
        outcome.add(sleep(sleeper, d, true));
      }
      // Interrupted before sleeping: Thread.sleep throws at once, so nothing really waits.
      outcome.add(sleep(sleeper, Duration.ofMillis(1), true));
      outcomes.add(outcome);
    }
    assertThat(outcomes.get(0)).containsExactly("returned", "returned", "returned", "returned", "returned",
        "returned", "InterruptedException");
    assertThat(outcomes).allSatisfy(o -> assertThat(o).isEqualTo(outcomes.get(0)));
  }

  /** What one client did with a request: every attempt, every wait, and how it ended. */
  record Outcome(
      List<OptionalInt> statuses,
      List<Integer> attempts,
      List<Boolean> willRetry,
      List<Duration> waits,
      String failure,
      Optional<Duration> retryAfter) {

    Outcome withoutWaits() {
      return new Outcome(statuses, attempts, willRetry, List.of(), failure, retryAfter);
    }
  }

  private static MailchimpRetryPolicy mailchimpPolicy() {
    return MailchimpRetryPolicy.builder().maxAttempts(3).baseDelay(BASE).maxDelay(MAX)
        .maxRetryAfter(MAX_RETRY_AFTER).build();
  }

  private static Outcome quickBooks(URI base) {
    List<QuickBooksRequestEvent> events = new ArrayList<>();
    List<Duration> waits = new ArrayList<>();
    QuickBooksClient client = QuickBooksClient.builder()
        .baseUri(base)
        .realmId("4620816365031245740")
        .accessTokenProvider(AccessTokenProvider.ofStatic("access-token"))
        .retryPolicy(QuickBooksRetryPolicy.builder().maxAttempts(3).baseDelay(BASE).maxDelay(MAX)
            .maxRetryAfter(MAX_RETRY_AFTER).build())
        .clock(CLOCK)
        .sleeper(waits::add)
        .random(HALF)
        .requestListener(events::add)
        .build();
    RuntimeException failure = failure(client::companyInfo);
    return new Outcome(
        events.stream().map(QuickBooksRequestEvent::statusCode).toList(),
        events.stream().map(QuickBooksRequestEvent::attempt).toList(),
        events.stream().map(QuickBooksRequestEvent::willRetry).toList(),
        nonZero(waits),
        ClientTwinShapesTest.normalize(failure.getClass().getSimpleName()),
        failure instanceof QuickBooksRateLimitException e ? e.retryAfter() : Optional.empty());
  }

  private static Outcome mailchimp(URI base) {
    List<MailchimpRequestEvent> events = new ArrayList<>();
    List<Duration> waits = new ArrayList<>();
    MailchimpClient client = MailchimpClient.builder()
        .credentials(MailchimpCredentials.apiKey("0123456789abcdef0123456789abcdef-us6"))
        .baseUri(base)
        .retryPolicy(mailchimpPolicy())
        .clock(CLOCK)
        .sleeper(waits::add)
        .random(HALF)
        .requestListener(events::add)
        .build();
    RuntimeException failure = failure(client::account);
    return new Outcome(
        events.stream().map(MailchimpRequestEvent::statusCode).toList(),
        events.stream().map(MailchimpRequestEvent::attempt).toList(),
        events.stream().map(MailchimpRequestEvent::willRetry).toList(),
        nonZero(waits),
        ClientTwinShapesTest.normalize(failure.getClass().getSimpleName()),
        failure instanceof MailchimpRateLimitException e ? e.retryAfter() : Optional.empty());
  }

  /** QBO waits for a zero Retry-After by not sleeping, Mailchimp by sleeping zero: the same. */
  private static List<Duration> nonZero(List<Duration> waits) {
    return waits.stream().filter(d -> !d.isZero()).toList();
  }

  private static RuntimeException failure(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("the call was expected to fail");
  }

  private static String verdict(Runnable configure) {
    try {
      configure.run();
      return "accepted";
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName();
    }
  }

  private static String sleep(Sleeper sleeper, Duration duration, boolean interrupted) {
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    try {
      sleeper.sleep(duration);
      return "returned";
    } catch (InterruptedException e) {
      return "InterruptedException";
    } finally {
      Thread.interrupted();
    }
  }

  /** Answers every request with the status, an empty body and the {@code Retry-After}, if any. */
  private URI serve(int status, String retryAfter) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      if (retryAfter != null) {
        exchange.getResponseHeaders().add("Retry-After", retryAfter);
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }
}
