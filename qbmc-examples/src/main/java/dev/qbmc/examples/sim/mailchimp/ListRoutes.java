package dev.qbmc.examples.sim.mailchimp;

import static dev.qbmc.examples.sim.mailchimp.Http.blank;
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

/** Audiences: {@code GET|POST /3.0/lists} and {@code GET /3.0/lists/{list_id}} with {@code stats}. */
final class ListRoutes implements RouteGroup {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final Account account;

  ListRoutes(Account account) {
    this.account = account;
  }

  @Override
  public void addTo(Router router) {
    router.add("GET", ROOT + "/lists", this::getLists);
    router.add("POST", ROOT + "/lists", r -> ok(create(Http.body(r))));
    router.add("GET", ROOT + "/lists/{list_id}", r -> ok(listJson(account.list(r))));
  }

  /** Creates an audience with sample contact details and campaign defaults; returns its id. */
  String createDefault(String name) {
    ObjectNode body = F.objectNode();
    body.put("name", name);
    body.putObject("contact").put("company", "Simulated Co").put("address1", "675 Ponce de Leon Ave NE")
        .put("city", "Atlanta").put("state", "GA").put("zip", "30308").put("country", "US");
    body.put("permission_reminder", "You bought from us.");
    body.putObject("campaign_defaults").put("from_name", "Simulated Co").put("from_email", "news@example.org")
        .put("subject", "").put("language", "en");
    body.put("email_type_option", false);
    return create(body).path("id").asText();
  }

  /** Validates and creates an audience as {@code POST /lists} does; returns its JSON. */
  ObjectNode create(ObjectNode body) {
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    for (String field : List.of("name", "permission_reminder")) {
      if (body.path(field).asText("").isBlank()) {
        errors.add(blank(field));
      }
    }
    if (!body.path("email_type_option").isBoolean()) {
      errors.add(blank("email_type_option"));
    }
    for (String field : List.of("company", "address1", "city", "state", "zip", "country")) {
      if (body.path("contact").path(field).asText("").isBlank()) {
        errors.add(blank("contact." + field));
      }
    }
    for (String field : List.of("from_name", "from_email", "subject", "language")) {
      if (!body.path("campaign_defaults").path(field).isTextual()) {
        errors.add(blank("campaign_defaults." + field));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.invalidFields(errors.toArray(new ApiProblem.FieldError[0]));
    }
    String id = account.newId();
    ObjectNode info = body.deepCopy();
    info.put("id", id);
    info.put("web_id", Math.abs(id.hashCode() % 100000));
    info.put("date_created", account.now().toString());
    info.put("list_rating", 0);
    info.put("double_optin", body.path("double_optin").asBoolean(false));
    AudienceList list = new AudienceList(id, info, account.now());
    account.lists.put(id, list);
    return listJson(list);
  }

  private static ObjectNode listJson(AudienceList list) {
    synchronized (list) {
      ObjectNode node = list.info.deepCopy();
      ObjectNode stats = node.putObject("stats");
      stats.put("member_count", list.count("subscribed"));
      stats.put("unsubscribe_count", list.count("unsubscribed"));
      stats.put("cleaned_count", list.count("cleaned"));
      stats.put("total_contacts", list.members.size());
      stats.put("merge_field_count", AudienceList.MERGE_TAGS.size());
      return node;
    }
  }

  private SimResponse getLists(SimRequest r) {
    Http.Paging p = Http.paging(r);
    ObjectNode out = F.objectNode();
    ArrayNode array = out.putArray("lists");
    p.page(account.lists.values().stream().sorted(Comparator.comparing((AudienceList l) -> l.id)))
        .forEach(l -> array.add(listJson(l)));
    out.put("total_items", account.lists.size());
    return ok(out);
  }
}
