package dev.qbmc.quickbooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qbmc.quickbooks.internal.Checks;
import dev.qbmc.quickbooks.internal.QboJacksonModule;
import dev.qbmc.quickbooks.internal.QboPayloads;
import dev.qbmc.quickbooks.internal.QueryPage;
import dev.qbmc.quickbooks.internal.Uris;
import dev.qbmc.quickbooks.model.CompanyInfo;
import dev.qbmc.quickbooks.model.DeletedEntity;
import dev.qbmc.quickbooks.model.Preferences;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Client for one QuickBooks Online company (realm): typed queries with automatic paging, reads by
 * id, company info and preferences, and Change Data Capture. Thread-safe; create one instance per
 * realm and share it, or give every client of a realm the same {@link RealmLimiter}, because the
 * per-realm limits (10 requests in flight, 500 per rolling minute) are enforced per limiter.
 *
 * <pre>{@code
 * QuickBooksClient qbo = QuickBooksClient.builder()
 *     .environment(QuickBooksEnvironment.SANDBOX)
 *     .realmId("9130357992220646")
 *     .accessTokenProvider(tokens)
 *     .build();
 * try (Stream<Customer> customers = qbo.query(Query.select(EntityType.CUSTOMER).includeInactive())) {
 *   customers.forEach(c -> ...);
 * }
 * }</pre>
 *
 * <p>Errors are thrown as subtypes of {@link QuickBooksException}. Reads and queries are retried on
 * throttling (waiting {@code Retry-After} or 60 s), 5xx and connection failures; a refused token is
 * reported to the {@link AccessTokenProvider} and the request repeated once.
 */
public final class QuickBooksClient {
  /** The default {@code minorversion} (Intuit ignores lower values since 2025-08-01). */
  public static final int DEFAULT_MINOR_VERSION = 75;
  /** How far back Change Data Capture reaches. */
  public static final Duration CDC_WINDOW = Duration.ofDays(30);

  private static final Pattern REALM_ID = Pattern.compile("[A-Za-z0-9]{1,64}");

  private final URI baseUri;
  private final String realmId;
  private final int minorVersion;
  private final int maxPageSize;
  private final Clock clock;
  private final RequestExecutor executor;
  private final QboPayloads payloads;
  private final RealmLimiter limiter;

