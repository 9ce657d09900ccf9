package dev.qbmc.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL server for tests, from Maven Central's embedded binaries: started once per JVM
 * on first use, stopped and deleted when the JVM exits, with a fresh database per test class ({@link
 * #createDatabase(String)}, or {@link PostgresDatabaseExtension}).
 *
 * <p>Works the same as a normal user and as root (CI): as root, the server runs as an unprivileged
 * account (see {@link ServerAccount}). The PostgreSQL tests are never skipped: when no server can be
 * started, {@link #shared()} throws with the reason, and every test that needs it fails.
 */
public final class TestPostgres {

  private static final String SUPERUSER = "postgres";

  /** The server of this JVM, started on first use (the initialization-on-demand holder idiom). */
  private static final class Shared {
    private static final StartResult RESULT = StartResult.start(PostgresCluster.Durability.THROWAWAY);
  }

  /** A started server, or why none could be started (kept so that every caller gets the reason). */
  private record StartResult(TestPostgres server, RuntimeException failure) {
    static StartResult start(PostgresCluster.Durability durability) {
      try {
        return new StartResult(TestPostgres.start(durability), null);
      } catch (RuntimeException e) {
        return new StartResult(null, e);
      }
    }
  }

  private final PostgresCluster cluster;
  private final String version;
  private final AtomicInteger databases = new AtomicInteger();

  private TestPostgres(PostgresCluster cluster) {
    this.cluster = cluster;
    this.version = query(adminDataSource(), "SHOW server_version");
  }

  /**
   * The server shared by every test of this JVM, started on the first call.
   *
   * @return the running server
   * @throws IllegalStateException when no server could be started, with the reason
   */
  public static TestPostgres shared() {
    StartResult result = Shared.RESULT;
    if (result.failure() != null) {
      throw new IllegalStateException(
          "the PostgreSQL tests need a PostgreSQL server, and none could be started (they are never"
              + " skipped): "
              + result.failure().getMessage(),
          result.failure());
    }
    return result.server();
  }

  /**
   * Starts a server of its own (for benchmarks: with {@code durable}, every commit is flushed to
   * disk as in production). Stop it with {@link #stop()}; it is also stopped when the JVM exits.
   *
   * @param durable true for the server's durable defaults, false for fast throwaway settings
   * @return the running server
   */
  public static TestPostgres startPrivate(boolean durable) {
    return start(durable ? PostgresCluster.Durability.DURABLE : PostgresCluster.Durability.THROWAWAY);
  }

  private static TestPostgres start(PostgresCluster.Durability durability) {
    long t0 = System.nanoTime();
    Path base = base();
    ServerAccount account = ServerAccount.detect(base);
    long e0 = System.nanoTime();
    Path installation = PostgresBinaries.extract(base);
    long extractMillis = (System.nanoTime() - e0) / 1_000_000;
    PostgresCluster cluster = PostgresCluster.start(installation, base, account, durability);
    Runtime.getRuntime().addShutdownHook(new Thread(cluster::stopAndDelete, "qbmc-test-postgres-stop"));
    TestPostgres server = new TestPostgres(cluster);
    System.err.printf(
          Locale.ROOT,
          "qbmc tests: PostgreSQL %s started in %d ms (binaries %d ms, initdb %d ms, start %d ms)"
              + " on 127.0.0.1:%d as %s%n",
          server.version,
          (System.nanoTime() - t0) / 1_000_000,
          extractMillis,
          cluster.timings().initdbMillis(),
          cluster.timings().startMillis(),
          cluster.port(),
          account);
    return server;
  }

  /** Stops a server started with {@link #startPrivate(boolean)} and deletes its files. */
  public void stop() {
    cluster.stopAndDelete();
  }

  /**
   * The server's version.
   *
   * @return for example {@code 14.22}
   */
  public String version() {
    return version;
  }

  /**
   * The TCP port on 127.0.0.1.
   *
   * @return the port
   */
  public int port() {
    return cluster.port();
  }

  /**
   * Creates an empty database. Close it to drop it.
   *
   * @param hint a readable part of its name (for example the test class)
   * @return the database
   */
  public TestDatabase createDatabase(String hint) {
    String cleaned = hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    String name =
        "t" + databases.incrementAndGet() + "_" + cleaned.substring(0, Math.min(40, cleaned.length()));
    execute(adminDataSource(), "CREATE DATABASE " + name);
    return new TestDatabase(this, name);
  }

  /**
   * A data source for a database of this server, as the superuser (a new connection per call).
   *
   * @param database the database name
   * @return the data source
   */
  public DataSource dataSource(String database) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {"127.0.0.1"});
    ds.setPortNumbers(new int[] {port()});
    ds.setDatabaseName(database);
    ds.setUser(SUPERUSER);
    ds.setConnectTimeout(10);
    ds.setSocketTimeout(300);
    ds.setApplicationName("qbmc-tests");
    return ds;
  }

  /**
   * The JDBC URL of a database of this server.
   *
   * @param database the database name
   * @return {@code jdbc:postgresql://127.0.0.1:<port>/<database>}
   */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
  }

  /**
   * The superuser's name (no password: the server trusts loopback connections).
   *
   * @return {@code postgres}
   */
  public String user() {
    return SUPERUSER;
  }

  void drop(String database) {
    execute(adminDataSource(), "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
  }

  private DataSource adminDataSource() {
    return dataSource("postgres");
  }

  private static void execute(DataSource ds, String sql) {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
    }
  }

  private static String query(DataSource ds, String sql) {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
    }
  }

  /** {@code <tmp>/qbmc-postgres-<user>}: binaries and clusters, readable by the server's account. */
  private static Path base() {
    Path base =
        Path.of(System.getProperty("java.io.tmpdir"))
            .resolve("qbmc-postgres-" + System.getProperty("user.name").replaceAll("[^A-Za-z0-9._-]", "_"));
    try {
      Files.createDirectories(base);
      Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
      return base;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + base, e);
    }
  }
}
