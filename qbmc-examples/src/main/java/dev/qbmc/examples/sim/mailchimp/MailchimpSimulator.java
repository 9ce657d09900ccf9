package dev.qbmc.examples.sim.mailchimp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qbmc.examples.sim.FaultInjector;
import dev.qbmc.examples.sim.Json;
import dev.qbmc.examples.sim.SimRequest;
import dev.qbmc.examples.sim.SimResponse;
import dev.qbmc.examples.sim.Simulator;
import dev.qbmc.examples.sim.SimulatorBuilder;
import dev.qbmc.examples.sim.Sleeper;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * A loopback Mailchimp Marketing API v3.0 for one account, following the documented behaviour
 * (not any client's assumptions); the routes and rules are listed in the
 * {@linkplain dev.qbmc.examples.sim.mailchimp package description}. Auth is HTTP Basic (any user,
 * the key as password) or {@code Bearer <key>}. At most {@link Builder#maxConnections(int)} requests
 * run at once, further ones get 429. {@link #faults()} replaces chosen responses with faults.
 * Thread-safe.
 *
 * <p>{@link #requestLog()} keys are method and route template, e.g.
 * {@code PUT /3.0/lists/{list_id}/members/{subscriber_hash}}, {@code POST /3.0/lists/{list_id}},
 * {@code PUT /3.0/ecommerce/stores/{store_id}/orders/{order_id}}, {@code POST /3.0/batches},
 * {@code GET /batch-results/{file}}, {@code (unmatched)}; requests refused with 401 or 429 are
 * counted too. Operations run inside a batch are counted under method {@code BATCH:PUT} etc. and
 * are not offered to {@link #faults()} but to {@link #batchOperationFaults()}.
 */
public final class MailchimpSimulator extends Simulator<MailchimpSimulator> {

  /** Path prefix of every API route. */
  public static final String ROOT = "/3.0";
  /** Path of the OAuth token endpoint on the login host ({@code https://login.mailchimp.com}). */
  public static final String OAUTH_TOKEN_PATH = "/oauth2/token";
  /** Path of the OAuth metadata endpoint on the login host. */
  public static final String OAUTH_METADATA_PATH = "/oauth2/metadata";

  private final Account account;
  private final String oauthClientId;
  private final String oauthClientSecret;
  private final MailchimpApi api;
  private final FaultInjector batchOperationFaults;

  private MailchimpSimulator(Builder b) {
    super("mailchimp-sim", b);
    this.account = new Account(b.apiKey, clock(), new EmailRules(b.fakeDomainSuffixes));
    this.oauthClientId = b.oauthClientId;
    this.oauthClientSecret = b.oauthClientSecret;
    Executor batchExecutor = b.batchExecutor != null ? b.batchExecutor : Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "mailchimp-sim-batches");
      t.setDaemon(true);
      return t;
    });
    this.batchOperationFaults = new FaultInjector(b.sleeper());
    this.api = new MailchimpApi(account, new MailchimpApi.Limits(b.maxConnections, b.bodilessThrottle), latency(),
        requestLog(), faults(), batchOperationFaults, batchExecutor,
        new LoginRoutes(account, oauthClientId, oauthClientSecret, this::loginUrl), this::host);
  }

  @Override
  protected SimResponse handle(SimRequest request) {
    return api.handle(request);
  }

  @Override
  protected MailchimpSimulator self() {
    return this;
  }

  /**
   * Starts a builder with the defaults: API key {@code 0123456789abcdef0123456789abcdef-us6},
   * system UTC clock, {@link Sleeper#none()}, no latency, 10 connections with a problem+json 429,
   * fake domain suffix {@code .invalid}, batches run on a background thread.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder of {@link MailchimpSimulator}. */
  public static final class Builder extends SimulatorBuilder<Builder> {
    private String apiKey = "0123456789abcdef0123456789abcdef-us6";
    private String oauthClientId = "sim-mailchimp-client-id";
    private String oauthClientSecret = "sim-mailchimp-client-secret";
    private int maxConnections = 10;
    private boolean bodilessThrottle;
    private List<String> fakeDomainSuffixes = List.of(".invalid");
    private Executor batchExecutor;

    private Builder() {
    }

    /**
     * Sets the only API key accepted.
     *
     * @param apiKey e.g. {@code key-us6}
     * @return this builder
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = requireText(apiKey, "apiKey");
      return this;
    }

    /**
     * Sets the OAuth app credentials the login host's token endpoint accepts (defaults {@code
     * sim-mailchimp-client-id} and {@code sim-mailchimp-client-secret}).
     *
     * @param clientId the client id
     * @param clientSecret the client secret
     * @return this builder
     */
    public Builder oauthClient(String clientId, String clientSecret) {
      if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
        throw new IllegalArgumentException("clientId and clientSecret must not be blank");
      }
      this.oauthClientId = clientId;
      this.oauthClientSecret = clientSecret;
      return this;
    }

    /**
     * Sets the simultaneous connection limit (Mailchimp: 10 per user).
     *
     * @param max at least 1
     * @return this builder
     */
    public Builder maxConnections(int max) {
      this.maxConnections = requirePositive(max, "maxConnections");
      return this;
    }

    /**
     * Makes the 429 over the connection limit bodiless (Mailchimp does this at very high volume).
     *
     * @param bodiless true for no body
     * @return this builder
     */
    public Builder bodilessThrottle(boolean bodiless) {
      this.bodilessThrottle = bodiless;
      return this;
    }

    /**
     * Sets the domain suffixes whose addresses "look fake" (default {@code .invalid}).
     *
     * @param suffixes e.g. {@code List.of(".invalid", "mailinator.com")}
     * @return this builder
     */
    public Builder fakeDomainSuffixes(List<String> suffixes) {
      this.fakeDomainSuffixes = List.copyOf(suffixes);
      return this;
    }

    /**
     * Sets where batch operations run; tests pass a queue they drain to observe
     * {@code pending -> started -> finished}, or {@code Runnable::run}.
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder batchExecutor(Executor executor) {
      this.batchExecutor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Builds the simulator (not started).
     *
     * @return the simulator
     */
    public MailchimpSimulator build() {
      return new MailchimpSimulator(this);
    }

    @Override
    protected Builder self() {
      return this;
    }

    private Sleeper sleeper() {
      return configuredSleeper();
    }
  }

  /**
   * The fault hook of the operations run inside {@code /batches} requests: each operation is offered
   * to its rules (routed, with its route template, e.g. {@code /3.0/lists/{list_id}/members/{subscriber_hash}})
   * and a fault's response becomes that operation's result ({@code status_code} and {@code
   * response}); a closed connection becomes a 500. The batch itself, its status and its results
   * download go through {@link #faults()}.
   *
   * @return the injector, without rules until some are added
   */
  public FaultInjector batchOperationFaults() {
    return batchOperationFaults;
  }

  // ============================================================ URLs and credentials

  /**
   * The API root URL, e.g. {@code http://127.0.0.1:54321/3.0} (Mailchimp's
   * {@code https://api.mailchimp.com/3.0}).
   *
   * @return the root URL without trailing slash
   * @throws IllegalStateException when not started
   */
  public String baseUrl() {
    return loginUrl() + ROOT;
  }

  /**
   * The accepted API key (a sandbox value).
   *
   * @return the key
   */
  public String apiKey() {
    return account.apiKey;
  }

  /**
   * The login host's base URL, standing in for {@code https://login.mailchimp.com}: it serves the
   * OAuth 2.0 token endpoint ({@code POST /oauth2/token}: {@code grant_type=authorization_code},
   * {@code client_id}, {@code client_secret}, {@code redirect_uri}, a single-use {@code code};
   * HTTP 400 {@code invalid_grant} or 401 {@code invalid_client} otherwise) and the legacy metadata
   * endpoint ({@code GET /oauth2/metadata} with {@code Authorization: OAuth <token>}, answering
   * {@code dc}, {@code accountname}, {@code login}, {@code api_endpoint}, or HTTP 200 with {@code
   * {"error":"invalid_token"}} for a bad token). The access token issued is the account's API key,
   * the only credential this single-account simulator accepts; like Mailchimp's, it never expires.
   *
   * @return the base URL without trailing slash
   * @throws IllegalStateException when not started
   */
  public String loginUrl() {
    return requireHost();
  }

  /**
   * The OAuth app client id the token endpoint accepts.
   *
   * @return the client id
   */
  public String oauthClientId() {
    return oauthClientId;
  }

  /**
   * The OAuth app client secret the token endpoint accepts (a sandbox value).
   *
   * @return the client secret
   */
  public String oauthClientSecret() {
    return oauthClientSecret;
  }

  /**
   * Mints a single-use authorization code, as if the user had approved the app on Mailchimp's
   * consent page; exchange it at {@link #OAUTH_TOKEN_PATH}.
   *
   * @return the code
   */
  public String mintOAuthCode() {
    return api.login.mintCode();
  }

  // ============================================================ direct access to the account

  /**
   * Creates an audience directly (same as a valid {@code POST /lists}).
   *
   * @param name the audience name
   * @return the new list id
   */
  public String createList(String name) {
    return api.lists.createDefault(Objects.requireNonNull(name, "name"));
  }

  /**
   * Adds or replaces a member with any status, bypassing the API rules (for pre-seeding, e.g. an
   * already unsubscribed or cleaned contact).
   *
   * @param listId the audience id
   * @param email the address
   * @param status any status including {@code unsubscribed}, {@code cleaned}, {@code archived}
   * @param tags active tags
   * @return the member snapshot
   */
  public MemberView seedMember(String listId, String email, String status, String... tags) {
    AudienceList list = account.requireList(listId);
    Objects.requireNonNull(status, "status");
    synchronized (list) {
      return list.view(list.seed(email, status, account.now(), tags));
    }
  }

  /**
   * Marks an address as permanently deleted ("forgotten"): it can never be added again by API.
   *
   * @param listId the audience id
   * @param email the address
   */
  public void forgetEmail(String listId, String email) {
    AudienceList list = account.requireList(listId);
    synchronized (list) {
      list.forget(email);
    }
  }

  /**
   * All audience ids.
   *
   * @return the ids in creation order of their ids
   */
  public List<String> listIds() {
    return account.lists.keySet().stream().sorted().toList();
  }

  /**
   * Every member of an audience.
   *
   * @param listId the audience id
   * @return snapshots in insertion order
   */
  public List<MemberView> members(String listId) {
    AudienceList list = account.requireList(listId);
    synchronized (list) {
      return list.members.values().stream().map(list::view).toList();
    }
  }

  /**
   * One member by address.
   *
   * @param listId the audience id
   * @param email the address (any case)
   * @return the snapshot if the member exists
   */
  public Optional<MemberView> member(String listId, String email) {
    AudienceList list = account.requireList(listId);
    synchronized (list) {
      return Optional.ofNullable(list.members.get(AudienceList.hash(email))).map(list::view);
    }
  }

  /**
   * The JSON of every e-commerce store.
   *
   * @return copies
   */
  public List<JsonNode> stores() {
    return account.stores.values().stream().map(s -> (JsonNode) s.info.deepCopy()).toList();
  }

  /**
   * The e-commerce customers of a store.
   *
   * @param storeId the store id
   * @return copies ordered by id
   */
  public List<JsonNode> customers(String storeId) {
    return account.requireStore(storeId).customers.values().stream().map(n -> (JsonNode) n.deepCopy()).toList();
  }

  /**
   * The products of a store.
   *
   * @param storeId the store id
   * @return copies ordered by id
   */
  public List<JsonNode> products(String storeId) {
    return account.requireStore(storeId).products.values().stream().map(n -> (JsonNode) n.deepCopy()).toList();
  }

  /**
   * The orders of a store, parsed from their compact stored form (with {@code order_total} etc.).
   *
   * @param storeId the store id
   * @return orders ordered by id
   */
  public List<JsonNode> orders(String storeId) {
    return account.requireStore(storeId).orders.values().stream().map(Json::parse).toList();
  }

  /**
   * Number of orders of a store, without parsing them.
   *
   * @param storeId the store id
   * @return the count
   */
  public int orderCount(String storeId) {
    return account.requireStore(storeId).orders.size();
  }

  @Override
  public String toString() {
    return "MailchimpSimulator[" + host().map(h -> h + ROOT).orElse("stopped") + ", apiKey=***]";
  }
}
