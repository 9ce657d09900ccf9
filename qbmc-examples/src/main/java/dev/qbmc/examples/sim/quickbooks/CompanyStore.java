package dev.qbmc.examples.sim.quickbooks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

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

  record Change(SimEntity entity, String id, String operation, Instant at) {
  }

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final CompanyData base;
  private final EntityBytes bytes;
  private final Clock clock;
  private final Consumer<Change> listener;
  private final EnumMap<SimEntity, ConcurrentSkipListMap<Long, Versioned>> overlay = new EnumMap<>(SimEntity.class);
  private final EnumMap<SimEntity, AtomicLong> lastId = new EnumMap<>(SimEntity.class);
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
    this.bytes = new EntityBytes(base);
    this.clock = clock;
    this.listener = listener;
    for (SimEntity e : SimEntity.values()) {
      overlay.put(e, new ConcurrentSkipListMap<>());
      lastId.put(e, new AtomicLong(base.count(e)));
    }
  }

  CompanyData base() {
    return base;
  }

  // ---------------------------------------------------------------- reads

  /** The numeric value of an Id, empty when it is not a number. */
  static Optional<Long> parseId(String id) {
    try {
      return Optional.of(Long.parseLong(Objects.requireNonNull(id, "id")));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The numeric value of an Id given to a direct method. */
  static long requireId(String id) {
    return parseId(id).orElseThrow(() -> new IllegalArgumentException("Id must be a number: " + id));
  }

  Optional<ObjectNode> read(SimEntity entity, String id) {
    return parseId(id).flatMap(n -> read(entity, n));
  }

  Optional<ObjectNode> read(SimEntity entity, long id) {
    Versioned v = overlay.get(entity).get(id);
    if (v != null) {
      return v.deleted() ? Optional.empty() : Optional.of(v.json().deepCopy());
    }
    return id <= base.count(entity) ? base.entity(entity, id) : Optional.empty();
  }

  /** Visits live entities with ids in [from, to] in ascending order until the visitor returns false. */
  private void scan(SimEntity entity, long from, long to, Predicate<ObjectNode> visitor) {
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

  ObjectNode query(QboQuery q, SimEntity entity) {
    Predicate<ObjectNode> filter = QueryFilter.where(q, entity, base.zone());
    long[] range = QueryFilter.idRange(q);
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
      long[] resume = resume(key, start, range[0]);
      long[] skip = {start - resume[0]};
      long[] lastSeen = {resume[1] - 1};
      scan(entity, resume[1], range[1], node -> {
        if (!filter.test(node)) {
          return true;
        }
        if (skip[0] > 0) {
          skip[0]--;
          return true;
        }
        page.add(node);
        lastSeen[0] = parseId(node.path("Id").asText()).orElse(lastSeen[0]); // a hostile Id: keep the last
        return page.size() < max;
      });
      if (page.size() == max) {
        remember(key, start + max, lastSeen[0] + 1);
      }
    } else {
      List<ObjectNode> all = new ArrayList<>();
      scan(entity, range[0], range[1], node -> {
        if (filter.test(node)) {
          all.add(node);
        }
        return true;
      });
      all.sort(QueryFilter.orderBy(q, base.zone()));
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

  /** Where a by-Id read of {@code start} can resume: {position, Id} of the nearest known page end. */
  private long[] resume(String key, long start, long firstId) {
    synchronized (cursors) {
      NavigableMap<Long, Long> known = cursors.get(key);
      Map.Entry<Long, Long> floor = known == null ? null : known.floorEntry(start);
      return floor == null ? new long[] {1, firstId} : new long[] {floor.getKey(), floor.getValue()};
    }
  }

  private void remember(String key, long position, long id) {
    synchronized (cursors) {
      cursors.computeIfAbsent(key, k -> new TreeMap<>()).put(position, id);
    }
  }

  // ---------------------------------------------------------------- serialised full reads

  /**
   * Serialises every base entity of a type now, so that full reads of it copy bytes.
   *
   * @param entity the type
   */
  void preSerialise(SimEntity entity) {
    bytes.preSerialise(entity);
  }

  /**
   * The {@code QueryResponse} object of a full read's page ({@code ORDERBY Id} or no order, no
   * condition but {@code Active IN (true, false)} on a name list) copied from the serialised
   * entities, exactly as {@link #query} would write it; empty for any other query.
   */
  Optional<byte[]> serialisedPage(QboQuery q, SimEntity entity) {
    boolean byId = q.orderBy == null || (q.orderBy.equalsIgnoreCase("Id") && !q.descending);
    boolean allActive = q.conditions.size() == 1 && entity.isNameList()
        && q.conditions.get(0).field().equalsIgnoreCase("Active") && q.conditions.get(0).op().equals("IN")
        && q.conditions.get(0).values().containsAll(List.of("true", "false"));
    if (q.count || !byId || !(q.conditions.isEmpty() || allActive)) {
      return Optional.empty();
    }
    boolean activeOnly = entity.isNameList() && !allActive;
    long start = q.startPosition == null ? 1 : Math.max(1, q.startPosition);
    long max = q.maxResults == null ? 100 : Math.min(MAX_PAGE, q.maxResults);
    String key = q.selectionKey() + "#" + version.get();
    long[] resume = resume(key, start, 1);
    long skip = start - resume[0];
    ByteArrayOutputStream rows = new ByteArrayOutputStream();
    long taken = 0;
    long lastId = 0;
    ConcurrentSkipListMap<Long, Versioned> changes = overlay.get(entity);
    long baseCount = base.count(entity);
    long end = Math.max(baseCount, changes.isEmpty() ? 0 : changes.lastKey());
    for (long id = resume[1]; id <= end && taken < max; id++) {
      Versioned v = changes.get(id);
      Optional<EntityBytes.Row> row = v != null
          ? (v.deleted() ? Optional.empty() : Optional.of(EntityBytes.serialise(v.json())))
          : id <= baseCount ? bytes.row(entity, id) : Optional.empty();
      if (row.isEmpty() || (activeOnly && !row.get().active())) {
        continue;
      }
      if (skip > 0) {
        skip--;
        continue;
      }
      rows.writeBytes(taken == 0 ? ("{\"" + entity.entityName() + "\":[").getBytes(StandardCharsets.UTF_8)
          : new byte[] {','});
      rows.writeBytes(row.get().json());
      taken++;
      lastId = id;
    }
    if (taken == max) {
      remember(key, start + max, lastId + 1);
    }
    if (taken == 0) {
      return Optional.of("{}".getBytes(StandardCharsets.UTF_8));
    }
    rows.writeBytes(("],\"startPosition\":" + start + ",\"maxResults\":" + taken + "}")
        .getBytes(StandardCharsets.UTF_8));
    return Optional.of(rows.toByteArray());
  }

  // ---------------------------------------------------------------- CDC

  ObjectNode cdcQueryResponse(SimEntity entity, Instant since) {
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

  private void scanBaseChanged(SimEntity entity, Instant since, Map<Long, Versioned> changes, List<ObjectNode> found) {
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

  synchronized ObjectNode create(SimEntity entity, ObjectNode fields) {
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

  synchronized ObjectNode update(SimEntity entity, long id, Consumer<ObjectNode> change, String operation) {
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

  synchronized void delete(SimEntity entity, long id) {
    if (read(entity, id).isEmpty()) {
      throw new NoSuchElementException(entity.entityName() + " " + id + " does not exist");
    }
    Instant now = clock.instant();
    overlay.get(entity).put(id, new Versioned(null, now));
    version.incrementAndGet();
    listener.accept(new Change(entity, Long.toString(id), "Delete", now));
  }

  private void store(SimEntity entity, long id, ObjectNode node, Instant now, String operation) {
    overlay.get(entity).put(id, new Versioned(node.deepCopy(), now));
    version.incrementAndGet();
    listener.accept(new Change(entity, Long.toString(id), operation, now));
  }
}
