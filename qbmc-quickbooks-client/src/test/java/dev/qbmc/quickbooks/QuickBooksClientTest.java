package dev.qbmc.quickbooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.qbmc.quickbooks.TestClocks.MutableClock;
import dev.qbmc.quickbooks.TestClocks.RecordingSleeper;
import dev.qbmc.quickbooks.model.CompanyInfo;
import dev.qbmc.quickbooks.model.Customer;
import dev.qbmc.quickbooks.model.DeletedEntity;
import dev.qbmc.quickbooks.model.Invoice;
import dev.qbmc.quickbooks.model.PhysicalAddress;
import dev.qbmc.quickbooks.model.Preferences;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QuickBooksClientTest {
  private static final String REALM = "123145";
  private static final String BASE = "/v3/company/" + REALM;

  private WireMockServer server;
  private MutableClock clock;
  private RecordingSleeper sleeper;
  private final List<QuickBooksRequestEvent> events = new CopyOnWriteArrayList<>();
  /** A generator whose {@code nextDouble()} is 0.5: the jitter sits in the middle. */
  private static final RandomGenerator HALF = () -> Long.MIN_VALUE;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void start() {
    server = new WireMockServer(WireMockConfiguration.options().dynamicPort().containerThreads(80));
    server.start();
    clock = new MutableClock(Instant.parse("2026-01-15T12:00:00Z"));
    sleeper = new RecordingSleeper(clock);
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
        .sleeper(sleeper)
        .random(HALF)
        .requestListener(events::add);
  }

  private QuickBooksClient client() {
    return builder().build();
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok(String fixture) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withHeader("intuit_tid", "tid-ok")
        .withBody(Fixtures.bytes(fixture));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder fault(
      int status, String fixture) {
    return aResponse()
        .withStatus(status)
        .withHeader("intuit_tid", "1-abc-tid")
        .withBody(Fixtures.bytes(fixture));
  }

  private String customersPage(int from, int count, int startPosition) throws Exception {
    JsonNode all = json.readTree(Fixtures.bytes("customer-query-response_qbo-api.json"));
    ArrayNode source = (ArrayNode) all.get("QueryResponse").get("Customer");
    ObjectNode page = json.createObjectNode();
    ObjectNode response = page.putObject("QueryResponse");
    ArrayNode customers = response.putArray("Customer");
    for (int i = from; i < from + count; i++) {
      customers.add(source.get(i));
    }
    response.put("startPosition", startPosition);
    response.put("maxResults", count);
    page.put("time", "2020-09-29T06:04:50.776-07:00");
    return json.writeValueAsString(page);
  }

  @Test
  void query_pagesAcrossThreePagesUntilEntityKeyMissing() throws Exception {
    server.stubFor(
        get(urlPathEqualTo(BASE + "/query"))
            .withQueryParam("query", containing("STARTPOSITION 1 MAXRESULTS 2"))
            .willReturn(ok("customer-query-page1-maxresults2_qbo-api.json")));
    server.stubFor(
        get(urlPathEqualTo(BASE + "/query"))
            .withQueryParam("query", containing("STARTPOSITION 3 MAXRESULTS 2"))
            .willReturn(aResponse().withStatus(200).withBody(customersPage(0, 2, 3))));
    server.stubFor(
        get(urlPathEqualTo(BASE + "/query"))
            .withQueryParam("query", containing("STARTPOSITION 5 MAXRESULTS 2"))
            .willReturn(ok("customer-query-empty-page_qbo-api.json")));

    Query<Customer> query =
        Query.select(EntityType.CUSTOMER).includeInactive().orderBy("Id").pageSize(2);
    List<Customer> customers = client().query(query).collect(Collectors.toList());

    assertThat(customers).extracting(Customer::id).containsExactly("5", "6", "1", "67");
    assertThat(customers.get(2).displayName()).contains("Amy's Bird Sanctuary");
    server.verify(3, getRequestedFor(urlPathEqualTo(BASE + "/query")));
    server.verify(
        getRequestedFor(urlPathEqualTo(BASE + "/query"))
            .withQueryParam(
                "query",
                equalTo(
                    "SELECT * FROM Customer WHERE Active IN (true, false) ORDERBY Id"
                        + " STARTPOSITION 1 MAXRESULTS 2"))
            .withQueryParam("minorversion", equalTo("75"))
            .withHeader("Authorization", equalTo("Bearer test-access-token"))
            .withHeader("Accept", equalTo("application/json")));
    assertThat(events).extracting(QuickBooksRequestEvent::pathTemplate).containsOnly("/v3/company/{realmId}/query");
  }

  @Test
  void query_stopsOnShortPageWithoutExtraRequest() {
    server.stubFor(get(urlPathEqualTo(BASE + "/query")).willReturn(ok("customer-query-response_qbo-api.json")));
    List<Customer> all = new ArrayList<>();
    client().queryIterable(Query.select(EntityType.CUSTOMER)).forEach(all::add);
    assertThat(all).hasSize(41);
    server.verify(1, getRequestedFor(urlPathEqualTo(BASE + "/query")));
  }

  @Test
  void query_escapesApostropheAndEncodesAmpersand() {
    server.stubFor(get(urlPathEqualTo(BASE + "/query")).willReturn(ok("customer-query-escaped-apostrophe_qbo-api.json")));
    List<Customer> found =
        client()
            .query(Query.select(EntityType.CUSTOMER).whereEquals("DisplayName", "O'Brien & Sons"))
            .collect(Collectors.toList());
    assertThat(found).hasSize(1);
    String url = server.getAllServeEvents().get(0).getRequest().getUrl();
    assertThat(url)
        .contains("query=SELECT%20*%20FROM%20Customer%20WHERE%20DisplayName%20%3D%20%27O%5C%27Brien%20%26%20Sons%27")
        .doesNotContain("+")
        .doesNotContain("'");
    server.verify(
        getRequestedFor(urlPathEqualTo(BASE + "/query"))
            .withQueryParam(
                "query",
                equalTo(
                    "SELECT * FROM Customer WHERE DisplayName = 'O\\'Brien & Sons' STARTPOSITION 1"
                        + " MAXRESULTS 1000")));
  }

  @Test
  void count_readsTotalCount() {
    server.stubFor(get(urlPathEqualTo(BASE + "/query")).willReturn(ok("customer-count-query-response_qbo-api.json")));
    assertThat(client().count(Query.select(EntityType.CUSTOMER).includeInactive())).isEqualTo(41);
    server.verify(
        getRequestedFor(urlPathEqualTo(BASE + "/query"))
            .withQueryParam("query", equalTo("SELECT COUNT(*) FROM Customer WHERE Active IN (true, false)")));
  }

  @Test
  void read_returnsEntityAndFindMapsNotFoundToEmpty() {
    server.stubFor(get(urlPathEqualTo(BASE + "/customer/5")).willReturn(ok("customer-read_qbo-api.json")));
    server.stubFor(get(urlPathEqualTo(BASE + "/item/404")).willReturn(fault(400, "fault-400-610-object-not-found_exquickbooks.json")));
    Customer customer = client().read(EntityType.CUSTOMER, "5");
    assertThat(customer.billAddr().flatMap(PhysicalAddress::city)).contains("Tucson");
    assertThat(client().find(EntityType.ITEM, "404")).isEmpty();
    QuickBooksNotFoundException e =
        catchThrowableOfType(QuickBooksNotFoundException.class, () -> client().read(EntityType.ITEM, "404"));
    assertThat(e.errorCodes()).containsExactly("610");
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.intuitTid()).contains("1-abc-tid");
    assertThat(events).extracting(QuickBooksRequestEvent::pathTemplate).contains("/v3/company/{realmId}/customer/{id}", "/v3/company/{realmId}/item/{id}");
  }

  @Test
  void companyInfoAndPreferences_parse() {
    server.stubFor(
        get(urlPathEqualTo(BASE + "/companyinfo/" + REALM))
            .willReturn(aResponse().withStatus(200).withBody(
                "{\"CompanyInfo\":{\"CompanyName\":\"Sandbox Company_US_1\",\"LegalName\":\"Sandbox Co\","
                    + "\"CompanyAddr\":{\"Line1\":\"123 Sierra Way\",\"City\":\"San Pablo\","
                    + "\"CountrySubDivisionCode\":\"CA\",\"PostalCode\":\"87999\"},\"Country\":\"US\","
                    + "\"Email\":{\"Address\":\"noreply@quickbooks.com\"},\"WebAddr\":{},"
                    + "\"PrimaryPhone\":{},\"Id\":\"1\",\"SyncToken\":\"4\"},\"time\":\"2026-01-15T04:00:00-08:00\"}")));
    server.stubFor(
        get(urlPathEqualTo(BASE + "/preferences"))
            .willReturn(aResponse().withStatus(200).withBody(
                "{\"Preferences\":{\"CurrencyPrefs\":{\"MultiCurrencyEnabled\":false,"
                    + "\"HomeCurrency\":{\"value\":\"USD\"}},\"Id\":\"1\"},\"time\":\"2026-01-15T04:00:00-08:00\"}")));
    CompanyInfo info = client().companyInfo();
    assertThat(info.companyName()).contains("Sandbox Company_US_1");
    assertThat(info.companyAddr().flatMap(PhysicalAddress::postalCode)).contains("87999");
    Preferences prefs = client().preferences();
    assertThat(prefs.homeCurrencyCode()).contains("USD");
    assertThat(prefs.multiCurrencyEnabled()).isFalse();
  }

  @Test
  void changesSince_returnsChangedDeletedAndServerCursor() {
    String body =
        "{\"CDCResponse\":[{\"QueryResponse\":[{},{\"Invoice\":[{\"domain\":\"QBO\",\"status\":\"Deleted\","
            + "\"Id\":\"65\",\"MetaData\":{\"LastUpdatedTime\":\"2026-01-14T10:23:06-08:00\"}},"
            + new String(Fixtures.bytes("invoice-read-before-void_qbo-api.json")).replaceFirst("(?s)^\\s*\\{\\s*\"Invoice\"\\s*:", "").replaceFirst("(?s),\\s*\"time\"\\s*:\\s*\"[^\"]*\"\\s*}\\s*$", "")
            + "],\"startPosition\":1,\"maxResults\":2}]}],\"time\":\"2026-01-15T04:00:01.5-08:00\"}";
    server.stubFor(get(urlPathEqualTo(BASE + "/cdc")).willReturn(aResponse().withStatus(200).withBody(body)));
    OffsetDateTime since = OffsetDateTime.parse("2026-01-10T00:00:00-08:00");

    ChangeSet changes = client().changesSince(since, EntityType.CUSTOMER, EntityType.INVOICE);

    assertThat(changes.changed(EntityType.CUSTOMER)).isEmpty();
    assertThat(changes.deleted(EntityType.CUSTOMER)).isEmpty();
    assertThat(changes.deleted(EntityType.INVOICE))
        .containsExactly(DeletedEntity.of("Invoice", "65", OffsetDateTime.parse("2026-01-14T10:23:06-08:00")));
    List<Invoice> invoices = changes.changed(EntityType.INVOICE);
    assertThat(invoices).singleElement().satisfies(i -> {
      assertThat(i.id()).isEqualTo("264");
      assertThat(i.totalAmt()).contains(new BigDecimal("100.00"));
    });
    assertThat(changes.nextChangedSince()).isEqualTo(OffsetDateTime.parse("2026-01-15T04:00:01.5-08:00"));
    assertThat(changes.possiblyTruncated()).isFalse();
    assertThat(changes.size()).isEqualTo(2);
    assertThatThrownBy(() -> changes.changed(EntityType.ITEM)).isInstanceOf(IllegalArgumentException.class);
    server.verify(
        getRequestedFor(urlPathEqualTo(BASE + "/cdc"))
            .withQueryParam("entities", equalTo("Customer,Invoice"))
            .withQueryParam("changedSince", equalTo("2026-01-10T00:00:00-08:00")));
  }

  @Test
  void changesSince_flagsPossibleTruncationAt1000Objects() {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      items.append(i == 0 ? "" : ",").append("{\"Id\":\"").append(i).append("\",\"DisplayName\":\"C").append(i).append("\"}");
    }
    server.stubFor(get(urlPathEqualTo(BASE + "/cdc")).willReturn(aResponse().withStatus(200).withBody(
        "{\"CDCResponse\":[{\"QueryResponse\":[{\"Customer\":[" + items + "]}]}]}")));
    ChangeSet changes = client().changesSince(OffsetDateTime.parse("2026-01-14T00:00:00Z"), List.of(EntityType.CUSTOMER));
    assertThat(changes.changed(EntityType.CUSTOMER)).hasSize(1000);
    assertThat(changes.possiblyTruncated()).isTrue();
    assertThat(changes.serverTime()).isEmpty();
    assertThat(changes.nextChangedSince().toInstant()).isEqualTo(clock.instant());
  }

  @Test
  void changesSince_refusesWindowOlderThan30DaysByInjectedClock() {
    OffsetDateTime tooOld = OffsetDateTime.parse("2025-12-16T11:59:59Z");
    ChangedSinceTooOldException e =
        catchThrowableOfType(ChangedSinceTooOldException.class, () -> client().changesSince(tooOld, EntityType.INVOICE));
    assertThat(e.oldestAllowed().toInstant()).isEqualTo(Instant.parse("2025-12-16T12:00:00Z"));
    assertThat(e).hasMessageContaining("30-day");
    assertThat(server.getAllServeEvents()).isEmpty();
    assertThatThrownBy(() -> client().changesSince(OffsetDateTime.now(clock), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unauthorized_tellsProviderRefreshesOnceAndSucceeds() {
    AtomicInteger rejected = new AtomicInteger();
    AccessTokenProvider provider =
        new AccessTokenProvider() {
          volatile String token = "old-token";

          @Override
          public String accessToken() {
            return token;
          }

          @Override
          public void tokenRejected(String rejectedToken) {
            assertThat(rejectedToken).isEqualTo("old-token");
            rejected.incrementAndGet();
            token = "new-token";
          }
        };
    server.stubFor(get(urlPathEqualTo(BASE + "/customer/5")).withHeader("Authorization", equalTo("Bearer old-token"))
        .willReturn(fault(401, "fault-401-3200-authentication-failed_qbo-api.json")
            .withHeader("WWW-Authenticate", "Bearer realm=\"Intuit\", error=\"invalid_token\"")));
    server.stubFor(get(urlPathEqualTo(BASE + "/customer/5")).withHeader("Authorization", equalTo("Bearer new-token"))
        .willReturn(ok("customer-read_qbo-api.json")));

    Customer customer = builder().accessTokenProvider(provider).build().read(EntityType.CUSTOMER, "5");

    assertThat(customer.id()).isEqualTo("5");
    assertThat(rejected).hasValue(1);
    assertThat(events).extracting(QuickBooksRequestEvent::statusCode).containsExactly(OptionalInt.of(401), OptionalInt.of(200));
    assertThat(events).extracting(QuickBooksRequestEvent::attempt).containsExactly(1, 2);
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void unauthorizedTwice_throwsAuthenticationWithoutLeakingToken() {
    AtomicInteger rejected = new AtomicInteger();
    AccessTokenProvider provider =
        new AccessTokenProvider() {
          @Override
          public String accessToken() {
            return "AB01601390262kxzxOlnHYdhtEVRXISU7piPqQrCmmbDN35Yjd";
          }

          @Override
          public void tokenRejected(String rejectedToken) {
            rejected.incrementAndGet();
          }
        };
    server.stubFor(get(urlPathEqualTo(BASE + "/customer/1")).willReturn(fault(401, "fault-401-3200-authentication-failed_qbo-api.json")));
    QuickBooksAuthenticationException e =
        catchThrowableOfType(QuickBooksAuthenticationException.class,
            () -> builder().accessTokenProvider(provider).build().read(EntityType.CUSTOMER, "1"));
    assertThat(rejected).hasValue(1);
    assertThat(e.statusCode()).isEqualTo(401);
    assertThat(e.errorCodes()).containsExactly("3200");
    assertThat(e.faultType()).contains("AUTHENTICATION");
    assertThat(e.intuitTid()).contains("1-abc-tid");
    assertThat(e.getMessage()).doesNotContain("AB01601390262").doesNotContain("kxzxOlnHYdht").contains("3200");
    assertThat(e.errors().get(0).detail().orElseThrow()).doesNotContain("AB01601390262").contains("[redacted]");
    assertThat(e.isRetryable()).isFalse();
    server.verify(2, getRequestedFor(urlPathEqualTo(BASE + "/customer/1")));
  }

  @Test
  void throttled429_waitsSixtySecondsThroughSleeperThenSucceeds() {
    server.stubFor(get(urlPathEqualTo(BASE + "/customer/5")).inScenario("throttle")
        .whenScenarioStateIs(Scenario.STARTED)
        .willReturn(fault(429, "fault-429-3001-throttle-exceeded_quickbooks-ruby.xml").withHeader("Content-Type", "application/xml"))
        .willSetStateTo("ok"));
    server.stubFor(get(urlPathEqualTo(BASE + "/customer/5")).inScenario("throttle")
        .whenScenarioStateIs("ok").willReturn(ok("customer-read_qbo-api.json")));

    assertThat(client().read(EntityType.CUSTOMER, "5").id()).isEqualTo("5");

    assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(60));
    assertThat(events).extracting(QuickBooksRequestEvent::statusCode).containsExactly(OptionalInt.of(429), OptionalInt.of(200));
    assertThat(events.get(0).willRetry()).isTrue();
  }

  @Test
  void throttled_honoursRetryAfterHeader() {
    server.stubFor(get(urlPathEqualTo(BASE + "/customer/5")).inScenario("throttle")
        .whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")).willSetStateTo("ok"));
    server.stubFor(get(urlPathEqualTo(BASE + "/customer/5")).inScenario("throttle")
        .whenScenarioStateIs("ok").willReturn(ok("customer-read_qbo-api.json")));
    client().read(EntityType.CUSTOMER, "5");
    assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void throttled_withRetryAfterAboveTheCap_isNotRetried() {
    server.stubFor(get(urlPathEqualTo(BASE + "/customer/5"))
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "121")));
    QuickBooksRateLimitException e =
        catchThrowableOfType(QuickBooksRateLimitException.class, () -> client().read(EntityType.CUSTOMER, "5"));
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(121));
    assertThat(sleeper.sleeps).isEmpty();
    assertThat(events).extracting(QuickBooksRequestEvent::willRetry).containsExactly(false);
  }

  @Test
  void throttled_withoutRetries_throwsRateLimitWithWait() {
    server.stubFor(get(urlPathEqualTo(BASE + "/customer/5"))
        .willReturn(fault(403, "fault-3001-throttle-exceeded-statuscode403_quickbooks-ruby.xml")));
    QuickBooksRateLimitException e =
        catchThrowableOfType(QuickBooksRateLimitException.class,
            () -> builder().retryPolicy(QuickBooksRetryPolicy.none()).build().read(EntityType.CUSTOMER, "5"));
    assertThat(e.retryAfter()).isEmpty();
    assertThat(e.statusCode()).isEqualTo(403);
    assertThat(e.errorCodes()).containsExactly("3001");
    assertThat(e.faultType()).contains("SERVICE");
    assertThat(e.errors().get(0).detail()).contains("The request limit was reached.  Try again later");
    assertThat(e.isRetryable()).isTrue();
  }

  @Test
  void serverErrors_areRetriedWithExponentialBackoffThenThrown() {
    server.stubFor(get(urlPathEqualTo(BASE + "/customer/5")).willReturn(aResponse().withStatus(503)));
    QuickBooksServerException e =
        catchThrowableOfType(QuickBooksServerException.class, () -> client().read(EntityType.CUSTOMER, "5"));
    assertThat(e.statusCode()).isEqualTo(503);
    assertThat(e.errors()).isEmpty();
    assertThat(e.isRetryable()).isTrue();
    // base 500 ms doubled per failure, equal jitter with r = 0.5: 375, 750, 1500 ms
    assertThat(sleeper.sleeps).containsExactly(Duration.ofMillis(375), Duration.ofMillis(750), Duration.ofMillis(1500));
    assertThat(events).extracting(QuickBooksRequestEvent::attempt).containsExactly(1, 2, 3, 4);
    assertThat(events).extracting(QuickBooksRequestEvent::willRetry).containsExactly(true, true, true, false);
  }

  @Test
  void connectionFailures_areRetriedThenTransportException() {
    server.stubFor(get(urlPathEqualTo(BASE + "/customer/5")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    QuickBooksTransportException e =
        catchThrowableOfType(QuickBooksTransportException.class,
            () -> builder().retryPolicy(QuickBooksRetryPolicy.builder().maxAttempts(2).build()).build().read(EntityType.CUSTOMER, "5"));
    assertThat(e.isRetryable()).isTrue();
    assertThat(e).hasMessageContaining("/v3/company/{realmId}/customer/{id}");
    assertThat(sleeper.sleeps).hasSize(1);
    assertThat(events).extracting(QuickBooksRequestEvent::statusCode).containsExactly(OptionalInt.empty(), OptionalInt.empty());
  }

  @Test
  void faultFixtures_mapToTypedExceptions() {
    record Case(String fixture, int status, Class<? extends QuickBooksServiceException> type, String code) {}
    List<Case> cases = List.of(
        new Case("fault-400-6240-duplicate-name_qbo-api.json", 400, QuickBooksValidationException.class, "6240"),
        new Case("fault-400-4000-query-parser-error_exquickbooks.json", 400, QuickBooksValidationException.class, "4000"),
        new Case("fault-400-4001-invalid-query_qbo-api.json", 400, QuickBooksValidationException.class, "4001"),
        new Case("fault-400-2010-unsupported-property_qbo-api.json", 400, QuickBooksValidationException.class, "2010"),
        new Case("fault-400-2030-invalid-id_qbo-api.json", 400, QuickBooksValidationException.class, "2030"),
        new Case("fault-400-500-unsupported-operation_qbo-api.json", 400, QuickBooksValidationException.class, "500"),
        new Case("fault-400-610-object-not-found_exquickbooks.json", 400, QuickBooksNotFoundException.class, "610"),
        new Case("fault-400-5010-stale-object_exquickbooks.json", 400, QuickBooksStaleObjectException.class, "5010"));
    QuickBooksClient client = builder().retryPolicy(QuickBooksRetryPolicy.none()).build();
    for (Case c : cases) {
      server.resetAll();
      server.stubFor(get(urlPathEqualTo(BASE + "/customer/9")).willReturn(fault(c.status(), c.fixture())));
      QuickBooksServiceException e =
          catchThrowableOfType(QuickBooksServiceException.class, () -> client.read(EntityType.CUSTOMER, "9"));
      assertThat(e).as(c.fixture()).isExactlyInstanceOf(c.type());
      assertThat(e.errorCodes()).as(c.fixture()).containsExactly(c.code());
      assertThat(e.errors().get(0).message()).as(c.fixture()).isPresent();
      assertThat(e.getMessage()).as(c.fixture()).contains("HTTP " + c.status()).contains("code " + c.code()).contains("intuit_tid=1-abc-tid");
      assertThat(e.isRetryable()).isFalse();
    }
  }

  @Test
  void errorMapping_byStatusWhenBodyHasNoFault() {
    QuickBooksClient client = builder().retryPolicy(QuickBooksRetryPolicy.none()).build();
    server.stubFor(get(urlPathEqualTo(BASE + "/customer/1")).willReturn(aResponse().withStatus(403).withBody(
        "{\"warnings\":null,\"fault\":{\"error\":[{\"message\":\"message=ApplicationAuthorizationFailed; errorCode=003100; statusCode=403\",\"detail\":\"\",\"code\":\"3100\",\"element\":null}],\"type\":\"SERVICE\"},\"time\":1601391072830}")));
    QuickBooksForbiddenException forbidden =
        catchThrowableOfType(QuickBooksForbiddenException.class, () -> client.read(EntityType.CUSTOMER, "1"));
    assertThat(forbidden.errorCodes()).containsExactly("3100");

    server.stubFor(get(urlPathEqualTo(BASE + "/customer/2")).willReturn(aResponse().withStatus(502)
        .withHeader("Content-Type", "text/html").withBody("<html><body><h1>502 Bad Gateway</h1></body></html>")));
    QuickBooksServerException html =
        catchThrowableOfType(QuickBooksServerException.class, () -> client.read(EntityType.CUSTOMER, "2"));
    assertThat(html.statusCode()).isEqualTo(502);
    assertThat(html.errors()).isEmpty();
    assertThat(html.getMessage()).doesNotContain("<html>");

    server.stubFor(get(urlPathEqualTo(BASE + "/customer/3")).willReturn(aResponse().withStatus(400)
        .withBody("<!DOCTYPE html><html>Bad request</html>")));
    assertThat(catchThrowableOfType(QuickBooksValidationException.class, () -> client.read(EntityType.CUSTOMER, "3")).statusCode())
        .isEqualTo(400);

    server.stubFor(get(urlPathEqualTo(BASE + "/customer/4")).willReturn(aResponse().withStatus(404)));
    assertThat(client.find(EntityType.CUSTOMER, "4")).isEmpty();

    server.stubFor(get(urlPathEqualTo(BASE + "/customer/6")).willReturn(aResponse().withStatus(500).withBody(
        "{\"Fault\":{\"Error\":[{\"Message\":\"An application error has occurred\",\"Detail\":\"x\",\"code\":\"10000\"}],\"type\":\"SystemFault\"}}")));
    assertThat(catchThrowableOfType(QuickBooksServerException.class, () -> client.read(EntityType.CUSTOMER, "6")).errorCodes())
        .containsExactly("10000");

    server.stubFor(get(urlPathEqualTo(BASE + "/customer/7")).willReturn(aResponse().withStatus(409).withBody("")));
    QuickBooksServiceException other =
        catchThrowableOfType(QuickBooksServiceException.class, () -> client.read(EntityType.CUSTOMER, "7"));
    assertThat(other).isExactlyInstanceOf(QuickBooksServiceException.class);
    assertThat(other.statusCode()).isEqualTo(409);
  }

  @Test
  void malformedSuccessBodies_giveTypedException() {
    server.stubFor(get(urlPathEqualTo(BASE + "/customer/5")).willReturn(aResponse().withStatus(200)
        .withHeader("intuit_tid", "tid-9").withBody("{\"Customer\":{\"Id\":\"5\",")));
    QuickBooksMalformedResponseException broken =
        catchThrowableOfType(QuickBooksMalformedResponseException.class, () -> client().read(EntityType.CUSTOMER, "5"));
    assertThat(broken.statusCode()).isEqualTo(200);
    assertThat(broken.intuitTid()).contains("tid-9");

    server.stubFor(get(urlPathEqualTo(BASE + "/query")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html").withBody("<html><body>Maintenance</body></html>")));
    assertThatThrownBy(() -> client().query(Query.select(EntityType.ITEM)).count())
        .isInstanceOf(QuickBooksMalformedResponseException.class)
        .hasMessageContaining("Item");

    server.stubFor(get(urlPathEqualTo(BASE + "/preferences")).willReturn(aResponse().withStatus(200).withBody("")));
    assertThatThrownBy(() -> client().preferences()).isInstanceOf(QuickBooksMalformedResponseException.class);

    server.stubFor(get(urlPathEqualTo(BASE + "/customer/8")).willReturn(aResponse().withStatus(200)
        .withBody(Fixtures.bytes("fault-400-6240-duplicate-name_qbo-api.json"))));
    QuickBooksServiceException faultIn200 =
        catchThrowableOfType(QuickBooksServiceException.class, () -> client().read(EntityType.CUSTOMER, "8"));
    assertThat(faultIn200.errorCodes()).containsExactly("6240");
  }

  @Test
  void fiftyConcurrentCallers_neverExceedTenInFlight() throws Exception {
    server.stubFor(get(urlPathEqualTo(BASE + "/customer/5")).willReturn(ok("customer-read_qbo-api.json").withFixedDelay(60)));
    CountingHttpClient counting =
        new CountingHttpClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    QuickBooksClient client = builder().httpClient(counting).clock(java.time.Clock.systemUTC()).build();
    ExecutorService pool = Executors.newFixedThreadPool(50);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Customer>> results = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        results.add(pool.submit(() -> {
          go.await();
          return client.read(EntityType.CUSTOMER, "5");
        }));
      }
      go.countDown();
      for (Future<Customer> f : results) {
        assertThat(f.get(60, TimeUnit.SECONDS).id()).isEqualTo("5");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(counting.total).hasValue(50);
    assertThat(counting.maxInFlight.get()).isLessThanOrEqualTo(10).isGreaterThan(1);
    assertThat(events).hasSize(50);
  }

  @Test
  void perMinuteLimit_waitsForTheRollingWindowWithInjectedClock() {
    server.stubFor(get(urlPathEqualTo(BASE + "/customer/5")).willReturn(ok("customer-read_qbo-api.json")));
    QuickBooksClient client = builder().maxRequestsPerMinute(3).build();
    for (int i = 0; i < 3; i++) {
      client.read(EntityType.CUSTOMER, "5");
      clock.advance(Duration.ofSeconds(10));
    }
    assertThat(sleeper.sleeps).isEmpty();
    client.read(EntityType.CUSTOMER, "5");
    // first start at t=0, now t=30 s: the fourth request waits until t=60 s
    assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void clientsSharingARealmLimiter_shareItsRollingMinute() {
    server.stubFor(get(urlPathEqualTo(BASE + "/customer/5")).willReturn(ok("customer-read_qbo-api.json")));
    RealmLimiter realm = RealmLimiter.of(10, 3);
    QuickBooksClient first = builder().realmLimiter(realm).build();
    QuickBooksClient second = builder().realmLimiter(realm).build();
    first.read(EntityType.CUSTOMER, "5");
    clock.advance(Duration.ofSeconds(10));
    second.read(EntityType.CUSTOMER, "5");
    clock.advance(Duration.ofSeconds(10));
    first.read(EntityType.CUSTOMER, "5");
    clock.advance(Duration.ofSeconds(10));
    assertThat(sleeper.sleeps).isEmpty();

    second.read(EntityType.CUSTOMER, "5");

    // three starts of the realm since t=0 (two clients), now t=30 s: the fourth waits until t=60 s
    assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(30));
    assertThat(first.realmLimiter()).isSameAs(second.realmLimiter()).isSameAs(realm);
    assertThat(builder().build().realmLimiter()).isNotSameAs(realm);
    assertThat(builder().realmLimiter(realm).maxRequestsPerMinute(7).build().realmLimiter().maxPerMinute()).isEqualTo(7);
  }

  @Test
  void anAddedRequestListener_isKeptWhenTheRequestListenerIsSetLater_andHearsEvenWhenAnotherThrows() {
    server.stubFor(get(urlPathEqualTo(BASE + "/customer/5")).willReturn(ok("customer-read_qbo-api.json")));
    List<QuickBooksRequestEvent> counted = new CopyOnWriteArrayList<>();
    QuickBooksClient client = builder()
        .addRequestListener(counted::add)
        .requestListener(event -> {
          throw new IllegalStateException("host listener fails");
        })
        .build();

    client.read(EntityType.CUSTOMER, "5");
    client.read(EntityType.CUSTOMER, "5");

    assertThat(counted).hasSize(2);
    assertThat(events).isEmpty(); // the builder's requestListener(events::add) was replaced
  }

  @Test
  void builder_rejectsBadInput() {
    assertThatThrownBy(() -> QuickBooksClient.builder().realmId("  "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("realmId");
    assertThatThrownBy(() -> QuickBooksClient.builder().realmId("12/../34"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QuickBooksClient.builder().baseUri(URI.create("http://qbo.example.com")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HTTPS");
    assertThatThrownBy(() -> QuickBooksClient.builder().baseUri(URI.create("http://127.0.0.1.evil.com")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QuickBooksClient.builder().baseUri(URI.create("/relative")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(QuickBooksClient.builder().baseUri(URI.create("http://127.0.0.1:8080")).realmId("1")
        .accessTokenProvider(AccessTokenProvider.ofStatic("t")).build().baseUri().getPort()).isEqualTo(8080);
    QuickBooksClient.builder().baseUri(URI.create("http://[::1]:9000"));
    QuickBooksClient.builder().baseUri(URI.create("https://qbo.example.com"));
    assertThatThrownBy(() -> QuickBooksClient.builder().realmId("1").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("accessTokenProvider");
    assertThatThrownBy(() -> QuickBooksClient.builder().minorVersion(65)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QuickBooksClient.builder().accessTokenProvider(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("accessTokenProvider");
    assertThatThrownBy(() -> AccessTokenProvider.ofStatic(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client().read(EntityType.CUSTOMER, " ")).isInstanceOf(IllegalArgumentException.class);
    assertThat(QuickBooksClient.builder().environment(QuickBooksEnvironment.SANDBOX).realmId("1")
        .accessTokenProvider(AccessTokenProvider.ofStatic("t")).build().baseUri())
        .isEqualTo(URI.create("https://sandbox-quickbooks.api.intuit.com"));
  }

  @Test
  void secrets_neverInToString() {
    AccessTokenProvider provider = AccessTokenProvider.ofStatic("super-secret-token");
    assertThat(provider.toString()).doesNotContain("super-secret-token");
    assertThat(builder().accessTokenProvider(provider).build().toString()).doesNotContain("super-secret-token").contains(REALM);
  }
}
