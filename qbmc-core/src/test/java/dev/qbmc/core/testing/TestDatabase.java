package dev.qbmc.core.testing;

import javax.sql.DataSource;

/** An empty database of the {@link TestPostgres} server; closing it drops it. */
public final class TestDatabase implements AutoCloseable {

  private final TestPostgres server;
  private final String name;
  private final ReusingDataSource pooled;

  TestDatabase(TestPostgres server, String name) {
    this.server = server;
    this.name = name;
    this.pooled = new ReusingDataSource(server.dataSource(name));
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
   * A data source for this database that reuses connections like a host's pool (as the superuser),
   * shared by every caller.
   *
   * @return the data source
   */
  public ReusingDataSource dataSource() {
    return pooled;
  }

  /**
   * A data source for this database that opens a new physical connection per call.
   *
   * @return the data source
   */
  public DataSource unpooledDataSource() {
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
    pooled.closeIdle();
    server.drop(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
