package dev.qbmc.core.internal.service;

import dev.qbmc.core.model.ConnectionStatus;
import dev.qbmc.core.model.Provider;
import dev.qbmc.core.spi.Connection;
import dev.qbmc.core.spi.VersionedTokens;
import dev.qbmc.mailchimp.MailchimpException;
import dev.qbmc.quickbooks.QuickBooksException;
import java.time.Duration;
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
    if (connection.status() != ConnectionStatus.DISCONNECTED) {
      connection = pause(connection);
      waitForRunningSync(connectionId);
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
  }

  private Connection pause(Connection connection) {
    Connection paused = connection.withStatus(ConnectionStatus.PAUSED, ctx.clock.instant());
    ctx.state.saveConnection(paused);
    return paused;
  }

  /** A sync that already runs holds the lease; wait for it (it stops writing at its next chunk). */
  private void waitForRunningSync(String connectionId) {
    Duration waited = Duration.ZERO;
    Duration step = Duration.ofMillis(250);
    while (waited.compareTo(ctx.tuning.leaseTtl()) < 0) {
      var lease = ctx.state.tryAcquireLease(connectionId, ctx.owner, Duration.ofMinutes(1), ctx.clock.instant());
      if (lease.isPresent()) {
        ctx.state.releaseLease(lease.get());
        return;
      }
      try {
        ctx.sleeper.sleep(step);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      waited = waited.plus(step);
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
