package dev.qbmc.mailchimp;

import dev.qbmc.mailchimp.model.ApiRoot;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.random.RandomGenerator;

/**
 * The Mailchimp Marketing API v3 client. Immutable and thread-safe; build one per account and credential
 * with {@link #builder()} and share it. Operations are grouped: {@link #audiences()}, {@link #members()},
 * {@link #tags()}, {@link #segments()}, {@link #ecommerce()}, {@link #batches()}.
 *
 * <p>Base URL: by default {@code https://<dc>.api.mailchimp.com/3.0}, the data centre coming from the API
 * key suffix or the OAuth metadata. Mailchimp's current docs also name {@code https://api.mailchimp.com/3.0};
 * the data-centre host works for every account and every documented version of the API, so it is the
 * default; {@link Builder#baseUri(URI)} overrides it (HTTPS, or HTTP on loopback only).
 *
 * <p>Every call goes through the {@link ConnectionLimiter} (10 simultaneous requests by default; share one
 * limiter between all clients of an account) and the {@link MailchimpRetryPolicy}: 429, bodiless 403, 5xx and
 * connection failures are retried with jittered backoff (honouring {@code Retry-After}) for GET, PUT, PATCH
 * and DELETE. A POST is retried only when it was throttled or never sent; otherwise an unknown outcome is
 * reported as {@link MailchimpOutcomeUnknownException}.
 */
public final class MailchimpClient {
  private final Transport transport;
  private final Audiences audiences;
  private final Members members;
  private final Segments segments;
  private final Tags tags;
  private final Ecommerce ecommerce;
  private final Batches batches;
  private final MailchimpCredentials credentials;
  private final ConnectionLimiter limiter;

