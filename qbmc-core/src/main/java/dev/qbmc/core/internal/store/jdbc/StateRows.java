package dev.qbmc.core.internal.store.jdbc;

import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.RecordState;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The {@code record_states} table. Reads, writes and removals send a slice of keys or rows as
 * parallel arrays through {@code unnest}, so that a chunk of thousands of states costs a few round
 * trips; a slice holds at most {@code batchSize} rows. Reads join the keys to the table rather than
 * filter with {@code record_id = ANY(?)}: with statistics not yet gathered (a table that just grew)
 * PostgreSQL's generic plan checked {@code ANY} row by row against every state of the kind (4 s for
 * 5,000 keys among 50,000 states), while the join probes the primary key once per key.
 */
public final class StateRows {

  private final int batchSize;
  private final String selectByKeys;
  private final String upsert;
  private final String deleteByKeys;
  private final String deleteAll;
  private final String count;
  private final String selectKind;

  /**
   * Creates the statements.
   *
   * @param tables the table names
   * @param batchSize the most rows per statement
   */
  public StateRows(Tables tables, int batchSize) {
    this.batchSize = batchSize;
    String t = tables.table("record_states");
    selectByKeys =
        "SELECT s.kind, s.record_id, s.fingerprint, s.mailchimp_id, s.memo"
            + " FROM unnest(?::text[], ?::text[]) AS k(kind, record_id)"
            + " JOIN " + t + " s ON s.connection_id = ? AND s.kind = k.kind AND s.record_id = k.record_id";
    upsert =
        "INSERT INTO " + t + " (connection_id, kind, record_id, fingerprint, mailchimp_id, memo)"
            + " SELECT ?, u.kind, u.record_id, u.fingerprint, u.mailchimp_id, u.memo"
            + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
            + " AS u(kind, record_id, fingerprint, mailchimp_id, memo)"
            + " ON CONFLICT (connection_id, kind, record_id) DO UPDATE"
            + " SET fingerprint = EXCLUDED.fingerprint, mailchimp_id = EXCLUDED.mailchimp_id, memo = EXCLUDED.memo";
    deleteByKeys =
        "DELETE FROM " + t + " s USING unnest(?::text[], ?::text[]) AS d(kind, record_id)"
            + " WHERE s.connection_id = ? AND s.kind = d.kind AND s.record_id = d.record_id";
    deleteAll = "DELETE FROM " + t + " WHERE connection_id = ?";
    count = "SELECT count(*) FROM " + t + " WHERE connection_id = ? AND kind = ?";
    selectKind =
        "SELECT record_id, fingerprint, mailchimp_id, memo FROM " + t + " WHERE connection_id = ? AND kind = ?";
  }

