package dev.qbmc.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The texts of {@code --help}, {@code COMMAND --help} and {@code --version}. The command list and
 * the settings come from {@link Command} and {@link Setting}, so the help cannot forget one.
 */
final class CliHelp {
  private static final int WIDTH = 100;
  private static final String SETTING_INDENT = " ".repeat(27);
  private static final String EXIT_CODES = "Exit codes: 0 success; 1 a sync that did not fully succeed (its report is"
      + " printed) or an error from an API, the store or the connection's state; 2 a missing or invalid"
      + " setting, an unknown command or option, or no connection yet.";

  private CliHelp() {}

  /** {@code --help}: the commands, how to get more, every setting with its default, exit codes. */
  static String general() {
    List<String> lines = new ArrayList<>();
    lines.add("Usage: java -jar qbmc.jar <command> [options]");
    lines.add("");
    lines.add("Commands:");
    for (Command command : Command.values()) {
      lines.add(String.format("  %-25s %s", command.usage(), command.summary()));
    }
    lines.add("");
    lines.add("'java -jar qbmc.jar <command> --help' describes a command, its options and settings;");
    lines.add("'java -jar qbmc.jar --version' prints the version.");
    lines.add("");
    lines.add("Settings (environment variables; blank counts as unset; demo and simulate need none):");
    for (Setting setting : Setting.values()) {
      addSetting(lines, setting, true);
    }
    lines.add("");
    lines.addAll(wrap(EXIT_CODES));
    lines.add("");
    lines.add("Configuration: environment variables QBMC_* (see README, section Configuration).");
    return String.join(System.lineSeparator(), lines);
  }

  /** {@code COMMAND --help}: usage, what it does, its options, the settings it reads, exit codes. */
  static String of(Command command) {
    List<String> lines = new ArrayList<>();
    lines.add("Usage: java -jar qbmc.jar " + command.usage());
    lines.add("");
    lines.addAll(wrap(command.description()));
    lines.add("");
    lines.add("Options:");
    command.options().forEach((option, meaning) -> lines.add(String.format("  %-25s %s", option, meaning)));
    lines.add(String.format("  %-25s %s", "--help", "this text"));
    lines.add("");
    List<Setting> settings = command.settings();
    if (settings.isEmpty()) {
      lines.add("Settings: none.");
    } else {
      lines.add("Settings (environment variables; blank counts as unset):");
      settings.forEach(setting -> addSetting(lines, setting, false));
    }
    lines.add("");
    lines.addAll(wrap(EXIT_CODES));
    return String.join(System.lineSeparator(), lines);
  }

  /** {@code --version}: qbmc's version, then the Java and Jackson it runs on. */
  static String version() {
    return "qbmc " + qbmcVersion() + System.lineSeparator() + "Java " + Runtime.version() + " ("
        + System.getProperty("java.vendor") + "), Jackson "
        + com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION;
  }

  /** The version this CLI was built as, from the build's filtered {@code qbmc-version.properties}. */
  static String qbmcVersion() {
    try (InputStream in = CliHelp.class.getResourceAsStream("qbmc-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void addSetting(List<String> lines, Setting setting, boolean withCommands) {
    lines.add(String.format("  %-25s%s", setting.name(), setting.meaning()));
    String value = setting.defaultValue() != null ? "default: " + setting.defaultValue()
        : setting.required() ? "required" : "optional, no default";
    String readBy = "read by " + String.join(", ", setting.commands());
    if (!withCommands) {
      lines.add(SETTING_INDENT + value);
    } else if (SETTING_INDENT.length() + value.length() + 2 + readBy.length() <= WIDTH) {
      lines.add(SETTING_INDENT + value + "; " + readBy);
    } else {
      lines.add(SETTING_INDENT + value);
      lines.add(SETTING_INDENT + readBy);
    }
  }

  /** Wraps text at {@link #WIDTH} columns. */
  private static List<String> wrap(String text) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > WIDTH) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    lines.add(line.toString());
    return lines;
  }
}
