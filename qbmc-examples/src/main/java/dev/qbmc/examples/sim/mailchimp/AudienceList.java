package dev.qbmc.examples.sim.mailchimp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** One audience (list) with its members, merge fields and tags. Guarded by its own monitor. */
final class AudienceList {

  static final Set<String> WRITABLE_STATUSES = Set.of("subscribed", "unsubscribed", "cleaned", "pending", "transactional");
  static final List<String> MERGE_TAGS = List.of("FNAME", "LNAME", "ADDRESS", "PHONE");
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  static final class Member {
    String email;
    final String hash;
    final String uniqueEmailId;
    final String contactId;
    String status;
    ObjectNode mergeFields;
    final Set<String> tags = new LinkedHashSet<>();
    Instant lastChanged;
    Instant signup;
    String source;

    Member(String email, String hash, String uniqueEmailId, String contactId) {
      this.email = email;
      this.hash = hash;
      this.uniqueEmailId = uniqueEmailId;
      this.contactId = contactId;
    }
  }

  /** How a member write arrives: single calls may add role-based addresses, imports may not. */
  enum Mode { SINGLE, IMPORT }

  final String id;
  final ObjectNode info;
  final Instant created;
  final Map<String, Member> members = new LinkedHashMap<>();
  final Set<String> forgotten = new LinkedHashSet<>();
  final Map<String, Long> tagIds = new LinkedHashMap<>();
  /** Saved segments by id: name, {@code options}, timestamps. */
  final Map<Long, ObjectNode> savedSegments = new LinkedHashMap<>();
  final AtomicLong nextTagId = new AtomicLong(10_000);

  AudienceList(String id, ObjectNode info, Instant created) {
    this.id = id;
    this.info = info;
    this.created = created;
  }

