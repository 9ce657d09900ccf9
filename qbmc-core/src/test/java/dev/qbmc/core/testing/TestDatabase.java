package dev.qbmc.core.testing;

import javax.sql.DataSource;

/** An empty database of the {@link TestPostgres} server; closing it drops it. */
public final class TestDatabase implements AutoCloseable {

  private final TestPostgres server;
  private final String name;

  TestDatabase(TestPostgres server, String name) {
    this.server = server;
    this.name = name;
  }

  /**
   * The database name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * A data source for this database (a new connection per call, as the superuser).
   *
   * @return the data source
   */
  public DataSource dataSource() {
    return server.dataSource(name);
  }

  /**
   * The JDBC URL of this database.
   *
   * @return the URL
   */
  public String jdbcUrl() {
    return server.jdbcUrl(name);
  }

  /**
   * The user to connect as (no password needed).
   *
   * @return the user name
   */
  public String user() {
    return server.user();
  }

  /**
   * The server.
   *
   * @return the server
   */
  public TestPostgres server() {
    return server;
  }

  /** Drops the database, closing its open connections. */
  @Override
  public void close() {
    server.drop(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
