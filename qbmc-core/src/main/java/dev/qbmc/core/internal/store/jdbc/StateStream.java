package dev.qbmc.core.internal.store.jdbc;

import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.RecordState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The states of one kind as a {@link Stream} over a server-side cursor: one connection with
 * auto-commit off (a read transaction, so the stream sees the states as of its start), rows fetched
 * {@value #FETCH_SIZE} at a time. The connection goes back to the data source when the stream is
 * closed, or as soon as the last row was read or a read failed.
 */
public final class StateStream implements Iterator<RecordState>, AutoCloseable {

  /** Rows per round trip. */
  public static final int FETCH_SIZE = 1_000;

  private final Failures failures;
  private final String operation;
  private final RecordKind kind;
  private final Connection connection;
  private final PreparedStatement statement;
  private final ResultSet rows;
  private final AtomicBoolean closed = new AtomicBoolean();
  private boolean ahead;

  private StateStream(
      Failures failures,
      String operation,
      RecordKind kind,
      Connection connection,
      PreparedStatement statement,
      ResultSet rows) {
    this.failures = failures;
    this.operation = operation;
    this.kind = kind;
    this.connection = connection;
    this.statement = statement;
    this.rows = rows;
  }

  /**
   * Opens the stream.
   *
   * @param jdbc the runner
   * @param states the table
   * @param connectionId the connection id
   * @param kind the kind
   * @return the stream; close it
   */
  public static Stream<RecordState> open(Jdbc jdbc, StateRows states, String connectionId, RecordKind kind) {
    String operation = "streamStates of connection '" + connectionId + "'";
    Connection c = jdbc.open(operation);
    PreparedStatement ps = null;
    try {
      c.setAutoCommit(false);
      ps = states.openCursor(c, connectionId, kind, FETCH_SIZE);
      StateStream cursor = new StateStream(jdbc.failures(), operation, kind, c, ps, ps.getResultSet());
      return StreamSupport.stream(
              Spliterators.spliteratorUnknownSize(cursor, Spliterator.ORDERED | Spliterator.NONNULL), false)
          .onClose(cursor::close);
    } catch (SQLException e) {
      closeQuietly(c, ps, e);
      throw jdbc.failures().database(operation, e);
    } catch (RuntimeException e) {
      closeQuietly(c, ps, e);
      throw e;
    }
  }

  @Override
  public boolean hasNext() {
    if (ahead) {
      return true;
    }
    if (closed.get()) {
      return false;
    }
    try {
      ahead = rows.next();
    } catch (SQLException e) {
      close();
      throw failures.database(operation, e);
    }
    if (!ahead) {
      close();
    }
    return ahead;
  }

  @Override
  public RecordState next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    ahead = false;
    try {
      return StateRows.state(kind, rows);
    } catch (SQLException e) {
      close();
      throw failures.database(operation, e);
    }
  }

  /** Ends the read transaction and gives the connection back; idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    ahead = false;
    RuntimeException failure = new IllegalStateException("closing the state stream");
    try {
      rows.close();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
    closeQuietly(connection, statement, failure);
  }

  private static void closeQuietly(Connection c, PreparedStatement ps, Exception failure) {
    try {
      if (ps != null) {
        ps.close();
      }
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
    Jdbc.rollbackQuietly(c, failure);
    Jdbc.restoreAutoCommit(c);
    try {
      c.close();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }
}
