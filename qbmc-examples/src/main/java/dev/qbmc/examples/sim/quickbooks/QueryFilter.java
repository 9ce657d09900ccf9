package dev.qbmc.examples.sim.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Evaluates a parsed {@link QboQuery} against entity JSON as QBO does: {@code = != < <= > >= IN
 * LIKE} on dotted, case-insensitive field paths, numbers, booleans and {@code *Time} fields compared
 * by value, text case-insensitively.
 */
final class QueryFilter {

  private QueryFilter() {
  }

  /** The Id range a query's Id conditions allow, {@code {lo, hi}} (empty when lo > hi). */
  static long[] idRange(QboQuery q) {
    long lo = 1;
    long hi = Long.MAX_VALUE - 1;
    for (QboQuery.Condition c : q.conditions) {
      if (!c.field().equalsIgnoreCase("Id")) {
        continue;
      }
      try {
        switch (c.op()) {
          case "=": {
            long v = Long.parseLong(c.values().get(0));
            lo = Math.max(lo, v);
            hi = Math.min(hi, v);
            break;
          }
          case ">": lo = Math.max(lo, Long.parseLong(c.values().get(0)) + 1); break;
          case ">=": lo = Math.max(lo, Long.parseLong(c.values().get(0))); break;
          case "<": hi = Math.min(hi, Long.parseLong(c.values().get(0)) - 1); break;
          case "<=": hi = Math.min(hi, Long.parseLong(c.values().get(0))); break;
          case "IN": {
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (String s : c.values()) {
              long v = Long.parseLong(s);
              min = Math.min(min, v);
              max = Math.max(max, v);
            }
            lo = Math.max(lo, min);
            hi = Math.min(hi, max);
            break;
          }
          default: break;
        }
      } catch (NumberFormatException e) {
        return new long[] {1, 0};
      }
    }
    return new long[] {lo, hi};
  }

  /**
   * The WHERE clause as a predicate; inactive name-list entities are hidden unless {@code Active}
   * is filtered.
   */
  static Predicate<ObjectNode> where(QboQuery q, SimEntity entity, ZoneId zone) {
    boolean mentionsActive = q.conditions.stream().anyMatch(c -> c.field().equalsIgnoreCase("Active"));
    Predicate<ObjectNode> p = node -> true;
    if (entity.isNameList() && !mentionsActive) {
      p = node -> node.path("Active").asBoolean(true);
    }
    for (QboQuery.Condition c : q.conditions) {
      p = p.and(node -> matches(node, c, zone));
    }
    return p;
  }

  /** The ORDERBY clause as a comparator. */
  static Comparator<ObjectNode> orderBy(QboQuery q, ZoneId zone) {
    Comparator<ObjectNode> cmp = (a, b) -> compareValues(q.orderBy, value(a, q.orderBy), value(b, q.orderBy), zone);
    return q.descending ? cmp.reversed() : cmp;
  }

  private static boolean matches(ObjectNode node, QboQuery.Condition c, ZoneId zone) {
    JsonNode v = value(node, c.field());
    if (v == null || v.isMissingNode() || v.isNull()) {
      return false;
    }
    switch (c.op()) {
      case "IN":
        return c.values().stream().anyMatch(lit -> compare(c.field(), v, lit, zone) == 0);
      case "LIKE": {
        String regex = "(?is)" + Arrays.stream(c.values().get(0).split("%", -1))
            .map(Pattern::quote).reduce((a, b) -> a + ".*" + b).orElse("");
        return Pattern.compile(regex).matcher(v.asText()).matches();
      }
      case "=": return compare(c.field(), v, c.values().get(0), zone) == 0;
      case "!=": return compare(c.field(), v, c.values().get(0), zone) != 0;
      case "<": return compare(c.field(), v, c.values().get(0), zone) < 0;
      case "<=": return compare(c.field(), v, c.values().get(0), zone) <= 0;
      case ">": return compare(c.field(), v, c.values().get(0), zone) > 0;
      case ">=": return compare(c.field(), v, c.values().get(0), zone) >= 0;
      default: return false;
    }
  }

  private static JsonNode value(ObjectNode node, String path) {
    JsonNode current = node;
    for (String part : path.split("\\.")) {
      JsonNode next = current.get(part);
      if (next == null) {
        Iterator<String> names = current.fieldNames();
        while (names.hasNext()) {
          String n = names.next();
          if (n.equalsIgnoreCase(part)) {
            next = current.get(n);
            break;
          }
        }
      }
      if (next == null) {
        return null;
      }
      current = next;
    }
    return current;
  }

  private static int compare(String field, JsonNode v, String literal, ZoneId zone) {
    try {
      if (field.equalsIgnoreCase("Id")) {
        return Long.compare(Long.parseLong(v.asText()), Long.parseLong(literal));
      }
      if (v.isBoolean()) {
        return Boolean.compare(v.asBoolean(), Boolean.parseBoolean(literal));
      }
      if (v.isNumber()) {
        return v.decimalValue().compareTo(new BigDecimal(literal));
      }
      if (field.toLowerCase(Locale.ROOT).endsWith("time")) {
        return QboTime.parse(v.asText(), zone).compareTo(QboTime.parse(literal, zone));
      }
    } catch (IllegalArgumentException e) {
      return Integer.MIN_VALUE;
    }
    return v.asText().compareToIgnoreCase(literal);
  }

  private static int compareValues(String field, JsonNode a, JsonNode b, ZoneId zone) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    if (field.equalsIgnoreCase("Id")) {
      return Long.compare(a.asLong(), b.asLong());
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    if (field.toLowerCase(Locale.ROOT).endsWith("time")) {
      return QboTime.parse(a.asText(), zone).compareTo(QboTime.parse(b.asText(), zone));
    }
    return a.asText().compareToIgnoreCase(b.asText());
  }
}
