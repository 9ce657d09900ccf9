package dev.qbmc.examples.multinode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qbmc.examples.cli.Sandbox;
import dev.qbmc.examples.sim.mailchimp.MailchimpSimulator;
import dev.qbmc.examples.sim.mailchimp.MemberView;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a sync left in the Mailchimp simulator, without what differs between two simulators or two
 * runs (audience ids, timestamps), for comparing two syncs of the same company. Members are keyed by
 * address; customers, products and orders by id, so a duplicate shows as an extra entry.
 *
 * @param members per address: status, merge fields and tags
 * @param customers e-commerce customers by id
 * @param products products by id
 * @param orderIds the order ids, in order
 * @param orderBodies orders by id
 * @param storeSyncing the store's {@code is_syncing} flag
 */
record MailchimpState(Map<String, String> members, Map<String, JsonNode> customers, Map<String, JsonNode> products,
    List<String> orderIds, Map<String, JsonNode> orderBodies, boolean storeSyncing) {

  private static final Set<String> VOLATILE =
      Set.of("created_at", "updated_at", "list_id", "last_changed", "timestamp_signup", "timestamp_opt", "_links",
          "updated_at_foreign", "published_at_foreign");

  static MailchimpState of(Sandbox sandbox) {
    MailchimpSimulator mailchimp = sandbox.mailchimp();
    String storeId = "qbo-" + sandbox.quickBooks().realmId();
    Map<String, String> members = new TreeMap<>();
    for (MemberView m : mailchimp.members(sandbox.audienceId())) {
      members.put(m.emailAddress(), m.status() + " " + m.mergeFields() + " " + new TreeSet<>(m.tags()));
    }
    Map<String, JsonNode> orders = byId(mailchimp.orders(storeId));
    JsonNode store = mailchimp.stores().stream().filter(s -> s.path("id").asText().equals(storeId)).findFirst()
        .orElseThrow();
    return new MailchimpState(members, byId(mailchimp.customers(storeId)), byId(mailchimp.products(storeId)),
        List.copyOf(orders.keySet()), orders, store.path("is_syncing").asBoolean());
  }

  /**
   * What differs from another state, one line per member, customer, product or order.
   *
   * @param other the other state
   * @return the differences; empty when both are the same
   */
  List<String> differencesFrom(MailchimpState other) {
    List<String> differences = new ArrayList<>();
    compare("member", members, other.members, differences);
    compare("customer", customers, other.customers, differences);
    compare("product", products, other.products, differences);
    compare("order", orderBodies, other.orderBodies, differences);
    if (storeSyncing != other.storeSyncing) {
      differences.add("store is_syncing: " + storeSyncing + " here, " + other.storeSyncing + " there");
    }
    return differences;
  }

  private static <V> void compare(String what, Map<String, V> here, Map<String, V> there, List<String> out) {
    Set<String> keys = new TreeSet<>(here.keySet());
    keys.addAll(there.keySet());
    for (String key : keys) {
      V a = here.get(key);
      V b = there.get(key);
      if (!java.util.Objects.equals(a, b)) {
        out.add(what + " " + key + ": " + a + " here, " + b + " there");
      }
    }
  }

  private static Map<String, JsonNode> byId(List<JsonNode> nodes) {
    Map<String, JsonNode> byId = new TreeMap<>();
    for (JsonNode node : nodes) {
      JsonNode previous = byId.put(node.path("id").asText(), stripped(node.deepCopy()));
      if (previous != null) {
        throw new AssertionError("duplicate id " + node.path("id").asText());
      }
    }
    return byId;
  }

  private static JsonNode stripped(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
        if (VOLATILE.contains(names.next())) {
          names.remove();
        }
      }
    }
    node.forEach(MailchimpState::stripped);
    return node;
  }
}
