package dev.qbmc.examples.sim.quickbooks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qbmc.examples.sim.RouteGroup;
import dev.qbmc.examples.sim.Router;
import dev.qbmc.examples.sim.SimResponse;
import java.util.Optional;
import java.util.Set;

/**
 * The query endpoint, {@code GET /v3/company/{realm}/query?query=...} or the statement POSTed as
 * the body: parsed by {@link QboQuery}, evaluated by {@link CompanyStore#query}; QBO's 4000 and
 * 4001 faults for statements that do not parse or name an unknown entity.
 */
final class QueryRoutes implements RouteGroup {

  /** Entities QBO knows that this simulator holds none of: queries and CDC answer them empty. */
  private static final Set<String> OTHER_QUERYABLE = Set.of("Account", "Bill", "BillPayment", "Budget", "Class",
      "CompanyCurrency", "CreditMemo", "Department", "Deposit", "Employee", "Estimate", "JournalEntry",
      "Payment", "PaymentMethod", "Purchase", "PurchaseOrder", "RefundReceipt", "TaxCode", "TaxRate", "Term",
      "TimeActivity", "Transfer", "Vendor", "VendorCredit", "CompanyInfo", "Preferences");

  private final CompanyStore store;
  private final QboResponses responses;

  QueryRoutes(CompanyStore store, QboResponses responses) {
    this.store = store;
    this.responses = responses;
  }

  @Override
  public void addTo(Router router) {
    router.add("GET", QuickBooksSimulator.QUERY_PATH, r -> query(r.query().get("query")));
    router.add("POST", QuickBooksSimulator.QUERY_PATH, r -> query(r.bodyText()));
  }

  /** Whether an entity name is valid in a query or CDC request but always has no rows here. */
  static boolean isQueryableWithoutRows(String name) {
    return OTHER_QUERYABLE.contains(name);
  }

  /** QBO's 4001 fault for an entity name it does not know. */
  static SimResponse unknownEntity(QboResponses responses, String name) {
    return responses.fault("Invalid query", "QueryValidationError: invalid context declaration: " + name, "4001",
        null);
  }

  private SimResponse query(String statement) {
    if (statement == null || statement.isBlank()) {
      return responses.fault("Error parsing query", "QueryParserError: Encountered \"<EOF>\" at line 1, column 0.",
          "4000", null);
    }
    QboQuery q;
    try {
      q = QboQuery.parse(statement);
    } catch (QboQuery.ParseError e) {
      return responses.fault("Error parsing query", e.getMessage(), "4000", null);
    }
    if (q.maxResults != null && q.maxResults < 1) {
      return responses.fault("Invalid query", "QueryValidationError: value " + q.maxResults
          + " is too small. Min allowed value is 1", "4001", null);
    }
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    Optional<SimEntity> entity = SimEntity.byName(q.entity);
    if (entity.isEmpty()) {
      if (!isQueryableWithoutRows(q.entity)) {
        return unknownEntity(responses, q.entity);
      }
      root.putObject("QueryResponse");
    } else {
      Optional<byte[]> serialised = store.serialisedPage(q, entity.get());
      if (serialised.isPresent()) {
        return responses.okQueryResponse(serialised.get());
      }
      root.set("QueryResponse", store.query(q, entity.get()));
    }
    return responses.ok(root);
  }
}
