package dev.qbmc.examples.sim.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The entity JSON the simulator's direct methods write, shaped as QBO writes it: new customers,
 * items and one-line sales documents, a void, a customer made inactive.
 */
final class CompanyEdits {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private CompanyEdits() {
  }

  static ObjectNode customer(String displayName, String email, String currency) {
    ObjectNode c = F.objectNode();
    c.put("DisplayName", displayName);
    c.put("FullyQualifiedName", displayName);
    c.put("PrintOnCheckName", displayName);
    c.put("Job", false);
    c.put("BillWithParent", false);
    c.put("Balance", 0);
    c.putObject("CurrencyRef").put("value", currency);
    if (email != null) {
      c.putObject("PrimaryEmailAddr").put("Address", email);
    }
    return c;
  }

  static ObjectNode serviceItem(String name, BigDecimal unitPrice) {
    ObjectNode i = F.objectNode();
    i.put("Name", name);
    i.put("FullyQualifiedName", name);
    i.put("Type", "Service");
    i.put("UnitPrice", unitPrice);
    return i;
  }

  /** An invoice or sales receipt with one sales line; the item and customer must exist. */
  static ObjectNode document(CompanyStore store, Instant now, SimEntity entity, String customerId, String itemId,
      int quantity, BigDecimal unitPrice) {
    ObjectNode item = store.read(SimEntity.ITEM, itemId).orElseThrow(() ->
        new NoSuchElementException("Item " + itemId + " does not exist"));
    BigDecimal amount = unitPrice.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP);
    ObjectNode d = F.objectNode();
    d.put("TxnDate", now.atZone(store.base().zone()).toLocalDate().toString());
    d.putObject("CurrencyRef").put("value", store.base().homeCurrency());
    ArrayNode lines = d.putArray("Line");
    ObjectNode line = lines.addObject();
    line.put("Id", "1");
    line.put("LineNum", 1);
    line.put("Amount", amount);
    line.put("DetailType", "SalesItemLineDetail");
    ObjectNode detail = line.putObject("SalesItemLineDetail");
    detail.putObject("ItemRef").put("value", itemId).put("name", item.path("Name").asText());
    detail.put("UnitPrice", unitPrice);
    detail.put("Qty", quantity);
    detail.putObject("TaxCodeRef").put("value", "NON");
    ObjectNode sub = lines.addObject();
    sub.put("Amount", amount);
    sub.put("DetailType", "SubTotalLineDetail");
    sub.putObject("SubTotalLineDetail");
    d.putObject("TxnTaxDetail").put("TotalTax", 0);
    if (customerId != null) {
      ObjectNode customer = store.read(SimEntity.CUSTOMER, customerId).orElseThrow(() ->
          new NoSuchElementException("Customer " + customerId + " does not exist"));
      d.putObject("CustomerRef").put("value", customerId).put("name", customer.path("DisplayName").asText());
      if (customer.path("PrimaryEmailAddr").has("Address")) {
        d.putObject("BillEmail").put("Address", customer.path("PrimaryEmailAddr").path("Address").asText());
      }
    }
    d.put("TotalAmt", amount);
    d.put("Balance", entity == SimEntity.INVOICE ? amount : BigDecimal.ZERO.setScale(2));
    return d;
  }

  /** Only invoices and sales receipts can be voided or deleted. */
  static void requireTransaction(SimEntity entity) {
    if (entity != SimEntity.INVOICE && entity != SimEntity.SALES_RECEIPT) {
      throw new IllegalArgumentException("only invoices and sales receipts can be voided or deleted, not " + entity);
    }
  }

  /** QBO's "delete" of a customer: {@code Active:false}, {@code " (deleted)"} appended to its names. */
  static void makeInactive(ObjectNode customer) {
    customer.put("Active", false);
    for (String field : List.of("DisplayName", "FullyQualifiedName")) {
      if (customer.has(field) && !customer.get(field).asText().endsWith(" (deleted)")) {
        customer.put(field, customer.get(field).asText() + " (deleted)");
      }
    }
  }

  /** QBO's void: PrivateNote "Voided", every amount and quantity 0, no tax lines, Balance 0. */
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
