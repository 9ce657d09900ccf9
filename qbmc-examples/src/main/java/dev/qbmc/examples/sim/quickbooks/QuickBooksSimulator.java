package dev.qbmc.examples.sim.quickbooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qbmc.examples.sim.LoopbackServer;
import dev.qbmc.examples.sim.RequestLog;
import dev.qbmc.examples.sim.Router;
import dev.qbmc.examples.sim.SimRequest;
import dev.qbmc.examples.sim.SimResponse;
import dev.qbmc.examples.sim.Sleeper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A loopback QuickBooks Online sandbox for one company (realm), following the real API's
 * documented behaviour:
 *
 * <ul>
 *   <li>{@code POST /oauth2/v1/tokens/bearer}: {@code authorization_code} and {@code refresh_token}
 *       grants with HTTP Basic client authentication; every refresh returns a new refresh token and
 *       the used one stops working (immediately by default, or after the configured
 *       {@link Builder#refreshTokenGrace(Duration) grace}, Intuit's is 24 h); a bad code or token
 *       gets HTTP 400 {@code {"error_description":"Token invalid","error":"invalid_grant"}}.
 *       {@code POST /v2/oauth2/tokens/revoke} revokes a grant.</li>
 *   <li>{@code GET|POST /v3/company/{realm}/query}: {@code SELECT * | COUNT(*) FROM Entity [WHERE a AND b]
 *       [ORDERBY f] [STARTPOSITION n] [MAXRESULTS m]} with {@code = != < <= > >= IN LIKE},
 *       backslash-escaped literals, inactive name-list entities hidden unless {@code Active} is
 *       filtered, at most 1000 rows, {@code {"QueryResponse":{}}} past the end.</li>
 *   <li>{@code GET /v3/company/{realm}/{customer|item|invoice|salesreceipt}/{id}}, 610 Fault when
 *       absent; {@code GET .../cdc?entities=&changedSince=} with deleted entities as
 *       {@code status:"Deleted"}; {@code companyinfo/{realm}}; {@code preferences}.</li>
 *   <li>Bearer access tokens checked on every API call: 401 with the lower-case {@code fault}
 *       envelope; at most {@link Builder#perMinuteLimit(int)} calls per realm per clock minute and
 *       {@link Builder#maxInFlight(int)} concurrent calls, else HTTP 429 with the XML throttle body
 *       (XML even when JSON was asked).</li>
 *   <li>Optional webhooks: every change is queued and {@link #deliverWebhooks()} POSTs them to the
 *       configured URL with the {@code intuit-signature} header.</li>
 * </ul>
 *
 * <p>Company data comes from a {@link CompanyData} (e.g. {@link GeneratedCompany} or
 * {@link SampleCompany}) and can be changed while running; each change bumps {@code SyncToken} and
 * {@code MetaData.LastUpdatedTime} from the injected clock. Instances are thread-safe.
 */
public final class QuickBooksSimulator implements AutoCloseable {

  /** Query and read paths, for {@link #requestLog()} lookups. */
  public static final String QUERY_PATH = "/v3/company/{realm}/query";
  /** The CDC path template. */
  public static final String CDC_PATH = "/v3/company/{realm}/cdc";
  /** The token endpoint path. */
  public static final String TOKEN_PATH = "/oauth2/v1/tokens/bearer";
  /** The revoke endpoint path. */
  public static final String REVOKE_PATH = "/v2/oauth2/tokens/revoke";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final Set<String> OTHER_QUERYABLE = Set.of("Account", "Bill", "BillPayment", "Budget", "Class",
      "CompanyCurrency", "CreditMemo", "Department", "Deposit", "Employee", "Estimate", "JournalEntry",
      "Payment", "PaymentMethod", "Purchase", "PurchaseOrder", "RefundReceipt", "TaxCode", "TaxRate", "Term",
      "TimeActivity", "Transfer", "Vendor", "VendorCredit", "CompanyInfo", "Preferences");
  private static final String THROTTLE_XML = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      + "<IntuitResponse time=\"%s\" xmlns=\"http://schema.intuit.com/finance/v3\">\n"
      + "  <Fault type=\"SERVICE\">\n"
      + "    <Error code=\"3001\">\n"
      + "      <Message>message=ThrottleExceeded; errorCode=003001; statusCode=429</Message>\n"
      + "      <Detail>The request limit was reached.  Try again later</Detail>\n"
      + "    </Error>\n"
      + "  </Fault>\n"
      + "</IntuitResponse>\n";

  private final String realmId;
  private final String clientId;
  private final String clientSecret;
  private final Clock clock;
  private final Sleeper sleeper;
  private final CompanyStore store;
  private final OAuthTokens tokens;
  private final RequestLog log = new RequestLog();
  private final Router router = new Router();
  private final Semaphore inFlight;
  private final URI webhookUrl;
  private final String webhookVerifierToken;
  private final WebhookFormat webhookFormat;
  private final List<CompanyStore.Change> pendingEvents = new ArrayList<>();
  private volatile Duration latency;
  private volatile int perMinuteLimit;
  private long windowMinute = Long.MIN_VALUE;
  private int windowCount;
  private volatile LoopbackServer server;

  private QuickBooksSimulator(Builder b) {
    this.realmId = b.realmId;
    this.clientId = b.clientId;
    this.clientSecret = b.clientSecret;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.latency = b.latency;
    this.perMinuteLimit = b.perMinuteLimit;
    this.inFlight = new Semaphore(b.maxInFlight);
    this.webhookUrl = b.webhookUrl;
    this.webhookVerifierToken = b.webhookVerifierToken;
    this.webhookFormat = b.webhookFormat;
    this.tokens = new OAuthTokens(clock, b.refreshTokenGrace);
    this.store = new CompanyStore(b.company, clock, this::onChange);
    router.add("POST", TOKEN_PATH, this::token);
    router.add("POST", REVOKE_PATH, this::revoke);
    router.add("GET", QUERY_PATH, r -> api(r, () -> query(r.query().get("query"))));
    router.add("POST", QUERY_PATH, r -> api(r, () -> query(r.bodyText())));
    router.add("GET", CDC_PATH, r -> api(r, () -> cdc(r)));
    router.add("GET", "/v3/company/{realm}/companyinfo/{id}", r -> api(r, this::companyInfo));
    router.add("GET", "/v3/company/{realm}/preferences", r -> api(r, this::preferences));
    for (QboEntity e : QboEntity.values()) {
      router.add("GET", "/v3/company/{realm}/" + e.pathSegment() + "/{id}", r -> api(r, () -> readRoute(e, r.param("id"))));
    }
  }

  /**
   * Starts a builder with the defaults: realm {@code 9341453000000001}, client id {@code sim-client-id},
   * client secret {@code sim-client-secret}, {@link SampleCompany#create()}, system UTC clock,
   * {@link Sleeper#none()}, no latency, 500 calls/minute, 10 in flight, no refresh grace, no webhooks.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder of {@link QuickBooksSimulator}. */
  public static final class Builder {
    private String realmId = "9341453000000001";
    private String clientId = "sim-client-id";
    private String clientSecret = "sim-client-secret";
    private CompanyData company;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.none();
    private Duration latency = Duration.ZERO;
    private int perMinuteLimit = 500;
    private int maxInFlight = 10;
    private Duration refreshTokenGrace = Duration.ZERO;
    private URI webhookUrl;
    private String webhookVerifierToken;
    private WebhookFormat webhookFormat = WebhookFormat.LEGACY;

    private Builder() {
    }

    /**
     * Sets the realm (company) id.
     *
     * @param realmId digits
     * @return this builder
     */
    public Builder realmId(String realmId) {
      this.realmId = requireText(realmId, "realmId");
      return this;
    }

    /**
     * Sets the OAuth client credentials the token endpoint accepts.
     *
     * @param clientId the client id
     * @param clientSecret the client secret
     * @return this builder
     */
    public Builder clientCredentials(String clientId, String clientSecret) {
      this.clientId = requireText(clientId, "clientId");
      this.clientSecret = requireText(clientSecret, "clientSecret");
      return this;
    }

    /**
     * Sets the company data.
     *
     * @param company the base data
     * @return this builder
     */
    public Builder company(CompanyData company) {
      this.company = Objects.requireNonNull(company, "company");
      return this;
    }

    /**
     * Sets the clock for token lifetimes, throttling windows and change timestamps.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the sleeper used for the simulated latency.
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Sets the latency of every API call (applied while the call holds its in-flight slot).
     *
     * @param latency zero or more
     * @return this builder
     */
    public Builder latency(Duration latency) {
      this.latency = requireNonNegative(latency);
      return this;
    }

    /**
     * Sets the per-realm, per-clock-minute call limit (Intuit: 500).
     *
     * @param limit at least 1
     * @return this builder
     */
    public Builder perMinuteLimit(int limit) {
      this.perMinuteLimit = requirePositive(limit, "perMinuteLimit");
      return this;
    }

    /**
     * Sets the maximum number of concurrent API calls per realm (Intuit: 10).
     *
     * @param max at least 1
     * @return this builder
     */
    public Builder maxInFlight(int max) {
      this.maxInFlight = requirePositive(max, "maxInFlight");
      return this;
    }

    /**
     * Sets how long a rotated refresh token keeps working (Intuit: 24 hours; default zero:
     * a used refresh token is rejected at once).
     *
     * @param grace zero or more
     * @return this builder
     */
    public Builder refreshTokenGrace(Duration grace) {
      this.refreshTokenGrace = requireNonNegative(grace);
      return this;
    }

    /**
     * Enables webhook deliveries by {@link QuickBooksSimulator#deliverWebhooks()}.
     *
     * @param url the endpoint to POST to
     * @param verifierToken the HMAC key of the {@code intuit-signature} header
     * @param format the payload format
     * @return this builder
     */
    public Builder webhooks(URI url, String verifierToken, WebhookFormat format) {
      this.webhookUrl = Objects.requireNonNull(url, "url");
      this.webhookVerifierToken = requireText(verifierToken, "verifierToken");
      this.webhookFormat = Objects.requireNonNull(format, "format");
      return this;
    }

    /**
     * Builds the simulator (not started).
     *
     * @return the simulator
     */
    public QuickBooksSimulator build() {
      if (company == null) {
        company = SampleCompany.create();
      }
      return new QuickBooksSimulator(this);
    }

    private static String requireText(String s, String name) {
      if (s == null || s.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return s;
    }

    private static int requirePositive(int v, String name) {
      if (v < 1) {
        throw new IllegalArgumentException(name + " must be >= 1, was " + v);
      }
      return v;
    }
  }

  private static Duration requireNonNegative(Duration d) {
    if (d == null || d.isNegative()) {
      throw new IllegalArgumentException("duration must be zero or positive: " + d);
    }
    return d;
  }

  // ============================================================ lifecycle

  /**
   * Binds 127.0.0.1 on an ephemeral port and starts serving.
   *
   * @return this simulator
   */
  public synchronized QuickBooksSimulator start() {
    if (server == null) {
      server = LoopbackServer.start("qbo-sim", this::handle);
    }
    return this;
  }

  /**
   * The base URL of the API host, e.g. {@code http://127.0.0.1:54321} (API paths start with
   * {@code /v3/company/...}).
   *
   * @return the base URL
   * @throws IllegalStateException when not started
   */
  public String baseUrl() {
    LoopbackServer s = server;
    if (s == null) {
      throw new IllegalStateException("simulator not started");
    }
    return s.baseUrl();
  }

  /**
   * The token endpoint URL.
   *
   * @return {@code baseUrl() + "/oauth2/v1/tokens/bearer"}
   */
  public String tokenUrl() {
    return baseUrl() + TOKEN_PATH;
  }

  /**
   * The revoke endpoint URL.
   *
   * @return {@code baseUrl() + "/v2/oauth2/tokens/revoke"}
   */
  public String revokeUrl() {
    return baseUrl() + REVOKE_PATH;
  }

  /** Stops the server. */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  /**
   * The realm id of the simulated company.
   *
   * @return the realm id
   */
  public String realmId() {
    return realmId;
  }

  /**
   * The OAuth client id the token endpoint accepts.
   *
   * @return the client id
   */
  public String clientId() {
    return clientId;
  }

  /**
   * The OAuth client secret the token endpoint accepts (a sandbox value).
   *
   * @return the client secret
   */
  public String clientSecret() {
    return clientSecret;
  }

  /**
   * Counts of requests per method and path template, including throttled and rejected ones. Keys:
   * {@code POST /oauth2/v1/tokens/bearer}, {@code POST /v2/oauth2/tokens/revoke},
   * {@code GET|POST /v3/company/{realm}/query}, {@code GET /v3/company/{realm}/cdc},
   * {@code GET /v3/company/{realm}/companyinfo/{id}}, {@code GET /v3/company/{realm}/preferences},
   * {@code GET /v3/company/{realm}/customer/{id}} (likewise {@code item}, {@code invoice},
   * {@code salesreceipt}) and {@code (unmatched)}.
   *
   * @return the live log
   */
  public RequestLog requestLog() {
    return log;
  }

  /**
   * Changes the latency of every subsequent API call.
   *
   * @param latency zero or more
   */
  public void setLatency(Duration latency) {
    this.latency = requireNonNegative(latency);
  }

  /**
   * Changes the per-minute call limit.
   *
   * @param limit at least 1
   */
  public void setPerMinuteLimit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, was " + limit);
    }
    this.perMinuteLimit = limit;
  }

  // ============================================================ OAuth helpers for tests

  /**
   * Mints a single-use authorization code for this realm, as if the user had consented; exchange
   * it at the token endpoint with {@code grant_type=authorization_code}.
   *
   * @return the code
   */
  public String mintAuthorizationCode() {
    return tokens.mintCode(realmId);
  }

  /**
   * Mints a valid access and refresh token for this realm without the HTTP round trip.
   *
   * @return the tokens
   */
  public TokenPair mintTokens() {
    return tokens.mint(realmId);
  }

  /** Makes every access token issued so far expired (the next API call gets 401). */
  public void expireAccessTokens() {
    tokens.expireAccessTokens();
  }

  /** Revokes every code, access token and refresh token (as if the user disconnected the app). */
  public void revokeAllTokens() {
    tokens.revokeAll();
  }

  // ============================================================ company data

  /**
   * The base company data.
   *
   * @return the data given at build time
   */
  public CompanyData company() {
    return store.base();
  }

  /**
   * Reads the current state of an entity.
   *
   * @param entity the entity type
   * @param id the Id
   * @return a copy of the entity JSON, empty when absent or deleted
   */
  public Optional<ObjectNode> read(QboEntity entity, String id) {
    return parseId(id).flatMap(n -> store.read(entity, n));
  }

  /**
   * Creates an entity with the next Id, {@code SyncToken "0"} and MetaData from the clock.
   *
   * @param entity the entity type
   * @param fields the QBO JSON fields (PascalCase); Id, SyncToken and MetaData are ignored
   * @return the created entity
   */
  public ObjectNode create(QboEntity entity, ObjectNode fields) {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(fields, "fields");
    return store.create(entity, fields);
  }

  /**
   * Updates an entity in place; SyncToken and LastUpdatedTime are bumped afterwards.
   *
   * @param entity the entity type
   * @param id the Id
   * @param change edits the JSON
   * @return the updated entity
   * @throws NoSuchElementException when absent
   */
  public ObjectNode update(QboEntity entity, String id, Consumer<ObjectNode> change) {
    Objects.requireNonNull(change, "change");
    return store.update(entity, requireId(id), change, "Update");
  }

  /**
   * Adds a customer.
   *
   * @param displayName the unique display name
   * @param email the {@code PrimaryEmailAddr.Address}, or null for none
   * @return the created customer
   */
  public ObjectNode addCustomer(String displayName, String email) {
    ObjectNode c = F.objectNode();
    c.put("DisplayName", Objects.requireNonNull(displayName, "displayName"));
    c.put("FullyQualifiedName", displayName);
    c.put("PrintOnCheckName", displayName);
    c.put("Job", false);
    c.put("BillWithParent", false);
    c.put("Balance", 0);
    c.putObject("CurrencyRef").put("value", store.base().homeCurrency());
    if (email != null) {
      c.putObject("PrimaryEmailAddr").put("Address", email);
    }
    return create(QboEntity.CUSTOMER, c);
  }

  /**
   * Adds an item of type {@code Service}.
   *
   * @param name the unique name
   * @param unitPrice the unit price
   * @return the created item
   */
  public ObjectNode addItem(String name, BigDecimal unitPrice) {
    ObjectNode i = F.objectNode();
    i.put("Name", Objects.requireNonNull(name, "name"));
    i.put("FullyQualifiedName", name);
    i.put("Type", "Service");
    i.put("UnitPrice", Objects.requireNonNull(unitPrice, "unitPrice"));
    return create(QboEntity.ITEM, i);
  }

  /**
   * Adds an invoice with one sales line.
   *
   * @param customerId the customer Id
   * @param itemId the item Id
   * @param quantity the quantity
   * @param unitPrice the unit price; Amount, TotalAmt and Balance are quantity x unit price
   * @return the created invoice
   */
  public ObjectNode addInvoice(String customerId, String itemId, int quantity, BigDecimal unitPrice) {
    return create(QboEntity.INVOICE, document(QboEntity.INVOICE, customerId, itemId, quantity, unitPrice));
  }

  /**
   * Adds a sales receipt with one sales line.
   *
   * @param customerId the customer Id, or null for a receipt without customer
   * @param itemId the item Id
   * @param quantity the quantity
   * @param unitPrice the unit price
   * @return the created sales receipt
   */
  public ObjectNode addSalesReceipt(String customerId, String itemId, int quantity, BigDecimal unitPrice) {
    return create(QboEntity.SALES_RECEIPT, document(QboEntity.SALES_RECEIPT, customerId, itemId, quantity, unitPrice));
  }

  private ObjectNode document(QboEntity entity, String customerId, String itemId, int quantity, BigDecimal unitPrice) {
    ObjectNode item = read(QboEntity.ITEM, itemId).orElseThrow(() ->
        new NoSuchElementException("Item " + itemId + " does not exist"));
    BigDecimal amount = unitPrice.multiply(BigDecimal.valueOf(quantity)).setScale(2, java.math.RoundingMode.HALF_UP);
    ObjectNode d = F.objectNode();
    d.put("TxnDate", clock.instant().atZone(store.base().zone()).toLocalDate().toString());
    d.putObject("CurrencyRef").put("value", store.base().homeCurrency());
    ArrayNode lines = d.putArray("Line");
    ObjectNode line = lines.addObject();
    line.put("Id", "1");
    line.put("LineNum", 1);
    line.put("Amount", amount);
    line.put("DetailType", "SalesItemLineDetail");
    ObjectNode detail = line.putObject("SalesItemLineDetail");
    detail.putObject("ItemRef").put("value", itemId).put("name", item.path("Name").asText());
    detail.put("UnitPrice", unitPrice);
    detail.put("Qty", quantity);
    detail.putObject("TaxCodeRef").put("value", "NON");
    ObjectNode sub = lines.addObject();
    sub.put("Amount", amount);
    sub.put("DetailType", "SubTotalLineDetail");
    sub.putObject("SubTotalLineDetail");
    d.putObject("TxnTaxDetail").put("TotalTax", 0);
    if (customerId != null) {
      ObjectNode customer = read(QboEntity.CUSTOMER, customerId).orElseThrow(() ->
          new NoSuchElementException("Customer " + customerId + " does not exist"));
      d.putObject("CustomerRef").put("value", customerId).put("name", customer.path("DisplayName").asText());
      if (customer.path("PrimaryEmailAddr").has("Address")) {
        d.putObject("BillEmail").put("Address", customer.path("PrimaryEmailAddr").path("Address").asText());
      }
    }
    d.put("TotalAmt", amount);
    d.put("Balance", entity == QboEntity.INVOICE ? amount : BigDecimal.ZERO.setScale(2));
    return d;
  }

  /**
   * Makes a customer inactive the way QBO "deletes" one: {@code Active:false} and
   * {@code " (deleted)"} appended to DisplayName and FullyQualifiedName.
   *
   * @param customerId the customer Id
   * @return the updated customer
   */
  public ObjectNode makeCustomerInactive(String customerId) {
    return store.update(QboEntity.CUSTOMER, requireId(customerId), c -> {
      c.put("Active", false);
      for (String field : List.of("DisplayName", "FullyQualifiedName")) {
        if (c.has(field) && !c.get(field).asText().endsWith(" (deleted)")) {
          c.put(field, c.get(field).asText() + " (deleted)");
        }
      }
    }, "Update");
  }

  /**
   * Voids an invoice or sales receipt exactly as QBO does: same Id, SyncToken + 1,
   * {@code PrivateNote "Voided"}, every line Amount (and Qty) 0, TotalAmt 0, Balance 0.
   *
   * @param entity {@link QboEntity#INVOICE} or {@link QboEntity#SALES_RECEIPT}
   * @param id the transaction Id
   * @return the voided transaction
   */
  public ObjectNode voidTransaction(QboEntity entity, String id) {
    requireTransaction(entity);
    return store.update(entity, requireId(id), CompanyStore::applyVoid, "Void");
  }

  /**
   * Hard-deletes an invoice or sales receipt: reads fail afterwards and CDC shows it as
   * {@code status:"Deleted"}.
   *
   * @param entity {@link QboEntity#INVOICE} or {@link QboEntity#SALES_RECEIPT}
   * @param id the transaction Id
   */
  public void deleteTransaction(QboEntity entity, String id) {
    requireTransaction(entity);
    store.delete(entity, requireId(id));
  }

  private static void requireTransaction(QboEntity entity) {
    if (entity != QboEntity.INVOICE && entity != QboEntity.SALES_RECEIPT) {
      throw new IllegalArgumentException("only invoices and sales receipts can be voided or deleted, not " + entity);
    }
  }

  private static Optional<Long> parseId(String id) {
    try {
      return Optional.of(Long.parseLong(Objects.requireNonNull(id, "id")));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static long requireId(String id) {
    return parseId(id).orElseThrow(() -> new IllegalArgumentException("Id must be a number: " + id));
  }

  // ============================================================ webhooks

  private void onChange(CompanyStore.Change change) {
    if (webhookUrl != null) {
      synchronized (pendingEvents) {
        pendingEvents.add(change);
      }
    }
  }

  /**
   * Number of changes waiting to be delivered as webhooks.
   *
   * @return the count (always 0 without webhook configuration)
   */
  public int pendingWebhookEvents() {
    synchronized (pendingEvents) {
      return pendingEvents.size();
    }
  }

  /**
   * POSTs every pending change as one signed webhook delivery ({@code intuit-signature} = base64
   * HMAC-SHA256 of the raw body with the verifier token). Events stay pending when the endpoint
   * does not answer 2xx.
   *
   * @return the endpoint's HTTP status, or 0 when nothing was pending
   * @throws IllegalStateException when webhooks are not configured
   * @throws UncheckedIOException when the endpoint cannot be reached
   */
  public int deliverWebhooks() {
    if (webhookUrl == null) {
      throw new IllegalStateException("webhooks are not configured");
    }
    List<CompanyStore.Change> batch;
    synchronized (pendingEvents) {
      batch = List.copyOf(pendingEvents);
    }
    if (batch.isEmpty()) {
      return 0;
    }
    byte[] body = webhookBody(batch);
    HttpRequest request = HttpRequest.newBuilder(webhookUrl)
        .header("Content-Type", webhookFormat == WebhookFormat.LEGACY ? "application/json" : "application/cloudevents+json")
        .header("intuit-signature", sign(body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    try {
      HttpResponse<Void> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() / 100 == 2) {
        synchronized (pendingEvents) {
          pendingEvents.subList(0, batch.size()).clear();
        }
      }
      return response.statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException("webhook delivery failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during webhook delivery", e);
    }
  }

  private byte[] webhookBody(List<CompanyStore.Change> batch) {
    try {
      if (webhookFormat == WebhookFormat.LEGACY) {
        ObjectNode root = F.objectNode();
        ObjectNode notification = root.putArray("eventNotifications").addObject();
        notification.put("realmId", realmId);
        ArrayNode entities = notification.putObject("dataChangeEvent").putArray("entities");
        for (CompanyStore.Change c : batch) {
          ObjectNode e = entities.addObject();
          e.put("name", c.entity().entityName());
          e.put("id", c.id());
          e.put("operation", c.operation());
          e.put("lastUpdated", java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx")
              .format(c.at().atZone(store.base().zone())));
        }
        return JSON.writeValueAsBytes(root);
      }
      ArrayNode events = F.arrayNode();
      for (CompanyStore.Change c : batch) {
        ObjectNode e = events.addObject();
        e.put("specversion", "1.0");
        e.put("id", UUID.randomUUID().toString());
        e.put("source", "intuit.simulator");
        String op = switch (c.operation()) {
          case "Create" -> "created";
          case "Delete" -> "deleted";
          case "Void" -> "voided";
          default -> "updated";
        };
        e.put("type", "qbo." + c.entity().entityName().toLowerCase(java.util.Locale.ROOT) + "." + op + ".v1");
        e.put("datacontenttype", "application/json");
        e.put("time", c.at().toString());
        e.put("intuitentityid", c.id());
        e.put("intuitaccountid", realmId);
        e.putObject("data");
      }
      return JSON.writeValueAsBytes(events);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String sign(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(webhookVerifierToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  // ============================================================ HTTP

  private SimResponse handle(SimRequest request) {
    Optional<Router.Match> match = router.match(request);
    if (match.isEmpty()) {
      log.record(request.method(), "(unmatched)");
      return SimResponse.text(404, "text/plain", "Not Found");
    }
    log.record(request.method(), match.get().template());
    return match.get().handler().apply(match.get().request());
  }

  private SimResponse api(SimRequest r, java.util.function.Supplier<SimResponse> body) {
    String auth = r.header("Authorization").orElse("");
    Optional<String> tokenRealm = auth.regionMatches(true, 0, "Bearer ", 0, 7)
        ? tokens.realmOf(auth.substring(7).trim()) : Optional.empty();
    if (tokenRealm.isEmpty()) {
      return unauthorized();
    }
    if (!tokenRealm.get().equals(r.param("realm")) || !realmId.equals(r.param("realm"))) {
      return gatewayFault(403, "message=ApplicationAuthorizationFailed; errorCode=003100; statusCode=403",
          "ApplicationAuthorizationFailed", "3100", "SERVICE");
    }
    if (!countInWindow()) {
      return throttled();
    }
    if (!inFlight.tryAcquire()) {
      return throttled();
    }
    try {
      Duration d = latency;
      if (!d.isZero()) {
        sleeper.sleep(d);
      }
      return body.get().withHeader("intuit_tid", UUID.randomUUID().toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return SimResponse.empty(503);
    } finally {
      inFlight.release();
    }
  }

  private synchronized boolean countInWindow() {
    long minute = clock.instant().getEpochSecond() / 60;
    if (minute != windowMinute) {
      windowMinute = minute;
      windowCount = 0;
    }
    if (windowCount >= perMinuteLimit) {
      return false;
    }
    windowCount++;
    return true;
  }

  private SimResponse throttled() {
    return SimResponse.text(429, "application/xml",
        String.format(THROTTLE_XML, QboTime.response(clock.instant(), store.base().zone())));
  }

  private SimResponse unauthorized() {
    return gatewayFault(401, "message=AuthenticationFailed; errorCode=003200; statusCode=401",
        "Token expired: access token missing, invalid or expired", "3200", "AUTHENTICATION")
        .withHeader("WWW-Authenticate", "Bearer realm=\"Intuit\", error=\"invalid_token\"");
  }

  private SimResponse gatewayFault(int status, String message, String detail, String code, String type) {
    ObjectNode root = F.objectNode();
    root.putNull("warnings");
    root.putNull("intuitObject");
    ObjectNode fault = root.putObject("fault");
    ObjectNode error = fault.putArray("error").addObject();
    error.put("message", message);
    error.put("detail", detail);
    error.put("code", code);
    error.putNull("element");
    fault.put("type", type);
    root.putNull("report");
    root.putNull("queryResponse");
    root.putArray("batchItemResponse");
    root.putArray("attachableResponse");
    root.putNull("syncErrorResponse");
    root.putNull("requestId");
    root.put("time", clock.millis());
    root.putNull("status");
    root.putArray("cdcresponse");
    return json(status, root);
  }

  private SimResponse fault(String message, String detail, String code, String element) {
    ObjectNode root = F.objectNode();
    ObjectNode fault = root.putObject("Fault");
    ObjectNode error = fault.putArray("Error").addObject();
    error.put("Message", message);
    error.put("Detail", detail);
    error.put("code", code);
    if (element != null) {
      error.put("element", element);
    }
    fault.put("type", "ValidationFault");
    root.put("time", now());
    return json(400, root);
  }

  private String now() {
    return QboTime.response(clock.instant(), store.base().zone());
  }

  private static SimResponse json(int status, ObjectNode body) {
    try {
      return new SimResponse(status, "application/json;charset=UTF-8", JSON.writeValueAsBytes(body), Map.of());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private SimResponse query(String statement) {
    if (statement == null || statement.isBlank()) {
      return fault("Error parsing query", "QueryParserError: Encountered \"<EOF>\" at line 1, column 0.", "4000", null);
    }
    QboQuery q;
    try {
      q = QboQuery.parse(statement);
    } catch (QboQuery.ParseError e) {
      return fault("Error parsing query", e.getMessage(), "4000", null);
    }
    if (q.maxResults != null && q.maxResults < 1) {
      return fault("Invalid query", "QueryValidationError: value " + q.maxResults
          + " is too small. Min allowed value is 1", "4001", null);
    }
    ObjectNode root = F.objectNode();
    Optional<QboEntity> entity = QboEntity.byName(q.entity);
    if (entity.isEmpty()) {
      if (!OTHER_QUERYABLE.contains(q.entity)) {
        return fault("Invalid query", "QueryValidationError: invalid context declaration: " + q.entity, "4001", null);
      }
      root.putObject("QueryResponse");
    } else {
      root.set("QueryResponse", store.query(q, entity.get()));
    }
    root.put("time", now());
    return json(200, root);
  }

  private SimResponse readRoute(QboEntity entity, String id) {
    Optional<Long> n = parseId(id);
    if (n.isEmpty()) {
      return fault("Invalid ID", "Id should be a valid number. Supplied value:" + id, "2030", "Id");
    }
    Optional<ObjectNode> node = store.read(entity, n.get());
    if (node.isEmpty()) {
      return fault("Object Not Found", "Object Not Found : Something you're trying to use has been made inactive. "
          + "Check the fields with accounts, customers, items, vendors or employees.", "610", "");
    }
    ObjectNode root = F.objectNode();
    root.set(entity.entityName(), node.get());
    root.put("time", now());
    return json(200, root);
  }

  private SimResponse cdc(SimRequest r) {
    String entities = r.query().get("entities");
    String since = r.query().get("changedSince");
    if (entities == null || entities.isBlank() || since == null || since.isBlank()) {
      return fault("Required param missing, need to supply the required value for the API",
          "Required parameter entities and changedSince are missing in the request", "2020", null);
    }
    Instant changedSince;
    try {
      changedSince = QboTime.parse(since, store.base().zone());
    } catch (IllegalArgumentException e) {
      return fault("Invalid Date Time Format", "Invalid changedSince: " + since, "2040", "changedSince");
    }
    ObjectNode root = F.objectNode();
    ArrayNode responses = root.putArray("CDCResponse").addObject().putArray("QueryResponse");
    for (String name : entities.split(",")) {
      String trimmed = name.trim();
      Optional<QboEntity> entity = QboEntity.byName(trimmed);
      if (entity.isEmpty() && !OTHER_QUERYABLE.contains(trimmed)) {
        return fault("Invalid query", "QueryValidationError: invalid context declaration: " + trimmed, "4001", null);
      }
      responses.add(entity.isPresent() ? store.cdcQueryResponse(entity.get(), changedSince) : F.objectNode());
    }
    root.put("time", now());
    return json(200, root);
  }

  private SimResponse companyInfo() {
    CompanyData data = store.base();
    ObjectNode root = F.objectNode();
    ObjectNode info = root.putObject("CompanyInfo");
    info.put("CompanyName", data.companyName());
    info.put("LegalName", data.companyName());
    ObjectNode addr = info.putObject("CompanyAddr");
    addr.put("Id", "1");
    addr.put("Line1", "123 Sierra Way");
    addr.put("City", "San Pablo");
    addr.put("CountrySubDivisionCode", "CA");
    addr.put("PostalCode", "87999");
    info.put("Country", "US");
    info.putObject("Email").put("Address", "noreply@quickbooks.com");
    info.put("SupportedLanguages", "en");
    info.put("domain", "QBO");
    info.put("sparse", false);
    info.put("Id", "1");
    info.put("SyncToken", "4");
    ObjectNode meta = info.putObject("MetaData");
    meta.put("CreateTime", QboTime.meta(data.lastModified().minus(Duration.ofDays(400)), data.zone()));
    meta.put("LastUpdatedTime", QboTime.meta(data.lastModified(), data.zone()));
    root.put("time", now());
    return json(200, root);
  }

  private SimResponse preferences() {
    CompanyData data = store.base();
    ObjectNode root = F.objectNode();
    ObjectNode prefs = root.putObject("Preferences");
    ObjectNode currency = prefs.putObject("CurrencyPrefs");
    currency.put("MultiCurrencyEnabled", data.multiCurrencyEnabled());
    currency.putObject("HomeCurrency").put("value", data.homeCurrency());
    prefs.putObject("SalesFormsPrefs").put("AllowDiscount", true).put("AllowDeposit", true);
    prefs.put("domain", "QBO");
    prefs.put("sparse", false);
    prefs.put("Id", "1");
    prefs.put("SyncToken", "6");
    ObjectNode meta = prefs.putObject("MetaData");
    meta.put("CreateTime", QboTime.meta(data.lastModified().minus(Duration.ofDays(400)), data.zone()));
    meta.put("LastUpdatedTime", QboTime.meta(data.lastModified(), data.zone()));
    root.put("time", now());
    return json(200, root);
  }

  private SimResponse token(SimRequest r) {
    if (!clientAuthenticated(r)) {
      return SimResponse.text(401, "application/json;charset=UTF-8", "{\"error\":\"invalid_client\"}");
    }
    Map<String, String> form = LoopbackServer.parseQuery(r.bodyText());
    String grantType = form.getOrDefault("grant_type", "");
    Optional<TokenPair> pair;
    switch (grantType) {
      case "authorization_code":
        pair = tokens.exchangeCode(form.get("code"));
        break;
      case "refresh_token":
        pair = tokens.refresh(form.get("refresh_token"));
        break;
      default:
        return SimResponse.text(400, "application/json;charset=UTF-8", "{\"error\":\"unsupported_grant_type\"}");
    }
    if (pair.isEmpty()) {
      return SimResponse.text(400, "application/json;charset=UTF-8",
          "{\"error_description\":\"Token invalid\",\"error\":\"invalid_grant\"}");
    }
    ObjectNode body = F.objectNode();
    body.put("token_type", "bearer");
    body.put("expires_in", OAuthTokens.ACCESS_TOKEN_SECONDS);
    body.put("refresh_token", pair.get().refreshToken());
    body.put("x_refresh_token_expires_in", OAuthTokens.REFRESH_TOKEN_SECONDS);
    body.put("access_token", pair.get().accessToken());
    return json(200, body).withHeader("Cache-Control", "no-cache, no-store");
  }

  private SimResponse revoke(SimRequest r) {
    if (!clientAuthenticated(r)) {
      return SimResponse.text(401, "application/json;charset=UTF-8", "{\"error\":\"invalid_client\"}");
    }
    String token;
    try {
      token = JSON.readTree(r.body()).path("token").asText(null);
    } catch (IOException e) {
      token = null;
    }
    if (token == null) {
      return SimResponse.text(400, "application/json;charset=UTF-8", "{\"error\":\"invalid_request\"}");
    }
    tokens.revoke(token);
    return SimResponse.empty(200);
  }

  private boolean clientAuthenticated(SimRequest r) {
    String auth = r.header("Authorization").orElse("");
    if (!auth.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
      return decoded.equals(clientId + ":" + clientSecret);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    LoopbackServer s = server;
    return "QuickBooksSimulator[realmId=" + realmId + ", " + (s == null ? "stopped" : s.baseUrl()) + "]";
  }
}
