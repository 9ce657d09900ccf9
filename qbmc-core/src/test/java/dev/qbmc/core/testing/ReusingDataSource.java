package dev.qbmc.core.testing;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A minimal connection-reusing {@link DataSource} for tests, standing in for the host's pool: a
 * closed connection goes back to an idle list (rolled back, auto-commit on) and is handed out
 * again; a broken one is discarded. Counts the connections handed out and not yet given back, so
 * that tests can check that a store returns every connection.
 */
public final class ReusingDataSource implements DataSource {

  private final DataSource physical;
  private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
  private final AtomicInteger borrowed = new AtomicInteger();

  /**
   * Wraps a data source that opens a new physical connection per call.
   *
   * @param physical the data source
   */
  public ReusingDataSource(DataSource physical) {
    this.physical = physical;
  }

  /**
   * How many connections are handed out and not yet closed.
   *
   * @return the count
   */
  public int borrowed() {
    return borrowed.get();
  }

  /** Closes the idle connections. */
  public void closeIdle() {
    Connection c;
    while ((c = idle.poll()) != null) {
      try {
        c.close();
      } catch (SQLException e) {
        // already broken
      }
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection c = idle.poll();
    while (c != null && !c.isValid(5)) {
      c.close();
      c = idle.poll();
    }
    if (c == null) {
      c = physical.getConnection();
    }
    borrowed.incrementAndGet();
    return wrap(c);
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("the test data source has one user");
  }

  private Connection wrap(Connection real) {
    InvocationHandler handler =
        new InvocationHandler() {
          private boolean closed;

          @Override
          public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
              case "close":
                if (!closed) {
                  closed = true;
                  borrowed.decrementAndGet();
                  giveBack(real);
                }
                return null;
              case "isClosed":
                return closed || real.isClosed();
              case "unwrap":
                return ((Class<?>) args[0]).isInstance(proxy) ? proxy : real.unwrap((Class<?>) args[0]);
              default:
                if (closed) {
                  throw new SQLException("connection already given back");
                }
                try {
                  return method.invoke(real, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
            }
          }
        };
    return (Connection)
        Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
  }

  private void giveBack(Connection real) {
    try {
      if (real.isClosed()) {
        return;
      }
      if (!real.getAutoCommit()) {
        real.rollback();
        real.setAutoCommit(true);
      }
      idle.push(real);
    } catch (SQLException e) {
      try {
        real.close();
      } catch (SQLException ignored) {
        // broken anyway
      }
    }
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("not a wrapper of " + iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
