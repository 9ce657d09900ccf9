package dev.qbmc.core.internal.store.jdbc;

import static dev.qbmc.core.internal.store.jdbc.Jdbc.instant;
import static dev.qbmc.core.internal.store.jdbc.Jdbc.setInstant;
import static dev.qbmc.core.internal.store.jdbc.Jdbc.setText;

import dev.qbmc.core.model.Provider;
import dev.qbmc.core.spi.StoredTokens;
import dev.qbmc.core.spi.VersionedTokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The {@code tokens} table: one row per connection and provider, written by compare-and-set on its
 * {@code version} in one statement. A deleted row stays as a tombstone (NULL tokens, same version),
 * so that versions continue above it and a writer holding a version from before the delete never
 * matches re-created tokens.
 */
public final class TokenRows {

  private static final String VALUES =
      "access_token, refresh_token, access_token_expires_at, refresh_token_expires_at, realm_id,"
          + " data_center, api_endpoint";

  private final String select;
  private final String create;
  private final String replace;
  private final String delete;
  private final String deleteAll;

  /**
   * Creates the statements.
   *
   * @param tables the table names
   */
  public TokenRows(Tables tables) {
    String t = tables.table("tokens");
    select =
        "SELECT version, " + VALUES + " FROM " + t
            + " WHERE connection_id = ? AND provider = ? AND access_token IS NOT NULL";
    // expected version 0: insert, or fill a tombstone, continuing its version
    create =
        "INSERT INTO " + t + " AS t (connection_id, provider, version, " + VALUES + ")"
            + " VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (connection_id, provider) DO UPDATE SET version = t.version + 1,"
            + " access_token = EXCLUDED.access_token, refresh_token = EXCLUDED.refresh_token,"
            + " access_token_expires_at = EXCLUDED.access_token_expires_at,"
            + " refresh_token_expires_at = EXCLUDED.refresh_token_expires_at,"
            + " realm_id = EXCLUDED.realm_id, data_center = EXCLUDED.data_center,"
            + " api_endpoint = EXCLUDED.api_endpoint"
            + " WHERE t.access_token IS NULL";
    replace =
        "UPDATE " + t + " SET version = version + 1, access_token = ?, refresh_token = ?,"
            + " access_token_expires_at = ?, refresh_token_expires_at = ?, realm_id = ?, data_center = ?,"
            + " api_endpoint = ?"
            + " WHERE connection_id = ? AND provider = ? AND version = ? AND access_token IS NOT NULL";
    delete =
        "UPDATE " + t + " SET access_token = NULL, refresh_token = NULL, access_token_expires_at = NULL,"
            + " refresh_token_expires_at = NULL, realm_id = NULL, data_center = NULL, api_endpoint = NULL"
            + " WHERE connection_id = ? AND provider = ?";
    deleteAll =
        "UPDATE " + t + " SET access_token = NULL, refresh_token = NULL, access_token_expires_at = NULL,"
            + " refresh_token_expires_at = NULL, realm_id = NULL, data_center = NULL, api_endpoint = NULL"
            + " WHERE connection_id = ?";
  }

  /**
   * Loads tokens.
   *
   * @param c the database connection
   * @param connectionId the connection id
   * @param provider the provider
   * @return the tokens with their version, or empty
   * @throws SQLException on a database failure
   */
  public Optional<VersionedTokens> load(Connection c, String connectionId, Provider provider) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(select)) {
      ps.setString(1, connectionId);
      ps.setString(2, provider.name());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        StoredTokens.Builder tokens = StoredTokens.builder().accessToken(rs.getString("access_token"));
        Optional.ofNullable(rs.getString("refresh_token")).ifPresent(tokens::refreshToken);
        Optional.ofNullable(instant(rs, "access_token_expires_at")).ifPresent(tokens::accessTokenExpiresAt);
        Optional.ofNullable(instant(rs, "refresh_token_expires_at")).ifPresent(tokens::refreshTokenExpiresAt);
        Optional.ofNullable(rs.getString("realm_id")).ifPresent(tokens::realmId);
        Optional.ofNullable(rs.getString("data_center")).ifPresent(tokens::dataCenter);
        Optional.ofNullable(rs.getString("api_endpoint")).ifPresent(tokens::apiEndpoint);
        return Optional.of(VersionedTokens.of(tokens.build(), rs.getLong("version")));
      }
    }
  }

  /**
   * Compare-and-set.
   *
   * @param c the database connection
   * @param connectionId the connection id
   * @param provider the provider
   * @param expectedVersion the version last loaded, 0 for none
   * @param tokens the new tokens
   * @return true when written
   * @throws SQLException on a database failure
   */
  public boolean compareAndSet(
      Connection c, String connectionId, Provider provider, long expectedVersion, StoredTokens tokens)
      throws SQLException {
    if (expectedVersion == 0) {
      try (PreparedStatement ps = c.prepareStatement(create)) {
        setText(ps, 1, connectionId, "connectionId");
        ps.setString(2, provider.name());
        bindValues(ps, 3, tokens);
        return ps.executeUpdate() == 1;
      }
    }
    try (PreparedStatement ps = c.prepareStatement(replace)) {
      bindValues(ps, 1, tokens);
      ps.setString(8, connectionId);
      ps.setString(9, provider.name());
      ps.setLong(10, expectedVersion);
      return ps.executeUpdate() == 1;
    }
  }

  /**
   * Deletes tokens (leaves a tombstone).
   *
   * @param c the database connection
   * @param connectionId the connection id
   * @param provider the provider, or null for every provider
   * @throws SQLException on a database failure
   */
  public void delete(Connection c, String connectionId, Provider provider) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(provider == null ? deleteAll : delete)) {
      ps.setString(1, connectionId);
      if (provider != null) {
        ps.setString(2, provider.name());
      }
      ps.executeUpdate();
    }
  }

  private static void bindValues(PreparedStatement ps, int first, StoredTokens t) throws SQLException {
    setText(ps, first, t.accessToken(), "accessToken");
    setText(ps, first + 1, t.refreshToken(), "refreshToken");
    setInstant(ps, first + 2, t.accessTokenExpiresAt());
    setInstant(ps, first + 3, t.refreshTokenExpiresAt());
    setText(ps, first + 4, t.realmId(), "realmId");
    setText(ps, first + 5, t.dataCenter(), "dataCenter");
    setText(ps, first + 6, t.apiEndpoint(), "apiEndpoint");
  }
}
