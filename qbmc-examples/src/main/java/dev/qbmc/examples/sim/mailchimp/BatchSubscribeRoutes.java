package dev.qbmc.examples.sim.mailchimp;

import static dev.qbmc.examples.sim.mailchimp.Http.blank;
import static dev.qbmc.examples.sim.mailchimp.Http.ok;
import static dev.qbmc.examples.sim.mailchimp.Http.text;
import static dev.qbmc.examples.sim.mailchimp.MailchimpSimulator.ROOT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qbmc.examples.sim.RouteGroup;
import dev.qbmc.examples.sim.Router;
import dev.qbmc.examples.sim.SimRequest;
import dev.qbmc.examples.sim.SimResponse;

/**
 * Batch subscribe {@code POST /3.0/lists/{list_id}}: at most 500 members, imported under the import
 * rules (role-based addresses refused), existing members only with {@code update_existing}.
 */
final class BatchSubscribeRoutes implements RouteGroup {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final int MAX_MEMBERS = 500;

  private final Account account;

  BatchSubscribeRoutes(Account account) {
    this.account = account;
  }

  @Override
  public void addTo(Router router) {
    router.add("POST", ROOT + "/lists/{list_id}", this::batchSubscribe);
  }

  private SimResponse batchSubscribe(SimRequest r) {
    AudienceList list = account.list(r);
    ObjectNode body = Http.body(r);
    JsonNode members = body.path("members");
    if (!members.isArray()) {
      throw ApiProblem.invalidFields(blank("members"));
    }
    if (members.size() > MAX_MEMBERS) {
      throw ApiProblem.invalidFields(new ApiProblem.FieldError("members",
          "You may only submit up to " + MAX_MEMBERS + " members per request"));
    }
    boolean updateExisting = body.path("update_existing").asBoolean(false);
    ObjectNode out = F.objectNode();
    ArrayNode created = out.putArray("new_members");
    ArrayNode updated = out.putArray("updated_members");
    ArrayNode errors = out.putArray("errors");
    synchronized (list) {
      for (JsonNode item : members) {
        String email = text(item, "email_address");
        try {
          boolean exists = email != null && list.isActiveMember(email);
          if (exists && !updateExisting) {
            errors.addObject().put("email_address", email)
                .put("error", email + " is already a list member, do you want to update? please provide "
                    + "update_existing:true in the request body")
                .put("error_code", "ERROR_CONTACT_EXISTS").put("field", "").put("field_message", "");
            continue;
          }
          String status = text(item, "status");
          String statusIfNew = text(item, "status_if_new");
          boolean isNew = list.upsert(email, exists ? status : null, status != null ? status : statusIfNew,
              item.get("merge_fields"), Http.skipMergeValidation(r), AudienceList.Mode.IMPORT, account.rules,
              account.now());
          (isNew ? created : updated).add(list.memberJson(list.members.get(AudienceList.hash(email))));
        } catch (ApiProblem p) {
          ApiProblem.FieldError field = p.errors.isEmpty() ? new ApiProblem.FieldError("", "") : p.errors.get(0);
          errors.addObject().put("email_address", email == null ? "" : email).put("error", p.detail)
              .put("error_code", "ERROR_GENERIC").put("field", field.field()).put("field_message", field.message());
        }
      }
    }
    out.put("total_created", created.size());
    out.put("total_updated", updated.size());
    out.put("error_count", errors.size());
    return ok(out);
  }
}
