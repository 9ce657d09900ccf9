package dev.qbmc.examples.sim.quickbooks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qbmc.examples.sim.RouteGroup;
import dev.qbmc.examples.sim.Router;
import dev.qbmc.examples.sim.SimResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads: {@code GET /v3/company/{realm}/{customer|item|invoice|salesreceipt}/{id}} (fault 610 when
 * absent or deleted, 2030 for an id that is not a number), {@code companyinfo/{id}} and
 * {@code preferences}.
 */
final class EntityRoutes implements RouteGroup {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String COMPANY = "/v3/company/{realm}/";

  private final CompanyStore store;
  private final QboResponses responses;

  EntityRoutes(CompanyStore store, QboResponses responses) {
    this.store = store;
    this.responses = responses;
  }

  @Override
  public void addTo(Router router) {
    router.add("GET", COMPANY + "companyinfo/{id}", r -> companyInfo());
    router.add("GET", COMPANY + "preferences", r -> preferences());
    for (SimEntity e : SimEntity.values()) {
      router.add("GET", COMPANY + e.pathSegment() + "/{id}", r -> read(e, r.param("id")));
    }
  }

  private SimResponse read(SimEntity entity, String id) {
    Optional<Long> n = CompanyStore.parseId(id);
    if (n.isEmpty()) {
      return responses.fault("Invalid ID", "Id should be a valid number. Supplied value:" + id, "2030", "Id");
    }
    Optional<ObjectNode> node = store.read(entity, n.get());
    if (node.isEmpty()) {
      return responses.fault("Object Not Found", "Object Not Found : Something you're trying to use has been made "
          + "inactive. Check the fields with accounts, customers, items, vendors or employees.", "610", "");
    }
    ObjectNode root = F.objectNode();
    root.set(entity.entityName(), node.get());
    return responses.ok(root);
  }

  private SimResponse companyInfo() {
    CompanyData data = store.base();
    ObjectNode root = F.objectNode();
    ObjectNode info = root.putObject("CompanyInfo");
    info.put("CompanyName", data.companyName());
    info.put("LegalName", data.companyName());
    ObjectNode addr = info.putObject("CompanyAddr");
    addr.put("Id", "1");
    addr.put("Line1", "123 Sierra Way");
    addr.put("City", "San Pablo");
    addr.put("CountrySubDivisionCode", "CA");
    addr.put("PostalCode", "87999");
    info.put("Country", "US");
    info.putObject("Email").put("Address", "noreply@quickbooks.com");
    info.put("SupportedLanguages", "en");
    info.put("domain", "QBO");
    info.put("sparse", false);
    info.put("Id", "1");
    info.put("SyncToken", "4");
    metaData(info, data);
    return responses.ok(root);
  }

  private SimResponse preferences() {
    CompanyData data = store.base();
    ObjectNode root = F.objectNode();
    ObjectNode prefs = root.putObject("Preferences");
    ObjectNode currency = prefs.putObject("CurrencyPrefs");
    currency.put("MultiCurrencyEnabled", data.multiCurrencyEnabled());
    currency.putObject("HomeCurrency").put("value", data.homeCurrency());
    prefs.putObject("SalesFormsPrefs").put("AllowDiscount", true).put("AllowDeposit", true);
    prefs.put("domain", "QBO");
    prefs.put("sparse", false);
    prefs.put("Id", "1");
    prefs.put("SyncToken", "6");
    metaData(prefs, data);
    return responses.ok(root);
  }

  private static void metaData(ObjectNode node, CompanyData data) {
    ObjectNode meta = node.putObject("MetaData");
    meta.put("CreateTime", QboTime.meta(data.lastModified().minus(Duration.ofDays(400)), data.zone()));
    meta.put("LastUpdatedTime", QboTime.meta(data.lastModified(), data.zone()));
  }
}
