package dev.qbmc.core.internal.store.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The versioned schema migrations, shipped as resources beside this class ({@code V<n>__<what>.sql},
 * with {@code ${schema}} and {@code ${prefix}} placeholders), and their bookkeeping in the {@code
 * <prefix>schema_history} table (version, description, SHA-256 of the script, when applied).
 *
 * <p>{@link #migrate} applies the missing versions in one transaction under a transaction-level
 * advisory lock (several nodes starting at once: one migrates, the others wait and then find the
 * schema current). {@link #verify} only checks, for hosts that run the scripts with their own
 * tool ({@link #scripts}).
 */
public final class Migrations {

  /** One version of the schema. */
  record Script(int version, String description, String template, String checksum) {}

  /** Every version, in order. Add a line (and a resource) per new version; never edit a shipped one. */
  private static final List<Script> SCRIPTS =
      List.of(load(1, "initial_schema"), load(2, "memos_and_fact_tags"));

  private final Tables tables;
  private final Failures failures;
  private final String history;

  /**
   * Creates the migrations for a set of tables.
   *
   * @param tables the table names
   * @param failures makes the exception for an unusable schema
   */
  public Migrations(Tables tables, Failures failures) {
    this.tables = tables;
    this.failures = failures;
    this.history = tables.table("schema_history");
  }

  /**
   * The version this qbmc needs.
   *
   * @return the latest version
   */
  public static int latestVersion() {
    return SCRIPTS.get(SCRIPTS.size() - 1).version();
  }

  /**
   * The scripts rendered for these tables, one per version, each ending with its own bookkeeping
   * (creates the history table if needed and records the version), for hosts that run them with
   * their own tool. Each must run in one transaction.
   *
   * @return the scripts, oldest first
   */
  public List<String> scripts() {
    List<String> out = new ArrayList<>();
    for (Script s : SCRIPTS) {
      StringBuilder sql = new StringBuilder();
      tables.schema().ifPresent(schema -> sql.append("CREATE SCHEMA IF NOT EXISTS ").append(schema).append(";\n"));
      sql.append(tables.render(s.template()));
      sql.append("\n-- qbmc bookkeeping: JdbcStore checks this table when it opens\n");
      sql.append(createHistory()).append(";\n");
      sql.append("INSERT INTO ").append(history).append(" (version, description, checksum) VALUES (")
          .append(s.version()).append(", '").append(s.description()).append("', '").append(s.checksum())
          .append("');\n");
      out.add(sql.toString());
    }
    return out;
  }

  /**
   * Applies the missing versions atomically; safe when several nodes run it at once.
   *
   * @param c a connection with auto-commit off (the caller commits)
   * @throws SQLException on a database failure
   * @throws RuntimeException from {@link Failures#schema} when the schema is newer than this qbmc or
   *     a shipped script differs
   */
  public void migrate(Connection c) throws SQLException {
    try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      lock.setLong(1, lockKey(tables));
      lock.execute();
    }
    try (Statement st = c.createStatement()) {
      if (tables.schema().isPresent() && !schemaExists(c)) {
        st.execute("CREATE SCHEMA " + tables.schema().orElseThrow());
      }
      st.execute(createHistory());
    }
    Map<Integer, String> applied = applied(c);
    check(applied, false);
    for (Script s : SCRIPTS) {
      if (applied.containsKey(s.version())) {
        continue;
      }
      try (Statement st = c.createStatement()) {
        for (String sql : statements(tables.render(s.template()))) {
          st.execute(sql);
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO " + history + " (version, description, checksum) VALUES (?, ?, ?)")) {
        ps.setInt(1, s.version());
        ps.setString(2, s.description());
        ps.setString(3, s.checksum());
        ps.executeUpdate();
      }
    }
  }

  /**
   * Checks that every version is applied, with the shipped scripts.
   *
   * @param c a connection
   * @throws SQLException on a database failure
   * @throws RuntimeException from {@link Failures#schema} when the schema is missing, behind, ahead
   *     or altered
   */
  public void verify(Connection c) throws SQLException {
    if (!historyExists(c)) {
      throw failures.schema(
          "no qbmc schema in "
              + tables
              + " (no "
              + history
              + "): open the store with migrate(true), or run JdbcStore.Builder#migrationScripts()");
    }
    check(applied(c), true);
  }

  private void check(Map<Integer, String> applied, boolean requireAll) {
    for (Map.Entry<Integer, String> row : applied.entrySet()) {
      Script known = SCRIPTS.stream().filter(s -> s.version() == row.getKey()).findFirst().orElse(null);
      if (known == null) {
        throw failures.schema(
            "the schema of "
                + tables
                + " is at version "
                + row.getKey()
                + ", newer than this qbmc knows ("
                + latestVersion()
                + "): upgrade qbmc on every node");
      }
      if (!known.checksum().equals(row.getValue())) {
        throw failures.schema(
            "version " + row.getKey() + " of the schema of " + tables
                + " was applied from a different script than the one shipped with this qbmc");
      }
    }
    if (requireAll && applied.size() < SCRIPTS.size()) {
      throw failures.schema(
          "the schema of " + tables + " is behind this qbmc (applied versions "
              + applied.keySet() + ", needs up to " + latestVersion()
              + "): run the missing scripts or open the store with migrate(true)");
    }
  }

  private Map<Integer, String> applied(Connection c) throws SQLException {
    Map<Integer, String> applied = new TreeMap<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT version, checksum FROM " + history)) {
      while (rs.next()) {
        applied.put(rs.getInt(1), rs.getString(2));
      }
    }
    return applied;
  }

  private boolean schemaExists(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
      ps.setString(1, tables.schema().orElseThrow());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private boolean historyExists(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      ps.setString(1, history);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  private String createHistory() {
    return "CREATE TABLE IF NOT EXISTS "
        + history
        + " (version integer PRIMARY KEY, description text NOT NULL, checksum text NOT NULL,"
        + " installed_at timestamptz NOT NULL DEFAULT now())";
  }

  /** One advisory lock per set of tables, so that stores with other prefixes never wait. */
  static long lockKey(Tables tables) {
    byte[] digest = sha256("qbmc-migrations:" + tables);
    long key = 0;
    for (int i = 0; i < 8; i++) {
      key = (key << 8) | (digest[i] & 0xff);
    }
    return key;
  }

  /** Splits a script into statements: each ends with a semicolon at the end of a line. */
  static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("--") || trimmed.isEmpty()) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String sql = current.toString().strip();
        out.add(sql.substring(0, sql.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      throw new IllegalStateException("migration script ends without a semicolon");
    }
    return out;
  }

  private static Script load(int version, String description) {
    String name = "V" + version + "__" + description + ".sql";
    try (InputStream in = Migrations.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing migration resource " + name);
      }
      String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new Script(version, description, template, HexFormat.of().formatHex(sha256(template)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read migration resource " + name, e);
    }
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
