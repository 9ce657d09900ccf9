package dev.qbmc.examples.sim.mailchimp;

import static dev.qbmc.examples.sim.mailchimp.Http.blank;
import static dev.qbmc.examples.sim.mailchimp.Http.found;
import static dev.qbmc.examples.sim.mailchimp.Http.ok;
import static dev.qbmc.examples.sim.mailchimp.MailchimpSimulator.ROOT;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qbmc.examples.sim.RouteGroup;
import dev.qbmc.examples.sim.Router;
import dev.qbmc.examples.sim.SimRequest;
import dev.qbmc.examples.sim.SimResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * E-commerce stores: {@code GET|POST /3.0/ecommerce/stores} and {@code GET|PATCH|DELETE
 * /3.0/ecommerce/stores/{store_id}}. Deleting a store removes its customers, products and orders,
 * never an audience member; a store's {@code list_id} cannot change.
 */
final class StoreRoutes implements RouteGroup {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String STORES = ROOT + "/ecommerce/stores";

  private final Account account;

  StoreRoutes(Account account) {
    this.account = account;
  }

  @Override
  public void addTo(Router router) {
    router.add("GET", STORES, this::getStores);
    router.add("POST", STORES, this::postStore);
    router.add("GET", STORES + "/{store_id}", r -> ok(account.store(r).info.deepCopy()));
    router.add("PATCH", STORES + "/{store_id}", this::patchStore);
    router.add("DELETE", STORES + "/{store_id}", this::deleteStore);
  }

  private SimResponse getStores(SimRequest r) {
    Http.Paging p = Http.paging(r);
    ObjectNode out = F.objectNode();
    ArrayNode array = out.putArray("stores");
    p.page(account.stores.values().stream().sorted(Comparator.comparing((EcommerceStore s) -> s.id)))
        .forEach(s -> array.add(s.info.deepCopy()));
    out.put("total_items", account.stores.size());
    return ok(out);
  }

  private SimResponse postStore(SimRequest r) {
    ObjectNode body = Http.body(r);
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    for (String field : List.of("id", "list_id", "name", "currency_code")) {
      if (body.path(field).asText("").isBlank()) {
        errors.add(blank(field));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.invalidFields(errors.toArray(new ApiProblem.FieldError[0]));
    }
    if (!account.lists.containsKey(body.path("list_id").asText())) {
      throw ApiProblem.invalidFields(new ApiProblem.FieldError("list_id", "The list with the provided ID does not exist."));
    }
    ObjectNode info = body.deepCopy();
    String now = account.now().toString();
    info.put("is_syncing", body.path("is_syncing").asBoolean(false));
    info.put("created_at", now);
    info.put("updated_at", now);
    EcommerceStore store = new EcommerceStore(body.path("id").asText(), info);
    if (account.stores.putIfAbsent(store.id, store) != null) {
      throw ApiProblem.invalid("A store with the provided ID already exists in the account.");
    }
    return ok(info.deepCopy());
  }

  private SimResponse patchStore(SimRequest r) {
    EcommerceStore store = account.store(r);
    ObjectNode body = Http.body(r);
    synchronized (store) {
      if (body.has("list_id") && !body.path("list_id").asText().equals(store.listId())) {
        throw ApiProblem.invalidFields(new ApiProblem.FieldError("list_id", "The list_id of a store cannot be changed."));
      }
      ObjectNode info = store.info.deepCopy();
      body.fields().forEachRemaining(e -> {
        if (!e.getKey().equals("id")) {
          info.set(e.getKey(), e.getValue().deepCopy());
        }
      });
      info.put("updated_at", account.now().toString());
      store.info = info;
      return ok(info.deepCopy());
    }
  }

  private SimResponse deleteStore(SimRequest r) {
    EcommerceStore store = found(account.stores.remove(r.param("store_id")));
    store.customers.clear();
    store.products.clear();
    store.orders.clear();
    return SimResponse.empty(204);
  }
}
