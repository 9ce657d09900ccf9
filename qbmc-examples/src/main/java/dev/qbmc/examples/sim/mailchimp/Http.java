package dev.qbmc.examples.sim.mailchimp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qbmc.examples.sim.Json;
import dev.qbmc.examples.sim.SimRequest;
import dev.qbmc.examples.sim.SimResponse;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Request reading and response writing shared by the Mailchimp routes. */
final class Http {

  /** Marks a request the simulator runs itself as a {@code /batches} operation (never taken from a client). */
  static final String BATCH_HEADER = "x-qbmc-sim-batch-operation";
  private static final String JSON_TYPE = "application/json; charset=utf-8";
  private static final String PROBLEM_TYPE = "application/problem+json; charset=utf-8";

  /**
   * The {@code count} and {@code offset} query parameters of a list endpoint.
   *
   * @param count items per page, 1..1000 (default 10)
   * @param offset items skipped (default 0)
   */
  record Paging(int count, int offset) {
    <T> Stream<T> page(Stream<T> all) {
      return all.skip(offset).limit(count);
    }
  }

  private Http() {
  }

  static SimResponse ok(JsonNode body) {
    return json(200, body);
  }

  static SimResponse json(int status, JsonNode body) {
    return SimResponse.json(status, JSON_TYPE, body);
  }

  static SimResponse problem(ApiProblem p) {
    return SimResponse.json(p.status, PROBLEM_TYPE, p.toJson());
  }

  /** Runs a route's handler, answering a thrown {@link ApiProblem} as problem+json. */
  static SimResponse serve(Function<SimRequest, SimResponse> handler, SimRequest r) {
    try {
      return handler.apply(r);
    } catch (ApiProblem p) {
      return problem(p);
    }
  }

  static SimResponse deleted(Object removed) {
    found(removed);
    return SimResponse.empty(204);
  }

  static <T> T found(T value) {
    if (value == null) {
      throw ApiProblem.notFound();
    }
    return value;
  }

  /** One page of a store's customers or products, as {@code {"<key>":[...],"store_id":...,"total_items":n}}. */
  static SimResponse storePage(SimRequest r, String key, Map<String, ObjectNode> items) {
    Paging p = paging(r);
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ArrayNode array = out.putArray(key);
    p.page(items.values().stream()).forEach(n -> array.add(n.deepCopy()));
    out.put("store_id", r.param("store_id"));
    out.put("total_items", items.size());
    return ok(out);
  }

  static ObjectNode body(SimRequest r) {
    return Json.tryParse(r.body()).filter(JsonNode::isObject).map(n -> (ObjectNode) n)
        .orElseThrow(() -> new ApiProblem(400, "JSON Parse Exception",
            "We encountered an unspecified JSON parsing error.", List.of()));
  }

  static Paging paging(SimRequest r) {
    int count = 10;
    int offset = 0;
    try {
      if (r.query().containsKey("count")) {
        count = Integer.parseInt(r.query().get("count"));
      }
      if (r.query().containsKey("offset")) {
        offset = Integer.parseInt(r.query().get("offset"));
      }
    } catch (NumberFormatException e) {
      throw ApiProblem.invalidFields(new ApiProblem.FieldError("count", "Must be an integer"));
    }
    if (count < 1 || count > 1000 || offset < 0) {
      throw ApiProblem.invalidFields(new ApiProblem.FieldError("count", "count must be between 1 and 1000"));
    }
    return new Paging(count, offset);
  }

  /** A field's text, or null when absent or JSON null. */
  static String text(JsonNode body, String field) {
    JsonNode v = body.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /**
   * The {@code id} of a resource created by POST: required, and not yet taken.
   *
   * @param body the request body
   * @param taken whether a resource of that id exists
   * @param takenDetail the problem detail when it does
   * @return the id
   */
  static String postedId(ObjectNode body, Predicate<String> taken, String takenDetail) {
    String id = body.path("id").asText("");
    if (id.isBlank()) {
      throw ApiProblem.invalidFields(blank("id"));
    }
    if (taken.test(id)) {
      throw ApiProblem.invalid(takenDetail);
    }
    return id;
  }

  static ApiProblem.FieldError blank(String field) {
    return new ApiProblem.FieldError(field, "This value should not be blank.");
  }

  static Instant parseInstant(String text, String field) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeException e) {
      try {
        return Instant.parse(text);
      } catch (DateTimeException e2) {
        throw ApiProblem.invalidFields(new ApiProblem.FieldError(field, "Must be an ISO 8601 date-time"));
      }
    }
  }

  /** The member a path addresses: {@code subscriber_hash} is the MD5 of the address, or the address itself. */
  static String subscriberHash(SimRequest r) {
    String raw = r.param("subscriber_hash");
    return raw.contains("@") ? AudienceList.hash(raw) : raw.toLowerCase(Locale.ROOT);
  }

  static boolean skipMergeValidation(SimRequest r) {
    return "true".equalsIgnoreCase(r.query().get("skip_merge_validation"));
  }

  static AudienceList.Mode mode(SimRequest r) {
    return r.header(BATCH_HEADER).isPresent() ? AudienceList.Mode.IMPORT : AudienceList.Mode.SINGLE;
  }
}
