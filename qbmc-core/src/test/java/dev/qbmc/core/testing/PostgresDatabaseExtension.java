package dev.qbmc.core.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh database of the shared {@link TestPostgres} server per test class:
 *
 * <pre>{@code
 * @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();
 * ... DB.dataSource() ...
 * }</pre>
 *
 * Created before the class's first test, dropped after its last. When no server can be started,
 * every test of the class fails with the reason.
 */
public final class PostgresDatabaseExtension implements BeforeAllCallback, AfterAllCallback {

  private volatile TestDatabase database;

  /** Creates the extension; the database is created before the first test. */
  public PostgresDatabaseExtension() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    database = TestPostgres.shared().createDatabase(context.getRequiredTestClass().getSimpleName());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (database != null) {
      database.close();
      database = null;
    }
  }

  /**
   * The class's database.
   *
   * @return the database
   * @throws IllegalStateException outside the test class's lifetime
   */
  public TestDatabase database() {
    TestDatabase db = database;
    if (db == null) {
      throw new IllegalStateException("the test database exists only while its test class runs");
    }
    return db;
  }

  /**
   * A data source for the class's database.
   *
   * @return the data source
   */
  public ReusingDataSource dataSource() {
    return database().dataSource();
  }
}
