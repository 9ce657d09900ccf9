package dev.qbmc.examples.sim.mailchimp;

import static dev.qbmc.examples.sim.mailchimp.Http.blank;
import static dev.qbmc.examples.sim.mailchimp.Http.found;
import static dev.qbmc.examples.sim.mailchimp.MailchimpSimulator.ROOT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qbmc.examples.sim.RouteGroup;
import dev.qbmc.examples.sim.Router;
import dev.qbmc.examples.sim.SimRequest;
import dev.qbmc.examples.sim.SimResponse;

/** Member tags: {@code POST /3.0/lists/{list_id}/members/{subscriber_hash}/tags} (active or inactive). */
final class TagRoutes implements RouteGroup {

  private final Account account;

  TagRoutes(Account account) {
    this.account = account;
  }

  @Override
  public void addTo(Router router) {
    router.add("POST", ROOT + "/lists/{list_id}/members/{subscriber_hash}/tags", this::memberTags);
  }

  private SimResponse memberTags(SimRequest r) {
    AudienceList list = account.list(r);
    ObjectNode body = Http.body(r);
    if (!body.path("tags").isArray()) {
      throw ApiProblem.invalidFields(blank("tags"));
    }
    synchronized (list) {
      AudienceList.Member m = found(list.members.get(Http.subscriberHash(r)));
      for (JsonNode tag : body.path("tags")) {
        String name = tag.path("name").asText("");
        String status = tag.path("status").asText("");
        if (name.isBlank() || !(status.equals("active") || status.equals("inactive"))) {
          throw ApiProblem.invalidFields(new ApiProblem.FieldError("tags",
              "Each tag needs a name and a status of active or inactive"));
        }
        list.setTag(m, name, status.equals("active"), account.now());
      }
    }
    return SimResponse.empty(204);
  }
}
