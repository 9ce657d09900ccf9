package dev.qbmc.examples.sim.quickbooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qbmc.examples.sim.Latency;
import dev.qbmc.examples.sim.MinuteWindow;
import dev.qbmc.examples.sim.SimRequest;
import dev.qbmc.examples.sim.SimResponse;
import dev.qbmc.examples.sim.Simulator;
import dev.qbmc.examples.sim.SimulatorBuilder;
import dev.qbmc.examples.sim.Sleeper;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A loopback QuickBooks Online sandbox for one company (realm), following the real API's
 * documented behaviour; the endpoints and rules are listed in the {@linkplain
 * dev.qbmc.examples.sim.quickbooks package description}.
 *
 * <p>Company data comes from a {@link CompanyData} (e.g. {@link GeneratedCompany} or
 * {@link SampleCompany}) and can be changed while running; each change bumps {@code SyncToken} and
 * {@code MetaData.LastUpdatedTime} from the injected clock. {@link #faults()} replaces chosen
 * responses with faults. Instances are thread-safe.
 *
 * <p>{@link #requestLog()} keys: {@code POST /oauth2/v1/tokens/bearer},
 * {@code POST /v2/oauth2/tokens/revoke}, {@code GET|POST /v3/company/{realm}/query},
 * {@code GET /v3/company/{realm}/cdc}, {@code GET /v3/company/{realm}/companyinfo/{id}},
 * {@code GET /v3/company/{realm}/preferences}, {@code GET /v3/company/{realm}/customer/{id}}
 * (likewise {@code item}, {@code invoice}, {@code salesreceipt}) and {@code (unmatched)}; throttled
 * and rejected requests count too.
 */
public final class QuickBooksSimulator extends Simulator<QuickBooksSimulator> {

  /** Query and read paths, for {@link #requestLog()} lookups. */
  public static final String QUERY_PATH = "/v3/company/{realm}/query";
  /** The CDC path template. */
  public static final String CDC_PATH = "/v3/company/{realm}/cdc";
  /** The token endpoint path. */
  public static final String TOKEN_PATH = "/oauth2/v1/tokens/bearer";
  /** The revoke endpoint path. */
  public static final String REVOKE_PATH = "/v2/oauth2/tokens/revoke";

  private final String realmId;
  private final String clientId;
  private final String clientSecret;
  private final CompanyStore store;
  private final OAuthTokens tokens;
  private final MinuteWindow window;
  private final WebhookDelivery webhooks;
  private final QuickBooksApi api;

  private QuickBooksSimulator(Builder b) {
    super("qbo-sim", b);
    this.realmId = b.realmId;
    this.clientId = b.clientId;
    this.clientSecret = b.clientSecret;
    this.window = new MinuteWindow(clock(), b.perMinuteLimit);
    this.tokens = new OAuthTokens(clock(), b.refreshTokenGrace);
    this.webhooks = b.webhookUrl == null ? null
        : new WebhookDelivery(b.webhookUrl, b.webhookVerifierToken, b.webhookFormat, realmId, b.company.zone());
    this.store = new CompanyStore(b.company, clock(), webhooks == null ? change -> { } : webhooks::enqueue);
    this.api = new QuickBooksApi(new QuickBooksApi.App(realmId, clientId, clientSecret), store, tokens, clock(),
        window, b.maxInFlight, latency(), requestLog(), faults());
  }

  @Override
  protected SimResponse handle(SimRequest request) {
    return api.handle(request);
  }

  @Override
  protected QuickBooksSimulator self() {
    return this;
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
  public static final class Builder extends SimulatorBuilder<Builder> {
    private String realmId = "9341453000000001";
    private String clientId = "sim-client-id";
    private String clientSecret = "sim-client-secret";
    private CompanyData company;
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
      this.refreshTokenGrace = Latency.requireNonNegative(grace);
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

    @Override
    protected Builder self() {
      return this;
    }
  }

  // ============================================================ lifecycle

  /**
   * The base URL of the API host, e.g. {@code http://127.0.0.1:54321} (API paths start with
   * {@code /v3/company/...}).
   *
   * @return the base URL
   * @throws IllegalStateException when not started
   */
  public String baseUrl() {
    return requireHost();
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
   * Changes the per-minute call limit.
   *
   * @param limit at least 1
   */
  public void setPerMinuteLimit(int limit) {
    window.setLimit(limit);
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
   * Serialises every entity of the base company now. Full reads ({@code ORDERBY Id}, no condition
   * but {@code Active IN (true, false)}) are always served from the entities serialised once (the
   * first read of each pays for it); calling this before a measured run moves that cost out of it,
   * so a benchmark measures the client. Keeps about 1 KB per entity for the simulator's life.
   */
  public void preSerialise() {
    for (SimEntity entity : SimEntity.values()) {
      store.preSerialise(entity);
    }
  }

  /**
   * Reads the current state of an entity.
   *
   * @param entity the entity type
   * @param id the Id
   * @return a copy of the entity JSON, empty when absent or deleted
   */
  public Optional<ObjectNode> read(SimEntity entity, String id) {
    return store.read(entity, id);
  }

  /**
   * Creates an entity with the next Id, {@code SyncToken "0"} and MetaData from the clock.
   *
   * @param entity the entity type
   * @param fields the QBO JSON fields (PascalCase); Id, SyncToken and MetaData are ignored
   * @return the created entity
   */
  public ObjectNode create(SimEntity entity, ObjectNode fields) {
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
  public ObjectNode update(SimEntity entity, String id, Consumer<ObjectNode> change) {
    Objects.requireNonNull(change, "change");
    return store.update(entity, CompanyStore.requireId(id), change, "Update");
  }

  /**
   * Adds a customer.
   *
   * @param displayName the unique display name
   * @param email the {@code PrimaryEmailAddr.Address}, or null for none
   * @return the created customer
   */
  public ObjectNode addCustomer(String displayName, String email) {
    Objects.requireNonNull(displayName, "displayName");
    return create(SimEntity.CUSTOMER, CompanyEdits.customer(displayName, email, store.base().homeCurrency()));
  }

  /**
   * Adds an item of type {@code Service}.
   *
   * @param name the unique name
   * @param unitPrice the unit price
   * @return the created item
   */
  public ObjectNode addItem(String name, BigDecimal unitPrice) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unitPrice, "unitPrice");
    return create(SimEntity.ITEM, CompanyEdits.serviceItem(name, unitPrice));
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
    return create(SimEntity.INVOICE, document(SimEntity.INVOICE, customerId, itemId, quantity, unitPrice));
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
    return create(SimEntity.SALES_RECEIPT, document(SimEntity.SALES_RECEIPT, customerId, itemId, quantity, unitPrice));
  }

  private ObjectNode document(SimEntity entity, String customerId, String itemId, int quantity, BigDecimal unitPrice) {
    return CompanyEdits.document(store, clock().instant(), entity, customerId, itemId, quantity, unitPrice);
  }

  /**
   * Makes a customer inactive the way QBO "deletes" one: {@code Active:false} and
   * {@code " (deleted)"} appended to DisplayName and FullyQualifiedName.
   *
   * @param customerId the customer Id
   * @return the updated customer
   */
  public ObjectNode makeCustomerInactive(String customerId) {
    return store.update(SimEntity.CUSTOMER, CompanyStore.requireId(customerId), CompanyEdits::makeInactive,
        "Update");
  }

  /**
   * Voids an invoice or sales receipt exactly as QBO does: same Id, SyncToken + 1,
   * {@code PrivateNote "Voided"}, every line Amount (and Qty) 0, TotalAmt 0, Balance 0.
   *
   * @param entity {@link SimEntity#INVOICE} or {@link SimEntity#SALES_RECEIPT}
   * @param id the transaction Id
   * @return the voided transaction
   */
  public ObjectNode voidTransaction(SimEntity entity, String id) {
    CompanyEdits.requireTransaction(entity);
    return store.update(entity, CompanyStore.requireId(id), CompanyEdits::applyVoid, "Void");
  }

  /**
   * Hard-deletes an invoice or sales receipt: reads fail afterwards and CDC shows it as
   * {@code status:"Deleted"}.
   *
   * @param entity {@link SimEntity#INVOICE} or {@link SimEntity#SALES_RECEIPT}
   * @param id the transaction Id
   */
  public void deleteTransaction(SimEntity entity, String id) {
    CompanyEdits.requireTransaction(entity);
    store.delete(entity, CompanyStore.requireId(id));
  }

  // ============================================================ webhooks

  /**
   * Number of changes waiting to be delivered as webhooks.
   *
   * @return the count (always 0 without webhook configuration)
   */
  public int pendingWebhookEvents() {
    return webhooks == null ? 0 : webhooks.pendingCount();
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
    if (webhooks == null) {
      throw new IllegalStateException("webhooks are not configured");
    }
    return webhooks.deliver();
  }

  @Override
  public String toString() {
    return "QuickBooksSimulator[realmId=" + realmId + ", " + host().orElse("stopped") + "]";
  }
}
