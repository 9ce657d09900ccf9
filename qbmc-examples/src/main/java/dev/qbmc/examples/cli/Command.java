package dev.qbmc.examples.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator CLI's commands as {@code --help} describes them: the one-line summary of the
 * command list, and what {@code COMMAND --help} prints (what it does and its options; the settings
 * come from {@link Setting#commands()}). {@code bench} has its own, longer {@code --help}.
 */
enum Command {
  DEMO("demo", "", "run the whole flow against loopback simulators (no credentials needed)",
      "Starts simulators of both APIs on loopback with a sample company, connects it to a simulated"
          + " audience, runs a full sync with progress, changes the company, runs an incremental sync,"
          + " lists the imported contacts and disconnects. Needs no settings, credentials or network."),
  SIMULATE("simulate", "", "start both simulators and print the settings to use, until Ctrl-C",
      "Starts both simulators with the sample company and prints the export lines of the settings that"
          + " point the other commands at them (made-up sandbox credentials), then runs until Ctrl-C."),
  CONNECT("connect", "", "store the credentials and connect the realm to the audience",
      "Checks both credentials, stores the QuickBooks refresh token and the Mailchimp API key under"
          + " QBMC_CONNECTION_ID in the file store at QBMC_STATE_DIR, and connects the realm to the"
          + " audience with the marketing status new contacts get. A credential is stored only once it"
          + " worked (the refresh token is refreshed at Intuit): a refused one exits 1 and leaves a"
          + " working connection as it was."),
  SYNC("sync", "[--dry-run] [--json]", "sync now; --json prints the report as one JSON object on stdout",
      "Syncs the connection: in full the first time, then only what changed in QuickBooks Online."
          + " Progress goes to stderr; the report goes to stdout as tables, or as one JSON object."
          + " Exits 1 when the sync did not fully succeed (PARTIAL, FAILED, STOPPED_CONTACT_LIMIT).",
      "--dry-run", "plan the sync and report it without writing to Mailchimp",
      "--json", "print the report as exactly one JSON object on stdout"),
  STATUS("status", "", "show the connection and its recent syncs",
      "Prints the connection's settings and status and its most recent syncs. Reads the state folder"
          + " only: no API call."),
  CONTACTS("contacts", "", "list the contacts imported from QuickBooks Online",
      "Lists the audience's contacts that carry the connection's import tag, with their status and"
          + " names."),
  SEGMENTS("segments", "list | create NAME RULE...", "list the connection's segments, or create one from rules",
      "'segments list' prints the connection's saved segments (those limited to its imported contacts)"
          + " with their member counts. 'segments create NAME RULE...' creates a Mailchimp saved segment of"
          + " the imported contacts meeting every rule (1 to 3), or updates the one of that name; purchase"
          + " rules also limit it to buyers in the connection's store. Disconnecting leaves segments and"
          + " tags in place.",
      SegmentCommand.OPTIONS),
  DISCONNECT("disconnect", "[--revoke]", "delete the synced e-commerce data, keep the contacts, forget the tokens",
      "Pauses the connection, deletes its e-commerce store in Mailchimp (orders, products, e-commerce"
          + " customers), keeps every audience contact, and forgets the stored tokens. Running it twice"
          + " is harmless.",
      "--revoke", "also revoke the QuickBooks token at Intuit"),
  BENCH("bench", "[options]", "measure sync cost against the simulators (bench --help lists the options)",
      "Runs the sync benchmark against the simulators; 'bench --help' lists its options.");

  private final String name;
  private final String arguments;
  private final String summary;
  private final String description;
  private final Map<String, String> options;

  Command(String name, String arguments, String summary, String description, String... options) {
    this.name = name;
    this.arguments = arguments;
    this.summary = summary;
    this.description = description;
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < options.length; i += 2) {
      map.put(options[i], options[i + 1]);
    }
    this.options = map;
  }

  /** The command as typed, e.g. {@code sync}. */
  String commandName() {
    return name;
  }

  /** The command with its options, as in the command list, e.g. {@code sync [--dry-run] [--json]}. */
  String usage() {
    return arguments.isEmpty() ? name : name + " " + arguments;
  }

  /** The line of the command list. */
  String summary() {
    return summary;
  }

  /** What the command does, in a few sentences. */
  String description() {
    return description;
  }

  /** The command's options and their meaning, in order ({@code --help} not included). */
  Map<String, String> options() {
    return options;
  }

  /** The option names the command accepts ({@code --help} not included). */
  List<String> optionNames() {
    return List.copyOf(options.keySet());
  }

  /** The settings the command reads, in {@link Setting} order. */
  List<Setting> settings() {
    return Arrays.stream(Setting.values()).filter(s -> s.commands().contains(name)).toList();
  }

  /** The command typed as {@code name}. */
  static Optional<Command> named(String name) {
    return Arrays.stream(values()).filter(c -> c.name.equals(name)).findFirst();
  }
}
