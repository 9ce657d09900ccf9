package dev.qbmc.core.internal.service;

import dev.qbmc.core.model.ConnectionStatus;
import dev.qbmc.core.model.Provider;
import dev.qbmc.core.spi.Connection;
import dev.qbmc.core.spi.Lease;
import dev.qbmc.core.spi.VersionedTokens;
import dev.qbmc.mailchimp.MailchimpException;
import dev.qbmc.quickbooks.QuickBooksException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Disconnects exactly as DESIGN.md says: pauses the connection first (syncs and webhooks are refused
 * from then on), deletes the e-commerce store with its orders, products and e-commerce customers,
 * keeps every audience contact and its tag, touches nothing in QBO, optionally revokes the QBO
 * token, and deletes the stored tokens and sync state. Idempotent.
 */
public final class DisconnectService {
  private static final System.Logger LOG = System.getLogger(DisconnectService.class.getName());

  private final ServiceContext ctx;

  /**
   * Creates the service.
   *
   * @param ctx the shared context
   */
  public DisconnectService(ServiceContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Disconnects a connection.
   *
   * @param connectionId the connection
   * @param revokeQuickBooksToken whether to revoke the QBO refresh token at Intuit too
   */
  public void disconnect(String connectionId, boolean revokeQuickBooksToken) {
    Connection connection = ctx.connection(connectionId);
    Optional<Lease> held = Optional.empty();
    try {
      if (connection.status() != ConnectionStatus.DISCONNECTED) {
        connection = pause(connection);
        held = stopRunningSync(connectionId);
        deleteStore(connection);
      }
      if (revokeQuickBooksToken) {
        revoke(connectionId);
      }
      ctx.tokens.deleteAll(connectionId);
      forgetRecords(connectionId);
      ctx.state.saveConnection(
          Connection.builder()
              .from(ctx.connection(connectionId))
              .status(ConnectionStatus.DISCONNECTED)
              .fullSyncDone(false)
              .updatedAt(ctx.clock.instant())
              .build());
    } finally {
      held.ifPresent(ctx.state::releaseLease);
    }
  }

  private Connection pause(Connection connection) {
    Connection paused = connection.withStatus(ConnectionStatus.PAUSED, ctx.clock.instant());
    ctx.state.saveConnection(paused);
    return paused;
  }

  /**
   * Disconnect wins: the connection is paused, so a running sync, here or in another process, stops
   * before its next Mailchimp write or commit (a sync of this instance is also told directly); this
   * waits for it to let go of the lease, up to the disconnect timeout, then takes the lease (a new
   * fencing token) and holds it until the connection is disconnected, so that nothing the old holder
   * might still send is accepted. A holder that hangs stops renewing its lease after the batch
   * timeout, so it expires and is taken over; only when even that did not happen by the deadline does
   * disconnect go on without the lease (the pause still refuses every commit) and log it.
   *
   * @return the lease taken, or empty when the deadline passed first
   */
  private Optional<Lease> stopRunningSync(String connectionId) {
    Duration timeout = ctx.tuning.disconnectTimeout();
    Instant deadline = ctx.clock.instant().plus(timeout);
    Optional<RunControl> local = ctx.keeper.running(connectionId);
    if (local.isPresent()) {
      local.get().requestStop(SyncService.CONNECTION_NOT_ACTIVE);
      try {
        if (local.get().isCurrentThread()) {
          // called back from the run itself: it stops once this returns; its chunks' writes still in
          // flight on its write threads stop at their next gate, and must have stopped when this returns
          local.get().awaitWrites(timeout);
          return Optional.empty();
        }
        local.get().awaitEnd(timeout);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Duration pause = Duration.ofMillis(250);
    Duration third = ctx.tuning.leaseTtl().dividedBy(3);
    Duration longest = third.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : third;
    while (true) {
      Optional<Lease> lease = ctx.state.tryAcquireLease(connectionId, ctx.owner, ctx.tuning.leaseTtl(), ctx.clock.instant());
      if (lease.isPresent()) {
        return lease;
      }
      Duration left = Duration.between(ctx.clock.instant(), deadline);
      if (left.isNegative() || left.isZero() || Thread.currentThread().isInterrupted()) {
        LOG.log(System.Logger.Level.WARNING,
            "connection {0}: a sync still holds the lease after {1}; disconnecting without it (its commits are refused)",
            connectionId, timeout);
        return Optional.empty();
      }
      try {
        ctx.sleeper.sleep(pause.compareTo(left) < 0 ? pause : left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      pause = pause.multipliedBy(2).compareTo(longest) > 0 ? longest : pause.multipliedBy(2);
    }
  }

  private void deleteStore(Connection connection) {
    if (ctx.tokens.load(connection.connectionId(), Provider.MAILCHIMP).isEmpty()) {
      LOG.log(System.Logger.Level.WARNING,
          "connection {0}: no Mailchimp credentials stored, e-commerce store {1} left in place",
          connection.connectionId(), connection.storeId());
      return;
    }
    ctx.mailchimpClient(connection.connectionId(), new ApiCallCounter())
        .ecommerce()
        .deleteStore(connection.storeId());
  }

  private void revoke(String connectionId) {
    Optional<VersionedTokens> tokens = ctx.tokens.load(connectionId, Provider.QUICKBOOKS);
    if (tokens.isEmpty()) {
      return;
    }
    String token = tokens.get().tokens().refreshToken().orElse(tokens.get().tokens().accessToken());
    try {
      ctx.quickBooks.oauth().revoke(token);
    } catch (QuickBooksException | MailchimpException e) {
      LOG.log(System.Logger.Level.WARNING, "connection {0}: revoking the QuickBooks token failed: {1}",
          connectionId, e.getClass().getSimpleName());
    }
  }

  /** Forgets the connection's cursor and every record state, in one atomic store call. */
  void forgetRecords(String connectionId) {
    ctx.state.clearSyncState(connectionId);
  }
}
