package dev.qbmc.examples.sim.mailchimp;

import static dev.qbmc.examples.sim.mailchimp.Http.blank;
import static dev.qbmc.examples.sim.mailchimp.Http.found;
import static dev.qbmc.examples.sim.mailchimp.Http.ok;
import static dev.qbmc.examples.sim.mailchimp.MailchimpSimulator.ROOT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qbmc.examples.sim.RouteGroup;
import dev.qbmc.examples.sim.Router;
import java.util.ArrayList;
import java.util.List;

/** E-commerce products with their variants under {@code /3.0/ecommerce/stores/{store_id}/products}. */
final class ProductRoutes implements RouteGroup {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String PRODUCTS = ROOT + "/ecommerce/stores/{store_id}/products";
  private static final String PRODUCT = PRODUCTS + "/{product_id}";

  private final Account account;

  ProductRoutes(Account account) {
    this.account = account;
  }

  @Override
  public void addTo(Router router) {
    router.add("GET", PRODUCTS, r -> Http.storePage(r, "products", account.store(r).products));
    router.add("GET", PRODUCT, r -> ok(found(account.store(r).products.get(r.param("product_id"))).deepCopy()));
    router.add("PUT", PRODUCT, r -> ok(put(account.store(r), r.param("product_id"), Http.body(r), true)));
    router.add("PATCH", PRODUCT, r -> ok(put(account.store(r), r.param("product_id"), Http.body(r), false)));
    router.add("POST", PRODUCTS, r -> {
      EcommerceStore store = account.store(r);
      ObjectNode body = Http.body(r);
      String id = Http.postedId(body, store.products::containsKey,
          "A product with the provided ID already exists in the account.");
      return ok(put(store, id, body, true));
    });
    router.add("DELETE", PRODUCT, r -> Http.deleted(account.store(r).products.remove(r.param("product_id"))));
  }

  private ObjectNode put(EcommerceStore store, String productId, ObjectNode body, boolean put) {
    synchronized (store) {
      ObjectNode existing = store.products.get(productId);
      if (!put && existing == null) {
        throw ApiProblem.notFound();
      }
      ObjectNode product = existing == null ? F.objectNode() : existing.deepCopy();
      body.fields().forEachRemaining(e -> product.set(e.getKey(), e.getValue().deepCopy()));
      product.put("id", productId);
      List<ApiProblem.FieldError> errors = new ArrayList<>();
      if (product.path("title").asText("").isBlank()) {
        errors.add(blank("title"));
      }
      if (!product.path("variants").isArray() || product.path("variants").isEmpty()) {
        errors.add(new ApiProblem.FieldError("variants", "This collection should contain 1 element or more."));
      } else {
        for (JsonNode v : product.path("variants")) {
          if (v.path("id").asText("").isBlank() || v.path("title").asText("").isBlank()) {
            errors.add(new ApiProblem.FieldError("variants.id", "Each variant needs an id and a title."));
            break;
          }
        }
      }
      if (!errors.isEmpty()) {
        throw ApiProblem.invalidFields(errors.toArray(new ApiProblem.FieldError[0]));
      }
      String now = account.now().toString();
      if (existing == null) {
        product.put("published_at_foreign", now);
      }
      product.put("updated_at", now);
      store.products.put(productId, product);
      return product.deepCopy();
    }
  }
}