  static String hash(String email) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      return HexFormat.of().formatHex(md5.digest(email.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Creates or updates a member with Mailchimp's rules.
   *
   * @return true when the member was created
   */
  boolean upsert(String email, String status, String statusIfNew, JsonNode mergeFields, boolean skipMergeValidation,
      Mode mode, EmailRules rules, Instant now) {
    if (email == null || email.isBlank()) {
      throw ApiProblem.invalidFields(new ApiProblem.FieldError("email_address", "This value should not be blank."));
    }
    checkStatus("status", status);
    checkStatus("status_if_new", statusIfNew);
    if (!skipMergeValidation) {
      checkMergeFields(mergeFields);
    }
    String hash = hash(email);
    Member existing = members.get(hash);
    if (existing == null || "archived".equals(existing.status) && status == null && statusIfNew != null) {
      String initial = status != null ? status : statusIfNew;
      if (initial == null) {
        throw ApiProblem.invalidFields(new ApiProblem.FieldError("status_if_new", "Please provide a status_if_new value"));
      }
      if (forgotten.contains(hash)) {
        throw ApiProblem.forgotten(email);
      }
      if (rules.looksFake(email) || mode == Mode.IMPORT && rules.isRoleBased(email)) {
        throw ApiProblem.fake(email);
      }
      Member m = existing != null ? existing : new Member(email, hash, randomHex(10), "c" + randomHex(12));
      m.status = initial;
      m.mergeFields = defaults();
      merge(m, mergeFields);
      m.lastChanged = now;
      m.signup = now;
      m.source = "API - Generic";
      members.put(hash, m);
      return existing == null;
    }
    if (status != null && !status.equals(existing.status)) {
      if ("subscribed".equals(status) && ("unsubscribed".equals(existing.status) || "cleaned".equals(existing.status))) {
        throw ApiProblem.compliance(existing.email);
      }
      existing.status = status;
    }
    merge(existing, mergeFields);
    existing.lastChanged = now;
    return false;
  }

  /** Whether the address belongs to a member who is not archived. */
  boolean isActiveMember(String email) {
    Member m = members.get(hash(email));
    return m != null && !"archived".equals(m.status);
  }

  /** Adds or replaces a member with any status, bypassing the API rules (pre-seeding). */
  Member seed(String email, String status, Instant now, String... tags) {
    String hash = hash(email);
    Member m = new Member(email, hash, HexFormat.of().toHexDigits(hash.hashCode()), "c" + hash.substring(0, 12));
    m.status = status;
    m.mergeFields = defaults();
    m.lastChanged = now;
    m.signup = now;
    m.source = "Import";
    members.put(hash, m);
    for (String t : tags) {
      setTag(m, t, true, now);
    }
    return m;
  }

  /** Deletes an address permanently: it can never be added again by API. */
  void forget(String email) {
    String hash = hash(email);
    members.remove(hash);
    forgotten.add(hash);
  }

  private static void checkStatus(String field, String value) {
    if (value != null && !WRITABLE_STATUSES.contains(value)) {
      throw ApiProblem.invalidFields(new ApiProblem.FieldError(field,
          "Value must be one of: subscribed, unsubscribed, cleaned, pending, transactional"));
    }
  }

  static void checkMergeFields(JsonNode mergeFields) {
    if (mergeFields == null || !mergeFields.isObject()) {
      return;
    }
    JsonNode address = mergeFields.get("ADDRESS");
    if (address == null || address.isNull() || address.isTextual() && address.asText().isEmpty()) {
      return;
    }
    if (!address.isObject()) {
      throw ApiProblem.invalid("Your merge fields were invalid.",
          new ApiProblem.FieldError("ADDRESS", "Data did not match any of the schemas described in anyOf."));
    }
    for (String required : List.of("addr1", "city", "state", "zip")) {
      if (address.path(required).asText("").isBlank()) {
        throw ApiProblem.incompleteAddress();
      }
    }
  }

  private static void merge(Member m, JsonNode mergeFields) {
    if (mergeFields != null && mergeFields.isObject()) {
      mergeFields.fields().forEachRemaining(e -> {
        if (MERGE_TAGS.contains(e.getKey())) {
          m.mergeFields.set(e.getKey(), e.getValue().deepCopy());
        }
      });
    }
  }

  private static ObjectNode defaults() {
    ObjectNode node = F.objectNode();
    for (String tag : MERGE_TAGS) {
      node.put(tag, "");
    }
    return node;
  }

  void setTag(Member m, String name, boolean active, Instant now) {
    if (active) {
      tagIds.computeIfAbsent(name, n -> nextTagId.incrementAndGet());
      m.tags.add(name);
    } else {
      m.tags.remove(name);
    }
    m.lastChanged = now;
  }

  /** The name of the tag (static segment) with this id, or null. */
  String tagName(long id) {
    for (Map.Entry<String, Long> e : tagIds.entrySet()) {
      if (e.getValue() == id) {
        return e.getKey();
      }
    }
    return null;
  }

  /** Creates a tag no member has yet (an empty static segment), or finds the one of that name. */
  long tag(String name) {
    return tagIds.computeIfAbsent(name, n -> nextTagId.incrementAndGet());
  }

  int count(String status) {
    int n = 0;
    for (Member m : members.values()) {
      if (status.equals(m.status)) {
        n++;
      }
    }
    return n;
  }

  ObjectNode memberJson(Member m) {
    ObjectNode node = F.objectNode();
    node.put("id", m.hash);
    node.put("email_address", m.email);
    node.put("unique_email_id", m.uniqueEmailId);
    node.put("contact_id", m.contactId);
    String full = (m.mergeFields.path("FNAME").asText("") + " " + m.mergeFields.path("LNAME").asText("")).trim();
    node.put("full_name", full);
    node.put("email_type", "html");
    node.put("status", m.status);
    node.set("merge_fields", m.mergeFields.deepCopy());
    node.putObject("stats").put("avg_open_rate", 0).put("avg_click_rate", 0);
    node.put("ip_signup", "");
    node.put("timestamp_signup", m.signup.toString());
    node.put("ip_opt", "");
    node.put("timestamp_opt", m.signup.toString());
    node.put("member_rating", 2);
    node.put("last_changed", m.lastChanged.toString());
    node.put("language", "");
    node.put("vip", false);
    node.put("email_client", "");
    node.put("source", m.source);
    node.put("tags_count", m.tags.size());
    ArrayNode tags = node.putArray("tags");
    for (String t : m.tags) {
      tags.addObject().put("id", tagIds.get(t)).put("name", t);
    }
    node.put("list_id", id);
    return node;
  }

  MemberView view(Member m) {
    return new MemberView(m.email, m.hash, m.status, m.mergeFields.deepCopy(), Set.copyOf(m.tags), m.lastChanged);
  }

  List<Member> membersWithTag(String tag) {
    List<Member> out = new ArrayList<>();
    for (Member m : members.values()) {
      if (m.tags.contains(tag)) {
        out.add(m);
      }
    }
    return out;
  }

  private static String randomHex(int length) {
    byte[] bytes = new byte[(length + 1) / 2];
    java.util.concurrent.ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes).substring(0, length);
  }
}
