package dev.qbmc.examples.sim.mailchimp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qbmc.examples.sim.Json;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What each address bought in the e-commerce stores of one audience, for evaluating segment
 * conditions: orders (cancelled and refunded ones left out), amounts, products and stores. Built from
 * the stores' stored orders, customers and products when a segment is read.
 */
final class Purchases {

  /** One address's purchases. */
  static final class Buyer {
    int orders;
    int products;
    BigDecimal spent = BigDecimal.ZERO;
    BigDecimal largestOrder = BigDecimal.ZERO;
    final Set<String> productTitles = new HashSet<>();
    final Set<String> productTypes = new HashSet<>();
    final Set<String> stores = new HashSet<>();
  }

  private static final Buyer NOBODY = new Buyer();

  private final Map<String, Buyer> byEmail = new HashMap<>();

  /** The purchases in every store of the account bound to this audience. */
  static Purchases of(Account account, AudienceList list) {
    Purchases p = new Purchases();
    for (EcommerceStore store : account.stores.values()) {
      if (!store.listId().equals(list.id)) {
        continue;
      }
      for (byte[] bytes : store.orders.values()) {
        p.add(store, (ObjectNode) Json.parse(bytes));
      }
    }
    return p;
  }

  private void add(EcommerceStore store, ObjectNode order) {
    String status = order.path("financial_status").asText("").toLowerCase(Locale.ROOT);
    if (status.equals("cancelled") || status.equals("refunded") || order.hasNonNull("cancelled_at_foreign")) {
      return;
    }
    ObjectNode customer = store.customers.get(order.path("customer").path("id").asText());
    if (customer == null || customer.path("email_address").asText("").isBlank()) {
      return;
    }
    Buyer b = byEmail.computeIfAbsent(customer.path("email_address").asText().toLowerCase(Locale.ROOT), e -> new Buyer());
    BigDecimal total = order.path("order_total").decimalValue();
    b.orders++;
    b.spent = b.spent.add(total);
    b.largestOrder = b.largestOrder.max(total);
    b.stores.add(store.id);
    for (JsonNode line : order.path("lines")) {
      b.products += line.path("quantity").asInt(1);
      ObjectNode product = store.products.get(line.path("product_id").asText());
      if (product != null) {
        b.productTitles.add(product.path("title").asText(""));
        if (product.hasNonNull("type")) {
          b.productTypes.add(product.path("type").asText());
        }
      }
    }
  }

  Buyer of(String email) {
    return byEmail.getOrDefault(email.toLowerCase(Locale.ROOT), NOBODY);
  }
}
