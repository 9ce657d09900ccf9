package dev.qbmc.examples.sim.mailchimp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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
import dev.qbmc.examples.sim.TarGzWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback Mailchimp Marketing API v3.0 for one account, following the documented behaviour
 * (not any client's assumptions). Routes under {@code /3.0}:
 *
 * <ul>
 *   <li>{@code GET /}, {@code GET /ping}; lists {@code GET|POST /lists}, {@code GET /lists/{id}}
 *       (with {@code stats.member_count}); {@code GET /lists/{id}/merge-fields} (FNAME, LNAME,
 *       ADDRESS, PHONE).</li>
 *   <li>Members: {@code GET /lists/{id}/members} ({@code status}, {@code since_last_changed},
 *       {@code count}, {@code offset}), {@code POST}, and {@code GET|PUT|PATCH|DELETE
 *       /lists/{id}/members/{hash}}. {@code status_if_new} applies only to new contacts;
 *       {@code status:"subscribed"} on an unsubscribed or cleaned member is refused with
 *       {@code Member In Compliance State}; forgotten addresses get {@code Forgotten Email Not
 *       Subscribed}; fake addresses (bad syntax or a configured domain suffix, default
 *       {@code .invalid}) and, on imports, role-based addresses get {@code Invalid Resource "...
 *       looks fake or invalid..."}; an incomplete ADDRESS gets {@code Invalid Resource} with
 *       {@code errors[{field:"ADDRESS"}]}; a path hash that is not the MD5 of the lower-cased
 *       address gets {@code Member Exists}.</li>
 *   <li>Batch subscribe {@code POST /lists/{id}} (at most 500 members, {@code update_existing});
 *       tags {@code POST /lists/{id}/members/{hash}/tags}; static tag segments
 *       {@code GET /lists/{id}/segments} and {@code GET /lists/{id}/segments/{segment_id}/members}.</li>
 *   <li>E-commerce {@code /ecommerce/stores[/{store_id}]} (POST, GET, PATCH, DELETE: deleting a
 *       store removes its customers, products and orders, never an audience member); customers
 *       (PUT creates or updates the audience member: a new contact becomes {@code subscribed} when
 *       {@code opt_in_status} is true, else {@code transactional}; an existing member's status is
 *       never changed); products (PUT/POST/GET/DELETE with variants); orders (PUT/POST/PATCH/GET/DELETE;
 *       unknown products, variants or customers are refused).</li>
 *   <li>{@code POST /batches} (operation bodies are JSON strings), run on the configured executor
 *       ({@code pending -> started -> finished}); {@code GET /batches/{id}} with counts and a
 *       {@code response_body_url} serving a tar.gz of JSON result files.</li>
 * </ul>
 *
 * <p>Errors are {@code application/problem+json}. Auth is HTTP Basic (any user, the key as
 * password) or {@code Bearer <key>}. At most {@link Builder#maxConnections(int)} requests run at
 * once, further ones get 429. Thread-safe.
 */
public final class MailchimpSimulator implements AutoCloseable {

  /** Path prefix of every API route. */
  public static final String ROOT = "/3.0";
  private static final String RESULTS_PREFIX = "/batch-results/";
  /** Path of the OAuth token endpoint on the login host ({@code https://login.mailchimp.com}). */
  public static final String OAUTH_TOKEN_PATH = "/oauth2/token";
  /** Path of the OAuth metadata endpoint on the login host. */
  public static final String OAUTH_METADATA_PATH = "/oauth2/metadata";
  private static final String BATCH_HEADER = "x-qbmc-sim-batch-operation";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final int MAX_BATCH_SUBSCRIBE = 500;

  private final String apiKey;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Semaphore connections;
  private final int maxConnections;
  private final boolean bodilessThrottle;
  private final EmailRules rules;
  private final Executor batchExecutor;
  private final RequestLog log = new RequestLog();
  private final Router router = new Router();
  private final Map<String, AudienceList> lists = new ConcurrentHashMap<>();
  private final Map<String, EcommerceStore> stores = new ConcurrentHashMap<>();
  private final Map<String, BatchJob> batches = new ConcurrentHashMap<>();
  private final Map<String, Boolean> oauthCodes = new ConcurrentHashMap<>();
  private final String oauthClientId;
  private final String oauthClientSecret;
  private final AtomicLong idCounter = new AtomicLong(0x3a7f00);
  private volatile Duration latency;
  private volatile LoopbackServer server;

  private static final class BatchJob {
    final String id;
    final Instant submittedAt;
    final int total;
    volatile String status = "pending";
    final AtomicInteger finished = new AtomicInteger();
    final AtomicInteger errored = new AtomicInteger();
    volatile Instant completedAt;
    volatile byte[] results;

    BatchJob(String id, Instant submittedAt, int total) {
      this.id = id;
      this.submittedAt = submittedAt;
      this.total = total;
    }
  }

  private MailchimpSimulator(Builder b) {
    this.apiKey = b.apiKey;
    this.oauthClientId = b.oauthClientId;
    this.oauthClientSecret = b.oauthClientSecret;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.latency = b.latency;
    this.maxConnections = b.maxConnections;
    this.connections = new Semaphore(b.maxConnections);
    this.bodilessThrottle = b.bodilessThrottle;
    this.rules = new EmailRules(b.fakeDomainSuffixes);
    this.batchExecutor = b.batchExecutor != null ? b.batchExecutor : Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "mailchimp-sim-batches");
      t.setDaemon(true);
      return t;
    });
    routes();
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
  public static final class Builder {
    private String apiKey = "0123456789abcdef0123456789abcdef-us6";
    private String oauthClientId = "sim-mailchimp-client-id";
    private String oauthClientSecret = "sim-mailchimp-client-secret";
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.none();
    private Duration latency = Duration.ZERO;
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
      if (apiKey == null || apiKey.isBlank()) {
        throw new IllegalArgumentException("apiKey must not be blank");
      }
      this.apiKey = apiKey;
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
     * Sets the clock for timestamps ({@code last_changed}, batch times).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the sleeper used for the latency (called while the request holds its connection slot).
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Sets the latency of every API call.
     *
     * @param latency zero or more
     * @return this builder
     */
    public Builder latency(Duration latency) {
      this.latency = nonNegative(latency);
      return this;
    }

    /**
     * Sets the simultaneous connection limit (Mailchimp: 10 per user).
     *
     * @param max at least 1
     * @return this builder
     */
    public Builder maxConnections(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxConnections must be >= 1, was " + max);
      }
      this.maxConnections = max;
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
  }

  private static Duration nonNegative(Duration d) {
    if (d == null || d.isNegative()) {
      throw new IllegalArgumentException("duration must be zero or positive: " + d);
    }
    return d;
  }

  // ============================================================ lifecycle and inspection

  /**
   * Binds 127.0.0.1 on an ephemeral port and starts serving.
   *
   * @return this simulator
   */
  public synchronized MailchimpSimulator start() {
    if (server == null) {
      server = LoopbackServer.start("mailchimp-sim", this::handle);
    }
    return this;
  }

  /**
   * The API root URL, e.g. {@code http://127.0.0.1:54321/3.0} (Mailchimp's
   * {@code https://api.mailchimp.com/3.0}).
   *
   * @return the root URL without trailing slash
   * @throws IllegalStateException when not started
   */
  public String baseUrl() {
    LoopbackServer s = server;
    if (s == null) {
      throw new IllegalStateException("simulator not started");
    }
    return s.baseUrl() + ROOT;
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
   * The accepted API key (a sandbox value).
   *
   * @return the key
   */
  public String apiKey() {
    return apiKey;
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
    LoopbackServer s = server;
    if (s == null) {
      throw new IllegalStateException("simulator not started");
    }
    return s.baseUrl();
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
    String code = "mc-code-" + Long.toHexString(idCounter.incrementAndGet()) + HexFormat.of().toHexDigits(System.nanoTime());
    oauthCodes.put(code, Boolean.TRUE);
    return code;
  }

  /**
   * Counts per method and route template, e.g. {@code PUT /3.0/lists/{list_id}/members/{subscriber_hash}},
   * {@code POST /3.0/lists/{list_id}}, {@code PUT /3.0/ecommerce/stores/{store_id}/orders/{order_id}},
   * {@code POST /3.0/batches}, {@code GET /batch-results/{file}}, {@code (unmatched)}; requests refused
   * with 401 or 429 are counted too. Operations run inside a batch are counted under method
   * {@code BATCH:PUT} etc.
   *
   * @return the live log
   */
  public RequestLog requestLog() {
    return log;
  }

  /**
   * Changes the latency of subsequent calls.
   *
   * @param latency zero or more
   */
  public void setLatency(Duration latency) {
    this.latency = nonNegative(latency);
  }

  /**
   * Creates an audience directly (same as a valid {@code POST /lists}).
   *
   * @param name the audience name
   * @return the new list id
   */
  public String createList(String name) {
    ObjectNode body = F.objectNode();
    body.put("name", Objects.requireNonNull(name, "name"));
    body.putObject("contact").put("company", "Simulated Co").put("address1", "675 Ponce de Leon Ave NE")
        .put("city", "Atlanta").put("state", "GA").put("zip", "30308").put("country", "US");
    body.put("permission_reminder", "You bought from us.");
    body.putObject("campaign_defaults").put("from_name", "Simulated Co").put("from_email", "news@example.org")
        .put("subject", "").put("language", "en");
    body.put("email_type_option", false);
    return createListFrom(body).path("id").asText();
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
    AudienceList list = requireList(listId);
    synchronized (list) {
      String hash = AudienceList.hash(email);
      AudienceList.Member m = new AudienceList.Member(email, hash, HexFormat.of().toHexDigits(hash.hashCode()),
          "c" + hash.substring(0, 12));
      m.status = Objects.requireNonNull(status, "status");
      m.mergeFields = F.objectNode();
      for (String tag : AudienceList.MERGE_TAGS) {
        m.mergeFields.put(tag, "");
      }
      m.lastChanged = clock.instant();
      m.signup = m.lastChanged;
      m.source = "Import";
      list.members.put(hash, m);
      for (String t : tags) {
        list.setTag(m, t, true, m.lastChanged);
      }
      return list.view(m);
    }
  }

  /**
   * Marks an address as permanently deleted ("forgotten"): it can never be added again by API.
   *
   * @param listId the audience id
   * @param email the address
   */
  public void forgetEmail(String listId, String email) {
    AudienceList list = requireList(listId);
    synchronized (list) {
      String hash = AudienceList.hash(email);
      list.members.remove(hash);
      list.forgotten.add(hash);
    }
  }

  /**
   * All audience ids.
   *
   * @return the ids in creation order of their ids
   */
  public List<String> listIds() {
    return lists.keySet().stream().sorted().toList();
  }

  /**
   * Every member of an audience.
   *
   * @param listId the audience id
   * @return snapshots in insertion order
   */
  public List<MemberView> members(String listId) {
    AudienceList list = requireList(listId);
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
    AudienceList list = requireList(listId);
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
    return stores.values().stream().map(s -> (JsonNode) s.info.deepCopy()).toList();
  }

  /**
   * The e-commerce customers of a store.
   *
   * @param storeId the store id
   * @return copies ordered by id
   */
  public List<JsonNode> customers(String storeId) {
    return requireStore(storeId).customers.values().stream().map(n -> (JsonNode) n.deepCopy()).toList();
  }

  /**
   * The products of a store.
   *
   * @param storeId the store id
   * @return copies ordered by id
   */
  public List<JsonNode> products(String storeId) {
    return requireStore(storeId).products.values().stream().map(n -> (JsonNode) n.deepCopy()).toList();
  }

  /**
   * The orders of a store, parsed from their compact stored form (with {@code order_total} etc.).
   *
   * @param storeId the store id
   * @return orders ordered by id
   */
  public List<JsonNode> orders(String storeId) {
    return requireStore(storeId).orders.values().stream().map(MailchimpSimulator::parse).toList();
  }

  /**
   * Number of orders of a store, without parsing them.
   *
   * @param storeId the store id
   * @return the count
   */
  public int orderCount(String storeId) {
    return requireStore(storeId).orders.size();
  }

  private AudienceList requireList(String listId) {
    AudienceList list = lists.get(Objects.requireNonNull(listId, "listId"));
    if (list == null) {
      throw new IllegalArgumentException("no such list: " + listId);
    }
    return list;
  }

  private EcommerceStore requireStore(String storeId) {
    EcommerceStore store = stores.get(Objects.requireNonNull(storeId, "storeId"));
    if (store == null) {
      throw new IllegalArgumentException("no such store: " + storeId);
    }
    return store;
  }

  // ============================================================ HTTP plumbing

  private void routes() {
    router.add("GET", ROOT + "/", r -> ok(accountRoot()));
    router.add("GET", ROOT, r -> ok(accountRoot()));
    router.add("GET", ROOT + "/ping", r -> ok(F.objectNode().put("health_status", "Everything's Chimpy!")));
    router.add("GET", ROOT + "/lists", this::getLists);
    router.add("POST", ROOT + "/lists", r -> ok(createListFrom(body(r))));
    router.add("GET", ROOT + "/lists/{list_id}", r -> ok(listJson(list(r))));
    router.add("POST", ROOT + "/lists/{list_id}", this::batchSubscribe);
    router.add("GET", ROOT + "/lists/{list_id}/merge-fields", this::mergeFields);
    router.add("GET", ROOT + "/lists/{list_id}/members", this::getMembers);
    router.add("POST", ROOT + "/lists/{list_id}/members", this::postMember);
    router.add("GET", ROOT + "/lists/{list_id}/members/{subscriber_hash}", this::getMember);
    router.add("PUT", ROOT + "/lists/{list_id}/members/{subscriber_hash}", r -> writeMember(r, true));
    router.add("PATCH", ROOT + "/lists/{list_id}/members/{subscriber_hash}", r -> writeMember(r, false));
    router.add("DELETE", ROOT + "/lists/{list_id}/members/{subscriber_hash}", this::archiveMember);
    router.add("POST", ROOT + "/lists/{list_id}/members/{subscriber_hash}/tags", this::memberTags);
    router.add("GET", ROOT + "/lists/{list_id}/segments", this::segments);
    router.add("GET", ROOT + "/lists/{list_id}/segments/{segment_id}/members", this::segmentMembers);
    router.add("GET", ROOT + "/ecommerce/stores", this::getStores);
    router.add("POST", ROOT + "/ecommerce/stores", this::postStore);
    router.add("GET", ROOT + "/ecommerce/stores/{store_id}", r -> ok(store(r).info.deepCopy()));
    router.add("PATCH", ROOT + "/ecommerce/stores/{store_id}", this::patchStore);
    router.add("DELETE", ROOT + "/ecommerce/stores/{store_id}", this::deleteStore);
    router.add("GET", ROOT + "/ecommerce/stores/{store_id}/customers", r -> page(r, "customers", store(r).customers));
    router.add("GET", ROOT + "/ecommerce/stores/{store_id}/customers/{customer_id}",
        r -> ok(found(store(r).customers.get(r.param("customer_id"))).deepCopy()));
    router.add("PUT", ROOT + "/ecommerce/stores/{store_id}/customers/{customer_id}",
        r -> ok(putCustomer(store(r), r.param("customer_id"), body(r), true)));
    router.add("PATCH", ROOT + "/ecommerce/stores/{store_id}/customers/{customer_id}",
        r -> ok(putCustomer(store(r), r.param("customer_id"), body(r), false)));
    router.add("POST", ROOT + "/ecommerce/stores/{store_id}/customers", r -> postCustomer(store(r), body(r)));
    router.add("DELETE", ROOT + "/ecommerce/stores/{store_id}/customers/{customer_id}",
        r -> deleted(store(r).customers.remove(r.param("customer_id"))));
    router.add("GET", ROOT + "/ecommerce/stores/{store_id}/products", r -> page(r, "products", store(r).products));
    router.add("GET", ROOT + "/ecommerce/stores/{store_id}/products/{product_id}",
        r -> ok(found(store(r).products.get(r.param("product_id"))).deepCopy()));
    router.add("PUT", ROOT + "/ecommerce/stores/{store_id}/products/{product_id}",
        r -> ok(putProduct(store(r), r.param("product_id"), body(r), true)));
    router.add("PATCH", ROOT + "/ecommerce/stores/{store_id}/products/{product_id}",
        r -> ok(putProduct(store(r), r.param("product_id"), body(r), false)));
    router.add("POST", ROOT + "/ecommerce/stores/{store_id}/products", r -> postProduct(store(r), body(r)));
    router.add("DELETE", ROOT + "/ecommerce/stores/{store_id}/products/{product_id}",
        r -> deleted(store(r).products.remove(r.param("product_id"))));
    router.add("GET", ROOT + "/ecommerce/stores/{store_id}/orders", this::getOrders);
    router.add("GET", ROOT + "/ecommerce/stores/{store_id}/orders/{order_id}",
        r -> ok(orderJson(store(r), found(store(r).orders.get(r.param("order_id"))))));
    router.add("PUT", ROOT + "/ecommerce/stores/{store_id}/orders/{order_id}",
        r -> ok(putOrder(store(r), r.param("order_id"), body(r), true)));
    router.add("PATCH", ROOT + "/ecommerce/stores/{store_id}/orders/{order_id}",
        r -> ok(putOrder(store(r), r.param("order_id"), body(r), false)));
    router.add("POST", ROOT + "/ecommerce/stores/{store_id}/orders", r -> postOrder(store(r), body(r)));
    router.add("DELETE", ROOT + "/ecommerce/stores/{store_id}/orders/{order_id}",
        r -> deleted(store(r).orders.remove(r.param("order_id"))));
    router.add("POST", ROOT + "/batches", this::postBatch);
    router.add("GET", ROOT + "/batches", this::getBatches);
    router.add("GET", ROOT + "/batches/{batch_id}", r -> ok(batchJson(found(batches.get(r.param("batch_id"))))));
    router.add("DELETE", ROOT + "/batches/{batch_id}", r -> deleted(batches.remove(r.param("batch_id"))));
    router.add("GET", RESULTS_PREFIX + "{file}", this::batchResults);
    router.add("POST", OAUTH_TOKEN_PATH, this::oauthToken);
    router.add("GET", OAUTH_METADATA_PATH, this::oauthMetadata);
  }

  private SimResponse oauthToken(SimRequest r) {
    Map<String, String> form = new HashMap<>();
    for (String pair : r.bodyText().split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    if (!oauthClientId.equals(form.get("client_id")) || !oauthClientSecret.equals(form.get("client_secret"))) {
      return json(401, F.objectNode().put("error", "invalid_client").put("error_description", "Invalid client"));
    }
    String code = form.getOrDefault("code", "");
    if (!"authorization_code".equals(form.get("grant_type")) || form.get("redirect_uri") == null
        || oauthCodes.remove(code) == null) {
      return json(400, F.objectNode().put("error", "invalid_grant")
          .put("error_description", "Invalid authorization code"));
    }
    return json(200, F.objectNode().put("access_token", apiKey).put("expires_in", 0).putNull("scope"));
  }

  private SimResponse oauthMetadata(SimRequest r) {
    String auth = r.header("Authorization").orElse("");
    if (!auth.regionMatches(true, 0, "OAuth ", 0, 6) || !auth.substring(6).trim().equals(apiKey)) {
      return json(200, F.objectNode().put("error", "invalid_token"));
    }
    String dc = apiKey.substring(apiKey.lastIndexOf('-') + 1);
    ObjectNode body = F.objectNode().put("dc", dc).put("role", "owner").put("accountname", "Simulated Co")
        .put("user_id", 3_000_001).put("login_url", loginUrl()).put("api_endpoint", loginUrl());
    body.putObject("login").put("email", "owner@example.org").put("login_id", 3_000_001)
        .put("login_name", "owner").put("login_email", "owner@example.org");
    return json(200, body);
  }

  private static SimResponse json(int status, ObjectNode body) {
    try {
      return new SimResponse(status, "application/json; charset=utf-8", JSON.writeValueAsBytes(body), Map.of());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private SimResponse handle(SimRequest incoming) {
    Map<String, List<String>> headers = new HashMap<>(incoming.headers());
    headers.remove(BATCH_HEADER);
    SimRequest request = new SimRequest(incoming.method(), incoming.path(), incoming.query(), Map.copyOf(headers),
        incoming.body(), Map.of());
    Optional<Router.Match> match = router.match(request);
    String template = match.map(Router.Match::template).orElse("(unmatched)");
    log.record(request.method(), template);
    if (template.startsWith(RESULTS_PREFIX) || template.equals(OAUTH_TOKEN_PATH)
        || template.equals(OAUTH_METADATA_PATH)) {
      return match.get().handler().apply(match.get().request());
    }
    if (!connections.tryAcquire()) {
      return bodilessThrottle ? SimResponse.empty(429) : problem(new ApiProblem(429, "Too Many Requests",
          "You have exceeded the limit of " + maxConnections + " simultaneous connections.", List.of()));
    }
    try {
      Duration d = latency;
      if (!d.isZero()) {
        sleeper.sleep(d);
      }
      if (!authorized(request)) {
        return problem(new ApiProblem(401, "API Key Invalid",
            "Your API key may be invalid, or you've attempted to access the wrong datacenter.", List.of()));
      }
      if (match.isEmpty()) {
        return problem(router.knowsPath(request.path())
            ? new ApiProblem(405, "Method Not Allowed", "The requested method and resource are not compatible.",
                List.of())
            : ApiProblem.notFound());
      }
      return run(match.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return SimResponse.empty(503);
    } finally {
      connections.release();
    }
  }

  private SimResponse run(Router.Match match) {
    try {
      return match.handler().apply(match.request());
    } catch (ApiProblem p) {
      return problem(p);
    }
  }

  private boolean authorized(SimRequest r) {
    String auth = r.header("Authorization").orElse("");
    if (auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return auth.substring(7).trim().equals(apiKey);
    }
    if (auth.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon >= 0 && decoded.substring(colon + 1).equals(apiKey);
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    return false;
  }

  private static SimResponse problem(ApiProblem p) {
    try {
      return new SimResponse(p.status, "application/problem+json; charset=utf-8", JSON.writeValueAsBytes(p.toJson()),
          Map.of());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SimResponse ok(JsonNode body) {
    try {
      return new SimResponse(200, "application/json; charset=utf-8", JSON.writeValueAsBytes(body), Map.of());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SimResponse deleted(Object removed) {
    if (removed == null) {
      throw ApiProblem.notFound();
    }
    return SimResponse.empty(204);
  }

  private static <T> T found(T value) {
    if (value == null) {
      throw ApiProblem.notFound();
    }
    return value;
  }

  private static ObjectNode body(SimRequest r) {
    try {
      JsonNode node = JSON.readTree(r.body());
      if (node == null || !node.isObject()) {
        throw new ApiProblem(400, "JSON Parse Exception", "We encountered an unspecified JSON parsing error.",
            List.of());
      }
      return (ObjectNode) node;
    } catch (IOException e) {
      throw new ApiProblem(400, "JSON Parse Exception", "We encountered an unspecified JSON parsing error.", List.of());
    }
  }

  private static JsonNode parse(byte[] bytes) {
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int[] paging(SimRequest r) {
    int count = 10;
    int offset = 0;
    try {
      if (r.query().containsKey("count")) {
        count = Integer.parseInt(r.query().get("count"));
      }
      if (r.query().containsKey("offset")) {
        offset = Integer.parseInt(r.query().get("offset"));
      }
    } catch (NumberFormatException e) {
      throw ApiProblem.invalidFields(new ApiProblem.FieldError("count", "Must be an integer"));
    }
    if (count < 1 || count > 1000 || offset < 0) {
      throw ApiProblem.invalidFields(new ApiProblem.FieldError("count", "count must be between 1 and 1000"));
    }
    return new int[] {count, offset};
  }

  private static SimResponse page(SimRequest r, String key, Map<String, ObjectNode> items) {
    int[] p = paging(r);
    ObjectNode out = F.objectNode();
    ArrayNode array = out.putArray(key);
    items.values().stream().skip(p[1]).limit(p[0]).forEach(n -> array.add(n.deepCopy()));
    out.put("store_id", r.param("store_id"));
    out.put("total_items", items.size());
    return ok(out);
  }

  private String newId() {
    return HexFormat.of().toHexDigits(idCounter.incrementAndGet()).substring(6);
  }

  // ============================================================ account and lists

  private ObjectNode accountRoot() {
    ObjectNode root = F.objectNode();
    root.put("account_id", "8d3a3db4d97663a9074efcc16");
    root.put("login_id", "148268149");
    root.put("account_name", "Simulated Co");
    root.put("email", "owner@example.org");
    root.put("first_name", "Sim");
    root.put("last_name", "Owner");
    root.put("username", "simowner");
    root.put("role", "owner");
    root.put("member_since", "2020-01-01T00:00:00+00:00");
    root.put("pricing_plan_type", "monthly");
    root.put("account_timezone", "America/New_York");
    root.put("account_industry", "Retail");
    root.putObject("contact").put("company", "Simulated Co").put("addr1", "675 Ponce de Leon Ave NE")
        .put("city", "Atlanta").put("state", "GA").put("zip", "30308").put("country", "US");
    root.put("pro_enabled", false);
    root.put("last_login", clock.instant().toString());
    int total = 0;
    for (AudienceList l : lists.values()) {
      synchronized (l) {
        total += l.count("subscribed");
      }
    }
    root.put("total_subscribers", total);
    root.putObject("industry_stats").put("open_rate", 0.25).put("bounce_rate", 0.01).put("click_rate", 0.03);
    return root;
  }

  private ObjectNode createListFrom(ObjectNode body) {
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    for (String field : List.of("name", "permission_reminder")) {
      if (body.path(field).asText("").isBlank()) {
        errors.add(new ApiProblem.FieldError(field, "This value should not be blank."));
      }
    }
    if (!body.path("email_type_option").isBoolean()) {
      errors.add(new ApiProblem.FieldError("email_type_option", "This value should not be blank."));
    }
    for (String field : List.of("company", "address1", "city", "state", "zip", "country")) {
      if (body.path("contact").path(field).asText("").isBlank()) {
        errors.add(new ApiProblem.FieldError("contact." + field, "This value should not be blank."));
      }
    }
    for (String field : List.of("from_name", "from_email", "subject", "language")) {
      if (!body.path("campaign_defaults").path(field).isTextual()) {
        errors.add(new ApiProblem.FieldError("campaign_defaults." + field, "This value should not be blank."));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.invalidFields(errors.toArray(new ApiProblem.FieldError[0]));
    }
    String id = newId();
    ObjectNode info = body.deepCopy();
    info.put("id", id);
    info.put("web_id", Math.abs(id.hashCode() % 100000));
    info.put("date_created", clock.instant().toString());
    info.put("list_rating", 0);
    info.put("double_optin", body.path("double_optin").asBoolean(false));
    AudienceList list = new AudienceList(id, info, clock.instant());
    lists.put(id, list);
    return listJson(list);
  }

  private AudienceList list(SimRequest r) {
    return found(lists.get(r.param("list_id")));
  }

  private ObjectNode listJson(AudienceList list) {
    synchronized (list) {
      ObjectNode node = list.info.deepCopy();
      ObjectNode stats = node.putObject("stats");
      stats.put("member_count", list.count("subscribed"));
      stats.put("unsubscribe_count", list.count("unsubscribed"));
      stats.put("cleaned_count", list.count("cleaned"));
      stats.put("total_contacts", list.members.size());
      stats.put("merge_field_count", AudienceList.MERGE_TAGS.size());
      return node;
    }
  }

  private SimResponse getLists(SimRequest r) {
    int[] p = paging(r);
    ObjectNode out = F.objectNode();
    ArrayNode array = out.putArray("lists");
    lists.values().stream().sorted((a, b) -> a.id.compareTo(b.id)).skip(p[1]).limit(p[0])
        .forEach(l -> array.add(listJson(l)));
    out.put("total_items", lists.size());
    return ok(out);
  }

  private SimResponse mergeFields(SimRequest r) {
    AudienceList list = list(r);
    ObjectNode out = F.objectNode();
    ArrayNode array = out.putArray("merge_fields");
    String[][] defs = {{"FNAME", "First Name", "text"}, {"LNAME", "Last Name", "text"},
        {"ADDRESS", "Address", "address"}, {"PHONE", "Phone Number", "phone"}};
    for (int i = 0; i < defs.length; i++) {
      ObjectNode f = array.addObject();
      f.put("merge_id", i + 1);
      f.put("tag", defs[i][0]);
      f.put("name", defs[i][1]);
      f.put("type", defs[i][2]);
      f.put("required", false);
      f.put("default_value", "");
      f.put("public", true);
      f.put("display_order", i + 2);
      ObjectNode options = f.putObject("options");
      if (defs[i][2].equals("address")) {
        options.put("default_country", 164);
      } else if (defs[i][2].equals("phone")) {
        options.put("phone_format", "none");
      } else {
        options.put("size", 25);
      }
      f.put("help_text", "");
      f.put("list_id", list.id);
    }
    out.put("list_id", list.id);
    out.put("total_items", defs.length);
    return ok(out);
  }

  // ============================================================ members

  private static String hashParam(SimRequest r) {
    String raw = r.param("subscriber_hash");
    return raw.contains("@") ? AudienceList.hash(raw) : raw.toLowerCase(Locale.ROOT);
  }

  private AudienceList.Mode mode(SimRequest r) {
    return r.header(BATCH_HEADER).isPresent() ? AudienceList.Mode.IMPORT : AudienceList.Mode.SINGLE;
  }

  private static String text(JsonNode body, String field) {
    JsonNode v = body.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private SimResponse getMembers(SimRequest r) {
    AudienceList list = list(r);
    int[] p = paging(r);
    String status = r.query().get("status");
    Instant since = r.query().containsKey("since_last_changed")
        ? parseInstant(r.query().get("since_last_changed"), "since_last_changed") : null;
    ObjectNode out = F.objectNode();
    ArrayNode array = out.putArray("members");
    synchronized (list) {
      List<AudienceList.Member> matching = list.members.values().stream()
          .filter(m -> status == null || status.equals(m.status))
          .filter(m -> since == null || m.lastChanged.isAfter(since))
          .toList();
      matching.stream().skip(p[1]).limit(p[0]).forEach(m -> array.add(list.memberJson(m)));
      out.put("list_id", list.id);
      out.put("total_items", matching.size());
    }
    return ok(out);
  }

  private static Instant parseInstant(String text, String field) {
    try {
      return java.time.OffsetDateTime.parse(text).toInstant();
    } catch (java.time.DateTimeException e) {
      try {
        return Instant.parse(text);
      } catch (java.time.DateTimeException e2) {
        throw ApiProblem.invalidFields(new ApiProblem.FieldError(field, "Must be an ISO 8601 date-time"));
      }
    }
  }

  private SimResponse getMember(SimRequest r) {
    AudienceList list = list(r);
    synchronized (list) {
      return ok(list.memberJson(found(list.members.get(hashParam(r)))));
    }
  }

  private SimResponse postMember(SimRequest r) {
    AudienceList list = list(r);
    ObjectNode body = body(r);
    String email = text(body, "email_address");
    synchronized (list) {
      if (email != null && list.members.containsKey(AudienceList.hash(email))
          && !"archived".equals(list.members.get(AudienceList.hash(email)).status)) {
        throw ApiProblem.memberExists(email);
      }
      String status = text(body, "status");
      if (status == null) {
        throw ApiProblem.invalidFields(new ApiProblem.FieldError("status", "This value should not be blank."));
      }
      list.upsert(email, status, null, body.get("merge_fields"), skipMerge(r), mode(r), rules, clock.instant());
      AudienceList.Member m = list.members.get(AudienceList.hash(email));
      for (JsonNode tag : body.path("tags")) {
        list.setTag(m, tag.asText(), true, clock.instant());
      }
      return ok(list.memberJson(m));
    }
  }

  private static boolean skipMerge(SimRequest r) {
    return "true".equalsIgnoreCase(r.query().get("skip_merge_validation"));
  }

  private SimResponse writeMember(SimRequest r, boolean put) {
    AudienceList list = list(r);
    ObjectNode body = body(r);
    String hash = hashParam(r);
    synchronized (list) {
      AudienceList.Member existing = list.members.get(hash);
      String email = text(body, "email_address");
      if (!put && existing == null) {
        throw ApiProblem.notFound();
      }
      if (email == null) {
        if (put) {
          throw ApiProblem.invalidFields(new ApiProblem.FieldError("email_address", "This value should not be blank."));
        }
        email = existing.email;
      }
      if (!AudienceList.hash(email).equals(hash)) {
        throw ApiProblem.memberExists(email);
      }
      list.upsert(email, text(body, "status"), put ? text(body, "status_if_new") : null, body.get("merge_fields"),
          skipMerge(r), mode(r), rules, clock.instant());
      return ok(list.memberJson(list.members.get(hash)));
    }
  }

  private SimResponse archiveMember(SimRequest r) {
    AudienceList list = list(r);
    synchronized (list) {
      AudienceList.Member m = found(list.members.get(hashParam(r)));
      if (List.of("cleaned", "pending", "archived").contains(m.status)) {
        throw new ApiProblem(405, "Method Not Allowed", "This list member cannot be removed. "
            + "Can not archive a contact that is bounced, pending or archived", List.of());
      }
      m.status = "archived";
      m.lastChanged = clock.instant();
      return SimResponse.empty(204);
    }
  }

  private SimResponse memberTags(SimRequest r) {
    AudienceList list = list(r);
    ObjectNode body = body(r);
    if (!body.path("tags").isArray()) {
      throw ApiProblem.invalidFields(new ApiProblem.FieldError("tags", "This value should not be blank."));
    }
    synchronized (list) {
      AudienceList.Member m = found(list.members.get(hashParam(r)));
      for (JsonNode tag : body.path("tags")) {
        String name = tag.path("name").asText("");
        String status = tag.path("status").asText("");
        if (name.isBlank() || !(status.equals("active") || status.equals("inactive"))) {
          throw ApiProblem.invalidFields(new ApiProblem.FieldError("tags", "Each tag needs a name and a status of active or inactive"));
        }
        list.setTag(m, name, status.equals("active"), clock.instant());
      }
    }
    return SimResponse.empty(204);
  }

  private SimResponse segments(SimRequest r) {
    AudienceList list = list(r);
    int[] p = paging(r);
    String type = r.query().get("type");
    ObjectNode out = F.objectNode();
    ArrayNode array = out.putArray("segments");
    synchronized (list) {
      List<Map.Entry<String, Long>> tags = type == null || type.equals("static")
          ? new ArrayList<>(list.tagIds.entrySet()) : List.of();
      tags.stream().skip(p[1]).limit(p[0]).forEach(e -> {
        ObjectNode s = array.addObject();
        s.put("id", e.getValue());
        s.put("name", e.getKey());
        s.put("member_count", list.membersWithTag(e.getKey()).size());
        s.put("type", "static");
        s.put("created_at", list.created.toString());
        s.put("updated_at", clock.instant().toString());
        s.put("list_id", list.id);
      });
      out.put("list_id", list.id);
      out.put("total_items", tags.size());
    }
    return ok(out);
  }

  private SimResponse segmentMembers(SimRequest r) {
    AudienceList list = list(r);
    int[] p = paging(r);
    ObjectNode out = F.objectNode();
    ArrayNode array = out.putArray("members");
    synchronized (list) {
      String tag = list.tagIds.entrySet().stream().filter(e -> e.getValue().toString().equals(r.param("segment_id")))
          .map(Map.Entry::getKey).findFirst().orElseThrow(ApiProblem::notFound);
      List<AudienceList.Member> members = list.membersWithTag(tag);
      members.stream().skip(p[1]).limit(p[0]).forEach(m -> array.add(list.memberJson(m)));
      out.put("total_items", members.size());
    }
    return ok(out);
  }

  private SimResponse batchSubscribe(SimRequest r) {
    AudienceList list = list(r);
    ObjectNode body = body(r);
    JsonNode members = body.path("members");
    if (!members.isArray()) {
      throw ApiProblem.invalidFields(new ApiProblem.FieldError("members", "This value should not be blank."));
    }
    if (members.size() > MAX_BATCH_SUBSCRIBE) {
      throw ApiProblem.invalidFields(new ApiProblem.FieldError("members",
          "You may only submit up to " + MAX_BATCH_SUBSCRIBE + " members per request"));
    }
    boolean updateExisting = body.path("update_existing").asBoolean(false);
    ObjectNode out = F.objectNode();
    ArrayNode created = out.putArray("new_members");
    ArrayNode updated = out.putArray("updated_members");
    ArrayNode errors = out.putArray("errors");
    synchronized (list) {
      for (JsonNode item : members) {
        String email = text(item, "email_address");
        try {
          boolean exists = email != null && list.members.containsKey(AudienceList.hash(email))
              && !"archived".equals(list.members.get(AudienceList.hash(email)).status);
          if (exists && !updateExisting) {
            errors.addObject().put("email_address", email)
                .put("error", email + " is already a list member, do you want to update? please provide "
                    + "update_existing:true in the request body")
                .put("error_code", "ERROR_CONTACT_EXISTS").put("field", "").put("field_message", "");
            continue;
          }
          String status = text(item, "status");
          String statusIfNew = text(item, "status_if_new");
          boolean isNew = list.upsert(email, exists ? status : null, status != null ? status : statusIfNew,
              item.get("merge_fields"), skipMerge(r), AudienceList.Mode.IMPORT, rules, clock.instant());
          (isNew ? created : updated).add(list.memberJson(list.members.get(AudienceList.hash(email))));
        } catch (ApiProblem p) {
          ApiProblem.FieldError field = p.errors.isEmpty() ? new ApiProblem.FieldError("", "") : p.errors.get(0);
          errors.addObject().put("email_address", email == null ? "" : email).put("error", p.detail)
              .put("error_code", "ERROR_GENERIC").put("field", field.field()).put("field_message", field.message());
        }
      }
    }
    out.put("total_created", created.size());
    out.put("total_updated", updated.size());
    out.put("error_count", errors.size());
    return ok(out);
  }

  // ============================================================ e-commerce

  private EcommerceStore store(SimRequest r) {
    return found(stores.get(r.param("store_id")));
  }

  private SimResponse getStores(SimRequest r) {
    int[] p = paging(r);
    ObjectNode out = F.objectNode();
    ArrayNode array = out.putArray("stores");
    stores.values().stream().sorted((a, b) -> a.id.compareTo(b.id)).skip(p[1]).limit(p[0])
        .forEach(s -> array.add(s.info.deepCopy()));
    out.put("total_items", stores.size());
    return ok(out);
  }

  private SimResponse postStore(SimRequest r) {
    ObjectNode body = body(r);
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    for (String field : List.of("id", "list_id", "name", "currency_code")) {
      if (body.path(field).asText("").isBlank()) {
        errors.add(new ApiProblem.FieldError(field, "This value should not be blank."));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.invalidFields(errors.toArray(new ApiProblem.FieldError[0]));
    }
    if (!lists.containsKey(body.path("list_id").asText())) {
      throw ApiProblem.invalidFields(new ApiProblem.FieldError("list_id", "The list with the provided ID does not exist."));
    }
    ObjectNode info = body.deepCopy();
    String now = clock.instant().toString();
    info.put("is_syncing", body.path("is_syncing").asBoolean(false));
    info.put("created_at", now);
    info.put("updated_at", now);
    EcommerceStore store = new EcommerceStore(body.path("id").asText(), info);
    if (stores.putIfAbsent(store.id, store) != null) {
      throw ApiProblem.invalid("A store with the provided ID already exists in the account.");
    }
    return ok(info.deepCopy());
  }

  private SimResponse patchStore(SimRequest r) {
    EcommerceStore store = store(r);
    ObjectNode body = body(r);
    synchronized (store) {
      if (body.has("list_id") && !body.path("list_id").asText().equals(store.listId())) {
        throw ApiProblem.invalidFields(new ApiProblem.FieldError("list_id", "The list_id of a store cannot be changed."));
      }
      ObjectNode info = store.info.deepCopy();
      body.fields().forEachRemaining(e -> {
        if (!e.getKey().equals("id")) {
          info.set(e.getKey(), e.getValue().deepCopy());
        }
      });
      info.put("updated_at", clock.instant().toString());
      store.info = info;
      return ok(info.deepCopy());
    }
  }

  private SimResponse deleteStore(SimRequest r) {
    EcommerceStore store = found(stores.remove(r.param("store_id")));
    store.customers.clear();
    store.products.clear();
    store.orders.clear();
    return SimResponse.empty(204);
  }

  private ObjectNode putCustomer(EcommerceStore store, String customerId, ObjectNode body, boolean put) {
    synchronized (store) {
      ObjectNode existing = store.customers.get(customerId);
      if (!put && existing == null) {
        throw ApiProblem.notFound();
      }
      if (body.has("id") && !body.path("id").asText().equals(customerId)) {
        throw ApiProblem.invalidFields(new ApiProblem.FieldError("id", "The id in the body must match the URL."));
      }
      if (customerId.length() > 50) {
        throw ApiProblem.invalidFields(new ApiProblem.FieldError("id", "Must be at most 50 characters."));
      }
      if (existing == null && !body.path("opt_in_status").isBoolean()) {
        throw ApiProblem.invalidFields(new ApiProblem.FieldError("opt_in_status", "This value should not be blank."));
      }
      ObjectNode customer = existing == null ? F.objectNode() : existing.deepCopy();
      body.fields().forEachRemaining(e -> customer.set(e.getKey(), e.getValue().deepCopy()));
      customer.put("id", customerId);
      String email = customer.path("email_address").asText("");
      if (email.isBlank()) {
        throw ApiProblem.invalidFields(new ApiProblem.FieldError("email_address", "This value should not be blank."));
      }
      linkMember(store, email, customer);
      String now = clock.instant().toString();
      if (existing == null) {
        customer.put("orders_count", 0);
        customer.put("total_spent", 0);
        customer.put("created_at", now);
      }
      customer.put("updated_at", now);
      store.customers.put(customerId, customer);
      return customer.deepCopy();
    }
  }

  /** Creates the audience member for a new contact; never changes an existing member's status. */
  private void linkMember(EcommerceStore store, String email, ObjectNode customer) {
    AudienceList list = lists.get(store.listId());
    if (list == null) {
      return;
    }
    synchronized (list) {
      AudienceList.Member m = list.members.get(AudienceList.hash(email));
      if (m != null) {
        return;
      }
      if (rules.looksFake(email)) {
        throw ApiProblem.fake(email);
      }
      if (list.forgotten.contains(AudienceList.hash(email))) {
        throw ApiProblem.forgotten(email);
      }
      ObjectNode merge = F.objectNode();
      if (customer.hasNonNull("first_name")) {
        merge.put("FNAME", customer.path("first_name").asText());
      }
      if (customer.hasNonNull("last_name")) {
        merge.put("LNAME", customer.path("last_name").asText());
      }
      String status = customer.path("opt_in_status").asBoolean(false) ? "subscribed" : "transactional";
      list.upsert(email, null, status, merge, true, AudienceList.Mode.SINGLE, rules, clock.instant());
      list.members.get(AudienceList.hash(email)).source = "E-Commerce";
    }
  }

  private SimResponse postCustomer(EcommerceStore store, ObjectNode body) {
    String id = body.path("id").asText("");
    if (id.isBlank()) {
      throw ApiProblem.invalidFields(new ApiProblem.FieldError("id", "This value should not be blank."));
    }
    if (store.customers.containsKey(id)) {
      throw ApiProblem.invalid("A customer with the provided ID already exists in the account for this store.");
    }
    return ok(putCustomer(store, id, body, true));
  }

  private ObjectNode putProduct(EcommerceStore store, String productId, ObjectNode body, boolean put) {
    synchronized (store) {
      ObjectNode existing = store.products.get(productId);
      if (!put && existing == null) {
        throw ApiProblem.notFound();
      }
      ObjectNode product = existing == null ? F.objectNode() : existing.deepCopy();
      body.fields().forEachRemaining(e -> product.set(e.getKey(), e.getValue().deepCopy()));
      product.put("id", productId);
      List<ApiProblem.FieldError> errors = new ArrayList<>();
      if (product.path("title").asText("").isBlank()) {
        errors.add(new ApiProblem.FieldError("title", "This value should not be blank."));
      }
      if (!product.path("variants").isArray() || product.path("variants").isEmpty()) {
        errors.add(new ApiProblem.FieldError("variants", "This collection should contain 1 element or more."));
      } else {
        for (JsonNode v : product.path("variants")) {
          if (v.path("id").asText("").isBlank() || v.path("title").asText("").isBlank()) {
            errors.add(new ApiProblem.FieldError("variants.id", "Each variant needs an id and a title."));
            break;
          }
        }
      }
      if (!errors.isEmpty()) {
        throw ApiProblem.invalidFields(errors.toArray(new ApiProblem.FieldError[0]));
      }
      String now = clock.instant().toString();
      if (existing == null) {
        product.put("published_at_foreign", now);
      }
      product.put("updated_at", now);
      store.products.put(productId, product);
      return product.deepCopy();
    }
  }

  private SimResponse postProduct(EcommerceStore store, ObjectNode body) {
    String id = body.path("id").asText("");
    if (id.isBlank()) {
      throw ApiProblem.invalidFields(new ApiProblem.FieldError("id", "This value should not be blank."));
    }
    if (store.products.containsKey(id)) {
      throw ApiProblem.invalid("A product with the provided ID already exists in the account.");
    }
    return ok(putProduct(store, id, body, true));
  }

  private ObjectNode putOrder(EcommerceStore store, String orderId, ObjectNode body, boolean put) {
    byte[] existingBytes = store.orders.get(orderId);
    if (!put && existingBytes == null) {
      throw ApiProblem.notFound();
    }
    ObjectNode order = existingBytes == null ? F.objectNode() : (ObjectNode) parse(existingBytes);
    body.fields().forEachRemaining(e -> order.set(e.getKey(), e.getValue().deepCopy()));
    order.put("id", orderId);
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    if (order.path("customer").path("id").asText("").isBlank()) {
      errors.add(new ApiProblem.FieldError("customer.id", "This value should not be blank."));
    }
    if (order.path("currency_code").asText("").isBlank()) {
      errors.add(new ApiProblem.FieldError("currency_code", "This value should not be blank."));
    }
    if (!order.path("order_total").isNumber()) {
      errors.add(new ApiProblem.FieldError("order_total", "This value should not be blank."));
    }
    if (!order.path("lines").isArray() || order.path("lines").isEmpty()) {
      errors.add(new ApiProblem.FieldError("lines", "This collection should contain 1 element or more."));
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.invalidFields(errors.toArray(new ApiProblem.FieldError[0]));
    }
    for (JsonNode line : order.path("lines")) {
      for (String field : List.of("id", "product_id", "product_variant_id")) {
        if (line.path(field).asText("").isBlank()) {
          throw ApiProblem.invalidFields(new ApiProblem.FieldError("lines." + field, "This value should not be blank."));
        }
      }
      if (!line.path("quantity").isNumber() || !line.path("price").isNumber()) {
        throw ApiProblem.invalidFields(new ApiProblem.FieldError("lines.price", "This value should not be blank."));
      }
      ObjectNode product = store.products.get(line.path("product_id").asText());
      if (product == null) {
        throw ApiProblem.invalid("A product with the provided ID does not exist in the account for this list.",
            new ApiProblem.FieldError("lines.product_id", "A product with the provided ID does not exist."));
      }
      boolean variant = false;
      for (JsonNode v : product.path("variants")) {
        variant |= v.path("id").asText().equals(line.path("product_variant_id").asText());
      }
      if (!variant) {
        throw ApiProblem.invalid("A product variant with the provided ID does not exist in the account for this list.",
            new ApiProblem.FieldError("lines.product_variant_id", "A product variant with the provided ID does not exist."));
      }
    }
    JsonNode customerRef = order.path("customer");
    String customerId = customerRef.path("id").asText();
    if (!store.customers.containsKey(customerId)) {
      if (customerRef.path("email_address").asText("").isBlank() || !customerRef.path("opt_in_status").isBoolean()) {
        throw ApiProblem.invalidFields(new ApiProblem.FieldError("customer.email_address",
            "The customer does not exist; email_address and opt_in_status are required to create it."));
      }
      putCustomer(store, customerId, ((ObjectNode) customerRef).deepCopy(), true);
    }
    order.set("customer", F.objectNode().put("id", customerId));
    String now = clock.instant().toString();
    if (existingBytes == null && !order.has("processed_at_foreign")) {
      order.put("processed_at_foreign", now);
    }
    order.put("updated_at_foreign", order.path("updated_at_foreign").asText(now));
    order.put("store_id", store.id);
    try {
      store.orders.put(orderId, JSON.writeValueAsBytes(order));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return orderJson(store, order);
  }

  private ObjectNode orderJson(EcommerceStore store, byte[] bytes) {
    return orderJson(store, (ObjectNode) parse(bytes));
  }

  private ObjectNode orderJson(EcommerceStore store, ObjectNode order) {
    ObjectNode customer = store.customers.get(order.path("customer").path("id").asText());
    if (customer != null) {
      order.set("customer", customer.deepCopy());
    }
    return order;
  }

  private SimResponse postOrder(EcommerceStore store, ObjectNode body) {
    String id = body.path("id").asText("");
    if (id.isBlank()) {
      throw ApiProblem.invalidFields(new ApiProblem.FieldError("id", "This value should not be blank."));
    }
    if (store.orders.containsKey(id)) {
      throw ApiProblem.invalid("An order with the provided ID already exists in the account.");
    }
    return ok(putOrder(store, id, body, true));
  }

  private SimResponse getOrders(SimRequest r) {
    EcommerceStore store = store(r);
    int[] p = paging(r);
    ObjectNode out = F.objectNode();
    ArrayNode array = out.putArray("orders");
    store.orders.values().stream().skip(p[1]).limit(p[0]).forEach(b -> array.add(orderJson(store, b)));
    out.put("store_id", store.id);
    out.put("total_items", store.orders.size());
    return ok(out);
  }

  // ============================================================ batches

  private SimResponse postBatch(SimRequest r) {
    ObjectNode body = body(r);
    JsonNode ops = body.path("operations");
    if (!ops.isArray()) {
      throw ApiProblem.invalidFields(new ApiProblem.FieldError("operations", "This value should not be blank."));
    }
    int index = 0;
    for (JsonNode op : ops) {
      if (!op.path("method").isTextual() || !op.path("path").isTextual()) {
        throw ApiProblem.invalidFields(new ApiProblem.FieldError("operations.item:" + index,
            "Each operation needs a method and a path"));
      }
      if (op.has("body") && !op.get("body").isTextual()) {
        throw ApiProblem.invalidFields(new ApiProblem.FieldError("operations.item:" + index + ".body",
            "Schema describes string, " + op.get("body").getNodeType().name().toLowerCase(Locale.ROOT)
                + " found instead"));
      }
      index++;
    }
    BatchJob job = new BatchJob(newId(), clock.instant(), ops.size());
    batches.put(job.id, job);
    String resultsBase = server == null ? "" : server.baseUrl();
    List<JsonNode> operations = new ArrayList<>();
    ops.forEach(operations::add);
    batchExecutor.execute(() -> runBatch(job, operations, resultsBase));
    return ok(batchJson(job));
  }

  private void runBatch(BatchJob job, List<JsonNode> operations, String resultsBase) {
    job.status = "started";
    ArrayNode results = F.arrayNode();
    for (JsonNode op : operations) {
      String method = op.path("method").asText().toUpperCase(Locale.ROOT);
      String path = op.path("path").asText();
      Map<String, String> params = new LinkedHashMap<>();
      op.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
      byte[] body = op.path("body").asText("").getBytes(StandardCharsets.UTF_8);
      SimRequest request = new SimRequest(method, ROOT + (path.startsWith("/") ? path : "/" + path), params,
          Map.of(BATCH_HEADER, List.of("1")), body, Map.of());
      Optional<Router.Match> match = router.match(request);
      log.record("BATCH:" + method, match.map(Router.Match::template).orElse("(unmatched)"));
      SimResponse response;
      try {
        response = match.isPresent() ? run(match.get()) : problem(ApiProblem.notFound());
      } catch (RuntimeException e) {
        response = problem(new ApiProblem(500, "Internal Server Error", "An unexpected error occurred.", List.of()));
      }
      ObjectNode result = results.addObject();
      result.put("status_code", response.status());
      result.put("operation_id", op.path("operation_id").asText(null));
      result.put("response", response.bodyText());
      if (response.status() >= 400) {
        job.errored.incrementAndGet();
      }
      job.finished.incrementAndGet();
    }
    TarGzWriter tar = new TarGzWriter(clock.instant().getEpochSecond());
    int file = 0;
    for (int from = 0; from < results.size() || file == 0; from += 500, file++) {
      ArrayNode chunk = F.arrayNode();
      for (int i = from; i < Math.min(results.size(), from + 500); i++) {
        chunk.add(results.get(i));
      }
      try {
        tar.add(job.id + "-" + file + ".json", JSON.writeValueAsBytes(chunk));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    job.results = tar.finish();
    job.completedAt = clock.instant();
    job.status = "finished";
  }

  private ObjectNode batchJson(BatchJob job) {
    ObjectNode node = F.objectNode();
    node.put("id", job.id);
    node.put("status", job.status);
    node.put("total_operations", job.total);
    node.put("finished_operations", job.finished.get());
    node.put("errored_operations", job.errored.get());
    node.put("submitted_at", job.submittedAt.toString());
    node.put("completed_at", job.completedAt == null ? "" : job.completedAt.toString());
    LoopbackServer s = server;
    node.put("response_body_url", job.results == null || s == null ? "" : s.baseUrl() + RESULTS_PREFIX + job.id + ".tar.gz");
    return node;
  }

  private SimResponse getBatches(SimRequest r) {
    int[] p = paging(r);
    ObjectNode out = F.objectNode();
    ArrayNode array = out.putArray("batches");
    batches.values().stream().sorted((a, b) -> a.id.compareTo(b.id)).skip(p[1]).limit(p[0])
        .forEach(b -> array.add(batchJson(b)));
    out.put("total_items", batches.size());
    return ok(out);
  }

  private SimResponse batchResults(SimRequest r) {
    String file = r.param("file");
    BatchJob job = file.endsWith(".tar.gz") ? batches.get(file.substring(0, file.length() - ".tar.gz".length())) : null;
    if (job == null || job.results == null) {
      return SimResponse.text(404, "application/xml", "<Error><Code>NoSuchKey</Code></Error>");
    }
    return new SimResponse(200, "application/x-gzip", job.results, Map.of());
  }

  @Override
  public String toString() {
    LoopbackServer s = server;
    return "MailchimpSimulator[" + (s == null ? "stopped" : s.baseUrl() + ROOT) + ", apiKey=***]";
  }
}
