package dev.qbmc.core;

import dev.qbmc.core.internal.service.ConnectService;
import dev.qbmc.core.internal.service.DisconnectService;
import dev.qbmc.core.internal.service.GuardedSyncListener;
import dev.qbmc.core.internal.service.ReviewService;
import dev.qbmc.core.internal.service.SegmentService;
import dev.qbmc.core.internal.service.ServiceContext;
import dev.qbmc.core.internal.service.SharedClients;
import dev.qbmc.core.internal.service.SyncService;
import dev.qbmc.core.internal.service.SyncTuning;
import dev.qbmc.core.internal.service.TokenService;
import dev.qbmc.core.internal.service.WebhookService;
import dev.qbmc.core.report.SyncReport;
import dev.qbmc.core.spi.Connection;
import dev.qbmc.core.spi.SyncRunRecord;
import dev.qbmc.core.spi.SyncStateStore;
import dev.qbmc.core.spi.TokenStore;
import dev.qbmc.mailchimp.MailchimpException;
import dev.qbmc.mailchimp.model.Audience;
import dev.qbmc.mailchimp.model.Member;
import dev.qbmc.mailchimp.model.Segment;
import dev.qbmc.quickbooks.QuickBooksException;
import dev.qbmc.quickbooks.oauth.IntuitTokens;
import dev.qbmc.quickbooks.oauth.OAuthStateSigner;
import dev.qbmc.quickbooks.webhook.WebhookPayloadException;
import dev.qbmc.quickbooks.webhook.WebhookSignatureException;
import dev.qbmc.quickbooks.webhook.WebhookVerifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The qbmc entry point: connect a QuickBooks Online company to a Mailchimp audience, keep it in sync,
 * react to Intuit webhooks, review what was imported, and disconnect. Build one per application with
 * {@link #builder()} and share it: it is thread-safe, holds no static state, and every piece of
 * state lives in the {@link TokenStore} and {@link SyncStateStore} you give it, so several
 * processes may share those stores.
 *
 * <pre>{@code
 * FileStore store = FileStore.open(Path.of("/var/lib/qbmc"));   // tokens and sync state
 * Qbmc qbmc = Qbmc.builder()
 *     .quickBooks(QuickBooksConnector.of(intuitOAuth))              // Intuit's production API
 *     .mailchimp(MailchimpConnector.apiKeys())                      // each key's data centre
 *     .store(store)
 *     .build();
 * }</pre>
 *
 * <h2>Errors</h2>
 *
 * Every method throws unchecked exceptions only. qbmc's own failures extend {@link QbmcException}
 * and are documented on each method; calls that reach QuickBooks Online or Mailchimp may also throw
 * that client's {@link QuickBooksException} or {@link MailchimpException} where documented (a sync
 * reports them instead). Whatever the {@link TokenStore} and {@link SyncStateStore} throw passes
 * through unchanged (for the embedded stores, a {@link dev.qbmc.core.store.StoreException}).
 * Messages never contain a token, a key or a full email address.
 */
public final class Qbmc implements AutoCloseable {
  private final ServiceContext context;
  private final SyncService syncs;
  private final ConnectService connects;
  private final DisconnectService disconnects;
  private final WebhookService webhooks;
  private final ReviewService reviews;
  private final SegmentService segments;
  private final TokenService tokens;
  private final ExecutorService ownedExecutor;
  private final SyncStateStore state;
  private final Duration shutdownGrace;
  private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
  private final GuardedSyncListener syncListener;

