package dev.qbmc.quickbooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.qbmc.quickbooks.TestClocks.MutableClock;
import dev.qbmc.quickbooks.TestClocks.RecordingSleeper;
import dev.qbmc.quickbooks.model.Customer;
import dev.qbmc.quickbooks.model.Invoice;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whatever QuickBooks answers: every wait the client makes and every body it reads has a bound,
 * and a value the model cannot read costs that value, never the record nor the page it came in.
 */
class HostileAnswersTest {
  private static final String REALM = "123145";
  private static final String QUERY = "/v3/company/" + REALM + "/query";

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
    RealmLimiter limiter = RealmLimiter.intuitDefaults();

    limiter.pauseFor(Duration.ofSeconds(Long.MAX_VALUE), clock);
    limiter.acquire(clock, sleeper);
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

  @Test
  void aPageWithUnreadableValues_keepsEveryRecord_withoutThoseValues_andPagesOn() {
    server.stubFor(get(urlPathEqualTo(QUERY)).withQueryParam("query", containing("STARTPOSITION 1 MAXRESULTS 3"))
        .willReturn(json("{\"QueryResponse\":{\"Customer\":["
            + "{\"Id\":\"1\",\"DisplayName\":\"Rich\",\"Balance\":\"lots\",\"MetaData\":{\"LastUpdatedTime\":\"not a time\"}},"
            + "{\"DisplayName\":\"No Id\",\"Balance\":12.5},"
            + "7],\"startPosition\":1,\"maxResults\":3}}")));
    server.stubFor(get(urlPathEqualTo(QUERY)).withQueryParam("query", containing("STARTPOSITION 4 MAXRESULTS 3"))
        .willReturn(json("{\"QueryResponse\":{\"Customer\":[{\"Id\":\"4\",\"DisplayName\":\"Four\"}],"
            + "\"startPosition\":4,\"maxResults\":1}}")));

    List<Customer> customers =
        builder().build().query(Query.select(EntityType.CUSTOMER).orderBy("Id").pageSize(3)).collect(Collectors.toList());

    assertThat(customers).extracting(Customer::id).containsExactly("1", "", "4");
    assertThat(customers.get(0).balance()).isEmpty();
    assertThat(customers.get(0).metaData().flatMap(m -> m.lastUpdatedTime())).isEmpty();
    assertThat(customers.get(0).displayName()).contains("Rich");
    assertThat(customers.get(1).balance()).contains(new BigDecimal("12.5"));
  }

  @Test
  void anImpossibleDateInALine_costsThatLineValueOnly() {
    server.stubFor(get(urlPathEqualTo(QUERY)).willReturn(json("{\"QueryResponse\":{\"Invoice\":[{\"Id\":\"9\","
        + "\"TxnDate\":\"2026-02-30\",\"TotalAmt\":10,\"Line\":[{\"Id\":\"1\",\"Amount\":10,"
        + "\"DetailType\":\"SalesItemLineDetail\",\"SalesItemLineDetail\":{\"Qty\":\"two\",\"ItemRef\":{\"value\":\"3\"}}}]}],"
        + "\"startPosition\":1,\"maxResults\":1}}")));

    List<Invoice> invoices = builder().build().query(Query.select(EntityType.INVOICE)).collect(Collectors.toList());

    assertThat(invoices).singleElement().satisfies(i -> {
      assertThat(i.id()).isEqualTo("9");
      assertThat(i.txnDate()).isEmpty();
      assertThat(i.totalAmt()).contains(BigDecimal.TEN);
      assertThat(i.lines()).hasSize(1);
    });
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
  }
}
