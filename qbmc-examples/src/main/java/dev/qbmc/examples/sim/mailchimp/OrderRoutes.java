package dev.qbmc.examples.sim.mailchimp;

import static dev.qbmc.examples.sim.mailchimp.Http.blank;
import static dev.qbmc.examples.sim.mailchimp.Http.found;
import static dev.qbmc.examples.sim.mailchimp.Http.ok;
import static dev.qbmc.examples.sim.mailchimp.MailchimpSimulator.ROOT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qbmc.examples.sim.Json;
import dev.qbmc.examples.sim.RouteGroup;
import dev.qbmc.examples.sim.Router;
import dev.qbmc.examples.sim.SimRequest;
import dev.qbmc.examples.sim.SimResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * E-commerce orders under {@code /3.0/ecommerce/stores/{store_id}/orders}. Lines must name existing
 * products and variants; an unknown customer is created from the order's {@code customer} when it
 * carries {@code email_address} and {@code opt_in_status}. Orders are stored as compact JSON bytes.
 */
final class OrderRoutes implements RouteGroup {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String ORDERS = ROOT + "/ecommerce/stores/{store_id}/orders";
  private static final String ORDER = ORDERS + "/{order_id}";

  private final Account account;
  private final CustomerRoutes customers;

  OrderRoutes(Account account, CustomerRoutes customers) {
    this.account = account;
    this.customers = customers;
  }

  @Override
  public void addTo(Router router) {
    router.add("GET", ORDERS, this::getOrders);
    router.add("GET", ORDER, r -> {
      EcommerceStore store = account.store(r);
      return ok(orderJson(store, found(store.orders.get(r.param("order_id")))));
    });
    router.add("PUT", ORDER, r -> ok(put(account.store(r), r.param("order_id"), Http.body(r), true)));
    router.add("PATCH", ORDER, r -> ok(put(account.store(r), r.param("order_id"), Http.body(r), false)));
    router.add("POST", ORDERS, r -> {
      EcommerceStore store = account.store(r);
      ObjectNode body = Http.body(r);
      String id = Http.postedId(body, store.orders::containsKey,
          "An order with the provided ID already exists in the account.");
      return ok(put(store, id, body, true));
    });
    router.add("DELETE", ORDER, r -> Http.deleted(account.store(r).orders.remove(r.param("order_id"))));
  }

  /** An order as the API shows it: the stored order with its full customer. */
  static ObjectNode orderJson(EcommerceStore store, byte[] bytes) {
    return orderJson(store, (ObjectNode) Json.parse(bytes));
  }

  private static ObjectNode orderJson(EcommerceStore store, ObjectNode order) {
    ObjectNode customer = store.customers.get(order.path("customer").path("id").asText());
    if (customer != null) {
      order.set("customer", customer.deepCopy());
    }
    return order;
  }

  private SimResponse getOrders(SimRequest r) {
    EcommerceStore store = account.store(r);
    Http.Paging p = Http.paging(r);
    ObjectNode out = F.objectNode();
    ArrayNode array = out.putArray("orders");
    p.page(store.orders.values().stream()).forEach(b -> array.add(orderJson(store, b)));
    out.put("store_id", store.id);
    out.put("total_items", store.orders.size());
    return ok(out);
  }

  private ObjectNode put(EcommerceStore store, String orderId, ObjectNode body, boolean put) {
    byte[] existingBytes = store.orders.get(orderId);
    if (!put && existingBytes == null) {
      throw ApiProblem.notFound();
    }
    ObjectNode order = existingBytes == null ? F.objectNode() : (ObjectNode) Json.parse(existingBytes);
    body.fields().forEachRemaining(e -> order.set(e.getKey(), e.getValue().deepCopy()));
    order.put("id", orderId);
    checkRequired(order);
    checkLines(store, order);
    JsonNode customerRef = order.path("customer");
    String customerId = customerRef.path("id").asText();
    if (!store.customers.containsKey(customerId)) {
      if (customerRef.path("email_address").asText("").isBlank() || !customerRef.path("opt_in_status").isBoolean()) {
        throw ApiProblem.invalidFields(new ApiProblem.FieldError("customer.email_address",
            "The customer does not exist; email_address and opt_in_status are required to create it."));
      }
      customers.put(store, customerId, ((ObjectNode) customerRef).deepCopy(), true);
    }
    order.set("customer", F.objectNode().put("id", customerId));
    String now = account.now().toString();
    if (existingBytes == null && !order.has("processed_at_foreign")) {
      order.put("processed_at_foreign", now);
    }
    order.put("updated_at_foreign", order.path("updated_at_foreign").asText(now));
    order.put("store_id", store.id);
    store.orders.put(orderId, Json.bytes(order));
    return orderJson(store, order);
  }

  private static void checkRequired(ObjectNode order) {
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    if (order.path("customer").path("id").asText("").isBlank()) {
      errors.add(blank("customer.id"));
    }
    if (order.path("currency_code").asText("").isBlank()) {
      errors.add(blank("currency_code"));
    }
    if (!order.path("order_total").isNumber()) {
      errors.add(blank("order_total"));
    }
    if (!order.path("lines").isArray() || order.path("lines").isEmpty()) {
      errors.add(new ApiProblem.FieldError("lines", "This collection should contain 1 element or more."));
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.invalidFields(errors.toArray(new ApiProblem.FieldError[0]));
    }
  }

  private static void checkLines(EcommerceStore store, ObjectNode order) {
    for (JsonNode line : order.path("lines")) {
      for (String field : List.of("id", "product_id", "product_variant_id")) {
        if (line.path(field).asText("").isBlank()) {
          throw ApiProblem.invalidFields(blank("lines." + field));
        }
      }
      if (!line.path("quantity").isNumber() || !line.path("price").isNumber()) {
        throw ApiProblem.invalidFields(blank("lines.price"));
      }
      ObjectNode product = store.products.get(line.path("product_id").asText());
      if (product == null) {
        throw ApiProblem.invalid("A product with the provided ID does not exist in the account for this list.",
            new ApiProblem.FieldError("lines.product_id", "A product with the provided ID does not exist."));
      }
      boolean variant = false;
      for (JsonNode v : product.path("variants")) {
        variant |= v.path("id").asText().equals(line.path("product_variant_id").asText());
      }
      if (!variant) {
        throw ApiProblem.invalid("A product variant with the provided ID does not exist in the account for this list.",
            new ApiProblem.FieldError("lines.product_variant_id", "A product variant with the provided ID does not exist."));
      }
    }
  }
}
