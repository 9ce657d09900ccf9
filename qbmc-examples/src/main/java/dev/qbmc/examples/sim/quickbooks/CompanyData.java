package dev.qbmc.examples.sim.quickbooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The base data of a simulated company, computed or held by the implementation. Entities have
 * numeric Ids {@code 1..count(entity)}; an id may be absent (an entity deleted before the simulator
 * started). The simulator keeps its own overlay of changes on top, so implementations are
 * read-only and must be thread-safe. {@link GeneratedCompany} computes every entity from
 * (seed, id) on demand, so a company of a million invoices costs no memory.
 */
public interface CompanyData {

  /**
   * Highest base Id of an entity.
   *
   * @param entity the entity
   * @return the count of base ids (0 for none)
   */
  long count(SimEntity entity);

  /**
   * The base entity with this id, in the exact JSON shape QBO returns (PascalCase, string Id and
   * SyncToken, MetaData with offsets).
   *
   * @param entity the entity
   * @param id the id, {@code 1..count}
   * @return a fresh, caller-owned node, or empty when that id does not exist
   */
  Optional<ObjectNode> entity(SimEntity entity, long id);

  /**
   * No base entity has a {@code MetaData.LastUpdatedTime} after this instant.
   *
   * @return the high-water mark of the base data
   */
  Instant lastModified();

  /**
   * The company's time zone, used for the offsets of timestamps.
   *
   * @return the zone
   */
  ZoneId zone();

  /**
   * The company name shown by CompanyInfo.
   *
   * @return the name
   */
  String companyName();

  /**
   * The home currency, e.g. {@code USD}.
   *
   * @return the ISO 4217 code
   */
  String homeCurrency();

  /**
   * Whether multicurrency is enabled.
   *
   * @return the preference
   */
  boolean multiCurrencyEnabled();
}
