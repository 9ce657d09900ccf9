package dev.qbmc.core.internal.service;

import dev.qbmc.core.ConnectionNotFoundException;
import dev.qbmc.core.MailchimpConnector;
import dev.qbmc.core.MissingCredentialsException;
import dev.qbmc.core.QuickBooksConnector;
import dev.qbmc.core.Sleeper;
import dev.qbmc.core.SyncListener;
import dev.qbmc.core.model.ConnectionStatus;
import dev.qbmc.core.model.Provider;
import dev.qbmc.core.spi.Connection;
import dev.qbmc.core.spi.StoredTokens;
import dev.qbmc.core.spi.SyncStateStore;
import dev.qbmc.core.spi.TokenStore;
import dev.qbmc.mailchimp.MailchimpClient;
import dev.qbmc.mailchimp.MailchimpCredentials;
import dev.qbmc.quickbooks.AccessTokenProvider;
import dev.qbmc.quickbooks.QuickBooksClient;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * Everything the services share: the host's connectors and stores, the clock, the listener and
 * executor, and the per-connection refresh locks of this {@code Qbmc} instance (instance state,
 * never static).
 */
public final class ServiceContext {
  private static final Pattern API_KEY = Pattern.compile(".+-[a-z]+[0-9]+");

  final QuickBooksConnector quickBooks;
  final MailchimpConnector mailchimp;
  final TokenStore tokens;
  final SyncStateStore state;
  final Clock clock;
  final Sleeper sleeper;
  final SyncListener listener;
  final Executor executor;
  final SyncTuning tuning;
  final String owner;
  final LeaseKeeper keeper;
  final SharedClients clients;
  private final Map<String, ReentrantLock> refreshLocks = new ConcurrentHashMap<>();

  /**
   * Creates the context.
   *
   * @param quickBooks the QBO connector
   * @param mailchimp the Mailchimp connector
   * @param tokens the token store
   * @param state the state store
   * @param clock the clock
   * @param sleeper the sleeper used while waiting for a lease
   * @param listener the sync listener
   * @param executor runs webhook-triggered syncs
   * @param tuning chunking and batching
   * @param owner this instance's lease owner name
   * @param clients the HTTP client and limiters every client of the instance shares
   */
  public ServiceContext(
      QuickBooksConnector quickBooks,
      MailchimpConnector mailchimp,
      TokenStore tokens,
      SyncStateStore state,
      Clock clock,
      Sleeper sleeper,
      SyncListener listener,
      Executor executor,
      SyncTuning tuning,
      String owner,
      SharedClients clients) {
    this.quickBooks = quickBooks;
    this.mailchimp = mailchimp;
    this.tokens = tokens;
    this.state = state;
    this.clock = clock;
    this.sleeper = sleeper;
    this.listener = listener;
    this.executor = executor;
    this.tuning = tuning;
    this.owner = owner;
    this.keeper = new LeaseKeeper(state, clock, tuning.leaseTtl(), tuning.batchTimeout());
    this.clients = clients;
  }

  /** {@return this instance's running syncs and their lease ticker} */
  public LeaseKeeper keeper() {
    return keeper;
  }

  Connection connection(String connectionId) {
    return state.connection(connectionId).orElseThrow(() -> new ConnectionNotFoundException(connectionId));
  }

  /** A QBO client for the realm whose tokens are stored under the connection. */
  QuickBooksClient quickBooksClient(String connectionId, String realmId, ApiCallCounter calls) {
    StoredQuickBooksTokens provider =
        new StoredQuickBooksTokens(
            connectionId,
            tokens,
            quickBooks.oauth(),
            clock,
            sleeper,
            refreshLocks.computeIfAbsent(connectionId, id -> new ReentrantLock()),
            () -> markNeedsReauthorization(connectionId));
    return quickBooksClient(realmId, provider, calls);
  }

  /**
   * A QBO client with the given tokens: the connector's settings on a builder prepared with the
   * shared HTTP client, the realm's limiter and the call counter (added, so never lost).
   */
  QuickBooksClient quickBooksClient(String realmId, AccessTokenProvider provider, ApiCallCounter calls) {
    QuickBooksClient.Builder prepared =
        clients.quickBooks(realmId).accessTokenProvider(provider).addRequestListener(calls::quickBooks);
    return Objects.requireNonNull(quickBooks.client(prepared), "the QuickBooks connector returned no client");
  }

  /** A Mailchimp client from the credentials stored under the connection. */
  MailchimpClient mailchimpClient(String connectionId, ApiCallCounter calls) {
    StoredTokens stored =
        tokens
            .load(connectionId, Provider.MAILCHIMP)
            .orElseThrow(() -> new MissingCredentialsException(connectionId, Provider.MAILCHIMP))
            .tokens();
    return mailchimpClient(credentials(stored), stored.accessToken(), calls);
  }

  /** A Mailchimp client: the connector's settings on a builder prepared like the QBO one. */
  MailchimpClient mailchimpClient(MailchimpCredentials credentials, String secret, ApiCallCounter calls) {
    MailchimpClient.Builder prepared =
        clients.mailchimp(secret).credentials(credentials).addRequestListener(calls::mailchimp);
    return Objects.requireNonNull(mailchimp.client(prepared), "the Mailchimp connector returned no client");
  }

  static MailchimpCredentials credentials(StoredTokens stored) {
    if (stored.dataCenter().isPresent() && !API_KEY.matcher(stored.accessToken()).matches()) {
      return MailchimpCredentials.oauthToken(stored.accessToken(), stored.dataCenter().get());
    }
    return MailchimpCredentials.apiKey(stored.accessToken());
  }

  @Override
  public String toString() {
    return "owner=" + owner + ", tuning=" + tuning;
  }

  void markNeedsReauthorization(String connectionId) {
    state
        .connection(connectionId)
        .filter(c -> c.status() == ConnectionStatus.CONNECTED)
        .ifPresent(
            c -> state.saveConnection(c.withStatus(ConnectionStatus.NEEDS_REAUTHORIZATION, clock.instant())));
  }
}