  /**
   * Loads the states of the given keys.
   *
   * @param c the database connection
   * @param connectionId the connection id
   * @param keys the keys
   * @return the states found
   * @throws SQLException on a database failure
   */
  public Map<RecordKey, RecordState> read(Connection c, String connectionId, Collection<RecordKey> keys)
      throws SQLException {
    List<RecordKey> asked = new ArrayList<>(new LinkedHashSet<>(keys));
    Map<RecordKey, RecordState> found = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(selectByKeys)) {
      for (int from = 0; from < asked.size(); from += batchSize) {
        List<RecordKey> slice = asked.subList(from, Math.min(asked.size(), from + batchSize));
        KeyArrays arrays = KeyArrays.of(c, slice);
        try {
          ps.setArray(1, arrays.kinds());
          ps.setArray(2, arrays.ids());
          ps.setString(3, connectionId);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              RecordKind kind = RecordKind.valueOf(rs.getString(1));
              RecordState state = RecordState.of(RecordKey.of(kind, rs.getString(2)), rs.getString(3), rs.getString(4),
                  rs.getString(5));
              found.put(state.key(), state);
            }
          }
        } finally {
          arrays.free();
        }
      }
    }
    return found;
  }

  /**
   * Inserts or replaces states; of one key given twice, the later wins.
   *
   * @param c the database connection
   * @param connectionId the connection id
   * @param states the states
   * @throws SQLException on a database failure
   */
  public void upsert(Connection c, String connectionId, Collection<RecordState> states) throws SQLException {
    // One statement must not touch a row twice (ON CONFLICT): keep the last state of each key.
    Map<RecordKey, RecordState> last = new LinkedHashMap<>();
    for (RecordState s : states) {
      last.put(s.key(), s);
    }
    List<RecordState> rows = new ArrayList<>(last.values());
    try (PreparedStatement ps = c.prepareStatement(upsert)) {
      for (int from = 0; from < rows.size(); from += batchSize) {
        List<RecordState> slice = rows.subList(from, Math.min(rows.size(), from + batchSize));
        String[] kinds = new String[slice.size()];
        String[] ids = new String[slice.size()];
        String[] fingerprints = new String[slice.size()];
        String[] mailchimpIds = new String[slice.size()];
        String[] memos = new String[slice.size()];
        for (int i = 0; i < slice.size(); i++) {
          RecordState s = slice.get(i);
          kinds[i] = s.key().kind().name();
          ids[i] = Jdbc.text(s.key().id(), "record id");
          fingerprints[i] = Jdbc.text(s.fingerprint(), "fingerprint");
          mailchimpIds[i] = Jdbc.text(s.mailchimpId().orElse(null), "mailchimpId");
          memos[i] = Jdbc.text(s.memo().orElse(null), "memo");
        }
        ps.setString(1, connectionId);
        List<Array> arrays =
            List.of(
                c.createArrayOf("text", kinds),
                c.createArrayOf("text", ids),
                c.createArrayOf("text", fingerprints),
                c.createArrayOf("text", mailchimpIds),
                c.createArrayOf("text", memos));
        try {
          for (int i = 0; i < arrays.size(); i++) {
            ps.setArray(i + 2, arrays.get(i));
          }
          ps.executeUpdate();
        } finally {
          for (Array a : arrays) {
            a.free();
          }
        }
      }
    }
  }

  /**
   * Removes states; absent keys are ignored.
   *
   * @param c the database connection
   * @param connectionId the connection id
   * @param keys the keys
   * @throws SQLException on a database failure
   */
  public void remove(Connection c, String connectionId, Collection<RecordKey> keys) throws SQLException {
    List<RecordKey> rows = new ArrayList<>(new LinkedHashSet<>(keys));
    try (PreparedStatement ps = c.prepareStatement(deleteByKeys)) {
      for (int from = 0; from < rows.size(); from += batchSize) {
        KeyArrays arrays = KeyArrays.of(c, rows.subList(from, Math.min(rows.size(), from + batchSize)));
        try {
          ps.setArray(1, arrays.kinds());
          ps.setArray(2, arrays.ids());
          ps.setString(3, connectionId);
          ps.executeUpdate();
        } finally {
          arrays.free();
        }
      }
    }
  }

  /** A slice of keys as two parallel SQL arrays. */
  private record KeyArrays(Array kinds, Array ids) {
    static KeyArrays of(Connection c, List<RecordKey> keys) throws SQLException {
      String[] kinds = new String[keys.size()];
      String[] ids = new String[keys.size()];
      for (int i = 0; i < keys.size(); i++) {
        kinds[i] = keys.get(i).kind().name();
        ids[i] = Jdbc.text(keys.get(i).id(), "record id");
      }
      return new KeyArrays(c.createArrayOf("text", kinds), c.createArrayOf("text", ids));
    }

    void free() throws SQLException {
      kinds.free();
      ids.free();
    }
  }

  /**
   * Removes every state of a connection.
   *
   * @param c the database connection
   * @param connectionId the connection id
   * @throws SQLException on a database failure
   */
  public void clearAll(Connection c, String connectionId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(deleteAll)) {
      ps.setString(1, connectionId);
      ps.executeUpdate();
    }
  }

  /**
   * Counts the states of one kind.
   *
   * @param c the database connection
   * @param connectionId the connection id
   * @param kind the kind
   * @return the count
   * @throws SQLException on a database failure
   */
  public long count(Connection c, String connectionId, RecordKind kind) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(count)) {
      ps.setString(1, connectionId);
      ps.setString(2, kind.name());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Opens a server-side cursor over the states of one kind: the connection must have auto-commit
   * off; rows arrive {@code fetchSize} at a time.
   *
   * @param c the database connection
   * @param connectionId the connection id
   * @param kind the kind
   * @param fetchSize rows per round trip
   * @return the open statement (its result set is {@link PreparedStatement#getResultSet()})
   * @throws SQLException on a database failure
   */
  public PreparedStatement openCursor(Connection c, String connectionId, RecordKind kind, int fetchSize)
      throws SQLException {
    PreparedStatement ps = c.prepareStatement(selectKind);
    try {
      ps.setFetchSize(fetchSize);
      ps.setString(1, connectionId);
      ps.setString(2, kind.name());
      ps.execute();
      return ps;
    } catch (SQLException | RuntimeException e) {
      ps.close();
      throw e;
    }
  }

  /**
   * Reads the state of the current row.
   *
   * @param kind the kind queried
   * @param rs the result set, on a row
   * @return the state
   * @throws SQLException on a database failure
   */
  public static RecordState state(RecordKind kind, ResultSet rs) throws SQLException {
    return RecordState.of(RecordKey.of(kind, rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4));
  }
}
