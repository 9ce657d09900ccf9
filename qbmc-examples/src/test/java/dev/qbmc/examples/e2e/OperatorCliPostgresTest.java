package dev.qbmc.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.Provider;
import dev.qbmc.core.store.JdbcStore;
import dev.qbmc.examples.cli.QbmcCli;
import dev.qbmc.examples.cli.Setting;
import dev.qbmc.examples.cli.Sandbox;
import dev.qbmc.core.testing.PostgresDatabaseExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The operator CLI with QBMC_STORE_URL: the whole flow on a real PostgreSQL, no state folder. */
class OperatorCliPostgresTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

  @TempDir Path dir;

  private Sandbox sandbox;

  @AfterEach
  void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  private Map<String, String> environment() {
    sandbox = Sandbox.start(Duration.ZERO, true);
    Map<String, String> env = new HashMap<>(sandbox.environment());
    env.put(Setting.QBMC_STATE_DIR.name(), dir.resolve("unused").toString());
    env.put(Setting.QBMC_STORE_URL.name(), DB.database().jdbcUrl());
    env.put(Setting.QBMC_STORE_USER.name(), DB.database().user());
    return env;
  }

  @Test
  void connectSyncStatusDisconnect_keepEverythingInTheDatabase() throws Exception {
    Map<String, String> env = environment();
    String refreshToken = env.get(Setting.QBMC_QBO_REFRESH_TOKEN.name());
    StringBuilder printed = new StringBuilder();

    CliRun connect = CliRun.of(env, "connect");
    CliRun first = CliRun.of(env, "sync", "--json");
    CliRun second = CliRun.of(env, "sync", "--json");
    CliRun status = CliRun.of(env, "status");
    for (CliRun run : List.of(connect, first, second, status)) {
      assertThat(run.exitCode()).as(run.toString()).isZero();
      printed.append(run.out()).append(run.err());
    }
    JsonNode full = JSON.readTree(first.out());
    JsonNode incremental = JSON.readTree(second.out());
    assertThat(full.path("mode").asText()).isEqualTo("FULL");
    assertThat(full.path("totals").path("created").asInt()).isPositive();
    assertThat(incremental.path("mode").asText()).isEqualTo("INCREMENTAL");
    assertThat(incremental.path("totals").path("created").asInt()).isZero();
    assertThat(status.out()).contains("Connection default: CONNECTED", "Full sync done     yes");

    JdbcStore store = JdbcStore.builder().dataSource(DB.dataSource()).build();
    assertThat(store.countStates("default", RecordKind.CUSTOMER)).isEqualTo(full.path("counts").path("CUSTOMER")
        .path("created").asLong());
    assertThat(store.cursor("default")).isPresent();
    assertThat(store.load("default", Provider.QUICKBOOKS).orElseThrow().tokens().refreshToken())
        .as("the rotated refresh token was stored").isPresent()
        .isNotEqualTo(Optional.of(env.get(Setting.QBMC_QBO_REFRESH_TOKEN.name())));
    assertThat(store.recentRuns("default", 10)).hasSize(2);
    assertThat(Files.exists(dir.resolve("unused"))).as("no state folder").isFalse();

    CliRun disconnect = CliRun.of(env, "disconnect");
    assertThat(disconnect.exitCode()).as(disconnect.toString()).isZero();
    assertThat(store.load("default", Provider.QUICKBOOKS)).isEmpty();
    printed.append(disconnect.out()).append(disconnect.err());
    assertThat(printed.toString())
        .doesNotContain(refreshToken, sandbox.quickBooks().clientSecret(), sandbox.mailchimp().apiKey());
  }

  @Test
  void anInvalidStoreUrl_isOneLineNamingIt_withoutEchoingIt_exit2() {
    CliRun run =
        CliRun.of(Map.of(Setting.QBMC_STORE_URL.name(), "postgres://db/qbmc?password=hunter2"), "status");

    assertThat(run.exitCode()).isEqualTo(QbmcCli.USAGE);
    assertThat(run.errLines()).singleElement().asString().startsWith("qbmc: QBMC_STORE_URL ").doesNotContain("hunter2");
  }

  @Test
  void anUnreachableDatabase_isOneLine_exit1_withoutStackTraceOrPassword() {
    Map<String, String> env = new HashMap<>(environment());
    env.put(Setting.QBMC_STORE_URL.name(), "jdbc:postgresql://127.0.0.1:1/qbmc?connectTimeout=2");
    env.put(Setting.QBMC_STORE_PASSWORD.name(), "hunter2");

    CliRun run = CliRun.of(env, "status");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(QbmcCli.FAILED);
    assertThat(run.errLines()).singleElement().asString().startsWith("qbmc: ").contains("SQLState 08")
        .doesNotContain("hunter2");
  }

  @Test
  void statusOfAnUnknownConnection_saysToConnectFirst() {
    Map<String, String> env = new HashMap<>(environment());
    env.put(Setting.QBMC_CONNECTION_ID.name(), "never-connected");

    CliRun run = CliRun.of(env, "status");

    assertThat(run.exitCode()).isEqualTo(QbmcCli.USAGE);
    assertThat(run.errLines()).singleElement().asString()
        .contains("no connection 'never-connected' in the database of QBMC_STORE_URL");
  }
}
