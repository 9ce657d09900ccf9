package dev.qbmc.examples.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qbmc.examples.sim.mailchimp.MailchimpSimulator;
import dev.qbmc.examples.sim.mailchimp.MemberView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * What a Mailchimp simulator holds for one audience and one store, as sorted lines: each member
 * with status, tags and merge fields, each store with its {@code is_syncing} flag, each e-commerce
 * customer and product, each order with total, financial status, customer and lines. A duplicate
 * shows as a repeated line; timestamps (which move with the clock of whoever wrote) are left out.
 */
public final class MailchimpSnapshot {
  private MailchimpSnapshot() {}

  /**
   * The snapshot.
   *
   * @param mailchimp the simulator
   * @param listId the audience
   * @param storeId the e-commerce store
   * @return sorted lines
   */
  public static List<String> of(MailchimpSimulator mailchimp, String listId, String storeId) {
    List<String> lines = new ArrayList<>();
    for (MemberView m : mailchimp.members(listId)) {
      lines.add("member " + m.emailAddress() + " " + m.status() + " " + new TreeSet<>(m.tags()) + " "
          + m.mergeFields());
    }
    for (JsonNode store : mailchimp.stores()) {
      lines.add("store " + store.path("id").asText() + " syncing=" + store.path("is_syncing").asBoolean());
    }
    mailchimp.customers(storeId).forEach(c -> lines.add("customer " + timeless(c)));
    mailchimp.products(storeId).forEach(p -> lines.add("product " + timeless(p)));
    mailchimp.orders(storeId).forEach(o -> lines.add("order " + o.path("id").asText() + " "
        + o.path("order_total").decimalValue().toPlainString() + " " + o.path("financial_status").asText() + " "
        + o.path("customer").path("id").asText() + " " + sorted(o.path("lines"))));
    Collections.sort(lines);
    return lines;
  }

  /**
   * Where two snapshots differ, shortly.
   *
   * @param expected the expected lines
   * @param actual the actual lines
   * @return the missing and unexpected lines, the first three of each
   */
  public static String diff(List<String> expected, List<String> actual) {
    List<String> missing = new ArrayList<>(expected);
    actual.forEach(missing::remove);
    List<String> extra = new ArrayList<>(actual);
    expected.forEach(extra::remove);
    return "missing " + abbreviate(missing) + ", unexpected " + abbreviate(extra);
  }

  private static String abbreviate(List<String> lines) {
    return lines.size() <= 3 ? lines.toString() : lines.subList(0, 3) + " and " + (lines.size() - 3) + " more";
  }

  private static final ObjectMapper SORTED = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  /** The JSON without its timestamps, its fields sorted (a field's place in a body means nothing). */
  private static String timeless(JsonNode node) {
    ObjectNode copy = (ObjectNode) node.deepCopy();
    copy.remove(List.of("created_at", "updated_at", "published_at_foreign"));
    return sorted(copy);
  }

  private static String sorted(JsonNode node) {
    try {
      return SORTED.writeValueAsString(SORTED.convertValue(node, Object.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
