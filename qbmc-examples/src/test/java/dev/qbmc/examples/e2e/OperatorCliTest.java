package dev.qbmc.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qbmc.core.report.SyncReport;
import dev.qbmc.core.report.SyncReportJson;
import dev.qbmc.examples.cli.QbmcCli;
import dev.qbmc.examples.cli.Setting;
import dev.qbmc.examples.cli.Sandbox;
import dev.qbmc.examples.sim.quickbooks.QuickBooksSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator CLI run in-process with an injected environment and captured streams. */
class OperatorCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Sandbox sandbox;

  @TempDir
  Path stateDir;

  @AfterEach
  void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  private Map<String, String> sandboxEnvironment() {
    sandbox = Sandbox.start(Duration.ZERO, true);
    Map<String, String> env = new HashMap<>(sandbox.environment());
    env.put(Setting.QBMC_STATE_DIR.name(), stateDir.toString());
    return env;
  }

  @Test
  void aMissingSetting_printsOneLineNamingIt_andExits2_beforeTouchingTheStateFolder() {
    Map<String, String> env = Map.of(Setting.QBMC_STATE_DIR.name(), stateDir.resolve("never").toString());

    CliRun run = CliRun.of(env, "sync");

    assertThat(run.exitCode()).isEqualTo(QbmcCli.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines()).singleElement().asString().contains("QBMC_QBO_CLIENT_ID").contains("is not set");
    assertThat(Files.exists(stateDir.resolve("never"))).isFalse();
  }

  @Test
  void connect_namesTheFirstMissingConnectSetting() {
    Map<String, String> env = new HashMap<>(sandboxEnvironment());
    env.remove(Setting.QBMC_MARKETING_STATUS.name());

    CliRun run = CliRun.of(env, "connect");

    assertThat(run.exitCode()).isEqualTo(QbmcCli.USAGE);
    assertThat(run.errLines()).singleElement().asString()
        .startsWith("qbmc: QBMC_MARKETING_STATUS is not set");
  }

  @Test
  void invalidSettings_printOneLineNamingThem_andExit2_withoutEchoingSecrets() {
    Map<String, Map.Entry<Setting, String>> cases = Map.of(
        "QBMC_CONTACT_LIMIT", Map.entry(Setting.QBMC_CONTACT_LIMIT, "lots"),
        "QBMC_MARKETING_STATUS", Map.entry(Setting.QBMC_MARKETING_STATUS, "pending"),
        "QBMC_QBO_BASE_URL", Map.entry(Setting.QBMC_QBO_BASE_URL, "http://quickbooks.example.com"),
        "QBMC_MAILCHIMP_API_KEY", Map.entry(Setting.QBMC_MAILCHIMP_API_KEY, "secret-without-datacentre_"),
        "QBMC_QBO_REALM_ID", Map.entry(Setting.QBMC_QBO_REALM_ID, "12;drop"));
    cases.forEach((name, setting) -> {
      CliRun run = CliRun.of(Map.of(setting.getKey().name(), setting.getValue()), "status");
      assertThat(run.exitCode()).as(name).isEqualTo(QbmcCli.USAGE);
      assertThat(run.errLines()).as(name).singleElement().asString().startsWith("qbmc: " + name + " ")
          .doesNotContain(setting.getValue());
    });
  }

  @Test
  void unknownCommandsAndOptions_exit2_withOneLine() {
    CliRun unknown = CliRun.of(Map.of(), "frobnicate");
    CliRun badOption = CliRun.of(Map.of(), "sync", "--everything");

    assertThat(unknown.exitCode()).isEqualTo(QbmcCli.USAGE);
    assertThat(unknown.errLines()).singleElement().asString().contains("unknown command 'frobnicate'");
    assertThat(badOption.exitCode()).isEqualTo(QbmcCli.USAGE);
    assertThat(badOption.errLines()).singleElement().asString().contains("--everything", "--dry-run", "--json");
  }

  @Test
  void syncJson_printsExactlyOneJsonObject_theReport_andProgressOnlyOnStderr() throws Exception {
    Map<String, String> env = sandboxEnvironment();
    assertThat(CliRun.of(env, "connect").exitCode()).isZero();

    CliRun sync = CliRun.of(env, "sync", "--json");

    assertThat(sync.exitCode()).as(sync.toString()).isZero();
    try (MappingIterator<JsonNode> values = JSON.readerFor(JsonNode.class).readValues(sync.out())) {
      List<JsonNode> all = values.readAll();
      assertThat(all).singleElement().satisfies(node -> assertThat(node.isObject()).isTrue());
    }
    SyncReport report = SyncReportJson.fromJson(sync.out());
    assertThat(report.connectionId()).isEqualTo("default");
    assertThat(report.totals().created()).isPositive();
    assertThat(sync.err()).contains("[sync] customers done 60", "[sync] finished");
  }

  @Test
  void dryRun_writesNothingToMailchimp_andSaysSo() throws Exception {
    Map<String, String> env = sandboxEnvironment();
    assertThat(CliRun.of(env, "connect").exitCode()).isZero();
    int membersBefore = sandbox.mailchimp().members(sandbox.audienceId()).size();

    CliRun dry = CliRun.of(env, "sync", "--dry-run", "--json");

    assertThat(dry.exitCode()).as(dry.toString()).isZero();
    JsonNode report = JSON.readTree(dry.out());
    assertThat(report.path("dryRun").asBoolean()).isTrue();
    assertThat(report.path("counts").path("CUSTOMER").path("created").asInt()).isPositive();
    assertThat(sandbox.mailchimp().members(sandbox.audienceId())).hasSize(membersBefore);
    assertThat(sandbox.mailchimp().orderCount("qbo-" + sandbox.quickBooks().realmId())).isZero();
  }

  @Test
  void aSyncThatDoesNotSucceed_printsItsReport_andExits1() throws Exception {
    Map<String, String> env = sandboxEnvironment();
    env.put(Setting.QBMC_CONTACT_LIMIT.name(), "5");
    assertThat(CliRun.of(env, "connect").exitCode()).isZero();

    CliRun table = CliRun.of(env, "sync", "--dry-run");
    CliRun json = CliRun.of(env, "sync", "--json");

    assertThat(table.exitCode()).as(table.toString()).isEqualTo(QbmcCli.FAILED);
    assertThat(table.out()).contains("STOPPED_CONTACT_LIMIT", "Customers", "API calls");
    assertThat(json.exitCode()).as(json.toString()).isEqualTo(QbmcCli.FAILED);
    assertThat(JSON.readTree(json.out()).path("outcome").asText()).isEqualTo("STOPPED_CONTACT_LIMIT");
    assertThat(sandbox.mailchimp().members(sandbox.audienceId())).hasSize(1);
  }

  @Test
  void anUnreachableMailchimp_failsTheSync_printsItsReport_andExits1_withoutStackTrace() throws Exception {
    Map<String, String> env = sandboxEnvironment();
    assertThat(CliRun.of(env, "connect").exitCode()).isZero();
    sandbox.mailchimp().close();

    CliRun table = CliRun.of(env, "sync");
    CliRun json = CliRun.of(env, "sync", "--json");

    assertThat(table.exitCode()).as(table.toString()).isEqualTo(QbmcCli.FAILED);
    assertThat(table.out()).contains("sync FAILED", "Failures: ");
    assertThat(json.exitCode()).as(json.toString()).isEqualTo(QbmcCli.FAILED);
    assertThat(JSON.readTree(json.out()).path("outcome").asText()).isEqualTo("FAILED");
    assertThat(table.err() + json.err()).doesNotContain("\tat ", "Exception in thread");
  }

  @Test
  void anUnreachableQuickBooks_duringConnect_isOneLineOnStderr_exit1_withoutStackTrace() {
    Map<String, String> env = sandboxEnvironment();
    sandbox.quickBooks().close();

    CliRun connect = CliRun.of(env, "connect");

    assertThat(connect.exitCode()).as(connect.toString()).isEqualTo(QbmcCli.FAILED);
    assertThat(connect.out()).isEmpty();
    assertThat(connect.errLines()).singleElement().asString().startsWith("qbmc: ");
  }

  @Test
  void status_readsWhileAnotherProcessHoldsTheStateFolder() {
    Map<String, String> env = sandboxEnvironment();
    assertThat(CliRun.of(env, "connect").exitCode()).isZero();
    assertThat(CliRun.of(env, "sync").exitCode()).isZero();
    // A running sync holds the folder's exclusive lock for its whole run.
    try (dev.qbmc.core.store.FileStore syncing = dev.qbmc.core.store.FileStore.open(stateDir)) {
      CliRun status = CliRun.of(env, "status");
      assertThat(status.exitCode()).as(status.toString()).isZero();
      assertThat(status.out()).contains("CONNECTED");
      assertThat(CliRun.of(env, "sync").exitCode()).as("a second writer is still refused").isNotZero();
    }
  }

  @Test
  void statusAndContacts_showTheConnectionRunsAndImportedContacts_andNoCommandPrintsASecret() {
    Map<String, String> env = sandboxEnvironment();
    String refreshToken = env.get(Setting.QBMC_QBO_REFRESH_TOKEN.name());
    StringBuilder everything = new StringBuilder();

    for (List<String> args : List.of(List.of("connect"), List.of("sync"), List.of("status"), List.of("contacts"),
        List.of("disconnect"), List.of("status"))) {
      CliRun run = CliRun.of(env, args.toArray(String[]::new));
      assertThat(run.exitCode()).as(args + "\n" + run).isZero();
      everything.append(run.out()).append(run.err());
      if (args.equals(List.of("status")) && everything.indexOf("DISCONNECTED") < 0) {
        assertThat(run.out()).contains("Connection default: CONNECTED", "Full sync done     yes", "FULL sync");
      }
      if (args.equals(List.of("contacts"))) {
        assertThat(run.out()).contains("unsub.omar.jensen43@example.org", "unsubscribed", "QuickBooks Online")
            .contains("57 contacts");
      }
    }

    assertThat(everything.toString()).contains("Connection default: DISCONNECTED")
        .doesNotContain(refreshToken, sandbox.quickBooks().clientSecret(), sandbox.mailchimp().apiKey());
  }

  @Test
  void segments_createFromRules_updateByName_andList_withMemberCounts() {
    Map<String, String> env = sandboxEnvironment();
    assertThat(CliRun.of(env, "connect").exitCode()).isZero();
    assertThat(CliRun.of(env, "sync").exitCode()).isZero();

    CliRun big = CliRun.of(env, "segments", "create", "Big spenders", "--spent-more-than", "500");
    CliRun again = CliRun.of(env, "segments", "create", "Big spenders", "--spent-more-than", "1000", "--orders-at-least", "2");
    CliRun overdue = CliRun.of(env, "segments", "create", "Overdue", "--overdue");
    CliRun list = CliRun.of(env, "segments", "list");

    assertThat(big.exitCode()).as(big.toString()).isZero();
    assertThat(big.out()).matches("(?s)Segment 'Big spenders' \\(id \\d+\\): \\d+ members\\R");
    assertThat(again.exitCode()).isZero();
    assertThat(again.out().replaceAll(": \\d+ members", "")).isEqualTo(big.out().replaceAll(": \\d+ members", ""));
    assertThat(overdue.exitCode()).isZero();
    assertThat(list.exitCode()).isZero();
    assertThat(list.out()).contains("Big spenders", "Overdue", "2 segments");
  }

  @Test
  void segments_withoutASubcommandNameOrWithAnUnknownRule_exit2_withOneLine() {
    for (String[] args : List.of(new String[] {"segments"}, new String[] {"segments", "create"},
        new String[] {"segments", "create", "x", "--bogus"}, new String[] {"segments", "create", "x"},
        new String[] {"segments", "create", "x", "--spent-more-than", "lots"}, new String[] {"segments", "list", "x"})) {
      CliRun run = CliRun.of(Map.of(), args);
      assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(QbmcCli.USAGE);
      assertThat(run.err().lines().count()).as(run.toString()).isEqualTo(1);
    }
    CliRun help = CliRun.of(Map.of(), "segments", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("--spent-more-than N", "--overdue", "QBMC_CONNECTION_ID");
  }

  @Test
  void connect_withAGivenAccessToken_usesIt_withoutRefreshing_andDisconnectRevokeRevokesAtIntuit() {
    Map<String, String> env = sandboxEnvironment();
    var tokens = sandbox.quickBooks().mintTokens();
    env.put(Setting.QBMC_QBO_ACCESS_TOKEN.name(), tokens.accessToken());
    env.put(Setting.QBMC_QBO_REFRESH_TOKEN.name(), tokens.refreshToken());

    CliRun connect = CliRun.of(env, "connect");
    CliRun disconnect = CliRun.of(env, "disconnect", "--revoke");

    assertThat(connect.exitCode()).as(connect.toString()).isZero();
    assertThat(sandbox.quickBooks().requestLog().count("POST", QuickBooksSimulator.TOKEN_PATH)).isZero();
    assertThat(disconnect.exitCode()).as(disconnect.toString()).isZero();
    assertThat(disconnect.out()).contains("revoked at Intuit");
    assertThat(sandbox.quickBooks().requestLog().count("POST", QuickBooksSimulator.REVOKE_PATH)).isEqualTo(1);
    assertThat(CliRun.of(env, "disconnect").exitCode()).as("disconnecting twice is harmless").isZero();
  }

  @Test
  void connectAgainWithAStaleCredential_exits1_andLeavesTheWorkingConnectionSyncing() {
    Map<String, String> env = sandboxEnvironment();
    assertThat(CliRun.of(env, "connect").exitCode()).isZero();
    assertThat(CliRun.of(env, "sync").exitCode()).isZero();
    Map<String, String> staleQuickBooks = new HashMap<>(env);
    staleQuickBooks.put(Setting.QBMC_QBO_REFRESH_TOKEN.name(), "stale-refresh-token-from-an-old-shell");
    Map<String, String> staleMailchimp = new HashMap<>(env);
    // (the first connect rotated the environment's refresh token: connect with a fresh one)
    staleMailchimp.put(Setting.QBMC_QBO_REFRESH_TOKEN.name(), sandbox.quickBooks().mintTokens().refreshToken());
    staleMailchimp.put(Setting.QBMC_MAILCHIMP_API_KEY.name(), "feedfacefeedfacefeedfacefeedface-us6");

    CliRun qbo = CliRun.of(staleQuickBooks, "connect");
    CliRun mailchimp = CliRun.of(staleMailchimp, "connect");

    // Before: the stale refresh token replaced the working one, the connection turned
    // NEEDS_REAUTHORIZATION and every later sync failed.
    for (CliRun connect : List.of(qbo, mailchimp)) {
      assertThat(connect.exitCode()).as(connect.toString()).isEqualTo(QbmcCli.FAILED);
      assertThat(connect.errLines()).singleElement().asString().startsWith("qbmc: ").contains("rejected")
          .doesNotContain("stale-refresh-token", "feedface");
    }
    assertThat(qbo.errLines().get(0)).contains("QUICKBOOKS");
    assertThat(mailchimp.errLines().get(0)).contains("MAILCHIMP");
    assertThat(CliRun.of(env, "status").out()).contains("Connection default: CONNECTED");
    CliRun sync = CliRun.of(env, "sync");
    assertThat(sync.exitCode()).as(sync.toString()).isZero();
  }

  @Test
  void aForgottenAddress_isSkippedAsForgotten_andTheReportMasksIt() throws Exception {
    Map<String, String> env = sandboxEnvironment();
    assertThat(CliRun.of(env, "connect").exitCode()).isZero();
    sandbox.mailchimp().forgetEmail(sandbox.audienceId(), "ines.okafor1@example.org");

    CliRun sync = CliRun.of(env, "sync", "--json");

    assertThat(sync.exitCode()).as(sync.toString()).isZero();
    JsonNode skipped = JSON.readTree(sync.out()).path("skipped");
    assertThat(skipped).anySatisfy(s -> {
      assertThat(s.path("qboId").asText()).isEqualTo("1");
      assertThat(s.path("reason").asText()).isEqualTo("FORGOTTEN_EMAIL");
    });
    assertThat(sync.out() + sync.err()).doesNotContain("ines.okafor1@example.org");
    assertThat(sandbox.mailchimp().member(sandbox.audienceId(), "ines.okafor1@example.org")).isEmpty();
  }

  @Test
  void aRevokedQuickBooksGrant_endsTheSyncWithOneLineSayingToReconnect_andStatusShowsIt() {
    Map<String, String> env = sandboxEnvironment();
    assertThat(CliRun.of(env, "connect").exitCode()).isZero();
    sandbox.quickBooks().revokeAllTokens();

    CliRun sync = CliRun.of(env, "sync");
    CliRun status = CliRun.of(env, "status");

    assertThat(sync.exitCode()).as(sync.toString()).isEqualTo(QbmcCli.FAILED);
    assertThat(sync.err()).doesNotContain("\tat ");
    assertThat(sync.out() + sync.err()).contains("NEEDS_REAUTHORIZATION");
    assertThat(status.out()).contains("Connection default: NEEDS_REAUTHORIZATION");
  }

  @Test
  void commandsOnAnUnknownConnection_sayToConnectFirst_withoutCreatingTheStateFolder() throws Exception {
    Map<String, String> env = sandboxEnvironment();
    Files.createDirectories(stateDir);
    Map<String, String> nowhere = new HashMap<>(env);
    nowhere.put(Setting.QBMC_STATE_DIR.name(), stateDir.resolve("nowhere").toString());

    CliRun status = CliRun.of(env, "status");
    CliRun sync = CliRun.of(nowhere, "sync");

    assertThat(status.exitCode()).isEqualTo(QbmcCli.USAGE);
    assertThat(status.errLines()).singleElement().asString().contains("no connection 'default'", "connect");
    assertThat(sync.exitCode()).isEqualTo(QbmcCli.USAGE);
    assertThat(sync.errLines()).singleElement().asString().contains("no connection 'default'", "does not exist");
    assertThat(Files.exists(stateDir.resolve("nowhere"))).isFalse();
  }
}
