package dev.qbmc.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qbmc.core.testing.PostgresDatabaseExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestPostgresTest {

  @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

  @Test
  void server_answersQueriesInTheClassDatabase() throws Exception {
    try (Connection c = DB.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT current_database(), current_setting('server_version_num')::int")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo(DB.database().name());
      assertThat(rs.getInt(2)).isGreaterThanOrEqualTo(140000);
    }
  }
}
