package dev.qbmc.examples.cli;

import dev.qbmc.core.Qbmc;
import dev.qbmc.core.SegmentRule;
import dev.qbmc.core.mapping.SafeText;
import dev.qbmc.mailchimp.model.Segment;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code segments list} and {@code segments create NAME RULE...}: the connection's saved segments
 * with their member counts, and a segment built from rules such as {@code --spent-more-than 500
 * --overdue} ({@link SegmentRule}); creating one of an existing name updates it.
 */
final class SegmentCommand {

  /** The rule options with their meaning, as {@code segments --help} lists them. */
  static final String[] OPTIONS = {
      "--purchased", "contacts who bought in the connection's store",
      "--never-purchased", "contacts who never bought there",
      "--spent-more-than N", "contacts who spent more than N (whole units of the store's currency)",
      "--spent-less-than N", "buyers who spent less than N",
      "--orders-at-least N", "contacts with at least N orders",
      "--bought-item TITLE", "contacts who bought the product with this title (the QuickBooks item name)",
      "--bought-item-id ID", "contacts who bought the product of this QuickBooks item Id",
      "--open-balance", "contacts whose customer has an open balance (the connection's open-balance tag)",
      "--overdue", "contacts with an overdue invoice (the connection's overdue tag)",
      "--tagged TAG", "contacts carrying a tag"};

  private static final Map<String, SegmentRule> FLAGS = Map.of(
      "--purchased", SegmentRule.purchased(),
      "--never-purchased", SegmentRule.neverPurchased(),
      "--open-balance", SegmentRule.openBalance(),
      "--overdue", SegmentRule.overdue());
  private static final Map<String, Function<String, SegmentRule>> WITH_VALUE = Map.of(
      "--spent-more-than", v -> SegmentRule.spentMoreThan(number(v)),
      "--spent-less-than", v -> SegmentRule.spentLessThan(number(v)),
      "--orders-at-least", v -> SegmentRule.ordersAtLeast(Math.toIntExact(number(v))),
      "--bought-item", SegmentRule::boughtItem,
      "--bought-item-id", SegmentRule::boughtItemWithId,
      "--tagged", SegmentRule::tagged);

  private SegmentCommand() {}

  /** Checks the command line before anything is opened: {@code list}, or {@code create NAME RULE...}. */
  static void check(List<String> args) {
    if (args.isEmpty() || !(args.get(0).equals("list") || args.get(0).equals("create"))) {
      throw new QbmcCli.UsageException("segments needs 'list' or 'create NAME RULE...' (see segments --help)");
    }
    if (args.get(0).equals("list") && args.size() > 1) {
      throw new QbmcCli.UsageException("segments list takes no options");
    }
    if (args.get(0).equals("create")) {
      rules(args);
    }
  }

  /** Runs a checked command line. */
  static int run(List<String> args, Qbmc qbmc, String connectionId, PrintStream out) {
    if (args.get(0).equals("list")) {
      print(qbmc.segments(connectionId), out);
      return QbmcCli.OK;
    }
    Segment segment = qbmc.createSegment(connectionId, args.get(1), rules(args).toArray(new SegmentRule[0]));
    out.printf("Segment '%s' (id %d): %d members%n", SafeText.clean(segment.name()), segment.id(), segment.memberCount());
    return QbmcCli.OK;
  }

  /**
   * Prints segments as a table of name, member count and id.
   *
   * @param segments the segments
   * @param out where to print
   */
  static void print(List<Segment> segments, PrintStream out) {
    String row = "  %-40s %9s  %s%n";
    out.printf(row, "Segment", "Members", "Id");
    for (Segment s : segments) {
      out.printf(row, SafeText.truncateChars(SafeText.clean(s.name()), 40), s.memberCount(), s.id());
    }
    out.printf("  %d segments%n", segments.size());
  }

  private static List<SegmentRule> rules(List<String> args) {
    if (args.size() < 2 || args.get(1).startsWith("--")) {
      throw new QbmcCli.UsageException("segments create needs a name, then rules such as --purchased");
    }
    List<SegmentRule> rules = new ArrayList<>();
    for (int i = 2; i < args.size(); i++) {
      String option = args.get(i);
      if (FLAGS.containsKey(option)) {
        rules.add(FLAGS.get(option));
      } else if (WITH_VALUE.containsKey(option)) {
        if (i + 1 >= args.size()) {
          throw new QbmcCli.UsageException(option + " needs a value");
        }
        try {
          rules.add(WITH_VALUE.get(option).apply(args.get(++i)));
        } catch (IllegalArgumentException | ArithmeticException e) {
          throw new QbmcCli.UsageException(option + ": " + e.getMessage());
        }
      } else {
        throw new QbmcCli.UsageException("unknown rule '" + option + "' for segments create (see segments --help)");
      }
    }
    if (rules.isEmpty() || rules.size() > 3) {
      throw new QbmcCli.UsageException("segments create takes 1 to 3 rules");
    }
    return rules;
  }

  private static long number(String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + SafeText.clean(value) + "' is not a whole number");
    }
  }
}
