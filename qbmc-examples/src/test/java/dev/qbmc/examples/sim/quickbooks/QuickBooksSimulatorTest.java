package dev.qbmc.examples.sim.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.qbmc.examples.sim.BlockingSleeper;
import dev.qbmc.examples.sim.MutableClock;
import dev.qbmc.examples.sim.TestHttp;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QuickBooksSimulatorTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T12:00:00Z"));
  private QuickBooksSimulator sim;

  @AfterEach
  void stop() {
    if (sim != null) {
      sim.close();
    }
  }

  private QuickBooksSimulator start(QuickBooksSimulator.Builder builder) {
    sim = builder.clock(clock).build().start();
    return sim;
  }

  private TestHttp api() {
    return new TestHttp("Bearer " + sim.mintTokens().accessToken());
  }

  private TestHttp basic() {
    return new TestHttp("Basic " + Base64.getEncoder().encodeToString(
        (sim.clientId() + ":" + sim.clientSecret()).getBytes(StandardCharsets.UTF_8)));
  }

  private String queryUrl(String statement) {
    return sim.baseUrl() + "/v3/company/" + sim.realmId() + "/query?query="
        + URLEncoder.encode(statement, StandardCharsets.UTF_8).replace("+", "%20") + "&minorversion=75";
  }

  private JsonNode query(TestHttp http, String statement) {
    HttpResponse<String> r = http.send("GET", queryUrl(statement), null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return TestHttp.json(r);
  }

  @Test
  void tokenEndpoint_rotatesRefreshTokens_andRejectsUsedOnesWithInvalidGrant() {
    start(QuickBooksSimulator.builder());
    TestHttp http = basic();
    String code = sim.mintAuthorizationCode();
    HttpResponse<String> first = http.send("POST", sim.tokenUrl(),
        "grant_type=authorization_code&code=" + code + "&redirect_uri=http%3A%2F%2Flocalhost%2Fcb",
        "application/x-www-form-urlencoded");
    assertThat(first.statusCode()).isEqualTo(200);
    JsonNode tokens = TestHttp.json(first);
    assertThat(tokens.path("token_type").asText()).isEqualTo("bearer");
    assertThat(tokens.path("expires_in").asLong()).isEqualTo(3600);
    assertThat(tokens.path("x_refresh_token_expires_in").asLong()).isEqualTo(8726400);

    HttpResponse<String> reuse = http.send("POST", sim.tokenUrl(), "grant_type=authorization_code&code=" + code,
        "application/x-www-form-urlencoded");
    assertThat(reuse.statusCode()).isEqualTo(400);
    assertThat(reuse.body()).isEqualTo("{\"error_description\":\"Token invalid\",\"error\":\"invalid_grant\"}");

    String refresh = tokens.path("refresh_token").asText();
    HttpResponse<String> rotated = http.send("POST", sim.tokenUrl(), "grant_type=refresh_token&refresh_token=" + refresh,
        "application/x-www-form-urlencoded");
    assertThat(rotated.statusCode()).isEqualTo(200);
    assertThat(TestHttp.json(rotated).path("refresh_token").asText()).isNotEqualTo(refresh);

    HttpResponse<String> old = http.send("POST", sim.tokenUrl(), "grant_type=refresh_token&refresh_token=" + refresh,
        "application/x-www-form-urlencoded");
    assertThat(old.statusCode()).isEqualTo(400);
    assertThat(TestHttp.json(old).path("error").asText()).isEqualTo("invalid_grant");

    HttpResponse<String> badClient = new TestHttp("Basic " + Base64.getEncoder().encodeToString("x:y".getBytes()))
        .send("POST", sim.tokenUrl(), "grant_type=refresh_token&refresh_token=x", "application/x-www-form-urlencoded");
    assertThat(badClient.statusCode()).isEqualTo(401);
  }

  @Test
  void refreshTokenGrace_keepsRotatedTokenUsableUntilGraceEnds() {
    start(QuickBooksSimulator.builder().refreshTokenGrace(Duration.ofHours(24)));
    TestHttp http = basic();
    String refresh = sim.mintTokens().refreshToken();
    String form = "grant_type=refresh_token&refresh_token=" + refresh;
    assertThat(http.send("POST", sim.tokenUrl(), form, "application/x-www-form-urlencoded").statusCode()).isEqualTo(200);
    clock.advance(Duration.ofHours(23));
    assertThat(http.send("POST", sim.tokenUrl(), form, "application/x-www-form-urlencoded").statusCode()).isEqualTo(200);
    clock.advance(Duration.ofHours(2));
    assertThat(http.send("POST", sim.tokenUrl(), form, "application/x-www-form-urlencoded").statusCode()).isEqualTo(400);
  }

  @Test
  void api_withoutOrWithExpiredToken_returns401LowerCaseFault() {
    start(QuickBooksSimulator.builder());
    HttpResponse<String> none = new TestHttp(null).send("GET", queryUrl("SELECT * FROM Customer"), null);
    assertThat(none.statusCode()).isEqualTo(401);
    JsonNode fault = TestHttp.json(none).path("fault");
    assertThat(fault.path("type").asText()).isEqualTo("AUTHENTICATION");
    assertThat(fault.path("error").get(0).path("code").asText()).isEqualTo("3200");
    assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));

    TestHttp http = api();
    assertThat(http.send("GET", queryUrl("SELECT * FROM Customer"), null).statusCode()).isEqualTo(200);
    sim.expireAccessTokens();
    assertThat(http.send("GET", queryUrl("SELECT * FROM Customer"), null).statusCode()).isEqualTo(401);
  }

  @Test
  void query_pagesActiveCustomers_andEndsWithEmptyQueryResponse() {
    start(QuickBooksSimulator.builder());
    TestHttp http = api();
    assertThat(query(http, "SELECT COUNT(*) FROM Customer").path("QueryResponse").path("totalCount").asInt()).isEqualTo(59);
    assertThat(query(http, "SELECT COUNT(*) FROM Customer WHERE Active IN (true, false)")
        .path("QueryResponse").path("totalCount").asInt()).isEqualTo(60);
    List<String> ids = new ArrayList<>();
    for (int start = 1; ; start += 25) {
      JsonNode page = query(http, "SELECT * FROM Customer ORDERBY Id STARTPOSITION " + start + " MAXRESULTS 25");
      JsonNode qr = page.path("QueryResponse");
      assertThat(page.path("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}-0[78]:00");
      if (!qr.has("Customer")) {
        assertThat(qr.size()).isZero();
        break;
      }
      assertThat(qr.path("startPosition").asInt()).isEqualTo(start);
      assertThat(qr.path("maxResults").asInt()).isEqualTo(qr.path("Customer").size());
      qr.path("Customer").forEach(c -> ids.add(c.path("Id").asText()));
    }
    assertThat(ids).hasSize(59).doesNotContain("29").startsWith("1", "2", "3");
  }

  @Test
  void query_withBackslashEscapedApostrophe_findsTheCustomer() {
    start(QuickBooksSimulator.builder());
    String name = sim.read(SimEntity.CUSTOMER, "3").orElseThrow().path("DisplayName").asText();
    assertThat(name).contains("O'Brien");
    JsonNode r = query(api(), "SELECT * FROM Customer WHERE DisplayName = '" + name.replace("'", "\\'") + "'");
    assertThat(r.path("QueryResponse").path("Customer")).hasSize(1);
    assertThat(r.path("QueryResponse").path("Customer").get(0).path("Id").asText()).isEqualTo("3");
    JsonNode like = query(api(), "SELECT * FROM Customer WHERE DisplayName LIKE '%O\\'Brien%' AND Id IN ('3', '53', '4')");
    List<String> ids = new ArrayList<>();
    like.path("QueryResponse").path("Customer").forEach(c -> ids.add(c.path("Id").asText()));
    assertThat(ids).containsExactly("3", "53");
  }

  @Test
  void query_filtersByIdAndLastUpdatedTime_andReportsFaults() {
    start(QuickBooksSimulator.builder());
    TestHttp http = api();
    JsonNode byId = query(http, "SELECT * FROM Invoice WHERE Id > '150' MAXRESULTS 1000");
    assertThat(byId.path("QueryResponse").path("Invoice")).allSatisfy(i -> assertThat(i.path("Id").asInt()).isGreaterThan(150));
    assertThat(byId.path("QueryResponse").path("Invoice")).hasSize(10);
    clock.advance(Duration.ofMinutes(1));
    sim.addCustomer("Zed's New Customer", "zed@example.org");
    JsonNode recent = query(http, "SELECT * FROM Customer WHERE MetaData.LastUpdatedTime > '2026-03-02T04:00:00-0800'");
    assertThat(recent.path("QueryResponse").path("Customer")).hasSize(1);
    assertThat(recent.path("QueryResponse").path("Customer").get(0).path("Id").asText()).isEqualTo("61");

    HttpResponse<String> parse = http.send("GET", queryUrl("SELECT FROM"), null);
    assertThat(parse.statusCode()).isEqualTo(400);
    assertThat(TestHttp.json(parse).path("Fault").path("Error").get(0).path("code").asText()).isEqualTo("4000");
    HttpResponse<String> entity = http.send("GET", queryUrl("SELECT * FROM Custmoer"), null);
    assertThat(TestHttp.json(entity).path("Fault").path("Error").get(0).path("code").asText()).isEqualTo("4001");
    assertThat(query(http, "SELECT * FROM Vendor").path("QueryResponse").size()).isZero();
  }

  @Test
  void generatedEntities_lookLikeTheFixtures() {
    start(QuickBooksSimulator.builder());
    HttpResponse<String> r = api().send("GET", sim.baseUrl() + "/v3/company/" + sim.realmId() + "/invoice/5", null);
    JsonNode invoice = TestHttp.json(r).path("Invoice");
    assertThat(invoice.path("Id").isTextual()).isTrue();
    assertThat(invoice.path("SyncToken").isTextual()).isTrue();
    assertThat(invoice.path("MetaData").path("CreateTime").asText()).matches(".*T\\d\\d:\\d\\d:\\d\\d-0[78]:00");
    assertThat(r.body()).containsPattern("\"TotalAmt\":\\d+\\.\\d\\d[,}]");
    JsonNode discount = invoice.path("Line").findParent("DiscountLineDetail");
    assertThat(discount).isNotNull();
    JsonNode group = TestHttp.json(api().send("GET", sim.baseUrl() + "/v3/company/" + sim.realmId() + "/invoice/3", null));
    assertThat(group.path("Invoice").path("Line").get(0).path("DetailType").asText()).isEqualTo("GroupLineDetail");
    JsonNode category = sim.read(SimEntity.ITEM, "1").orElseThrow();
    assertThat(category.path("Type").asText()).isEqualTo("Category");
    assertThat(sim.read(SimEntity.ITEM, "5").orElseThrow().path("Sku").asText()).isEqualTo("SKU-00005");
    assertThat(sim.read(SimEntity.SALES_RECEIPT, "4").orElseThrow().has("CustomerRef")).isFalse();
    assertThat(sim.read(SimEntity.INVOICE, "17")).isEmpty();
    assertThat(sim.read(SimEntity.INVOICE, "11").orElseThrow().path("PrivateNote").asText()).isEqualTo("Voided");
  }

  @Test
  void cdc_returnsChangedVoidedAndDeletedEntities() {
    start(QuickBooksSimulator.builder());
    TestHttp http = api();
    String since = "2026-03-02T04:00:00-08:00";
    clock.advance(Duration.ofSeconds(5));
    JsonNode before = sim.read(SimEntity.INVOICE, "6").orElseThrow();
    sim.voidTransaction(SimEntity.INVOICE, "6");
    sim.deleteTransaction(SimEntity.INVOICE, "7");
    HttpResponse<String> r = http.send("GET", sim.baseUrl() + "/v3/company/" + sim.realmId()
        + "/cdc?entities=Customer,Invoice&changedSince=" + URLEncoder.encode(since, StandardCharsets.UTF_8), null);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode responses = TestHttp.json(r).path("CDCResponse").get(0).path("QueryResponse");
    assertThat(responses.get(0).size()).isZero();
    JsonNode invoices = responses.get(1).path("Invoice");
    assertThat(invoices).hasSize(2);
    JsonNode voided = invoices.get(0);
    assertThat(voided.path("Id").asText()).isEqualTo("6");
    assertThat(voided.path("PrivateNote").asText()).isEqualTo("Voided");
    assertThat(voided.path("TotalAmt").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(voided.path("Balance").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(voided.path("SyncToken").asLong()).isEqualTo(before.path("SyncToken").asLong() + 1);
    assertThat(voided.path("Line").findValues("Amount")).allSatisfy(a -> assertThat(a.decimalValue()).isZero());
    JsonNode deleted = invoices.get(1);
    assertThat(deleted.path("status").asText()).isEqualTo("Deleted");
    assertThat(deleted.path("Id").asText()).isEqualTo("7");
    assertThat(deleted.has("SyncToken")).isFalse();
    assertThat(deleted.path("MetaData").path("LastUpdatedTime").asText()).isNotEmpty();
    HttpResponse<String> read = http.send("GET", sim.baseUrl() + "/v3/company/" + sim.realmId() + "/invoice/7", null);
    assertThat(read.statusCode()).isEqualTo(400);
    assertThat(TestHttp.json(read).path("Fault").path("Error").get(0).path("code").asText()).isEqualTo("610");
  }

  @Test
  void perMinuteLimit_answers429WithXmlThrottleBody_untilTheNextMinute() {
    start(QuickBooksSimulator.builder().perMinuteLimit(3));
    TestHttp http = api();
    for (int i = 0; i < 3; i++) {
      assertThat(http.send("GET", queryUrl("SELECT * FROM Item"), null).statusCode()).isEqualTo(200);
    }
    HttpResponse<String> throttled = http.send("GET", queryUrl("SELECT * FROM Item"), null);
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Content-Type")).hasValue("application/xml");
    assertThat(throttled.body()).contains("<Error code=\"3001\">")
        .contains("message=ThrottleExceeded; errorCode=003001; statusCode=429");
    clock.advance(Duration.ofMinutes(1));
    assertThat(http.send("GET", queryUrl("SELECT * FROM Item"), null).statusCode()).isEqualTo(200);
    assertThat(sim.requestLog().count("GET", QuickBooksSimulator.QUERY_PATH)).isEqualTo(5);
  }

  @Test
  void eleventhConcurrentCall_getsThrottled() throws Exception {
    BlockingSleeper sleeper = new BlockingSleeper();
    start(QuickBooksSimulator.builder().sleeper(sleeper).latency(Duration.ofMillis(1)));
    TestHttp http = api();
    List<CompletableFuture<HttpResponse<String>>> running = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      running.add(http.sendAsync("GET", queryUrl("SELECT * FROM Item"), null));
    }
    assertThat(sleeper.awaitEntered(10)).isTrue();
    assertThat(http.send("GET", queryUrl("SELECT * FROM Item"), null).statusCode()).isEqualTo(429);
    sleeper.releaseAll();
    for (CompletableFuture<HttpResponse<String>> f : running) {
      assertThat(f.get().statusCode()).isEqualTo(200);
    }
  }

  @Test
  void companyInfoAndPreferences_describeTheCompany() {
    start(QuickBooksSimulator.builder());
    TestHttp http = api();
    String base = sim.baseUrl() + "/v3/company/" + sim.realmId();
    JsonNode info = TestHttp.json(http.send("GET", base + "/companyinfo/" + sim.realmId(), null));
    assertThat(info.path("CompanyInfo").path("CompanyName").asText()).contains("Landscaping");
    JsonNode prefs = TestHttp.json(http.send("GET", base + "/preferences", null));
    assertThat(prefs.path("Preferences").path("CurrencyPrefs").path("HomeCurrency").path("value").asText()).isEqualTo("USD");
    assertThat(prefs.path("Preferences").path("CurrencyPrefs").path("MultiCurrencyEnabled").asBoolean()).isFalse();
  }

  @Test
  void mutations_bumpSyncTokenAndMakeCustomersInactive() {
    start(QuickBooksSimulator.builder());
    JsonNode before = sim.read(SimEntity.CUSTOMER, "1").orElseThrow();
    clock.advance(Duration.ofMinutes(3));
    JsonNode after = sim.makeCustomerInactive("1");
    assertThat(after.path("Active").asBoolean()).isFalse();
    assertThat(after.path("DisplayName").asText()).endsWith(" (deleted)");
    assertThat(after.path("SyncToken").asLong()).isEqualTo(before.path("SyncToken").asLong() + 1);
    assertThat(after.path("MetaData").path("CreateTime")).isEqualTo(before.path("MetaData").path("CreateTime"));
    assertThat(after.path("MetaData").path("LastUpdatedTime").asText()).isEqualTo("2026-03-02T04:03:00-08:00");
    JsonNode invoice = sim.addInvoice("2", "4", 3, new BigDecimal("12.50"));
    assertThat(invoice.path("TotalAmt").decimalValue()).isEqualByComparingTo("37.50");
    assertThat(invoice.path("Id").asText()).isEqualTo(Long.toString(SampleCompany.INVOICES + 1));
  }

  @Test
  void largeGeneratedCompany_servesTheLastPageWithoutMaterialising() {
    start(QuickBooksSimulator.builder().company(GeneratedCompany.builder().customers(100_000).items(50)
        .invoices(1_000_000).salesReceipts(10).build()));
    JsonNode r = query(api(), "SELECT * FROM Invoice WHERE Id > '999000' ORDERBY Id MAXRESULTS 1000");
    JsonNode invoices = r.path("QueryResponse").path("Invoice");
    assertThat(invoices.size()).isEqualTo(1000 - 25);
    assertThat(invoices.get(invoices.size() - 1).path("Id").asText()).isEqualTo("1000000");
  }

  @Test
  void webhooks_areSignedWithTheVerifierToken() throws Exception {
    AtomicReference<byte[]> body = new AtomicReference<>();
    AtomicReference<String> signature = new AtomicReference<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext("/hook", ex -> {
      body.set(ex.getRequestBody().readAllBytes());
      signature.set(ex.getRequestHeaders().getFirst("intuit-signature"));
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    receiver.start();
    try {
      start(QuickBooksSimulator.builder().webhooks(
          URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"), "verifier-secret",
          WebhookFormat.LEGACY));
      sim.addCustomer("Webhook Person", "hook@example.org");
      assertThat(sim.pendingWebhookEvents()).isEqualTo(1);
      assertThat(sim.deliverWebhooks()).isEqualTo(200);
      assertThat(sim.pendingWebhookEvents()).isZero();
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec("verifier-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      assertThat(signature.get()).isEqualTo(Base64.getEncoder().encodeToString(mac.doFinal(body.get())));
      JsonNode entity = TestHttp.JSON.readTree(body.get()).path("eventNotifications").get(0)
          .path("dataChangeEvent").path("entities").get(0);
      assertThat(entity.path("name").asText()).isEqualTo("Customer");
      assertThat(entity.path("operation").asText()).isEqualTo("Create");
      assertThat(entity.path("lastUpdated").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d-0[78]00");
    } finally {
      receiver.stop(0);
    }
  }

  @Test
  void cloudEventsWebhook_isAnArrayWithTypedEvents() throws Exception {
    AtomicReference<byte[]> body = new AtomicReference<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext("/hook", ex -> {
      body.set(ex.getRequestBody().readAllBytes());
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    receiver.start();
    try {
      start(QuickBooksSimulator.builder().webhooks(
          URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"), "verifier-secret",
          WebhookFormat.CLOUD_EVENTS));
      sim.voidTransaction(SimEntity.INVOICE, "6");
      sim.deleteTransaction(SimEntity.SALES_RECEIPT, "2");
      assertThat(sim.deliverWebhooks()).isEqualTo(200);
      JsonNode events = TestHttp.JSON.readTree(body.get());
      assertThat(events.isArray()).isTrue();
      assertThat(events.findValuesAsText("type")).containsExactly("qbo.invoice.voided.v1", "qbo.salesreceipt.deleted.v1");
      assertThat(events.get(0).path("specversion").asText()).isEqualTo("1.0");
      assertThat(events.get(0).path("intuitaccountid").asText()).isEqualTo(sim.realmId());
      assertThat(events.get(0).path("intuitentityid").asText()).isEqualTo("6");
    } finally {
      receiver.stop(0);
    }
  }

  @Test
  void query_canBePostedAsApplicationText() {
    start(QuickBooksSimulator.builder());
    HttpResponse<String> r = api().send("POST", sim.baseUrl() + "/v3/company/" + sim.realmId() + "/query?minorversion=75",
        "SELECT * FROM Item WHERE Type = 'Category'", "application/text");
    assertThat(TestHttp.json(r).path("QueryResponse").path("Item")).hasSize(1);
    assertThat(sim.requestLog().count("POST", QuickBooksSimulator.QUERY_PATH)).isEqualTo(1);
  }

  @Test
  void tokenPair_toStringHidesSecrets() {
    start(QuickBooksSimulator.builder());
    TokenPair pair = sim.mintTokens();
    assertThat(pair.toString()).doesNotContain(pair.accessToken()).doesNotContain(pair.refreshToken());
    assertThat(sim.toString()).doesNotContain(sim.clientSecret());
  }
}