  private MailchimpClient(Builder b) {
    this.credentials = Objects.requireNonNull(b.credentials, "credentials are required");
    URI base = Urls.stripTrailingSlash(
        Urls.requireHttps(b.baseUri != null ? b.baseUri : credentials.defaultBaseUri(), "baseUri", false));
    HttpClient http = b.httpClient != null
        ? b.httpClient
        : HttpClient.newBuilder().connectTimeout(b.connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
    RandomGenerator random = b.random;
    DoubleSupplier jitter = random != null ? random::nextDouble : () -> ThreadLocalRandom.current().nextDouble();
    this.limiter = b.limiter != null ? b.limiter : ConnectionLimiter.mailchimpDefault();
    this.transport = new Transport(base, http, credentials.authorizationHeader(), b.clock, b.sleeper, b.retryPolicy,
        b.requestTimeout, b.userAgent, b.listeners(), limiter, jitter);
    this.audiences = new Audiences(transport);
    this.members = new Members(transport);
    this.tags = new Tags(transport);
    this.segments = new Segments(transport);
    this.ecommerce = new Ecommerce(transport);
    this.batches = new Batches(transport, b.retryPolicy, jitter);
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The account behind the credentials ({@code GET /}): id, name, email, plan, total subscribers. Also the
   * cheapest way to check that a credential works.
   *
   * @return the account
   * @throws MailchimpAuthenticationException if the credential is invalid or revoked
   * @throws MailchimpException if the call fails (an error answer, or throttling, a server error or
   *     a connection failure that outlasts the retry policy)
   */
  public ApiRoot account() {
    return transport.get(ApiPath.of("/"), Map.of(), ApiRoot.class);
  }

  /**
   * Runs a prepared request (from {@code members().prepareUpsert(...)},
   * {@code ecommerce().prepareUpsertOrder(...)}, ...) directly, with the client's retries: a
   * {@linkplain MailchimpRequest#repeatable() repeatable} one like any idempotent call, another only
   * when it was throttled or never sent.
   *
   * @param request the prepared request
   * @param <T> the response type
   * @return the response body, null for {@code Void}
   * @throws MailchimpOutcomeUnknownException if a request that is not repeatable was sent but its
   *     outcome is unknown (not retried)
   * @throws MailchimpException if the call fails (an error answer, or throttling, a server error or
   *     a connection failure that outlasts the retry policy)
   */
  public <T> T execute(MailchimpRequest<T> request) {
    return transport.execute(Objects.requireNonNull(request, "request"));
  }

  /**
   * Audience (list) operations.
   *
   * @return the audiences API
   */
  public Audiences audiences() {
    return audiences;
  }

  /**
   * Member (contact) operations: get, upsert, patch, search, tags, batch upsert.
   *
   * @return the members API
   */
  public Members members() {
    return members;
  }

  /**
   * Tag segment operations: find a tag, list its members.
   *
   * @return the tags API
   */
  public Tags tags() {
    return tags;
  }

  /**
   * Saved segments: list (with member counts), find by name, create, update, delete.
   *
   * @return the segments API
   */
  public Segments segments() {
    return segments;
  }

  /**
   * E-commerce operations: stores, customers, products, orders.
   *
   * @return the e-commerce API
   */
  public Ecommerce ecommerce() {
    return ecommerce;
  }

  /**
   * Batch operations ({@code /batches}).
   *
   * @return the batches API
   */
  public Batches batches() {
    return batches;
  }

  /**
   * The API root requests go to.
   *
   * @return the base URI, e.g. {@code https://us6.api.mailchimp.com/3.0}
   */
  public URI baseUri() {
    return transport.baseUri;
  }

  /**
   * The connection limiter this client uses; pass it to the builder of any other client of the same account.
   *
   * @return the limiter
   */
  public ConnectionLimiter connectionLimiter() {
    return limiter;
  }

  @Override
  public String toString() {
    return "MailchimpClient{baseUri=" + transport.baseUri + ", credentials=" + credentials + "}";
  }

  /** Builder of {@link MailchimpClient}. Only the credentials are required. */
  public static final class Builder {
    private MailchimpCredentials credentials;
    private URI baseUri;
    private HttpClient httpClient;
    private Clock clock = Clock.systemUTC();
    private MailchimpSleeper sleeper = MailchimpSleeper.system();
    private MailchimpRetryPolicy retryPolicy = MailchimpRetryPolicy.defaults();
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(120);
    private String userAgent = "qbmc-mailchimp-client/0.1 (Java " + Runtime.version().feature() + ")";
    private MailchimpRequestListener listener = MailchimpRequestListener.none();
    private final List<MailchimpRequestListener> addedListeners = new ArrayList<>();
    private ConnectionLimiter limiter;
    private RandomGenerator random;

    private Builder() {}

    /**
     * The credentials (required).
     *
     * @param credentials an API key or OAuth token
     * @return this builder
     */
    public Builder credentials(MailchimpCredentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /**
     * Uses another API root (e.g. {@code https://api.mailchimp.com/3.0}, a proxy or a simulator)
     * instead of the one the credentials lead to. Must be HTTPS unless the host is a loopback address
     * ({@code localhost}, {@code 127.x.x.x}, {@code ::1}).
     *
     * @param baseUri the API root including {@code /3.0}
     * @return this builder
     * @throws IllegalArgumentException when the URI is not absolute HTTPS (or loopback HTTP)
     */
    public Builder baseUri(URI baseUri) {
      this.baseUri = Urls.requireHttps(baseUri, "baseUri", false);
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
     * The clock for durations, Retry-After dates and batch deadlines (default: system UTC).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How the client waits between retries and batch polls (default: {@link MailchimpSleeper#system()}).
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public Builder sleeper(MailchimpSleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * The retry policy (default: {@link MailchimpRetryPolicy#defaults()}).
     *
     * @param retryPolicy the policy
     * @return this builder
     */
    public Builder retryPolicy(MailchimpRetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * The connect timeout of the HTTP client the builder creates (ignored with {@link #httpClient}); default 10 s.
     *
     * @param connectTimeout the timeout, positive
     * @return this builder
     * @throws IllegalArgumentException when zero or negative
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    /**
     * The timeout of each request, also the longest wait for a connection slot; default 120 s, Mailchimp's
     * own limit per call.
     *
     * @param requestTimeout the timeout, positive
     * @return this builder
     * @throws IllegalArgumentException when zero or negative
     */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = positive(requestTimeout, "requestTimeout");
      return this;
    }

    /**
     * Observes every attempt (default: none); replaces an earlier {@code requestListener}, but not
     * the listeners given to {@link #addRequestListener}.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder requestListener(MailchimpRequestListener listener) {
      this.listener = Objects.requireNonNull(listener, "requestListener");
      return this;
    }

    /**
     * Adds a listener that observes every attempt as well, whatever {@link #requestListener} is set
     * to later: a builder prepared by a framework (qbmc counts a sync's API calls this way) keeps its
     * listener when the host sets its own. Added listeners are called in the order added, before the
     * {@code requestListener}; one that throws does not keep the event from the others.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder addRequestListener(MailchimpRequestListener listener) {
      this.addedListeners.add(Objects.requireNonNull(listener, "listener"));
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
      Objects.requireNonNull(userAgent, "userAgent");
      if (userAgent.isBlank()) {
        throw new IllegalArgumentException("userAgent must not be blank");
      }
      this.userAgent = userAgent;
      return this;
    }

    /**
     * The connection limiter; pass the same instance to every client of one Mailchimp account
     * (default: a new {@link ConnectionLimiter#mailchimpDefault()} for this client alone).
     *
     * @param limiter the limiter
     * @return this builder
     */
    public Builder connectionLimiter(ConnectionLimiter limiter) {
      this.limiter = Objects.requireNonNull(limiter, "limiter");
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
     * @throws NullPointerException if no credentials were given
     */
    public MailchimpClient build() {
      return new MailchimpClient(this);
    }

    /** The added listeners, then the request listener; every one hears every event. */
    private MailchimpRequestListener listeners() {
      if (addedListeners.isEmpty()) {
        return listener;
      }
      List<MailchimpRequestListener> all = new ArrayList<>(addedListeners);
      all.add(listener);
      return event -> {
        RuntimeException first = null;
        for (MailchimpRequestListener each : all) {
          try {
            each.onAttempt(event);
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

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return d;
    }
  }
}