  private Qbmc(Builder b) {
    this.ownedExecutor = b.executor == null ? ownedExecutor() : null;
    this.shutdownGrace = b.shutdownGrace;
    Executor executor = b.executor != null ? b.executor : ownedExecutor;
    this.state = b.stateStore;
    this.syncListener = new GuardedSyncListener(b.listener);
    this.context =
        new ServiceContext(
            b.quickBooks,
            b.mailchimp,
            b.tokenStore,
            b.stateStore,
            b.clock,
            b.sleeper,
            syncListener,
            executor,
            b.tuning(),
            b.instanceName + "/" + UUID.randomUUID(),
            new SharedClients(b.httpClient != null ? b.httpClient : SharedClients.defaultHttpClient()));
    this.syncs = new SyncService(context);
    this.disconnects = new DisconnectService(context);
    this.connects = new ConnectService(context, disconnects);
    this.webhooks =
        new WebhookService(
            context, syncs, b.webhookVerifierToken == null ? null : WebhookVerifier.of(b.webhookVerifierToken));
    this.reviews = new ReviewService(context);
    this.segments = new SegmentService(context);
    this.tokens =
        new TokenService(
            context,
            b.oauthStateKey == null ? null : OAuthStateSigner.of(b.oauthStateKey, b.clock, Duration.ofMinutes(15)));
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    return runnable -> {
      Thread thread = new Thread(runnable, "qbmc-webhook-sync");
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  // ------------------------------------------------------------------ OAuth and credentials

  /**
   * The Intuit authorization URL to send the user to, with a signed, expiring {@code state} bound to
   * the user's session and the connection. Needs {@link Builder#oauthStateKey(byte[])}.
   *
   * <p>{@code session} is an opaque value of the signed-in user's session that an attacker cannot
   * learn or set (a session id, or a random value kept in the server-side session), and {@code
   * connectionId} the connection that user may set up, from the host's own records, never from the
   * request. The callback must pass the same pair: a state started in another session (an attacker
   * sending the victim a callback URL with the attacker's code) is refused.
   *
   * @param connectionId the host's id for the connection being set up
   * @param session the signed-in user's session value; never stored or logged
   * @return the URL
   * @throws NullPointerException when an argument is null
   * @throws IllegalArgumentException when an argument is blank
   * @throws IllegalStateException when no {@link Builder#oauthStateKey(byte[]) oauthStateKey} was
   *     configured
   */
  public URI quickBooksAuthorizationUrl(String connectionId, String session) {
    return tokens.quickBooksAuthorizationUrl(requireId(connectionId), requireSession(session));
  }

  /**
   * Handles Intuit's redirect: verifies the state against the session and connection, exchanges the
   * code and stores the tokens.
   *
   * @param connectionId the connection the authorization was started for, from the host's records
   * @param session the session value the authorization was started with
   * @param redirect the full redirect URI Intuit called (with {@code code}, {@code state}, {@code
   *     realmId})
   * @return the QBO realm id the user authorised
   * @throws NullPointerException when an argument is null
   * @throws IllegalArgumentException when the connection id or session is blank or the redirect's
   *     query is not URL-encoded
   * @throws IllegalStateException when no {@link Builder#oauthStateKey(byte[]) oauthStateKey} was
   *     configured
   * @throws AuthorizationFailedException when the user did not grant access, the state is missing,
   *     expired or was issued to another session or for another connection, or the redirect carries
   *     no {@code realmId}; nothing is stored
   * @throws QuickBooksException when Intuit refuses to exchange the code
   * @throws ConcurrentTokenUpdateException when the stored tokens kept changing concurrently
   */
  public String completeQuickBooksAuthorization(String connectionId, String session, URI redirect) {
    return tokens.completeQuickBooksAuthorization(
        requireId(connectionId), requireSession(session), Objects.requireNonNull(redirect, "redirect"));
  }

  /**
   * Stores QBO tokens obtained elsewhere (for example a refresh token from an operator), replacing
   * any stored ones.
   *
   * @param connectionId the connection
   * @param tokens the tokens
   * @throws NullPointerException when an argument is null
   * @throws IllegalArgumentException when the connection id is blank
   * @throws ConcurrentTokenUpdateException when the stored tokens kept changing concurrently
   */
  public void storeQuickBooksTokens(String connectionId, IntuitTokens tokens) {
    this.tokens.storeQuickBooksTokens(requireId(connectionId), Objects.requireNonNull(tokens, "tokens"));
  }

  /**
   * Stores a QBO refresh token alone; the first API call refreshes it into an access token.
   *
   * @param connectionId the connection
   * @param realmId the QBO realm the token belongs to
   * @param refreshToken the refresh token
   * @throws NullPointerException when the connection or realm id is null
   * @throws IllegalArgumentException when an argument is blank or the refresh token is null
   * @throws ConcurrentTokenUpdateException when the stored tokens kept changing concurrently
   */
  public void storeQuickBooksRefreshToken(String connectionId, String realmId, String refreshToken) {
    tokens.storeQuickBooksRefreshToken(requireId(connectionId), requireId(realmId), requireSecret(refreshToken));
  }

  /**
   * The Mailchimp authorization URL, with a signed, expiring {@code state} bound to the user's
   * session and the connection (see {@link #quickBooksAuthorizationUrl}). Needs a Mailchimp OAuth
   * app on the connector and {@link Builder#oauthStateKey(byte[])}.
   *
   * @param connectionId the connection being set up, from the host's records
   * @param session the signed-in user's session value; never stored or logged
   * @return the URL
   * @throws NullPointerException when an argument is null
   * @throws IllegalArgumentException when an argument is blank
   * @throws IllegalStateException when the Mailchimp connector has no OAuth app or no {@link
   *     Builder#oauthStateKey(byte[]) oauthStateKey} was configured
   */
  public URI mailchimpAuthorizationUrl(String connectionId, String session) {
    return tokens.mailchimpAuthorizationUrl(requireId(connectionId), requireSession(session));
  }

  /**
   * Handles Mailchimp's redirect: verifies the state against the session and connection, exchanges
   * the code, looks up the account's data centre and stores the token.
   *
   * @param connectionId the connection the authorization was started for, from the host's records
   * @param session the session value the authorization was started with
   * @param redirect the full redirect URI Mailchimp called (with {@code code} and {@code state})
   * @throws NullPointerException when an argument is null
   * @throws IllegalArgumentException when the connection id or session is blank or the redirect's
   *     query is not URL-encoded
   * @throws IllegalStateException when the Mailchimp connector has no OAuth app or no {@link
   *     Builder#oauthStateKey(byte[]) oauthStateKey} was configured
   * @throws AuthorizationFailedException when the user did not grant access, the state is missing,
   *     expired or was issued to another session or for another connection, or the redirect
   *     carries no {@code code}; nothing is stored
   * @throws MailchimpException when Mailchimp refuses to exchange the code or to name the account's
   *     data centre
   * @throws ConcurrentTokenUpdateException when the stored tokens kept changing concurrently
   */
  public void completeMailchimpAuthorization(String connectionId, String session, URI redirect) {
    tokens.completeMailchimpAuthorization(
        requireId(connectionId), requireSession(session), Objects.requireNonNull(redirect, "redirect"));
  }

  /**
   * Stores a Mailchimp API key ({@code key-usN}) for a connection.
   *
   * @param connectionId the connection
   * @param apiKey the API key
   * @throws NullPointerException when the connection id is null
   * @throws IllegalArgumentException when the connection id is blank, or the key is null, blank or
   *     does not end with its data centre (like {@code -us6})
   * @throws ConcurrentTokenUpdateException when the stored tokens kept changing concurrently
   */
  public void storeMailchimpApiKey(String connectionId, String apiKey) {
    tokens.storeMailchimpApiKey(requireId(connectionId), requireSecret(apiKey));
  }

  // ------------------------------------------------------------------ proven credentials

  /**
   * Proves a QBO refresh token before storing anything: refreshes it at Intuit and reads the realm's
   * company info with the fresh access token, then stores the fresh tokens (Intuit rotates the
   * refresh token). A refused token changes nothing: a connection keeps its working tokens, so
   * running a setup again with a stale token cannot break it.
   *
   * @param connectionId the connection
   * @param realmId the QBO realm the token belongs to
   * @param refreshToken the refresh token
   * @throws NullPointerException when the connection or realm id is null
   * @throws IllegalArgumentException when an argument is blank or the refresh token is null
   * @throws CredentialsRejectedException when Intuit refuses the token, or QBO the realm with it
   * @throws QuickBooksException when Intuit or QBO cannot be reached or fail
   * @throws ConcurrentTokenUpdateException when the stored tokens kept changing concurrently
   */
  public void checkAndStoreQuickBooksRefreshToken(String connectionId, String realmId, String refreshToken) {
    tokens.checkAndStoreQuickBooksRefreshToken(requireId(connectionId), requireId(realmId), requireSecret(refreshToken));
  }

  /**
   * Proves QBO tokens before storing them: reads the realm's company info with their access token
   * (no refresh), then stores them. Refused tokens change nothing.
   *
   * @param connectionId the connection
   * @param realmId the QBO realm the tokens belong to
   * @param tokens the tokens
   * @throws NullPointerException when an argument is null
   * @throws IllegalArgumentException when the connection or realm id is blank
   * @throws CredentialsRejectedException when QBO refuses the access token for the realm
   * @throws QuickBooksException when QBO cannot be reached or fails
   * @throws ConcurrentTokenUpdateException when the stored tokens kept changing concurrently
   */
  public void checkAndStoreQuickBooksTokens(String connectionId, String realmId, IntuitTokens tokens) {
    this.tokens.checkAndStoreQuickBooksTokens(
        requireId(connectionId), requireId(realmId), Objects.requireNonNull(tokens, "tokens"));
  }

  /**
   * Proves a Mailchimp API key before storing it: reads the account's API root with it, then stores
   * it. A refused key changes nothing.
   *
   * @param connectionId the connection
   * @param apiKey the API key
   * @throws NullPointerException when the connection id is null
   * @throws IllegalArgumentException when the connection id is blank, or the key is null, blank or
   *     does not end with its data centre (like {@code -us6})
   * @throws CredentialsRejectedException when Mailchimp refuses the key
   * @throws MailchimpException when Mailchimp cannot be reached or fails
   * @throws ConcurrentTokenUpdateException when the stored tokens kept changing concurrently
   */
  public void checkAndStoreMailchimpApiKey(String connectionId, String apiKey) {
    tokens.checkAndStoreMailchimpApiKey(requireId(connectionId), requireSecret(apiKey));
  }

  // ------------------------------------------------------------------ connect

  /**
   * The audiences of the Mailchimp account whose credentials are stored under the connection id,
   * for the user to choose from.
   *
   * @param connectionId the connection being set up
   * @return the audiences
   * @throws NullPointerException when the connection id is null
   * @throws IllegalArgumentException when the connection id is blank
   * @throws MissingCredentialsException when no Mailchimp credentials are stored for the connection
   * @throws MailchimpException when Mailchimp refuses the request
   */
  public List<Audience> availableAudiences(String connectionId) {
    return connects.availableAudiences(requireId(connectionId));
  }

  /**
   * Connects a realm to an audience. Both credentials are validated before anything is stored.
   *
   * @param request what to connect
   * @return the connection
   * @throws CredentialsRejectedException when QBO or Mailchimp refuses the stored credentials
   * @throws RealmAlreadyConnectedException when the realm is connected elsewhere and {@code
   *     replaceExisting} is false
   * @throws MissingCredentialsException when tokens are missing
   * @throws NullPointerException when the request is null
   * @throws IllegalArgumentException when the chosen audience does not exist, or a new audience is
   *     asked for and the QBO company has no address or email address
   * @throws MailchimpException when Mailchimp refuses to create the audience or the e-commerce store
   */
  public Connection connect(ConnectRequest request) {
    return connects.connect(Objects.requireNonNull(request, "request"));
  }

  // ------------------------------------------------------------------ sync

  /**
   * Syncs with the default options.
   *
   * <p>A run that loses its lease (a renewal refused, the lease taken over) or whose connection is
   * paused or disconnected meanwhile stops before its next Mailchimp write or commit and returns a
   * {@code FAILED} report with the failure code {@code LEASE_LOST} or {@code CONNECTION_NOT_ACTIVE};
   * its run record is kept.
   *
   * @param connectionId the connection
   * @return the report
   * @throws SyncAlreadyRunningException when another sync of the connection runs
   * @throws ConnectionNotActiveException when the connection is paused, disconnected or needs
   *     re-authorisation
   * @throws ConnectionNotFoundException when no connection has this id
   * @throws MissingCredentialsException when the connection's Mailchimp credentials are missing
   * @throws NullPointerException when the connection id is null
   * @throws IllegalArgumentException when the connection id is blank
   */
  public SyncReport sync(String connectionId) {
    return sync(connectionId, SyncOptions.defaults());
  }

  /**
   * Syncs: the first run reads everything (with the store's {@code is_syncing} set so that history
   * sends no order notifications), later runs read the changes since the last one. Only
   * differences are written. A run that loses its lease or whose connection is paused or
   * disconnected meanwhile stops before its next Mailchimp write or commit and returns a {@code
   * FAILED} report ({@code LEASE_LOST}, {@code CONNECTION_NOT_ACTIVE}); its run record is kept.
   *
   * @param connectionId the connection
   * @param options dry run, full read, waiting for a running sync
   * @return the report
   * @throws SyncAlreadyRunningException when another sync of the connection runs and {@code
   *     waitForLease} is empty or ran out
   * @throws ConnectionNotActiveException when the connection is paused, disconnected or needs
   *     re-authorisation
   * @throws ConnectionNotFoundException when no connection has this id
   * @throws MissingCredentialsException when the connection's Mailchimp credentials are missing
   * @throws NullPointerException when an argument is null
   * @throws IllegalArgumentException when the connection id is blank
   */
  public SyncReport sync(String connectionId, SyncOptions options) {
    String id = requireId(connectionId);
    Objects.requireNonNull(options, "options");
    try {
      return syncs.sync(id, options);
    } catch (RuntimeException e) {
      // A sync that ends without a report (refused, lease lost, re-authorisation needed) is logged
      // as one line too; the exception's type names the outcome, its message may not be logged.
      syncListener.syncEnded(id);
      System.getLogger(GuardedSyncListener.LOGGER).log(System.Logger.Level.INFO,
          "sync {0} ended without a report: {1}", id, e.getClass().getName());
      throw e;
    }
  }

  /**
   * Handles one Intuit webhook delivery and returns at once: verifies the {@code intuit-signature}
   * over the raw body, accepts legacy and CloudEvents payloads, drops events already handled, and
   * schedules a targeted sync of the named records on the executor. Answer HTTP 200 when this
   * returns; a {@link WebhookSignatureException} means a forged or
   * corrupted delivery (answer 401).
   *
   * @param headers the request headers, names in any case
   * @param rawBody the body bytes exactly as received
   * @return what was scheduled and what was ignored
   * @throws NullPointerException when an argument is null
   * @throws IllegalStateException when no {@link Builder#webhookVerifierToken(String) verifier
   *     token} was configured
   * @throws WebhookSignatureException when the signature is missing or wrong (answer 401)
   * @throws WebhookPayloadException when the signed body is not a webhook payload
   */
  public WebhookResult handleWebhook(Map<String, List<String>> headers, byte[] rawBody) {
    return webhooks.handle(Objects.requireNonNull(headers, "headers"), Objects.requireNonNull(rawBody, "rawBody"));
  }

  // ------------------------------------------------------------------ disconnect and review

  /**
   * Disconnects: syncs and webhooks are refused from then on, the e-commerce store (orders,
   * products, e-commerce customers) is deleted, every audience contact and its tag are kept, QBO is
   * not touched, the stored tokens are deleted. Harmless when repeated.
   *
   * <p>Disconnect wins over a running sync: the connection is paused first, so a sync of it, in this
   * process or another sharing the store, stops before its next Mailchimp write or commit; this
   * waits for it to let go of its lease (at most {@link Builder#disconnectTimeout}), then holds the
   * lease until the connection is disconnected. Nothing is written to Mailchimp for the connection
   * after this returns, and no record state is left.
   *
   * @param connectionId the connection
   * @param revokeQuickBooksToken whether to also revoke the QBO token at Intuit
   * @throws NullPointerException when the connection id is null
   * @throws IllegalArgumentException when the connection id is blank
   * @throws ConnectionNotFoundException when no connection has this id
   * @throws MailchimpException when Mailchimp refuses to delete the e-commerce store (the connection
   *     stays paused; disconnecting again retries); a failed token revocation is only logged
   */
  public void disconnect(String connectionId, boolean revokeQuickBooksToken) {
    disconnects.disconnect(requireId(connectionId), revokeQuickBooksToken);
  }

  /**
   * The contacts imported from QuickBooks Online: the members carrying the connection's tag, paged
   * lazily.
   *
   * @param connectionId the connection
   * @return the members
   * @throws NullPointerException when the connection id is null
   * @throws IllegalArgumentException when the connection id is blank
   * @throws ConnectionNotFoundException when no connection has this id
   * @throws MissingCredentialsException when the connection's Mailchimp credentials are missing
   * @throws MailchimpException when Mailchimp refuses a page request, thrown while the stream is
   *     consumed
   */
  public Stream<Member> importedContacts(String connectionId) {
    return reviews.importedContacts(requireId(connectionId));
  }

  /**
   * The imported contacts changed in Mailchimp since an instant, most useful after a sync.
   *
   * @param connectionId the connection
   * @param since the instant
   * @return the members
   * @throws NullPointerException when an argument is null
   * @throws IllegalArgumentException when the connection id is blank
   * @throws ConnectionNotFoundException when no connection has this id
   * @throws MissingCredentialsException when the connection's Mailchimp credentials are missing
   * @throws MailchimpException when Mailchimp refuses a page request, thrown while the stream is
   *     consumed
   */
  public Stream<Member> importedContactsChangedSince(String connectionId, Instant since) {
    return reviews.changedSince(requireId(connectionId), Objects.requireNonNull(since, "since"));
  }

  /**
   * Creates a Mailchimp saved segment of the connection's imported contacts that meet every rule,
   * or updates the connection's saved segment of that name (its rules are replaced). Purchase rules
   * also limit it to buyers in the connection's store (except {@link SegmentRule#neverPurchased()});
   * tags a rule names that nobody carries yet are created empty. Disconnecting leaves segments and
   * tags in place.
   *
   * <pre>{@code
   * Segment vip = qbmc.createSegment("acme", "Big spenders", SegmentRule.spentMoreThan(1000));
   * Segment chase = qbmc.createSegment("acme", "Overdue cake buyers",
   *     SegmentRule.overdue(), SegmentRule.boughtItem("Wedding cake"));
   * }</pre>
   *
   * @param connectionId the connection
   * @param name the segment's name (cleaned, at most 100 characters)
   * @param rules one to three rules
   * @return the segment with its member count
   * @throws NullPointerException when an argument is null
   * @throws IllegalArgumentException when the name is blank, there are no or more than three rules,
   *     a rule names a fact tag the connection does not keep, or an item the store does not have
   * @throws ConnectionNotFoundException when no connection has this id
   * @throws ConnectionNotActiveException when the connection is not connected
   * @throws MissingCredentialsException when the connection's Mailchimp credentials are missing
   * @throws MailchimpException when Mailchimp refuses a call
   */
  public Segment createSegment(String connectionId, String name, SegmentRule... rules) {
    return segments.create(requireId(connectionId), name, List.of(Objects.requireNonNull(rules, "rules")));
  }

  /**
   * The connection's saved segments (those limited to its imported contacts) with their member
   * counts as Mailchimp reports them.
   *
   * @param connectionId the connection
   * @return the segments
   * @throws NullPointerException when the connection id is null
   * @throws IllegalArgumentException when the connection id is blank
   * @throws ConnectionNotFoundException when no connection has this id
   * @throws MissingCredentialsException when the connection's Mailchimp credentials are missing
   * @throws MailchimpException when Mailchimp refuses a call
   */
  public List<Segment> segments(String connectionId) {
    return segments.list(requireId(connectionId));
  }

  /**
   * A connection as stored.
   *
   * @param connectionId the connection
   * @return the connection, or empty
   * @throws NullPointerException when the connection id is null
   * @throws IllegalArgumentException when the connection id is blank
   */
  public Optional<Connection> connection(String connectionId) {
    return state.connection(requireId(connectionId));
  }

  /**
   * The most recent sync runs of a connection, newest first.
   *
   * @param connectionId the connection
   * @param limit the most to return
   * @return the runs
   * @throws NullPointerException when the connection id is null
   * @throws IllegalArgumentException when the connection id is blank or the limit is not positive
   */
  public List<SyncRunRecord> recentRuns(String connectionId, int limit) {
    return state.recentRuns(requireId(connectionId), limit);
  }

  // ---- engine (issue 12): bounded webhook executor, close stops running work

  /** Two daemon threads with a queue of {@value #WEBHOOK_QUEUE} tasks (at most one per connection). */
  private static ExecutorService ownedExecutor() {
    return new java.util.concurrent.ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS,
        new java.util.concurrent.ArrayBlockingQueue<>(WEBHOOK_QUEUE), daemonThreads());
  }

  /** The owned webhook executor's queue: connections with webhook syncs waiting for a thread. */
  private static final int WEBHOOK_QUEUE = 1_000;

  /**
   * Stops this instance's work within the {@link Builder#shutdownGrace shutdown grace period}: no
   * more webhook-triggered syncs are scheduled (records waiting for one are left to the next
   * change-feed sync), every sync running in this instance is asked to stop before its next
   * Mailchimp write or commit (it returns a {@code FAILED} report with the failure code {@code
   * QBMC_CLOSED}, which its run record keeps), then the executor this instance created and the
   * lease ticker stop. What a stopped sync committed stays committed; the next sync resumes. Calling
   * it again does nothing.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    long deadline = System.nanoTime() + shutdownGrace.toNanos();
    webhooks.close();
    try {
      context.keeper().stopAll(SyncService.CLOSED, shutdownGrace);
      if (ownedExecutor != null) {
        ownedExecutor.shutdown();
        if (!ownedExecutor.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
          ownedExecutor.shutdownNow();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      context.keeper().close();
    }
  }
  // ---- end engine

  private static String requireId(String id) {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("id must not be blank");
    }
    return id;
  }

  private static String requireSession(String session) {
    Objects.requireNonNull(session, "session");
    if (session.isBlank()) {
      throw new IllegalArgumentException("session must not be blank");
    }
    return session;
  }

  private static String requireSecret(String secret) {
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("credential must not be null or blank");
    }
    return secret;
  }

  @Override
  public String toString() {
    return "Qbmc[" + context + "]";
  }

  /** Builds a {@link Qbmc}; the connectors and both stores are required. */
  public static final class Builder {
    private QuickBooksConnector quickBooks;
    private MailchimpConnector mailchimp;
    private TokenStore tokenStore;
    private SyncStateStore stateStore;
    // ---- shared HTTP client (issue 12 item 7)
    private HttpClient httpClient;
    // ---- end shared HTTP client
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private SyncListener listener = SyncListener.none();
    private Executor executor;
    private String webhookVerifierToken;
    private byte[] oauthStateKey;
    private String instanceName = "qbmc";
    private int chunkSize = SyncTuning.defaults().chunkSize();
    private int directWriteLimit = SyncTuning.defaults().directWriteLimit();
    private Duration batchTimeout = SyncTuning.defaults().batchTimeout();
    private Duration leaseTtl = SyncTuning.defaults().leaseTtl();
    private int batchesInFlight = SyncTuning.defaults().batchesInFlight();
    // ---- engine (issue 12): waits of disconnect and close
    private Duration disconnectTimeout;
    private Duration shutdownGrace = Duration.ofSeconds(30);
    // ---- end engine

    private Builder() {}

    /**
     * How to reach QuickBooks Online (required).
     *
     * @param connector the connector
     * @return this builder
     */
    public Builder quickBooks(QuickBooksConnector connector) {
      this.quickBooks = Objects.requireNonNull(connector, "connector");
      return this;
    }

    /**
     * How to reach Mailchimp (required).
     *
     * @param connector the connector
     * @return this builder
     */
    public Builder mailchimp(MailchimpConnector connector) {
      this.mailchimp = Objects.requireNonNull(connector, "connector");
      return this;
    }

    /**
     * Where tokens are kept (required).
     *
     * @param store the token store
     * @return this builder
     */
    public Builder tokenStore(TokenStore store) {
      this.tokenStore = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Where connections and sync state are kept (required).
     *
     * @param store the state store
     * @return this builder
     */
    public Builder stateStore(SyncStateStore store) {
      this.stateStore = Objects.requireNonNull(store, "store");
      return this;
    }

    // ---- production defaults and the shared HTTP client (issue 12 item 7, issue 16)

    /**
     * One store for both tokens and sync state, as the embedded stores are ({@code FileStore},
     * {@code JdbcStore}): the same as {@link #tokenStore} and {@link #stateStore} with it.
     *
     * @param store the store
     * @param <S> a store that is both
     * @return this builder
     */
    public <S extends TokenStore & SyncStateStore> Builder store(S store) {
      Objects.requireNonNull(store, "store");
      return tokenStore(store).stateStore(store);
    }

    /**
     * The one HTTP client every QuickBooks and Mailchimp client of this instance uses (default: one
     * the instance builds, with a 10 s connect timeout and no redirects). Either way every sync,
     * connect and webhook shares it, so syncs cost no selector thread or connection pool of their
     * own. A host's client should not follow redirects (the instance's own does not); closing it
     * stays the host's business.
     *
     * @param client the HTTP client
     * @return this builder
     */
    public Builder httpClient(HttpClient client) {
      this.httpClient = Objects.requireNonNull(client, "client");
      return this;
    }

    // ---- end production defaults

    /**
     * The clock (default: system UTC).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How to wait while a lease is held elsewhere (default: {@link Sleeper#system()}).
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Receives progress and reports (default: none).
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(SyncListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Runs webhook-triggered syncs (default: two daemon threads owned and closed by this instance,
     * with a queue of 1,000 tasks). qbmc submits at most one task per connection at a time and never
     * blocks a thread waiting for a lease; a task the executor refuses makes {@link
     * Qbmc#handleWebhook} report the realm {@code QUEUE_FULL} (the change feed still has the changes).
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * The Intuit webhook verifier token, needed by {@link #handleWebhook}. Never logged.
     *
     * @param verifierToken the token from the Intuit developer portal
     * @return this builder
     */
    public Builder webhookVerifierToken(String verifierToken) {
      this.webhookVerifierToken = requireSecret(verifierToken);
      return this;
    }

    /**
     * The key (at least 32 bytes) that signs OAuth {@code state} values, needed by the authorization
     * URL helpers. Keep it secret and the same across instances that share callbacks.
     *
     * @param key the key
     * @return this builder
     */
    public Builder oauthStateKey(byte[] key) {
      Objects.requireNonNull(key, "key");
      if (key.length < 32) {
        throw new IllegalArgumentException("oauthStateKey must be at least 32 bytes");
      }
      this.oauthStateKey = key.clone();
      return this;
    }

    /**
     * A name for this instance, used in lease owner names (default {@code qbmc}).
     *
     * @param name the name
     * @return this builder
     */
    public Builder instanceName(String name) {
      this.instanceName = requireId(name);
      return this;
    }

    /**
     * How many QBO records are planned, written and committed together (default 5,000). A crash
     * loses at most the bookkeeping of the chunks in flight ({@link #batchesInFlight}), which the
     * next run repeats idempotently.
     *
     * @param records the chunk size, 1 to 100,000
     * @return this builder
     */
    public Builder chunkSize(int records) {
      if (records < 1 || records > 100_000) {
        throw new IllegalArgumentException("chunkSize must be between 1 and 100000");
      }
      this.chunkSize = records;
      return this;
    }

    /**
     * E-commerce write waves up to this size are sent call by call; larger ones go to Mailchimp's
     * {@code /batches} (default 10).
     *
     * @param operations the limit, 0 or more
     * @return this builder
     */
    public Builder directWriteLimit(int operations) {
      if (operations < 0) {
        throw new IllegalArgumentException("directWriteLimit must not be negative");
      }
      this.directWriteLimit = operations;
      return this;
    }

    /**
     * How many chunks' Mailchimp writes a sync keeps in flight at once (default 4): while Mailchimp
     * runs one chunk's {@code /batches} request, the next chunks are read, planned and sent. Their
     * states are committed in order, each once Mailchimp confirmed its writes; a chunk that writes
     * a member, customer, product or order that a chunk in flight writes too waits for it, and the
     * orders start once every customer and product is committed. 1 writes one chunk at a time. A
     * dry run and a connection with a contact limit always write one chunk at a time. Memory grows
     * with it (about one chunk's records and request bodies per chunk in flight), and a running sync
     * uses up to this many write threads of its own besides the executor's thread.
     *
     * @param chunks 1 to 10 (Mailchimp allows 10 simultaneous connections per key)
     * @return this builder
     */
    public Builder batchesInFlight(int chunks) {
      if (chunks < 1 || chunks > 10) {
        throw new IllegalArgumentException("batchesInFlight must be between 1 and 10");
      }
      this.batchesInFlight = chunks;
      return this;
    }

    /**
     * The longest wait for one {@code /batches} request (default 30 minutes).
     *
     * @param timeout the timeout
     * @return this builder
     */
    public Builder batchTimeout(Duration timeout) {
      this.batchTimeout = positive(timeout, "batchTimeout");
      return this;
    }

    /**
     * How long a sync's lease lasts without renewal (default 1 minute). A running sync renews it
     * every third of the TTL (at every API call of the run and, while it waits inside a client,
     * from a ticker thread), so a long {@code /batches} wait keeps it; a crashed process's lease is
     * taken over once it expires (the {@code FileStore} takes it over at once). A run whose renewal
     * is refused writes nothing more and ends {@code FAILED} with the failure code {@code
     * LEASE_LOST}.
     *
     * @param ttl the time to live
     * @return this builder
     */
    public Builder leaseTtl(Duration ttl) {
      this.leaseTtl = positive(ttl, "leaseTtl");
      return this;
    }

    // ---- engine (issue 12): waits of disconnect and close

    /**
     * How long {@link Qbmc#disconnect} waits for a running sync of the connection (here or in
     * another process sharing the store) to stop (default: {@link #batchTimeout} plus two {@link
     * #leaseTtl}s). The paused connection stops a sync before its next Mailchimp write or commit; a
     * sync in the middle of a {@code /batches} wait finishes it first. When the sync does not let go
     * of its lease in time (a hung process), disconnect goes on without it: its commits are refused.
     *
     * @param timeout the timeout
     * @return this builder
     */
    public Builder disconnectTimeout(Duration timeout) {
      this.disconnectTimeout = positive(timeout, "disconnectTimeout");
      return this;
    }

    /**
     * How long {@link Qbmc#close()} waits for the syncs running in this instance to stop (default 30
     * seconds). They are asked to stop before their next Mailchimp write or commit, so they usually
     * end at once; one in the middle of a {@code /batches} wait ends when the wait does.
     *
     * @param grace the grace period
     * @return this builder
     */
    public Builder shutdownGrace(Duration grace) {
      this.shutdownGrace = positive(grace, "shutdownGrace");
      return this;
    }

    private SyncTuning tuning() {
      return new SyncTuning(chunkSize, directWriteLimit, batchTimeout, leaseTtl,
          disconnectTimeout != null ? disconnectTimeout : SyncTuning.defaultDisconnectTimeout(batchTimeout, leaseTtl),
          batchesInFlight);
    }
    // ---- end engine

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return d;
    }

    /**
     * Builds the instance.
     *
     * @return the instance
     * @throws IllegalStateException when a required part is missing
     */
    public Qbmc build() {
      if (quickBooks == null || mailchimp == null || tokenStore == null || stateStore == null) {
        throw new IllegalStateException("quickBooks, mailchimp, tokenStore and stateStore are required");
      }
      return new Qbmc(this);
    }

    @Override
    public String toString() {
      return "Qbmc.Builder[webhookVerifierToken=" + (webhookVerifierToken == null ? "unset" : "[redacted]") + "]";
    }
  }
}