  private QuickBooksClient(Builder b) {
    this.baseUri = b.baseUri;
    this.realmId = b.realmId;
    this.minorVersion = b.minorVersion;
    this.maxPageSize = b.maxPageSize;
    this.clock = b.clock;
    ObjectMapper mapper = QboJacksonModule.newMapper();
    this.payloads = new QboPayloads(mapper);
    HttpClient http =
        b.httpClient != null
            ? b.httpClient
            : HttpClient.newBuilder()
                .connectTimeout(b.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    RandomGenerator random = b.random;
    DoubleSupplier jitter =
        random != null ? random::nextDouble : () -> ThreadLocalRandom.current().nextDouble();
    this.limiter =
        b.realmLimiter != null ? b.realmLimiter : RealmLimiter.of(b.maxConcurrentRequests, b.maxRequestsPerMinute);
    this.executor =
        new RequestExecutor(
            http,
            b.accessTokenProvider,
            limiter,
            b.retryPolicy,
            new FaultMapper(mapper, b.clock),
            b.listeners(),
            b.clock,
            b.sleeper,
            jitter,
            b.requestTimeout,
            b.userAgent);
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The limits this client's requests count against: the one given to {@link
   * Builder#realmLimiter(RealmLimiter)}, shared with other clients of the realm, or the client's own.
   *
   * @return the limiter
   */
  public RealmLimiter realmLimiter() {
    return limiter;
  }

  /**
   * The realm (company id) this client talks to.
   *
   * @return the realm id
   */
  public String realmId() {
    return realmId;
  }

  /**
   * The API base URI in use.
   *
   * @return the base URI
   */
  public URI baseUri() {
    return baseUri;
  }

  /**
   * Runs a query and pages through all results lazily (one request per {@link Query#pageSize()}
   * rows, 1000 by default). Paging stops when QBO returns no entity array or fewer rows than asked.
   * Errors during iteration are thrown as {@link QuickBooksException}s.
   *
   * @param query the query
   * @param <T> the model type
   * @return a sequential, lazy stream; close it to stop early (no resources are held between pages)
   * @throws QuickBooksException while the results are consumed, if a page cannot be read (same
   *     causes as a single request)
   */
  public <T> Stream<T> query(Query<T> query) {
    Objects.requireNonNull(query, "query");
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(
            new Pager<>(capped(query)), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /**
   * Runs a query with the given paging. {@link Paging#sequential()} is {@link #query(Query)};
   * {@link Paging#parallel(int)} reads the rows in ascending {@code Id} order with several pages in
   * flight (fetched and parsed on threads of this read, within this client's per-realm limits),
   * hands them out in order, and hands out exactly once every row that exists for the whole read,
   * even when rows are added or deleted meanwhile. Pass the row count of a {@link #count(Query)}
   * as {@link Paging#expectedRows(long)} so that no page past the end is requested.
   *
   * <pre>{@code
   * Query<Invoice> invoices = Query.select(EntityType.INVOICE).orderBy("Id");
   * Paging paging = Paging.parallel(4).expectedRows(qbo.count(invoices));
   * try (Stream<Invoice> rows = qbo.query(invoices, paging)) {
   *   rows.forEach(...);
   * }
   * }</pre>
   *
   * @param query the query; for parallel paging ordered by {@code Id} or not ordered, with a page
   *     size of at least 2
   * @param paging how to page
   * @param <T> the model type
   * @return a sequential, lazy stream; close it (try-with-resources) to stop a parallel read early,
   *     which cancels its pages in flight (an abandoned read's threads end 5 s after its last page)
   * @throws IllegalArgumentException when parallel paging meets another order or a page size of 1
   */
  public <T> Stream<T> query(Query<T> query, Paging paging) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(paging, "paging");
    if (!paging.isParallel()) {
      return query(query);
    }
    ParallelPager<T> pager = new ParallelPager<>(capped(query), paging, this::fetchPage, this::count);
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(pager, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(pager::close);
  }

  /**
   * Same as {@link #query(Query)} as an {@link Iterable}; every {@code iterator()} call runs the
   * query again from the first page.
   *
   * @param query the query
   * @param <T> the model type
   * @return the iterable
   * @throws QuickBooksException while the results are consumed, if a page cannot be read (same
   *     causes as a single request)
   */
  public <T> Iterable<T> queryIterable(Query<T> query) {
    Objects.requireNonNull(query, "query");
    return () -> new Pager<>(capped(query));
  }

  /**
   * Fetches exactly one page.
   *
   * @param query the query
   * @param startPosition 1-based position of the first row
   * @param <T> the model type
   * @return the rows of that page (empty past the end)
   * @throws IllegalArgumentException when {@code startPosition} is below 1
   * @throws QuickBooksException if the request fails (an error answer, an unreadable answer, or
   *     throttling, a server error or a connection failure that outlasts the retry policy)
   */
  public <T> List<T> queryPage(Query<T> query, int startPosition) {
    Objects.requireNonNull(query, "query");
    return fetchPage(capped(query), startPosition).items();
  }

  /**
   * Counts the entities matching the query's conditions ({@code SELECT COUNT(*)}).
   *
   * @param query the query
   * @return the count
   * @throws QuickBooksException if the request fails (an error answer, an unreadable answer, or
   *     throttling, a server error or a connection failure that outlasts the retry policy)
   */
  public long count(Query<?> query) {
    Objects.requireNonNull(query, "query");
    RequestExecutor.Response response = executeQuery(query.countStatement());
    QueryPage<Object> page =
        parse(response, () -> payloads.readQueryPage(response.body(), query.entityType().name(), Object.class));
    return Math.max(0, page.totalCount());
  }

  /**
   * Reads one entity by id.
   *
   * @param type the entity type
   * @param id the entity id
   * @param <T> the model type
   * @return the entity
   * @throws QuickBooksNotFoundException when it does not exist
   * @throws IllegalArgumentException when the id is blank
   * @throws QuickBooksException if the request fails (an error answer, an unreadable answer, or
   *     throttling, a server error or a connection failure that outlasts the retry policy)
   */
  public <T> T read(EntityType<T> type, String id) {
    Objects.requireNonNull(type, "type");
    String path = "/" + type.name().toLowerCase(Locale.ROOT) + "/" + pathSegment(checkId(id));
    RequestExecutor.Response response =
        executor.get(uri(path, ""), "/v3/company/{realmId}/" + type.name().toLowerCase(Locale.ROOT) + "/{id}");
    return parse(response, () -> payloads.readEntity(response.body(), type.name(), type.modelType()));
  }

  /**
   * Reads one entity by id, empty when QBO says it does not exist.
   *
   * @param type the entity type
   * @param id the entity id
   * @param <T> the model type
   * @return the entity, or empty on "not found"
   * @throws IllegalArgumentException when the id is blank
   * @throws QuickBooksException if the request fails (an error answer, an unreadable answer, or
   *     throttling, a server error or a connection failure that outlasts the retry policy)
   */
  public <T> Optional<T> find(EntityType<T> type, String id) {
    try {
      return Optional.of(read(type, id));
    } catch (QuickBooksNotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * The company profile.
   *
   * @return the company info
   * @throws QuickBooksException if the request fails (an error answer, an unreadable answer, or
   *     throttling, a server error or a connection failure that outlasts the retry policy)
   */
  public CompanyInfo companyInfo() {
    RequestExecutor.Response response =
        executor.get(uri("/companyinfo/" + realmId, ""), "/v3/company/{realmId}/companyinfo/{realmId}");
    return parse(response, () -> payloads.readEntity(response.body(), "CompanyInfo", CompanyInfo.class));
  }

  /**
   * The company preferences (home currency, multi-currency).
   *
   * @return the preferences
   * @throws QuickBooksException if the request fails (an error answer, an unreadable answer, or
   *     throttling, a server error or a connection failure that outlasts the retry policy)
   */
  public Preferences preferences() {
    RequestExecutor.Response response =
        executor.get(uri("/preferences", ""), "/v3/company/{realmId}/preferences");
    return parse(response, () -> payloads.readEntity(response.body(), "Preferences", Preferences.class));
  }

  /**
   * Change Data Capture: everything of the given types changed or deleted since a time.
   *
   * @param changedSince start of the window; at most 30 days ago by this client's clock
   * @param types the entity types, at least one
   * @return the changes and the next cursor
   * @throws ChangedSinceTooOldException when {@code changedSince} is older than 30 days
   * @throws IllegalArgumentException when no entity type is given
   * @throws QuickBooksException if the request fails (an error answer, an unreadable answer, or
   *     throttling, a server error or a connection failure that outlasts the retry policy)
   */
  public ChangeSet changesSince(OffsetDateTime changedSince, EntityType<?>... types) {
    Objects.requireNonNull(types, "types");
    return changesSince(changedSince, Arrays.asList(types));
  }

  /**
   * Change Data Capture: everything of the given types changed or deleted since a time. Deleted
   * entities carry only their id and time. Check {@link ChangeSet#possiblyTruncated()}.
   *
   * @param changedSince start of the window; at most 30 days ago by this client's clock
   * @param types the entity types, at least one
   * @return the changes and the next cursor
   * @throws ChangedSinceTooOldException when {@code changedSince} is older than 30 days
   * @throws IllegalArgumentException when no entity type is given
   * @throws QuickBooksException if the request fails (an error answer, an unreadable answer, or
   *     throttling, a server error or a connection failure that outlasts the retry policy)
   */
  public ChangeSet changesSince(OffsetDateTime changedSince, Collection<EntityType<?>> types) {
    Objects.requireNonNull(changedSince, "changedSince");
    Objects.requireNonNull(types, "types");
    if (types.isEmpty()) {
      throw new IllegalArgumentException("Change Data Capture needs at least one entity type");
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime oldest = now.minus(CDC_WINDOW);
    if (changedSince.isBefore(oldest)) {
      throw new ChangedSinceTooOldException(changedSince, oldest, CDC_WINDOW);
    }
    Map<String, Class<?>> byName = new LinkedHashMap<>();
    Map<String, EntityType<?>> typeByName = new LinkedHashMap<>();
    for (EntityType<?> type : types) {
      Objects.requireNonNull(type, "types must not contain null");
      byName.put(type.name(), type.modelType());
      typeByName.put(type.name(), type);
    }
    String query =
        "entities=" + String.join(",", byName.keySet())
            + "&changedSince=" + URLEncoder.encode(
                QboJacksonModule.WIRE_OFFSET_DATE_TIME.format(changedSince), StandardCharsets.UTF_8);
    RequestExecutor.Response response = executor.get(uri("/cdc", query), "/v3/company/{realmId}/cdc");
    QboPayloads.CdcPayload cdc = parse(response, () -> payloads.readCdc(response.body(), byName));
    Map<EntityType<?>, List<?>> changed = new LinkedHashMap<>();
    Map<EntityType<?>, List<DeletedEntity>> deleted = new LinkedHashMap<>();
    typeByName.forEach(
        (name, type) -> {
          changed.put(type, List.copyOf(cdc.changed().get(name)));
          deleted.put(type, cdc.deleted().get(name).stream()
              .map(d -> DeletedEntity.of(d.entityName(), d.id(), d.lastUpdatedTime()))
              .toList());
        });
    return new ChangeSet(changedSince, changed, deleted, cdc.serverTime(), now);
  }

  private <T> QueryPage<T> fetchPage(Query<T> query, int startPosition) {
    RequestExecutor.Response response = executeQuery(query.statement(startPosition));
    return parse(
        response,
        () -> payloads.readQueryPage(response.body(), query.entityType().name(), query.entityType().modelType()));
  }

  private RequestExecutor.Response executeQuery(String statement) {
    return executor.get(uri("/query", "query=" + Query.encode(statement)), "/v3/company/{realmId}/query");
  }

  private <R> R parse(RequestExecutor.Response response, java.util.function.Supplier<R> parser) {
    try {
      return parser.get();
    } catch (QboPayloads.PayloadException e) {
      FaultMapper.Fault fault =
          new FaultMapper(payloads.mapper(), clock).parse(response.body(), null);
      if (!fault.errors().isEmpty()) {
        throw new QuickBooksServiceException(
            "QuickBooks Online returned a fault in a successful response",
            response.statusCode(),
            fault.errors(),
            fault.type(),
            response.intuitTid());
      }
      throw new QuickBooksMalformedResponseException(
          e.getMessage(), response.statusCode(), response.intuitTid(), e);
    }
  }

  private URI uri(String path, String query) {
    String q = query.isEmpty() ? "" : query + "&";
    return URI.create(
        baseUri.toString().replaceAll("/+$", "")
            + "/v3/company/" + realmId + path + "?" + q + "minorversion=" + minorVersion);
  }

  private static String checkId(String id) {
    return Checks.requireText(id, "id").strip();
  }

  private static String pathSegment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public String toString() {
    return "QuickBooksClient{realmId=" + realmId + ", baseUri=" + baseUri + ", minorversion="
        + minorVersion + "}";
  }

  /** The query with its page size lowered to this client's {@code maxPageSize}. */
  private <T> Query<T> capped(Query<T> query) {
    return query.pageSize() > maxPageSize ? query.pageSize(maxPageSize) : query;
  }

  /** Lazy pager over one query. */
  private final class Pager<T> implements Iterator<T> {
    private final Query<T> query;
    private final Deque<T> buffer = new ArrayDeque<>();
    private int nextStart = 1;
    private boolean exhausted;

    Pager(Query<T> query) {
      this.query = query;
    }

    @Override
    public boolean hasNext() {
      while (buffer.isEmpty() && !exhausted) {
        QueryPage<T> page = fetchPage(query, nextStart);
        buffer.addAll(page.items());
        nextStart += page.rows();
        if (!page.entityKeyPresent() || page.rows() < query.pageSize()) {
          exhausted = true;
        }
      }
      return !buffer.isEmpty();
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return buffer.pollFirst();
    }
  }

  /** Configures a {@link QuickBooksClient}; {@code realmId} and {@code accessTokenProvider} are required. */
  public static final class Builder {
    private URI baseUri = QuickBooksEnvironment.PRODUCTION.baseUri();
    private String realmId;
    private AccessTokenProvider accessTokenProvider;
    private int minorVersion = DEFAULT_MINOR_VERSION;
    private HttpClient httpClient;
    private Clock clock = Clock.systemUTC();
    private QuickBooksSleeper sleeper = QuickBooksSleeper.system();
    private QuickBooksRetryPolicy retryPolicy = QuickBooksRetryPolicy.defaults();
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(100);
    private String userAgent = "qbmc-quickbooks-client/0.1 (Java " + Runtime.version().feature() + ")";
    private QuickBooksRequestListener requestListener = QuickBooksRequestListener.none();
    private final List<QuickBooksRequestListener> addedListeners = new ArrayList<>();
    private int maxConcurrentRequests = RealmLimiter.INTUIT_MAX_IN_FLIGHT;
    private int maxRequestsPerMinute = RealmLimiter.INTUIT_MAX_PER_MINUTE;
    private RealmLimiter realmLimiter;
    private int maxPageSize = Query.MAX_PAGE_SIZE;
    private RandomGenerator random;

    private Builder() {}

    /**
     * Uses Intuit's production or sandbox host (default production).
     *
     * @param environment the environment
     * @return this builder
     */
    public Builder environment(QuickBooksEnvironment environment) {
      this.baseUri = Objects.requireNonNull(environment, "environment").baseUri();
      return this;
    }

    /**
     * Uses another base URI (simulator, proxy). Must be HTTPS unless the host is a loopback address
     * ({@code localhost}, {@code 127.x.x.x}, {@code ::1}).
     *
     * @param baseUri the base URI, without {@code /v3}
     * @return this builder
     * @throws IllegalArgumentException when the URI is not absolute HTTPS (or loopback HTTP)
     */
    public Builder baseUri(URI baseUri) {
      this.baseUri = checkBaseUri(baseUri);
      return this;
    }

    /**
     * The realm (company id) from the OAuth redirect.
     *
     * @param realmId letters and digits only
     * @return this builder
     * @throws IllegalArgumentException when blank or not alphanumeric
     */
    public Builder realmId(String realmId) {
      Checks.requireText(realmId, "realmId");
      if (!REALM_ID.matcher(realmId).matches()) {
        throw new IllegalArgumentException("realmId must be letters and digits only");
      }
      this.realmId = realmId;
      return this;
    }

    /**
     * Where access tokens come from.
     *
     * @param provider the provider
     * @return this builder
     */
    public Builder accessTokenProvider(AccessTokenProvider provider) {
      this.accessTokenProvider = Objects.requireNonNull(provider, "accessTokenProvider");
      return this;
    }

    /**
     * The {@code minorversion} sent with every request (default 75).
     *
     * @param minorVersion at least 75 (Intuit ignores lower values since 2025-08-01)
     * @return this builder
     * @throws IllegalArgumentException when below 75
     */
    public Builder minorVersion(int minorVersion) {
      if (minorVersion < DEFAULT_MINOR_VERSION) {
        throw new IllegalArgumentException(
            "minorversion must be at least " + DEFAULT_MINOR_VERSION + ", was " + minorVersion);
      }
      this.minorVersion = minorVersion;
      return this;
    }

    /**
     * The HTTP client to use (default: a new one with the connect timeout and no redirects).
     *
     * @param httpClient the client
     * @return this builder
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /**
     * The clock for rate limiting, durations and the CDC window (default system UTC).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How the client waits between retries and for the rate limit (default: {@link QuickBooksSleeper#system()}).
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public Builder sleeper(QuickBooksSleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * The retry policy (default {@link QuickBooksRetryPolicy#defaults()}).
     *
     * @param retryPolicy the policy
     * @return this builder
     */
    public Builder retryPolicy(QuickBooksRetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * The connect timeout of the HTTP client the builder creates (ignored with
     * {@link #httpClient}); default 10 s.
     *
     * @param connectTimeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException when zero or negative
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = Checks.requirePositive(connectTimeout, "connectTimeout");
      return this;
    }

    /**
     * Timeout of one HTTP attempt (default 100 s; QBO gives up after 120 s).
     *
     * @param requestTimeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException when zero or negative
     */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = Checks.requirePositive(requestTimeout, "requestTimeout");
      return this;
    }

    /**
     * The {@code User-Agent} header.
     *
     * @param userAgent non-blank text
     * @return this builder
     * @throws IllegalArgumentException when blank
     */
    public Builder userAgent(String userAgent) {
      this.userAgent = Checks.requireText(userAgent, "userAgent");
      return this;
    }

    /**
     * Receives an event per HTTP attempt (default none); replaces an earlier {@code
     * requestListener}, but not the listeners given to {@link #addRequestListener}.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder requestListener(QuickBooksRequestListener listener) {
      this.requestListener = Objects.requireNonNull(listener, "requestListener");
      return this;
    }

    /**
     * Adds a listener that receives an event per HTTP attempt as well, whatever {@link
     * #requestListener} is set to later: a builder prepared by a framework (qbmc counts a sync's API
     * calls this way) keeps its listener when the host sets its own. Added listeners are called in
     * the order added, before the {@code requestListener}; one that throws does not keep the event
     * from the others.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder addRequestListener(QuickBooksRequestListener listener) {
      this.addedListeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Requests in flight at once, across all threads (default 10, Intuit's per-realm limit), in a
     * limiter of this client's own; replaces a {@link #realmLimiter} given before.
     *
     * @param max at least 1
     * @return this builder
     * @throws IllegalArgumentException when below 1
     */
    public Builder maxConcurrentRequests(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxConcurrentRequests must be at least 1");
      }
      this.maxConcurrentRequests = max;
      this.realmLimiter = null;
      return this;
    }

    /**
     * Counts this client's requests against limits shared with other clients of the same realm
     * (default: a limiter of the client's own, from {@link #maxConcurrentRequests} and {@link
     * #maxRequestsPerMinute}, which replace it when called after this).
     *
     * @param limiter the realm's limiter; never share one between realms
     * @return this builder
     */
    public Builder realmLimiter(RealmLimiter limiter) {
      this.realmLimiter = Objects.requireNonNull(limiter, "limiter");
      return this;
    }

    /**
     * Requests started per rolling minute, across all threads (default 500, Intuit's per-realm
     * limit), in a limiter of this client's own; replaces a {@link #realmLimiter} given before.
     *
     * @param max at least 1
     * @return this builder
     * @throws IllegalArgumentException when below 1
     */
    public Builder maxRequestsPerMinute(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxRequestsPerMinute must be at least 1");
      }
      this.maxRequestsPerMinute = max;
      this.realmLimiter = null;
      return this;
    }

    /**
     * The most rows one query page asks for (default and highest 1,000, QBO's limit): every query
     * of this client, whatever its own {@link Query#pageSize(int)}, pages by at most this many
     * rows, e.g. to bound the size of one answer.
     *
     * @param rows 2 to 1,000 (parallel paging overlaps pages by one row)
     * @return this builder
     * @throws IllegalArgumentException when outside 2 to 1,000
     */
    public Builder maxPageSize(int rows) {
      if (rows < 2 || rows > Query.MAX_PAGE_SIZE) {
        throw new IllegalArgumentException("maxPageSize must be 2.." + Query.MAX_PAGE_SIZE + ", was " + rows);
      }
      this.maxPageSize = rows;
      return this;
    }

    /**
     * Source of randomness for backoff jitter; used from every thread that shares the client, so
     * it must be thread-safe (default: {@link ThreadLocalRandom}).
     *
     * @param random the generator
     * @return this builder
     */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws IllegalStateException when realm id or access token provider is missing
     */
    public QuickBooksClient build() {
      if (realmId == null) {
        throw new IllegalStateException("realmId is required");
      }
      if (accessTokenProvider == null) {
        throw new IllegalStateException("accessTokenProvider is required");
      }
      return new QuickBooksClient(this);
    }

    /** The added listeners, then the request listener; every one hears every event. */
    private QuickBooksRequestListener listeners() {
      if (addedListeners.isEmpty()) {
        return requestListener;
      }
      List<QuickBooksRequestListener> all = new ArrayList<>(addedListeners);
      all.add(requestListener);
      return event -> {
        RuntimeException first = null;
        for (QuickBooksRequestListener listener : all) {
          try {
            listener.onAttempt(event);
          } catch (RuntimeException e) {
            if (first == null) {
              first = e;
            } else {
              first.addSuppressed(e);
            }
          }
        }
        if (first != null) {
          throw first;
        }
      };
    }

    private static URI checkBaseUri(URI uri) {
      return Uris.requireHttps(uri, "baseUri", false);
    }
  }
}
