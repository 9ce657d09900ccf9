package dev.qbmc.quickbooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.qbmc.quickbooks.TestClocks.MutableClock;
import dev.qbmc.quickbooks.TestClocks.RecordingSleeper;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every wait the client makes, and every body it reads, has a bound, whatever QuickBooks answers. */
class BoundedWaitsAndSizesTest {
  private static final String REALM = "123145";

  private WireMockServer server;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T12:00:00Z"));
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);

  @BeforeEach
  void start() {
    server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private QuickBooksClient.Builder builder() {
    return QuickBooksClient.builder()
        .baseUri(URI.create("http://localhost:" + server.port()))
        .realmId(REALM)
        .accessTokenProvider(AccessTokenProvider.ofStatic("test-access-token"))
        .httpClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build())
        .clock(clock)
        .sleeper(sleeper);
  }

  @Test
  void aRetryAfterOfLongMaxValue_isNotHonoured_evenUnderTheLongestAllowedPolicy() {
    server.stubFor(get(urlPathEqualTo("/v3/company/" + REALM + "/customer/5"))
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", Long.toString(Long.MAX_VALUE))));
    QuickBooksClient client = builder().retryPolicy(QuickBooksRetryPolicy.builder()
        .maxRetryAfter(QuickBooksRetryPolicy.MAX_WAIT).throttleDelay(QuickBooksRetryPolicy.MAX_WAIT).build()).build();

    assertThatThrownBy(() -> client.read(EntityType.CUSTOMER, "5"))
        .isInstanceOfSatisfying(QuickBooksRateLimitException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(Long.MAX_VALUE)));
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void aRetryPolicyAskingForWaitsOverAnHour_isRefused() {
    assertThatThrownBy(() -> QuickBooksRetryPolicy.builder().maxRetryAfter(Duration.ofSeconds(Long.MAX_VALUE)).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QuickBooksRetryPolicy.builder().throttleDelay(Duration.ofDays(365 * 300)).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QuickBooksRetryPolicy.builder().maxAttempts(Integer.MAX_VALUE).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theRealmPause_isCapped_andAHugeOneNeitherOverflowsNorParksTheRealm() throws InterruptedException {
    RealmLimiter limiter = new RealmLimiter(10, 500, clock, sleeper);

    limiter.pauseFor(Duration.ofSeconds(Long.MAX_VALUE));
    limiter.acquire();
    limiter.release();

    assertThat(sleeper.sleeps).containsExactly(RealmLimiter.MAX_PAUSE);
  }

  @Test
  void theSystemSleeper_acceptsAnyDuration() {
    Thread.currentThread().interrupt();
    assertThatThrownBy(() -> QuickBooksSleeper.system().sleep(Duration.ofSeconds(Long.MAX_VALUE)))
        .as("interrupted at once, not an ArithmeticException").isInstanceOf(InterruptedException.class);
  }

  @Test
  void aResponseBodyOverTheLimit_isRefusedAsMalformed_notBuffered() {
    byte[] huge = new byte[RequestExecutor.MAX_RESPONSE_BYTES + 1];
    Arrays.fill(huge, (byte) ' ');
    server.stubFor(get(urlPathEqualTo("/v3/company/" + REALM + "/customer/5"))
        .willReturn(aResponse().withStatus(200).withBody(huge).withChunkedDribbleDelay(2, 1)));

    assertThatThrownBy(() -> builder().build().read(EntityType.CUSTOMER, "5"))
        .isInstanceOf(QuickBooksMalformedResponseException.class)
        .hasMessageContaining("larger than");
  }
}
