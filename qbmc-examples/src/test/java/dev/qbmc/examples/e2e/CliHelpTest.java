package dev.qbmc.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qbmc.examples.cli.QbmcCli;
import dev.qbmc.examples.cli.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --help}, {@code COMMAND --help} and {@code --version}: stdout, exit 0, nothing else run. */
class CliHelpTest {
  private static final List<String> COMMANDS =
      List.of("demo", "simulate", "connect", "sync", "status", "contacts", "disconnect", "bench");

  @Test
  void help_keepsItsEarlierLines_andListsEveryCommand() {
    CliRun run = CliRun.of(Map.of(), "--help");

    assertThat(run.exitCode()).isEqualTo(QbmcCli.OK);
    assertThat(run.err()).isEmpty();
    // The lines of the first release of --help are a contract: new lines may only be added.
    assertThat(run.out().lines()).containsSubsequence(
        "Usage: java -jar qbmc.jar <command> [options]",
        "Commands:",
        "  demo                      run the whole flow against loopback simulators (no credentials needed)",
        "  simulate                  start both simulators and print the settings to use, until Ctrl-C",
        "  connect                   store the credentials and connect the realm to the audience",
        "  sync [--dry-run] [--json] sync now; --json prints the report as one JSON object on stdout",
        "  status                    show the connection and its recent syncs",
        "  contacts                  list the contacts imported from QuickBooks Online",
        "  disconnect [--revoke]     delete the synced e-commerce data, keep the contacts, forget the tokens",
        "  bench [options]           measure sync cost against the simulators (bench --help lists the options)",
        "Configuration: environment variables QBMC_* (see README, section Configuration).");
    assertThat(CliRun.of(Map.of(), "-h").out()).isEqualTo(run.out());
    assertThat(CliRun.of(Map.of(), "help").out()).isEqualTo(run.out());
  }

  @Test
  void help_listsEverySettingWithItsDefault_orSaysItIsRequiredOrOptional() {
    String help = CliRun.of(Map.of(), "--help").out();

    for (Setting setting : Setting.values()) {
      String expected = setting.defaultValue() != null ? "default: " + setting.defaultValue()
          : setting.required() ? "required" : "optional, no default";
      assertThat(help).as(setting.name())
          .containsPattern("(?m)^  " + setting.name() + " +" + Pattern.quote(setting.meaning()) + "\\R {27}"
              + Pattern.quote(expected));
    }
    assertThat(help).contains("default: ./.qbmc", "default: default", "default: QuickBooks Online",
        "default: https://quickbooks.api.intuit.com", "Exit codes: 0 success; 1 ");
    assertThat(help.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(103));
  }

  @Test
  void noArguments_printsTheHelpOnStderr_andExits2() {
    CliRun run = CliRun.of(Map.of());

    assertThat(run.exitCode()).isEqualTo(QbmcCli.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo(CliRun.of(Map.of(), "--help").out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo", "simulate", "connect", "sync", "status", "contacts", "disconnect"})
  void commandHelp_describesTheCommand_itsOptions_andItsSettings_withoutRunningIt(String command) {
    CliRun run = CliRun.of(Map.of(), command, "--help");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(QbmcCli.OK);
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).startsWith("Usage: java -jar qbmc.jar " + command).contains("Options:", "  --help ",
        "Exit codes: 0 success;");
    for (Setting setting : Setting.values()) {
      if (setting.commands().contains(command)) {
        assertThat(run.out()).as(setting.name()).contains("  " + setting.name() + " ");
      } else {
        assertThat(run.out()).as(setting.name()).doesNotContain(setting.name());
      }
    }
    assertThat(CliRun.of(Map.of(), command, "-h").out()).isEqualTo(run.out());
    assertThat(CliRun.of(Map.of(), "help", command).out()).isEqualTo(run.out());
  }

  @Test
  void commandHelp_listsTheCommandsOptions_evenNextToOthers() {
    String sync = CliRun.of(Map.of(), "sync", "--json", "--help").out();
    assertThat(sync).contains("  --dry-run ", "  --json ", "STOPPED_CONTACT_LIMIT");
    assertThat(CliRun.of(Map.of(), "disconnect", "--help").out()).contains("  --revoke ");
    assertThat(CliRun.of(Map.of(), "demo", "--help").out()).contains("Settings: none.");
  }

  @Test
  void benchHelp_isTheBenchmarksOwn() {
    CliRun run = CliRun.of(Map.of(), "bench", "--help");

    assertThat(run.exitCode()).isEqualTo(QbmcCli.OK);
    assertThat(run.out()).contains("--customers").contains("--json");
    assertThat(CliRun.of(Map.of(), "help", "bench").out()).isEqualTo(run.out());
  }

  @Test
  void helpOfAnUnknownCommand_exits2_withOneLine() {
    CliRun run = CliRun.of(Map.of(), "help", "frobnicate");

    assertThat(run.exitCode()).isEqualTo(QbmcCli.USAGE);
    assertThat(run.errLines()).singleElement().asString().contains("unknown command 'frobnicate'");
    assertThat(CliRun.of(Map.of(), "frobnicate", "--help").exitCode()).isEqualTo(QbmcCli.USAGE);
  }

  @Test
  void version_printsTheBuildsVersion_andTheJavaAndJacksonItRunsOn() {
    CliRun run = CliRun.of(Map.of(), "--version");

    assertThat(run.exitCode()).isEqualTo(QbmcCli.OK);
    assertThat(run.err()).isEmpty();
    assertThat(run.out().lines()).hasSize(2);
    assertThat(run.out().lines().findFirst().orElseThrow()).matches("qbmc \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    assertThat(run.out()).contains("Java " + Runtime.version(), "Jackson 2.");
  }

  @Test
  void readmeConfigurationTable_namesExactlyTheSettings() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    String table = readme.substring(readme.indexOf("## Configuration"), readme.indexOf("## FAQ"));
    Set<String> documented = new LinkedHashSet<>();
    Matcher row = Pattern.compile("(?m)^\\| `(QBMC_[A-Z_]+)` \\|").matcher(table);
    while (row.find()) {
      documented.add(row.group(1));
    }

    assertThat(documented).containsExactlyInAnyOrder(
        java.util.Arrays.stream(Setting.values()).map(Setting::name).toArray(String[]::new));
    assertThat(readme).contains(COMMANDS.stream().map(c -> "| `" + c).toArray(String[]::new));
  }
}
