package dev.qbmc.examples.sim.quickbooks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qbmc.examples.sim.RouteGroup;
import dev.qbmc.examples.sim.Router;
import dev.qbmc.examples.sim.SimRequest;
import dev.qbmc.examples.sim.SimResponse;
import java.time.Instant;
import java.util.Optional;

/**
 * Change Data Capture, {@code GET /v3/company/{realm}/cdc?entities=&changedSince=}: per entity the
 * objects changed after {@code changedSince} (at most 1,000), deleted ones as
 * {@code status:"Deleted"}.
 */
final class CdcRoutes implements RouteGroup {

  private final CompanyStore store;
  private final QboResponses responses;

  CdcRoutes(CompanyStore store, QboResponses responses) {
    this.store = store;
    this.responses = responses;
  }

  @Override
  public void addTo(Router router) {
    router.add("GET", QuickBooksSimulator.CDC_PATH, this::cdc);
  }

  private SimResponse cdc(SimRequest r) {
    String entities = r.query().get("entities");
    String since = r.query().get("changedSince");
    if (entities == null || entities.isBlank() || since == null || since.isBlank()) {
      return responses.fault("Required param missing, need to supply the required value for the API",
          "Required parameter entities and changedSince are missing in the request", "2020", null);
    }
    Instant changedSince;
    try {
      changedSince = QboTime.parse(since, store.base().zone());
    } catch (IllegalArgumentException e) {
      return responses.fault("Invalid Date Time Format", "Invalid changedSince: " + since, "2040", "changedSince");
    }
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ArrayNode results = root.putArray("CDCResponse").addObject().putArray("QueryResponse");
    for (String name : entities.split(",")) {
      String trimmed = name.trim();
      Optional<SimEntity> entity = SimEntity.byName(trimmed);
      if (entity.isEmpty() && !QueryRoutes.isQueryableWithoutRows(trimmed)) {
        return QueryRoutes.unknownEntity(responses, trimmed);
      }
      results.add(entity.isPresent() ? store.cdcQueryResponse(entity.get(), changedSince)
          : JsonNodeFactory.instance.objectNode());
    }
    return responses.ok(root);
  }
}
