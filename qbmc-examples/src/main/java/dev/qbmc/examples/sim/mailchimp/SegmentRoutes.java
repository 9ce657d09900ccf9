package dev.qbmc.examples.sim.mailchimp;

import static dev.qbmc.examples.sim.mailchimp.Http.ok;
import static dev.qbmc.examples.sim.mailchimp.MailchimpSimulator.ROOT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qbmc.examples.sim.RouteGroup;
import dev.qbmc.examples.sim.Router;
import dev.qbmc.examples.sim.SimRequest;
import dev.qbmc.examples.sim.SimResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Segments: tags (static segments) and saved segments whose conditions the simulator evaluates
 * against the audience's members, tags and e-commerce orders ({@link SegmentConditions}).
 * {@code GET/POST /3.0/lists/{list_id}/segments}, {@code GET/PATCH/DELETE .../segments/{segment_id}}
 * and {@code GET .../segments/{segment_id}/members}. A saved segment counts and lists its subscribed
 * members (Mailchimp's {@code member_count} is "the number of active subscribers"); a tag counts
 * every member carrying it.
 */
final class SegmentRoutes implements RouteGroup {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String SEGMENTS = ROOT + "/lists/{list_id}/segments";
  private static final String SEGMENT = SEGMENTS + "/{segment_id}";

  private final Account account;

  SegmentRoutes(Account account) {
    this.account = account;
  }

  @Override
  public void addTo(Router router) {
    router.add("GET", SEGMENTS, this::segments);
    router.add("POST", SEGMENTS, this::create);
    router.add("GET", SEGMENT, r -> segmentResponse(r, (list, id) -> json(list, id, purchases(list))));
    router.add("PATCH", SEGMENT, this::update);
    router.add("DELETE", SEGMENT, this::delete);
    router.add("GET", SEGMENT + "/members", this::segmentMembers);
  }

  private Purchases purchases(AudienceList list) {
    return Purchases.of(account, list);
  }

  private SimResponse segments(SimRequest r) {
    AudienceList list = account.list(r);
    Http.Paging p = Http.paging(r);
    String type = r.query().get("type");
    ObjectNode out = F.objectNode();
    ArrayNode array = out.putArray("segments");
    synchronized (list) {
      Purchases purchases = purchases(list);
      List<ObjectNode> all = new ArrayList<>();
      if (type == null || type.equals("static")) {
        for (Long id : list.tagIds.values()) {
          all.add(json(list, id, purchases));
        }
      }
      if (type == null || type.equals("saved")) {
        for (Long id : list.savedSegments.keySet()) {
          all.add(json(list, id, purchases));
        }
      }
      p.page(all.stream()).forEach(array::add);
      out.put("list_id", list.id);
      out.put("total_items", all.size());
    }
    return ok(out);
  }

  private SimResponse create(SimRequest r) {
    AudienceList list = account.list(r);
    ObjectNode body = Http.body(r);
    String name = Http.text(body, "name");
    synchronized (list) {
      if (body.has("static_segment") == body.has("options")) {
        throw ApiProblem.invalidFields(new ApiProblem.FieldError("options",
            "Provide either static_segment or options (conditions)"));
      }
      long id;
      if (body.has("static_segment")) {
        if (list.tagIds.containsKey(name)) {
          throw ApiProblem.invalidFields(new ApiProblem.FieldError("name", "A tag with this name already exists"));
        }
        id = list.tag(name);
        for (JsonNode email : body.path("static_segment")) {
          AudienceList.Member m = list.members.get(AudienceList.hash(email.asText()));
          if (m != null) {
            list.setTag(m, name, true, account.now());
          }
        }
      } else {
        SegmentConditions.check(body.path("options"), list);
        id = list.nextTagId.incrementAndGet();
        ObjectNode saved = F.objectNode();
        saved.put("name", name);
        saved.set("options", body.path("options").deepCopy());
        saved.put("created_at", account.now().toString());
        saved.put("updated_at", account.now().toString());
        list.savedSegments.put(id, saved);
      }
      return ok(json(list, id, purchases(list)));
    }
  }

  private SimResponse update(SimRequest r) {
    return segmentResponse(r, (list, id) -> {
      ObjectNode body = Http.body(r);
      ObjectNode saved = list.savedSegments.get(id);
      if (saved == null) { // a tag: rename only
        String name = Http.text(body, "name");
        String old = list.tagName(id);
        list.tagIds.remove(old);
        list.tagIds.put(name, id);
        for (AudienceList.Member m : list.members.values()) {
          if (m.tags.remove(old)) {
            m.tags.add(name);
          }
        }
        return json(list, id, purchases(list));
      }
      if (body.has("static_segment")) {
        throw ApiProblem.invalidFields(new ApiProblem.FieldError("static_segment", "A saved segment has conditions"));
      }
      saved.put("name", Http.text(body, "name"));
      if (body.has("options")) {
        SegmentConditions.check(body.path("options"), list);
        saved.set("options", body.path("options").deepCopy());
      }
      saved.put("updated_at", account.now().toString());
      return json(list, id, purchases(list));
    });
  }

  private SimResponse delete(SimRequest r) {
    AudienceList list = account.list(r);
    long id = segmentId(r);
    synchronized (list) {
      if (list.savedSegments.remove(id) == null) {
        String tag = Http.found(list.tagName(id));
        list.tagIds.remove(tag);
        list.members.values().forEach(m -> m.tags.remove(tag));
      }
    }
    return SimResponse.empty(204);
  }

  private SimResponse segmentMembers(SimRequest r) {
    AudienceList list = account.list(r);
    Http.Paging p = Http.paging(r);
    ObjectNode out = F.objectNode();
    ArrayNode array = out.putArray("members");
    synchronized (list) {
      List<AudienceList.Member> members = members(list, segmentId(r), purchases(list));
      p.page(members.stream()).forEach(m -> array.add(list.memberJson(m)));
      out.put("total_items", members.size());
    }
    return ok(out);
  }

  private interface SegmentWork {
    ObjectNode apply(AudienceList list, long id);
  }

  private SimResponse segmentResponse(SimRequest r, SegmentWork work) {
    AudienceList list = account.list(r);
    long id = segmentId(r);
    synchronized (list) {
      if (!list.savedSegments.containsKey(id) && list.tagName(id) == null) {
        throw ApiProblem.notFound();
      }
      return ok(work.apply(list, id));
    }
  }

  private static long segmentId(SimRequest r) {
    try {
      return Long.parseLong(r.param("segment_id"));
    } catch (NumberFormatException e) {
      throw ApiProblem.notFound();
    }
  }

  private static List<AudienceList.Member> members(AudienceList list, long id, Purchases purchases) {
    ObjectNode saved = list.savedSegments.get(id);
    if (saved != null) {
      List<AudienceList.Member> selected = new ArrayList<>();
      for (AudienceList.Member m : SegmentConditions.members(saved.path("options"), list, purchases)) {
        if ("subscribed".equals(m.status)) {
          selected.add(m);
        }
      }
      return selected;
    }
    return list.membersWithTag(Http.found(list.tagName(id)));
  }

  private ObjectNode json(AudienceList list, long id, Purchases purchases) {
    ObjectNode s = F.objectNode();
    ObjectNode saved = list.savedSegments.get(id);
    s.put("id", id);
    s.put("name", saved != null ? saved.path("name").asText() : list.tagName(id));
    s.put("member_count", members(list, id, purchases).size());
    s.put("type", saved != null ? "saved" : "static");
    s.put("created_at", saved != null ? saved.path("created_at").asText() : list.created.toString());
    s.put("updated_at", saved != null ? saved.path("updated_at").asText() : account.now().toString());
    if (saved != null) {
      s.set("options", saved.path("options").deepCopy());
    }
    s.put("list_id", list.id);
    return s;
  }
}
