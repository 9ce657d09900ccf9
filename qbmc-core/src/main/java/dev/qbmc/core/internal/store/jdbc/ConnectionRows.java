package dev.qbmc.core.internal.store.jdbc;

import static dev.qbmc.core.internal.store.jdbc.Jdbc.instant;
import static dev.qbmc.core.internal.store.jdbc.Jdbc.setInstant;
import static dev.qbmc.core.internal.store.jdbc.Jdbc.setText;

import dev.qbmc.core.model.MarketingStatus;
import dev.qbmc.core.model.ContactLimitPolicy;
import dev.qbmc.core.model.FactTags;
import dev.qbmc.core.spi.Connection;
import dev.qbmc.core.model.ConnectionStatus;
import dev.qbmc.core.spi.SyncCursor;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code connections} and {@code cursors} tables. */
public final class ConnectionRows {

  private static final String COLUMNS =
      "connection_id, realm_id, audience_id, store_id, marketing_status, tag, home_currency,"
          + " contact_limit, contact_limit_policy, status, full_sync_done, created_at, updated_at,"
          + " fact_tags_set, open_balance_tag, overdue_tag";

  private final Failures failures;
  private final String upsert;
  private final String select;
  private final String selectAll;
  private final String selectByRealm;
  private final String delete;
  private final String markFullSyncDone;
  private final String selectCursor;
  private final String upsertCursor;
  private final String deleteCursor;

  /**
   * Creates the statements.
   *
   * @param tables the table names
   * @param failures makes the exception for an unreadable row
   */
  public ConnectionRows(Tables tables, Failures failures) {
    this.failures = failures;
    String connections = tables.table("connections");
    String cursors = tables.table("cursors");
    upsert =
        "INSERT INTO " + connections + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (connection_id) DO UPDATE SET realm_id = EXCLUDED.realm_id,"
            + " audience_id = EXCLUDED.audience_id, store_id = EXCLUDED.store_id,"
            + " marketing_status = EXCLUDED.marketing_status, tag = EXCLUDED.tag,"
            + " home_currency = EXCLUDED.home_currency, contact_limit = EXCLUDED.contact_limit,"
            + " contact_limit_policy = EXCLUDED.contact_limit_policy, status = EXCLUDED.status,"
            + " full_sync_done = EXCLUDED.full_sync_done, created_at = EXCLUDED.created_at,"
            + " updated_at = EXCLUDED.updated_at, fact_tags_set = EXCLUDED.fact_tags_set,"
            + " open_balance_tag = EXCLUDED.open_balance_tag, overdue_tag = EXCLUDED.overdue_tag";
    select = "SELECT " + COLUMNS + " FROM " + connections + " WHERE connection_id = ?";
    selectAll = "SELECT " + COLUMNS + " FROM " + connections + " ORDER BY connection_id COLLATE \"C\"";
    selectByRealm =
        "SELECT " + COLUMNS + " FROM " + connections + " WHERE realm_id = ? ORDER BY connection_id COLLATE \"C\"";
    delete = "DELETE FROM " + connections + " WHERE connection_id = ?";
    markFullSyncDone =
        "UPDATE " + connections + " SET full_sync_done = TRUE, updated_at = ? WHERE connection_id = ?";
    selectCursor = "SELECT changed_since, last_full_sync_at FROM " + cursors + " WHERE connection_id = ?";
    upsertCursor =
        "INSERT INTO " + cursors + " (connection_id, changed_since, last_full_sync_at) VALUES (?, ?, ?)"
            + " ON CONFLICT (connection_id) DO UPDATE SET changed_since = EXCLUDED.changed_since,"
            + " last_full_sync_at = EXCLUDED.last_full_sync_at";
    deleteCursor = "DELETE FROM " + cursors + " WHERE connection_id = ?";
  }

