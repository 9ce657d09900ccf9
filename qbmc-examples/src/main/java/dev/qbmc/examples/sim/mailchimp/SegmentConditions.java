package dev.qbmc.examples.sim.mailchimp;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks and evaluates a saved segment's {@code options} as Mailchimp does for the conditions the
 * simulator knows: {@code EcommPurchased}, {@code EcommStore}, {@code EcommSpent}, {@code
 * EcommNumber}, {@code EcommCategory} and {@code StaticSegment} (a tag), combined with {@code match}
 * {@code all} or {@code any}. Any other condition type is refused with 400 (the simulator cannot
 * evaluate it), as is a field, operator or value the spec does not allow.
 */
final class SegmentConditions {

  private static final Map<String, Set<String>> FIELDS = Map.of(
      "EcommPurchased", Set.of("ecomm_purchased"),
      "EcommStore", Set.of("ecomm_store"),
      "EcommSpent", Set.of("ecomm_spent_one", "ecomm_spent_all"),
      "EcommNumber", Set.of("ecomm_spent_avg", "ecomm_orders", "ecomm_prod_all", "ecomm_avg_ord"),
      "EcommCategory", Set.of("ecomm_cat", "ecomm_prod"),
      "StaticSegment", Set.of("static_segment"));
  private static final Map<String, Set<String>> OPS = Map.of(
      "EcommPurchased", Set.of("member", "notmember"),
      "EcommStore", Set.of("is", "not"),
      "EcommSpent", Set.of("greater", "less"),
      "EcommNumber", Set.of("is", "not", "greater", "less"),
      "EcommCategory", Set.of("is", "not", "contains", "notcontain", "starts", "ends"),
      "StaticSegment", Set.of("static_is", "static_not"));

  private SegmentConditions() {}

  /** Refuses options the simulator would not evaluate like Mailchimp. */
  static void check(JsonNode options, AudienceList list) {
    String match = options.path("match").asText("all");
    if (!match.equals("all") && !match.equals("any")) {
      throw invalid("options.match", "Value must be one of: any, all");
    }
    if (!options.path("conditions").isArray() || options.path("conditions").isEmpty()) {
      throw invalid("options.conditions", "A saved segment needs at least one condition");
    }
    for (JsonNode c : options.path("conditions")) {
      String type = c.path("condition_type").asText("");
      if (!FIELDS.containsKey(type)) {
        throw invalid("options.conditions.condition_type", "The simulator does not evaluate condition type '" + type + "'");
      }
      if (!FIELDS.get(type).contains(c.path("field").asText())) {
        throw invalid("options.conditions.field", "Unknown field for " + type);
      }
      if (!OPS.get(type).contains(c.path("op").asText())) {
        throw invalid("options.conditions.op", "Unknown operator for " + type);
      }
      JsonNode value = c.path("value");
      boolean numeric = type.equals("EcommSpent") || type.equals("EcommNumber") || type.equals("StaticSegment");
      if (type.equals("EcommSpent") && !value.canConvertToExactIntegral()
          || numeric && !value.isNumber()
          || (type.equals("EcommStore") || type.equals("EcommCategory")) && !value.isTextual()) {
        throw invalid("options.conditions.value", "The value does not fit " + type);
      }
      if (type.equals("StaticSegment") && list.tagName(value.asLong()) == null) {
        throw invalid("options.conditions.value", "No static segment with id " + value.asLong());
      }
    }
  }

  /** The members the options select, in the list's order. */
  static List<AudienceList.Member> members(JsonNode options, AudienceList list, Purchases purchases) {
    boolean all = !options.path("match").asText("all").equals("any");
    List<AudienceList.Member> out = new ArrayList<>();
    for (AudienceList.Member m : list.members.values()) {
      Purchases.Buyer buyer = purchases.of(m.email);
      boolean selected = all;
      for (JsonNode c : options.path("conditions")) {
        boolean holds = holds(c, m, buyer, list);
        selected = all ? selected && holds : selected || holds;
      }
      if (selected) {
        out.add(m);
      }
    }
    return out;
  }

  private static boolean holds(JsonNode c, AudienceList.Member m, Purchases.Buyer b, AudienceList list) {
    String op = c.path("op").asText();
    JsonNode value = c.path("value");
    switch (c.path("condition_type").asText()) {
      case "EcommPurchased":
        return (b.orders > 0) == op.equals("member");
      case "EcommStore":
        return b.stores.contains(value.asText()) == op.equals("is");
      case "EcommSpent":
        return compare(c.path("field").asText().equals("ecomm_spent_one") ? b.largestOrder : b.spent, op, value);
      case "EcommNumber":
        return compare(number(c.path("field").asText(), b), op, value);
      case "EcommCategory":
        return text(c.path("field").asText().equals("ecomm_prod") ? b.productTitles : b.productTypes, op, value.asText());
      case "StaticSegment":
        return m.tags.contains(list.tagName(value.asLong())) == op.equals("static_is");
      default:
        return false;
    }
  }

  private static BigDecimal number(String field, Purchases.Buyer b) {
    switch (field) {
      case "ecomm_orders":
        return BigDecimal.valueOf(b.orders);
      case "ecomm_prod_all":
        return BigDecimal.valueOf(b.products);
      case "ecomm_spent_avg":
        return b.orders == 0 ? BigDecimal.ZERO : b.spent.divide(BigDecimal.valueOf(b.orders), 2, java.math.RoundingMode.HALF_UP);
      default: // ecomm_avg_ord: products per order
        return b.orders == 0 ? BigDecimal.ZERO
            : BigDecimal.valueOf(b.products).divide(BigDecimal.valueOf(b.orders), 2, java.math.RoundingMode.HALF_UP);
    }
  }

  private static boolean compare(BigDecimal actual, String op, JsonNode value) {
    int c = actual.compareTo(value.decimalValue());
    switch (op) {
      case "greater":
        return c > 0;
      case "less":
        return c < 0;
      case "is":
        return c == 0;
      default:
        return c != 0;
    }
  }

  private static boolean text(Set<String> names, String op, String value) {
    String v = value.toLowerCase(Locale.ROOT);
    boolean any;
    switch (op) {
      case "is":
      case "not":
        any = names.stream().anyMatch(n -> n.equalsIgnoreCase(value));
        break;
      case "starts":
        any = names.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).startsWith(v));
        break;
      case "ends":
        any = names.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).endsWith(v));
        break;
      default: // contains, notcontain
        any = names.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).contains(v));
        break;
    }
    return op.equals("not") || op.equals("notcontain") ? !any : any;
  }

  private static ApiProblem invalid(String field, String message) {
    return ApiProblem.invalid("The resource submitted could not be validated.", new ApiProblem.FieldError(field, message));
  }
}
