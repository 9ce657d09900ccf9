package dev.qbmc.examples.sim.quickbooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qbmc.examples.sim.Json;
import java.util.EnumMap;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The base company's entities serialised once each (with the one fact a full read filters on,
 * {@code Active}), so a full read's pages are copied from bytes instead of generated, filtered,
 * copied and serialised on every request: the benchmark then measures the client, not the
 * simulator. Filled lazily, or all at once by {@link #preSerialise(SimEntity)} before a measured
 * run. Only the base data is cached; the store's overlay of changes is served as before. Holds
 * every serialised entity for the life of the simulator (about 1 KB per entity). Thread-safe.
 */
final class EntityBytes {

  /** One base entity: its JSON and its {@code Active} flag (true for transactions). */
  record Row(byte[] json, boolean active) {
  }

  private static final Row ABSENT = new Row(new byte[0], false);

  private final CompanyData base;
  private final EnumMap<SimEntity, AtomicReferenceArray<Row>> rows = new EnumMap<>(SimEntity.class);

  EntityBytes(CompanyData base) {
    this.base = base;
    for (SimEntity entity : SimEntity.values()) {
      rows.put(entity, new AtomicReferenceArray<>(Math.toIntExact(base.count(entity))));
    }
  }

  /**
   * The serialised base entity.
   *
   * @param entity the type
   * @param id 1 to the base count
   * @return the row, empty when the base company has no such entity (a deleted one)
   */
  Optional<Row> row(SimEntity entity, long id) {
    AtomicReferenceArray<Row> all = rows.get(entity);
    int index = Math.toIntExact(id - 1);
    Row row = all.get(index);
    if (row == null) {
      row = base.entity(entity, id).map(EntityBytes::serialise).orElse(ABSENT);
      all.set(index, row);
    }
    return row == ABSENT ? Optional.empty() : Optional.of(row);
  }

  /**
   * Serialises every base entity of a type now.
   *
   * @param entity the type
   */
  void preSerialise(SimEntity entity) {
    for (long id = 1; id <= base.count(entity); id++) {
      row(entity, id);
    }
  }

  static Row serialise(ObjectNode node) {
    return new Row(Json.bytes(node), node.path("Active").asBoolean(true));
  }
}