  /**
   * Inserts or replaces a connection.
   *
   * @param c the database connection
   * @param connection the connection
   * @throws SQLException on a database failure
   */
  public void save(java.sql.Connection c, Connection connection) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(upsert)) {
      setText(ps, 1, connection.connectionId(), "connectionId");
      setText(ps, 2, connection.realmId(), "realmId");
      setText(ps, 3, connection.audienceId(), "audienceId");
      setText(ps, 4, connection.storeId(), "storeId");
      ps.setString(5, connection.marketingStatus().name());
      setText(ps, 6, connection.tag(), "tag");
      setText(ps, 7, connection.homeCurrency(), "homeCurrency");
      if (connection.contactLimit().isPresent()) {
        ps.setLong(8, connection.contactLimit().get());
      } else {
        ps.setNull(8, Types.BIGINT);
      }
      ps.setString(9, connection.contactLimitPolicy().name());
      ps.setString(10, connection.status().name());
      ps.setBoolean(11, connection.fullSyncDone());
      setInstant(ps, 12, connection.createdAt());
      setInstant(ps, 13, connection.updatedAt());
      ps.setBoolean(14, true);
      ps.setString(15, Jdbc.text(connection.factTags().openBalance().orElse(null), "openBalanceTag"));
      ps.setString(16, Jdbc.text(connection.factTags().overdue().orElse(null), "overdueTag"));
      ps.executeUpdate();
    }
  }

  /**
   * Loads a connection.
   *
   * @param c the database connection
   * @param connectionId the id
   * @return the connection, or empty
   * @throws SQLException on a database failure
   */
  public Optional<Connection> find(java.sql.Connection c, String connectionId) throws SQLException {
    List<Connection> found = query(c, select, connectionId);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /**
   * Lists every connection by id.
   *
   * @param c the database connection
   * @return the connections
   * @throws SQLException on a database failure
   */
  public List<Connection> all(java.sql.Connection c) throws SQLException {
    return query(c, selectAll, null);
  }

  /**
   * Lists the connections of a realm by id.
   *
   * @param c the database connection
   * @param realmId the realm
   * @return the connections
   * @throws SQLException on a database failure
   */
  public List<Connection> byRealm(java.sql.Connection c, String realmId) throws SQLException {
    return query(c, selectByRealm, realmId);
  }

  /**
   * Deletes a connection and its cursor.
   *
   * @param c the database connection
   * @param connectionId the id
   * @throws SQLException on a database failure
   */
  public void delete(java.sql.Connection c, String connectionId) throws SQLException {
    for (String sql : List.of(delete, deleteCursor)) {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, connectionId);
        ps.executeUpdate();
      }
    }
  }

  /**
   * Deletes a connection's cursor.
   *
   * @param c the database connection
   * @param connectionId the id
   * @throws SQLException on a database failure
   */
  public void deleteCursor(java.sql.Connection c, String connectionId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(deleteCursor)) {
      ps.setString(1, connectionId);
      ps.executeUpdate();
    }
  }

  /**
   * Marks the first full sync done.
   *
   * @param c the database connection
   * @param connectionId the id
   * @param at when it finished
   * @throws SQLException on a database failure
   */
  public void markFullSyncDone(java.sql.Connection c, String connectionId, Instant at) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(markFullSyncDone)) {
      setInstant(ps, 1, at);
      ps.setString(2, connectionId);
      ps.executeUpdate();
    }
  }

  /**
   * Loads a cursor.
   *
   * @param c the database connection
   * @param connectionId the id
   * @return the cursor, or empty
   * @throws SQLException on a database failure
   */
  public Optional<SyncCursor> cursor(java.sql.Connection c, String connectionId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(selectCursor)) {
      ps.setString(1, connectionId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(SyncCursor.of(instant(rs, "changed_since"), instant(rs, "last_full_sync_at")))
            : Optional.empty();
      }
    }
  }

  /**
   * Stores a cursor.
   *
   * @param c the database connection
   * @param connectionId the id
   * @param cursor the cursor
   * @throws SQLException on a database failure
   */
  public void saveCursor(java.sql.Connection c, String connectionId, SyncCursor cursor) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(upsertCursor)) {
      setText(ps, 1, connectionId, "connectionId");
      setInstant(ps, 2, cursor.changedSince());
      setInstant(ps, 3, cursor.lastFullSyncAt());
      ps.executeUpdate();
    }
  }

  private List<Connection> query(java.sql.Connection c, String sql, String parameter) throws SQLException {
    List<Connection> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (parameter != null) {
        ps.setString(1, parameter);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(read(rs));
        }
      }
    }
    return out;
  }

  private Connection read(ResultSet rs) throws SQLException {
    String id = rs.getString("connection_id");
    try {
      long limit = rs.getLong("contact_limit");
      Optional<Long> contactLimit = rs.wasNull() ? Optional.empty() : Optional.of(limit);
      return Connection.builder()
          .connectionId(id)
          .realmId(rs.getString("realm_id"))
          .audienceId(rs.getString("audience_id"))
          .storeId(rs.getString("store_id"))
          .marketingStatus(MarketingStatus.valueOf(rs.getString("marketing_status")))
          .tag(rs.getString("tag"))
          .homeCurrency(rs.getString("home_currency"))
          .contactLimit(contactLimit)
          .contactLimitPolicy(ContactLimitPolicy.valueOf(rs.getString("contact_limit_policy")))
          .status(ConnectionStatus.valueOf(rs.getString("status")))
          .fullSyncDone(rs.getBoolean("full_sync_done"))
          .createdAt(instant(rs, "created_at"))
          .updatedAt(instant(rs, "updated_at"))
          .factTags(rs.getBoolean("fact_tags_set") // false: written before fact tags, the defaults
              ? FactTags.of(rs.getString("open_balance_tag"), rs.getString("overdue_tag"))
              : FactTags.defaults())
          .build();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw failures.unreadable("the row of connection '" + id + "' cannot be read: " + e.getMessage(), e);
    }
  }
}
