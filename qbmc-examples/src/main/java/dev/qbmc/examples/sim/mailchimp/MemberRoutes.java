package dev.qbmc.examples.sim.mailchimp;

import static dev.qbmc.examples.sim.mailchimp.Http.blank;
import static dev.qbmc.examples.sim.mailchimp.Http.found;
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
import java.time.Instant;
import java.util.List;

/**
 * List members: {@code GET|POST /3.0/lists/{list_id}/members} and {@code GET|PUT|PATCH|DELETE
 * /3.0/lists/{list_id}/members/{subscriber_hash}}; the consent rules live in {@link AudienceList}.
 */
final class MemberRoutes implements RouteGroup {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String MEMBERS = ROOT + "/lists/{list_id}/members";
  private static final String MEMBER = MEMBERS + "/{subscriber_hash}";

  private final Account account;

  MemberRoutes(Account account) {
    this.account = account;
  }

  @Override
  public void addTo(Router router) {
    router.add("GET", MEMBERS, this::getMembers);
    router.add("POST", MEMBERS, this::postMember);
    router.add("GET", MEMBER, this::getMember);
    router.add("PUT", MEMBER, r -> writeMember(r, true));
    router.add("PATCH", MEMBER, r -> writeMember(r, false));
    router.add("DELETE", MEMBER, this::archiveMember);
  }

  private SimResponse getMembers(SimRequest r) {
    AudienceList list = account.list(r);
    Http.Paging p = Http.paging(r);
    String status = r.query().get("status");
    Instant since = r.query().containsKey("since_last_changed")
        ? Http.parseInstant(r.query().get("since_last_changed"), "since_last_changed") : null;
    ObjectNode out = F.objectNode();
    ArrayNode array = out.putArray("members");
    synchronized (list) {
      List<AudienceList.Member> matching = list.members.values().stream()
          .filter(m -> status == null || status.equals(m.status))
          .filter(m -> since == null || m.lastChanged.isAfter(since))
          .toList();
      p.page(matching.stream()).forEach(m -> array.add(list.memberJson(m)));
      out.put("list_id", list.id);
      out.put("total_items", matching.size());
    }
    return ok(out);
  }

  private SimResponse getMember(SimRequest r) {
    AudienceList list = account.list(r);
    synchronized (list) {
      return ok(list.memberJson(found(list.members.get(Http.subscriberHash(r)))));
    }
  }

  private SimResponse postMember(SimRequest r) {
    AudienceList list = account.list(r);
    ObjectNode body = Http.body(r);
    String email = text(body, "email_address");
    synchronized (list) {
      if (email != null && list.isActiveMember(email)) {
        throw ApiProblem.memberExists(email);
      }
      String status = text(body, "status");
      if (status == null) {
        throw ApiProblem.invalidFields(blank("status"));
      }
      list.upsert(email, status, null, body.get("merge_fields"), Http.skipMergeValidation(r), Http.mode(r),
          account.rules, account.now());
      AudienceList.Member m = list.members.get(AudienceList.hash(email));
      for (JsonNode tag : body.path("tags")) {
        list.setTag(m, tag.asText(), true, account.now());
      }
      return ok(list.memberJson(m));
    }
  }

  private SimResponse writeMember(SimRequest r, boolean put) {
    AudienceList list = account.list(r);
    ObjectNode body = Http.body(r);
    String hash = Http.subscriberHash(r);
    synchronized (list) {
      AudienceList.Member existing = list.members.get(hash);
      String email = text(body, "email_address");
      if (!put && existing == null) {
        throw ApiProblem.notFound();
      }
      if (email == null) {
        if (put) {
          throw ApiProblem.invalidFields(blank("email_address"));
        }
        email = existing.email;
      }
      if (!AudienceList.hash(email).equals(hash)) {
        throw ApiProblem.memberExists(email);
      }
      list.upsert(email, text(body, "status"), put ? text(body, "status_if_new") : null, body.get("merge_fields"),
          Http.skipMergeValidation(r), Http.mode(r), account.rules, account.now());
      return ok(list.memberJson(list.members.get(hash)));
    }
  }

  private SimResponse archiveMember(SimRequest r) {
    AudienceList list = account.list(r);
    synchronized (list) {
      AudienceList.Member m = found(list.members.get(Http.subscriberHash(r)));
      if (List.of("cleaned", "pending", "archived").contains(m.status)) {
        throw new ApiProblem(405, "Method Not Allowed", "This list member cannot be removed. "
            + "Can not archive a contact that is bounced, pending or archived", List.of());
      }
      m.status = "archived";
      m.lastChanged = account.now();
      return SimResponse.empty(204);
    }
  }
}
