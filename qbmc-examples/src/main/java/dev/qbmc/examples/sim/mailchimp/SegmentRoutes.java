package dev.qbmc.examples.sim.mailchimp;

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
import java.util.List;
import java.util.Map;

/**
 * Segments: {@code GET /3.0/lists/{list_id}/segments} and
 * {@code GET /3.0/lists/{list_id}/segments/{segment_id}/members}. Every tag is a static segment.
 */
final class SegmentRoutes implements RouteGroup {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final Account account;

  SegmentRoutes(Account account) {
    this.account = account;
  }

  @Override
  public void addTo(Router router) {
    router.add("GET", ROOT + "/lists/{list_id}/segments", this::segments);
    router.add("GET", ROOT + "/lists/{list_id}/segments/{segment_id}/members", this::segmentMembers);
  }

  private SimResponse segments(SimRequest r) {
    AudienceList list = account.list(r);
    Http.Paging p = Http.paging(r);
    String type = r.query().get("type");
    ObjectNode out = F.objectNode();
    ArrayNode array = out.putArray("segments");
    synchronized (list) {
      List<Map.Entry<String, Long>> tags = type == null || type.equals("static")
          ? new ArrayList<>(list.tagIds.entrySet()) : List.of();
      p.page(tags.stream()).forEach(e -> {
        ObjectNode s = array.addObject();
        s.put("id", e.getValue());
        s.put("name", e.getKey());
        s.put("member_count", list.membersWithTag(e.getKey()).size());
        s.put("type", "static");
        s.put("created_at", list.created.toString());
        s.put("updated_at", account.now().toString());
        s.put("list_id", list.id);
      });
      out.put("list_id", list.id);
      out.put("total_items", tags.size());
    }
    return ok(out);
  }

  private SimResponse segmentMembers(SimRequest r) {
    AudienceList list = account.list(r);
    Http.Paging p = Http.paging(r);
    ObjectNode out = F.objectNode();
    ArrayNode array = out.putArray("members");
    synchronized (list) {
      String tag = list.tagIds.entrySet().stream().filter(e -> e.getValue().toString().equals(r.param("segment_id")))
          .map(Map.Entry::getKey).findFirst().orElseThrow(ApiProblem::notFound);
      List<AudienceList.Member> members = list.membersWithTag(tag);
      p.page(members.stream()).forEach(m -> array.add(list.memberJson(m)));
      out.put("total_items", members.size());
    }
    return ok(out);
  }
}
