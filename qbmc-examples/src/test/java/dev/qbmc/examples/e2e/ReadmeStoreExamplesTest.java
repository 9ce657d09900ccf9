package dev.qbmc.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.store.JdbcStore;
import dev.qbmc.core.testing.PostgresDatabaseExtension;
import dev.qbmc.core.testing.TestDatabase;
import dev.qbmc.core.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The README's "Choosing a store" code runs: each block between {@code // readme:start} and {@code
 * // readme:end} below runs against a real PostgreSQL and appears verbatim in the README.
 */
class ReadmeStoreExamplesTest {

  @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

  private static final Path SELF = Path.of("src/test/java/dev/qbmc/examples/e2e/ReadmeStoreExamplesTest.java");

  @Test
  void openingAJdbcStore_migratesAndOpens() {
    DataSource pool = DB.dataSource();
    // readme:start
    JdbcStore store = JdbcStore.builder()
        .dataSource(pool)     // your pool (HikariCP, ...) on jdbc:postgresql://...
        .schema("qbmc")       // optional; default: the connection's search_path
        .build();             // applies the schema migrations, then opens
    // readme:end
    assertThat(store.countStates("acme", RecordKind.CUSTOMER)).isZero();
  }

  @Test
  void migrationsRunByTheHost_thenOpenWithoutMigrating() {
    try (TestDatabase own = TestPostgres.shared().createDatabase("readme_host_migrations")) {
      host = own;
      migrateByHand(own.dataSource());
    }
  }

  private TestDatabase host;

  private void migrateByHand(DataSource pool) {
    // readme:start
    List<String> scripts = JdbcStore.builder().schema("qbmc").migrationScripts(); // oldest first
    for (String script : scripts) {
      runInOneTransaction(script); // your tool: Flyway, Liquibase, psql --single-transaction
    }
    JdbcStore checked = JdbcStore.builder().dataSource(pool).schema("qbmc").migrate(false).build();
    // readme:end
    assertThat(checked.connections()).isEmpty();
  }

  @Test
  void everyBlock_isInTheReadme() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    List<String> blocks = blocks();
    assertThat(blocks).hasSize(2);
    for (String block : blocks) {
      assertThat(readme).contains(block);
    }
  }

  private void runInOneTransaction(String script) {
    try (Connection c = host.unpooledDataSource().getConnection()) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        st.execute(script);
      }
      c.commit();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> blocks() throws IOException {
    List<String> lines = Files.readAllLines(SELF);
    List<String> blocks = new ArrayList<>();
    Pattern start = Pattern.compile("\\s*// readme:start");
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = start.matcher(lines.get(i));
      if (m.matches()) {
        List<String> block = new ArrayList<>();
        int j = i + 1;
        while (!lines.get(j).contains("// readme:end")) {
          block.add(lines.get(j++).substring(4));
        }
        blocks.add(String.join("\n", block));
        i = j;
      }
    }
    return blocks;
  }
}
