package dev.qbmc.examples.sim.mailchimp;

import static dev.qbmc.examples.sim.mailchimp.Http.blank;
import static dev.qbmc.examples.sim.mailchimp.Http.found;
import static dev.qbmc.examples.sim.mailchimp.Http.ok;
import static dev.qbmc.examples.sim.mailchimp.MailchimpSimulator.ROOT;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qbmc.examples.sim.RouteGroup;
import dev.qbmc.examples.sim.Router;

/**
 * E-commerce customers under {@code /3.0/ecommerce/stores/{store_id}/customers}. Creating a customer
 * creates the audience member of a new contact ({@code subscribed} when {@code opt_in_status} is
 * true, else {@code transactional}); an existing member's status is never changed.
 */
final class CustomerRoutes implements RouteGroup {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String CUSTOMERS = ROOT + "/ecommerce/stores/{store_id}/customers";
  private static final String CUSTOMER = CUSTOMERS + "/{customer_id}";

  private final Account account;

  CustomerRoutes(Account account) {
    this.account = account;
  }

  @Override
  public void addTo(Router router) {
    router.add("GET", CUSTOMERS, r -> Http.storePage(r, "customers", account.store(r).customers));
    router.add("GET", CUSTOMER, r -> ok(found(account.store(r).customers.get(r.param("customer_id"))).deepCopy()));
    router.add("PUT", CUSTOMER, r -> ok(put(account.store(r), r.param("customer_id"), Http.body(r), true)));
    router.add("PATCH", CUSTOMER, r -> ok(put(account.store(r), r.param("customer_id"), Http.body(r), false)));
    router.add("POST", CUSTOMERS, r -> {
      EcommerceStore store = account.store(r);
      ObjectNode body = Http.body(r);
      String id = Http.postedId(body, store.customers::containsKey,
          "A customer with the provided ID already exists in the account for this store.");
      return ok(put(store, id, body, true));
    });
    router.add("DELETE", CUSTOMER, r -> Http.deleted(account.store(r).customers.remove(r.param("customer_id"))));
  }

  /** Creates or updates (PUT) or updates (PATCH, 404 when absent) a customer; returns a copy. */
  ObjectNode put(EcommerceStore store, String customerId, ObjectNode body, boolean put) {
    synchronized (store) {
      ObjectNode existing = store.customers.get(customerId);
      if (!put && existing == null) {
        throw ApiProblem.notFound();
      }
      if (body.has("id") && !body.path("id").asText().equals(customerId)) {
        throw ApiProblem.invalidFields(new ApiProblem.FieldError("id", "The id in the body must match the URL."));
      }
      if (customerId.length() > 50) {
        throw ApiProblem.invalidFields(new ApiProblem.FieldError("id", "Must be at most 50 characters."));
      }
      if (existing == null && !body.path("opt_in_status").isBoolean()) {
        throw ApiProblem.invalidFields(blank("opt_in_status"));
      }
      ObjectNode customer = existing == null ? F.objectNode() : existing.deepCopy();
      body.fields().forEachRemaining(e -> customer.set(e.getKey(), e.getValue().deepCopy()));
      customer.put("id", customerId);
      String email = customer.path("email_address").asText("");
      if (email.isBlank()) {
        throw ApiProblem.invalidFields(blank("email_address"));
      }
      linkMember(store, email, customer);
      String now = account.now().toString();
      if (existing == null) {
        customer.put("orders_count", 0);
        customer.put("total_spent", 0);
        customer.put("created_at", now);
      }
      customer.put("updated_at", now);
      store.customers.put(customerId, customer);
      return customer.deepCopy();
    }
  }

  /** Creates the audience member for a new contact; never changes an existing member's status. */
  private void linkMember(EcommerceStore store, String email, ObjectNode customer) {
    AudienceList list = account.lists.get(store.listId());
    if (list == null) {
      return;
    }
    synchronized (list) {
      AudienceList.Member m = list.members.get(AudienceList.hash(email));
      if (m != null) {
        return;
      }
      if (account.rules.looksFake(email)) {
        throw ApiProblem.fake(email);
      }
      if (list.forgotten.contains(AudienceList.hash(email))) {
        throw ApiProblem.forgotten(email);
      }
      ObjectNode merge = F.objectNode();
      if (customer.hasNonNull("first_name")) {
        merge.put("FNAME", customer.path("first_name").asText());
      }
      if (customer.hasNonNull("last_name")) {
        merge.put("LNAME", customer.path("last_name").asText());
      }
      String status = customer.path("opt_in_status").asBoolean(false) ? "subscribed" : "transactional";
      list.upsert(email, null, status, merge, true, AudienceList.Mode.SINGLE, account.rules, account.now());
      list.members.get(AudienceList.hash(email)).source = "E-Commerce";
    }
  }
}
