package dev.qbmc.examples.sim.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The simulated company: read-only {@link CompanyData} plus an overlay of changes and deletions.
 * Reads are lock-free; mutations are serialised.
 */
final class CompanyStore {

  /** Paging and CDC caps of the real API. */
  static final int MAX_PAGE = 1000;
  static final int CDC_CAP = 1000;

  record Versioned(ObjectNode json, Instant changedAt) {
    boolean deleted() {
      return json == null;
    }
  }

  record Change(QboEntity entity, String id, String operation, Instant at) {
  }

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final CompanyData base;
  private final Clock clock;
  private final Consumer<Change> listener;
  private final EnumMap<QboEntity, ConcurrentSkipListMap<Long, Versioned>> overlay = new EnumMap<>(QboEntity.class);
  private final EnumMap<QboEntity, AtomicLong> lastId = new EnumMap<>(QboEntity.class);
  private final AtomicLong version = new AtomicLong();
  private final Map<String, NavigableMap<Long, Long>> cursors = new LinkedHashMap<>(64, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, NavigableMap<Long, Long>> eldest) {
      return size() > 64;
    }
  };

  CompanyStore(CompanyData base, Clock clock, Consumer<Change> listener) {
    this.base = base;
    this.clock = clock;
    this.listener = listener;
    for (QboEntity e : QboEntity.values()) {
      overlay.put(e, new ConcurrentSkipListMap<>());
      lastId.put(e, new AtomicLong(base.count(e)));
    }
  }

  CompanyData base() {
    return base;
  }

  // ---------------------------------------------------------------- reads

  Optional<ObjectNode> read(QboEntity entity, long id) {
    Versioned v = overlay.get(entity).get(id);
    if (v != null) {
      return v.deleted() ? Optional.empty() : Optional.of(v.json().deepCopy());
    }
    return id <= base.count(entity) ? base.entity(entity, id) : Optional.empty();
  }

  /** Visits live entities with ids in [from, to] in ascending order until the visitor returns false. */
  private void scan(QboEntity entity, long from, long to, Predicate<ObjectNode> visitor) {
    ConcurrentSkipListMap<Long, Versioned> changes = overlay.get(entity);
    long baseCount = base.count(entity);
    long id = Math.max(1, from);
    for (; id <= Math.min(baseCount, to); id++) {
      Versioned v = changes.get(id);
      Optional<ObjectNode> node = v != null ? (v.deleted() ? Optional.empty() : Optional.of(v.json()))
          : base.entity(entity, id);
      if (node.isPresent() && !visitor.test(node.get())) {
        return;
      }
    }
    long rest = Math.max(id, baseCount + 1);
    if (rest > to) {
      return;
    }
    for (Versioned v : changes.subMap(rest, true, to, true).values()) {
      if (!v.deleted() && !visitor.test(v.json())) {
        return;
      }
    }
  }

  // ---------------------------------------------------------------- query

  ObjectNode query(QboQuery q, QboEntity entity) {
    Predicate<ObjectNode> filter = filter(q, entity);
    long[] range = idRange(q);
    ObjectNode response = F.objectNode();
    if (q.count) {
      long[] n = {0};
      scan(entity, range[0], range[1], node -> {
        if (filter.test(node)) {
          n[0]++;
        }
        return true;
      });
      response.put("totalCount", n[0]);
      return response;
    }
    long start = q.startPosition == null ? 1 : Math.max(1, q.startPosition);
    long max = q.maxResults == null ? 100 : Math.min(MAX_PAGE, q.maxResults);
    List<ObjectNode> page = new ArrayList<>();
    boolean byId = q.orderBy == null || (q.orderBy.equalsIgnoreCase("Id") && !q.descending);
    if (byId) {
      String key = q.selectionKey() + "#" + version.get();
      long resumePos = 1;
      long resumeId = range[0];
      synchronized (cursors) {
        NavigableMap<Long, Long> known = cursors.get(key);
        if (known != null) {
          Map.Entry<Long, Long> floor = known.floorEntry(start);
          if (floor != null) {
            resumePos = floor.getKey();
            resumeId = floor.getValue();
          }
        }
      }
      long[] skip = {start - resumePos};
      long[] lastSeen = {resumeId - 1};
      scan(entity, resumeId, range[1], node -> {
        if (!filter.test(node)) {
          return true;
        }
        if (skip[0] > 0) {
          skip[0]--;
          return true;
        }
        page.add(node);
        lastSeen[0] = Long.parseLong(node.path("Id").asText());
        return page.size() < max;
      });
      if (page.size() == max) {
        synchronized (cursors) {
          cursors.computeIfAbsent(key, k -> new TreeMap<>()).put(start + max, lastSeen[0] + 1);
        }
      }
    } else {
      List<ObjectNode> all = new ArrayList<>();
      scan(entity, range[0], range[1], node -> {
        if (filter.test(node)) {
          all.add(node);
        }
        return true;
      });
      Comparator<ObjectNode> cmp = (a, b) -> compareValues(q.orderBy, value(a, q.orderBy), value(b, q.orderBy));
      all.sort(q.descending ? cmp.reversed() : cmp);
      for (long i = start - 1; i < all.size() && page.size() < max; i++) {
        page.add(all.get((int) i));
      }
    }
    if (page.isEmpty()) {
      return response;
    }
    ArrayNode array = response.putArray(entity.entityName());
    page.forEach(n -> array.add(n.deepCopy()));
    response.put("startPosition", start);
    response.put("maxResults", page.size());
    return response;
  }

  private static long[] idRange(QboQuery q) {
    long lo = 1;
    long hi = Long.MAX_VALUE - 1;
    for (QboQuery.Condition c : q.conditions) {
      if (!c.field().equalsIgnoreCase("Id")) {
        continue;
      }
      try {
        switch (c.op()) {
          case "=": {
            long v = Long.parseLong(c.values().get(0));
            lo = Math.max(lo, v);
            hi = Math.min(hi, v);
            break;
          }
          case ">": lo = Math.max(lo, Long.parseLong(c.values().get(0)) + 1); break;
          case ">=": lo = Math.max(lo, Long.parseLong(c.values().get(0))); break;
          case "<": hi = Math.min(hi, Long.parseLong(c.values().get(0)) - 1); break;
          case "<=": hi = Math.min(hi, Long.parseLong(c.values().get(0))); break;
          case "IN": {
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (String s : c.values()) {
              long v = Long.parseLong(s);
              min = Math.min(min, v);
              max = Math.max(max, v);
            }
            lo = Math.max(lo, min);
            hi = Math.min(hi, max);
            break;
          }
          default: break;
        }
      } catch (NumberFormatException e) {
        return new long[] {1, 0};
      }
    }
    return new long[] {lo, hi};
  }

  private Predicate<ObjectNode> filter(QboQuery q, QboEntity entity) {
    boolean mentionsActive = q.conditions.stream().anyMatch(c -> c.field().equalsIgnoreCase("Active"));
    Predicate<ObjectNode> p = node -> true;
    if (entity.isNameList() && !mentionsActive) {
      p = node -> node.path("Active").asBoolean(true);
    }
    for (QboQuery.Condition c : q.conditions) {
      p = p.and(node -> matches(node, c));
    }
    return p;
  }

  private boolean matches(ObjectNode node, QboQuery.Condition c) {
    JsonNode v = value(node, c.field());
    if (v == null || v.isMissingNode() || v.isNull()) {
      return false;
    }
    switch (c.op()) {
      case "IN":
        return c.values().stream().anyMatch(lit -> compare(c.field(), v, lit) == 0);
      case "LIKE": {
        String regex = "(?is)" + java.util.Arrays.stream(c.values().get(0).split("%", -1))
            .map(Pattern::quote).reduce((a, b) -> a + ".*" + b).orElse("");
        return Pattern.compile(regex).matcher(v.asText()).matches();
      }
      case "=": return compare(c.field(), v, c.values().get(0)) == 0;
      case "!=": return compare(c.field(), v, c.values().get(0)) != 0;
      case "<": return compare(c.field(), v, c.values().get(0)) < 0;
      case "<=": return compare(c.field(), v, c.values().get(0)) <= 0;
      case ">": return compare(c.field(), v, c.values().get(0)) > 0;
      case ">=": return compare(c.field(), v, c.values().get(0)) >= 0;
      default: return false;
    }
  }

  private static JsonNode value(ObjectNode node, String path) {
    JsonNode current = node;
    for (String part : path.split("\\.")) {
      JsonNode next = current.get(part);
      if (next == null) {
        Iterator<String> names = current.fieldNames();
        while (names.hasNext()) {
          String n = names.next();
          if (n.equalsIgnoreCase(part)) {
            next = current.get(n);
            break;
          }
        }
      }
      if (next == null) {
        return null;
      }
      current = next;
    }
    return current;
  }

  private int compare(String field, JsonNode v, String literal) {
    try {
      if (field.equalsIgnoreCase("Id")) {
        return Long.compare(Long.parseLong(v.asText()), Long.parseLong(literal));
      }
      if (v.isBoolean()) {
        return Boolean.compare(v.asBoolean(), Boolean.parseBoolean(literal));
      }
      if (v.isNumber()) {
        return v.decimalValue().compareTo(new BigDecimal(literal));
      }
      if (field.toLowerCase(Locale.ROOT).endsWith("time")) {
        return QboTime.parse(v.asText(), base.zone()).compareTo(QboTime.parse(literal, base.zone()));
      }
    } catch (IllegalArgumentException e) {
      return Integer.MIN_VALUE;
    }
    return v.asText().compareToIgnoreCase(literal);
  }

  private int compareValues(String field, JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    if (field.equalsIgnoreCase("Id")) {
      return Long.compare(a.asLong(), b.asLong());
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    if (field.toLowerCase(Locale.ROOT).endsWith("time")) {
      return QboTime.parse(a.asText(), base.zone()).compareTo(QboTime.parse(b.asText(), base.zone()));
    }
    return a.asText().compareToIgnoreCase(b.asText());
  }

  // ---------------------------------------------------------------- CDC

  ObjectNode cdcQueryResponse(QboEntity entity, Instant since) {
    List<ObjectNode> found = new ArrayList<>();
    ConcurrentSkipListMap<Long, Versioned> changes = overlay.get(entity);
    if (since.isBefore(base.lastModified())) {
      scanBaseChanged(entity, since, changes, found);
    }
    for (Map.Entry<Long, Versioned> e : changes.entrySet()) {
      if (found.size() >= CDC_CAP) {
        break;
      }
      Versioned v = e.getValue();
      if (!v.changedAt().isAfter(since)) {
        continue;
      }
      if (v.deleted()) {
        ObjectNode deleted = F.objectNode();
        deleted.put("domain", "QBO");
        deleted.put("status", "Deleted");
        deleted.put("Id", Long.toString(e.getKey()));
        deleted.putObject("MetaData").put("LastUpdatedTime", QboTime.meta(v.changedAt(), base.zone()));
        found.add(deleted);
      } else {
        found.add(v.json().deepCopy());
      }
    }
    ObjectNode qr = F.objectNode();
    if (!found.isEmpty()) {
      ArrayNode array = qr.putArray(entity.entityName());
      found.forEach(array::add);
      qr.put("startPosition", 1);
      qr.put("maxResults", found.size());
    }
    return qr;
  }

  private void scanBaseChanged(QboEntity entity, Instant since, Map<Long, Versioned> changes, List<ObjectNode> found) {
    for (long id = 1; id <= base.count(entity) && found.size() < CDC_CAP; id++) {
      if (changes.containsKey(id)) {
        continue;
      }
      Optional<ObjectNode> node = base.entity(entity, id);
      if (node.isPresent()) {
        String updated = node.get().path("MetaData").path("LastUpdatedTime").asText();
        if (QboTime.parse(updated, base.zone()).isAfter(since)) {
          found.add(node.get());
        }
      }
    }
  }

  // ---------------------------------------------------------------- mutations

  synchronized ObjectNode create(QboEntity entity, ObjectNode fields) {
    long id = lastId.get(entity).incrementAndGet();
    Instant now = clock.instant();
    ObjectNode node = F.objectNode();
    node.put("domain", "QBO");
    node.put("sparse", false);
    node.put("Id", Long.toString(id));
    node.put("SyncToken", "0");
    ObjectNode meta = node.putObject("MetaData");
    meta.put("CreateTime", QboTime.meta(now, base.zone()));
    meta.put("LastUpdatedTime", QboTime.meta(now, base.zone()));
    fields.fields().forEachRemaining(e -> {
      if (!List.of("Id", "SyncToken", "MetaData", "domain", "sparse").contains(e.getKey())) {
        node.set(e.getKey(), e.getValue().deepCopy());
      }
    });
    if (entity.isNameList() && !node.has("Active")) {
      node.put("Active", true);
    }
    store(entity, id, node, now, "Create");
    return node.deepCopy();
  }

  synchronized ObjectNode update(QboEntity entity, long id, Consumer<ObjectNode> change, String operation) {
    ObjectNode node = read(entity, id).orElseThrow(() -> new NoSuchElementException(
        entity.entityName() + " " + id + " does not exist"));
    String createTime = node.path("MetaData").path("CreateTime").asText();
    change.accept(node);
    Instant now = clock.instant();
    node.put("Id", Long.toString(id));
    node.put("SyncToken", Long.toString(node.path("SyncToken").asLong(0) + 1));
    ObjectNode meta = node.putObject("MetaData");
    meta.put("CreateTime", createTime);
    meta.put("LastUpdatedTime", QboTime.meta(now, base.zone()));
    store(entity, id, node, now, operation);
    return node.deepCopy();
  }

  synchronized void delete(QboEntity entity, long id) {
    if (read(entity, id).isEmpty()) {
      throw new NoSuchElementException(entity.entityName() + " " + id + " does not exist");
    }
    Instant now = clock.instant();
    overlay.get(entity).put(id, new Versioned(null, now));
    version.incrementAndGet();
    listener.accept(new Change(entity, Long.toString(id), "Delete", now));
  }

  private void store(QboEntity entity, long id, ObjectNode node, Instant now, String operation) {
    overlay.get(entity).put(id, new Versioned(node.deepCopy(), now));
    version.incrementAndGet();
    listener.accept(new Change(entity, Long.toString(id), operation, now));
  }

  /** Applies QBO's void: PrivateNote "Voided", every amount and quantity 0, no tax lines, Balance 0. */
  static void applyVoid(ObjectNode txn) {
    txn.put("PrivateNote", "Voided");
    zeroLines(txn.path("Line"));
    txn.putObject("TxnTaxDetail").put("TotalTax", 0);
    txn.put("TotalAmt", 0);
    txn.put("Balance", 0);
    if (txn.has("HomeTotalAmt")) {
      txn.put("HomeTotalAmt", 0);
    }
  }

  private static void zeroLines(JsonNode lines) {
    if (!lines.isArray()) {
      return;
    }
    for (JsonNode line : lines) {
      ObjectNode l = (ObjectNode) line;
      l.put("Amount", 0);
      JsonNode detail = l.path("SalesItemLineDetail");
      if (detail.isObject() && detail.has("Qty")) {
        ((ObjectNode) detail).put("Qty", 0);
      }
      zeroLines(l.path("GroupLineDetail").path("Line"));
    }
  }
}
