package dev.qbmc.core.internal.store.jdbc;

import static dev.qbmc.core.internal.store.jdbc.Jdbc.instant;
import static dev.qbmc.core.internal.store.jdbc.Jdbc.micros;
import static dev.qbmc.core.internal.store.jdbc.Jdbc.setInstant;
import static dev.qbmc.core.internal.store.jdbc.Jdbc.setText;

import dev.qbmc.core.model.ConnectionStatus;
import dev.qbmc.core.spi.Lease;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code leases} table: one row per connection with the holder, the expiry and the fencing
 * token. Acquire, renew and release are each one conditional statement, so that concurrent nodes
 * can never both hold a lease; the token of a row only grows (the row outlives releases and deleted
 * connections). {@link #fence} is the check of a fenced write, in the writer's transaction.
 */
public final class LeaseRows {

  private final String acquire;
  private final String renew;
  private final String release;
  private final String clear;
  private final String select;
  private final String fence;

  /**
   * Creates the statements.
   *
   * @param tables the table names
   */
  public LeaseRows(Tables tables) {
    String leases = tables.table("leases");
    String connections = tables.table("connections");
    // Takes the lease when there is no row, no holder, or an expired holder; else returns no row.
    acquire =
        "INSERT INTO " + leases + " AS l (connection_id, owner, token, acquired_at, expires_at)"
            + " VALUES (?, ?, 1, ?, ?)"
            + " ON CONFLICT (connection_id) DO UPDATE SET owner = EXCLUDED.owner, token = l.token + 1,"
            + " acquired_at = EXCLUDED.acquired_at, expires_at = EXCLUDED.expires_at"
            + " WHERE l.owner IS NULL OR l.expires_at <= ?"
            + " RETURNING token";
    renew =
        "UPDATE " + leases + " SET expires_at = ?"
            + " WHERE connection_id = ? AND token = ? AND owner = ? AND expires_at > ?"
            + " RETURNING acquired_at";
    release =
        "UPDATE " + leases + " SET owner = NULL, acquired_at = NULL, expires_at = NULL"
            + " WHERE connection_id = ? AND token = ? AND owner = ?";
    clear =
        "UPDATE " + leases + " SET owner = NULL, acquired_at = NULL, expires_at = NULL WHERE connection_id = ?";
    select =
        "SELECT owner, token, acquired_at, expires_at FROM " + leases
            + " WHERE connection_id = ? AND owner IS NOT NULL";
    // Locks the lease and connection rows until the writer's transaction ends: a takeover, a renewal
    // or a status change (disconnect) waits for the write, or the write sees it and is refused.
    fence =
        "SELECT 1 FROM " + leases + " l JOIN " + connections + " c ON c.connection_id = l.connection_id"
            + " WHERE l.connection_id = ? AND l.token = ? AND l.owner = ? AND c.status = ?"
            + " FOR SHARE OF l, c";
  }

  /**
   * Acquires a lease if none is valid at {@code now}.
   *
   * @param c the database connection
   * @param connectionId the connection id
   * @param owner the owner
   * @param now the current time
   * @param expiresAt when it expires
   * @return the lease, or empty
   * @throws SQLException on a database failure
   */
  public Optional<Lease> acquire(Connection c, String connectionId, String owner, Instant now, Instant expiresAt)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(acquire)) {
      setText(ps, 1, connectionId, "connectionId");
      setText(ps, 2, owner, "owner");
      setInstant(ps, 3, now);
      setInstant(ps, 4, expiresAt);
      setInstant(ps, 5, now);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(Lease.of(connectionId, owner, rs.getLong(1), micros(now), micros(expiresAt)))
            : Optional.empty();
      }
    }
  }

  /**
   * Extends a lease that is still held and valid at {@code now}.
   *
   * @param c the database connection
   * @param lease the lease held
   * @param now the current time
   * @param expiresAt the new expiry
   * @return the renewed lease, or empty when lost
   * @throws SQLException on a database failure
   */
  public Optional<Lease> renew(Connection c, Lease lease, Instant now, Instant expiresAt) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(renew)) {
      setInstant(ps, 1, expiresAt);
      ps.setString(2, lease.connectionId());
      ps.setLong(3, lease.token());
      ps.setString(4, lease.owner());
      setInstant(ps, 5, now);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(
                Lease.of(lease.connectionId(), lease.owner(), lease.token(), instant(rs, "acquired_at"), micros(expiresAt)))
            : Optional.empty();
      }
    }
  }

  /**
   * Releases a lease that is still held (same token and owner).
   *
   * @param c the database connection
   * @param lease the lease
   * @return true when released
   * @throws SQLException on a database failure
   */
  public boolean release(Connection c, Lease lease) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(release)) {
      ps.setString(1, lease.connectionId());
      ps.setLong(2, lease.token());
      ps.setString(3, lease.owner());
      return ps.executeUpdate() == 1;
    }
  }

  /**
   * Drops whoever holds the connection's lease (the connection is deleted); keeps the token.
   *
   * @param c the database connection
   * @param connectionId the connection id
   * @throws SQLException on a database failure
   */
  public void clear(Connection c, String connectionId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(clear)) {
      ps.setString(1, connectionId);
      ps.executeUpdate();
    }
  }

  /**
   * The stored lease, possibly expired.
   *
   * @param c the database connection
   * @param connectionId the connection id
   * @return the lease, or empty when nobody holds it
   * @throws SQLException on a database failure
   */
  public Optional<Lease> current(Connection c, String connectionId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(select)) {
      ps.setString(1, connectionId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(
                Lease.of(
                    connectionId,
                    rs.getString("owner"),
                    rs.getLong("token"),
                    instant(rs, "acquired_at"),
                    instant(rs, "expires_at")))
            : Optional.empty();
      }
    }
  }

  /**
   * The fence of a write: whether {@code lease} is the stored lease of a CONNECTED connection; locks
   * both rows until the transaction ends.
   *
   * @param c the database connection, in the writer's transaction
   * @param lease the lease the writer holds
   * @return true when the write may proceed
   * @throws SQLException on a database failure
   */
  public boolean fence(Connection c, Lease lease) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(fence)) {
      ps.setString(1, lease.connectionId());
      ps.setLong(2, lease.token());
      ps.setString(3, lease.owner());
      ps.setString(4, ConnectionStatus.CONNECTED.name());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }
}
