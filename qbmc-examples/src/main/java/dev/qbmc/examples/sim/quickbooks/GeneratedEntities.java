package dev.qbmc.examples.sim.quickbooks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qbmc.examples.sim.quickbooks.GeneratedCompany.CustomerKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Renders the entities of a {@link GeneratedCompany} from (seed, id) in QBO's JSON shape:
 * customers by their {@link CustomerKind}, items (a Category, a Group, Inventory items with a Sku)
 * and invoices and sales receipts with group lines, percent discounts, tax and voids.
 */
final class GeneratedEntities {

  private static final String[] CITIES = {"Tucson|AZ|85719", "Bayshore|CA|94326", "Middlefield|CA|94303",
      "Seattle|WA|98101", "Austin|TX|73301", "Denver|CO|80202", "Boston|MA|02108"};
  private static final String[] PRODUCTS = {"Design", "Installation", "Rock Fountain", "Pump",
      "Sprinkler Heads", "Gardening", "Hours", "Lighting", "Maintenance", "Pest Control", "Concrete",
      "Trimming", "Soil", "Seeds", "Fertilizer", "Hedge Shears", "Garden Hose", "Planter", "Mulch",
      "Consulting", "Delivery", "Tiles", "Bricks", "Gravel"};
  private static final BigDecimal TAX_RATE = new BigDecimal("0.08");
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final GeneratedCompany company;
  private final long seed;

  GeneratedEntities(GeneratedCompany company, long seed) {
    this.company = company;
    this.seed = seed;
  }

  private SplittableRandom random(SimEntity entity, long id) {
    long mixed = seed * 0x9E3779B97F4A7C15L + (entity.ordinal() + 1) * 0xC2B2AE3D27D4EB4FL + id * 0x165667B19E3779F9L;
    return new SplittableRandom(mixed);
  }

  private ObjectNode header(SimEntity entity, long id, long step) {
    long total = company.count(entity);
    Instant created = company.lastModified().minusSeconds((total - id + 2) * step);
    Instant updated = created.plusSeconds(Math.floorMod(id * 7, step));
    ObjectNode node = F.objectNode();
    node.put("domain", "QBO");
    node.put("sparse", false);
    node.put("Id", Long.toString(id));
    node.put("SyncToken", Long.toString(id % 3));
    ObjectNode meta = node.putObject("MetaData");
    meta.put("CreateTime", QboTime.meta(created, company.zone()));
    meta.put("LastUpdatedTime", QboTime.meta(updated, company.zone()));
    return node;
  }

  ObjectNode customer(long id) {
    ObjectNode c = header(SimEntity.CUSTOMER, id, 120);
    CustomerKind kind = GeneratedCompany.customerKind(id);
    String display = company.customerDisplayName(id) + (kind == CustomerKind.INACTIVE ? " (deleted)" : "");
    c.put("GivenName", company.given(id));
    c.put("FamilyName", company.family(id));
    c.put("FullyQualifiedName", display);
    if (id % 4 == 0) {
      c.put("CompanyName", company.family(id) + " Landscaping " + id);
    }
    c.put("DisplayName", display);
    c.put("PrintOnCheckName", company.customerDisplayName(id));
    c.put("Active", kind != CustomerKind.INACTIVE);
    c.put("Job", false);
    c.put("BillWithParent", false);
    c.put("Taxable", id % 2 == 0);
    c.put("Balance", BigDecimal.ZERO.setScale(2));
    c.put("BalanceWithJobs", BigDecimal.ZERO.setScale(2));
    ObjectNode currency = c.putObject("CurrencyRef");
    currency.put("value", "USD");
    currency.put("name", "United States Dollar");
    c.put("PreferredDeliveryMethod", id % 3 == 0 ? "Print" : "Email");
    c.putObject("PrimaryPhone").put("FreeFormNumber", String.format("(520) 555-%04d", id % 10000));
    company.customerEmail(id).ifPresent(email -> c.putObject("PrimaryEmailAddr").put("Address", email));
    String[] city = CITIES[(int) (id % CITIES.length)].split("\\|");
    ObjectNode bill = c.putObject("BillAddr");
    bill.put("Id", Long.toString(id + 100));
    if (kind == CustomerKind.INCOMPLETE_ADDRESS) {
      bill.put("Line1", company.customerDisplayName(id));
      bill.put("Line2", (id % 900 + 100) + " Main St.");
    } else {
      bill.put("Line1", (id % 900 + 100) + " Court St.");
      bill.put("City", city[0]);
      bill.put("CountrySubDivisionCode", city[1]);
      bill.put("PostalCode", city[2]);
      bill.put("Lat", "INVALID");
      bill.put("Long", "INVALID");
    }
    return c;
  }

  ObjectNode item(long id) {
    ObjectNode i = header(SimEntity.ITEM, id, 600);
    String name = itemName(id);
    i.put("Name", name);
    i.put("Active", true);
    if (id == 1) {
      i.put("FullyQualifiedName", name);
      i.put("Type", "Category");
      return i;
    }
    boolean sub = id % 6 == 0;
    i.put("FullyQualifiedName", sub ? "Garden Supplies:" + name : name);
    if (sub) {
      i.put("SubItem", true);
      i.putObject("ParentRef").put("value", "1").put("name", "Garden Supplies");
      i.put("Level", 1);
    }
    i.put("Description", name + " (" + (id == 2 ? "bundle" : "sold by the unit") + ")");
    if (id == 2) {
      i.put("Type", "Group");
      return i;
    }
    i.put("Taxable", id % 2 == 1);
    i.put("UnitPrice", unitPrice(id));
    ObjectNode income = i.putObject("IncomeAccountRef");
    income.put("value", "79");
    income.put("name", "Sales of Product Income");
    if (id % 5 == 0) {
      i.put("Sku", String.format("SKU-%05d", id));
      i.put("Type", "Inventory");
      i.put("TrackQtyOnHand", true);
      i.put("QtyOnHand", 25 + id % 10);
      i.put("PurchaseCost", unitPrice(id).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP));
      i.put("InvStartDate", "2025-01-01");
    } else {
      i.put("Type", id % 3 == 0 ? "NonInventory" : "Service");
    }
    return i;
  }

  private BigDecimal unitPrice(long itemId) {
    return BigDecimal.valueOf(5 + (itemId * 37) % 200).setScale(2);
  }

  private long sellableItem(SplittableRandom r) {
    return 3 + r.nextLong(company.count(SimEntity.ITEM) - 2);
  }

  private static String itemName(long id) {
    if (id == 1) {
      return "Garden Supplies";
    }
    if (id == 2) {
      return "Gift Basket";
    }
    return PRODUCTS[(int) ((id - 3) % PRODUCTS.length)] + (id - 3 >= PRODUCTS.length ? " " + id : "");
  }

  ObjectNode transaction(SimEntity entity, long id) {
    SplittableRandom r = random(entity, id);
    ObjectNode t = header(entity, id, entity == SimEntity.INVOICE ? 45 : 90);
    boolean voided = GeneratedCompany.isVoided(id);
    t.put("DocNumber", (entity == SimEntity.INVOICE ? "" : "S") + (1000 + id));
    LocalDate date = LocalDate.parse(t.path("MetaData").path("CreateTime").asText().substring(0, 10));
    t.put("TxnDate", date.toString());
    ObjectNode currency = t.putObject("CurrencyRef");
    currency.put("value", "USD");
    currency.put("name", "United States Dollar");
    if (voided) {
      t.put("PrivateNote", "Voided");
    }
    ArrayNode lines = t.putArray("Line");
    BigDecimal subtotal = BigDecimal.ZERO.setScale(2);
    int lineId = 1;
    if (id % 10 == 3) {
      ObjectNode group = lines.addObject();
      group.put("Id", Integer.toString(lineId));
      group.put("LineNum", lineId++);
      group.put("Description", "Gift Basket");
      group.put("Amount", BigDecimal.ZERO);
      group.put("DetailType", "GroupLineDetail");
      ObjectNode detail = group.putObject("GroupLineDetail");
      detail.putObject("GroupItemRef").put("value", "2").put("name", "Gift Basket");
      detail.put("Quantity", 1);
      ArrayNode nested = detail.putArray("Line");
      for (int k = 0; k < 2; k++) {
        long itemId = sellableItem(r);
        BigDecimal qty = BigDecimal.valueOf(1 + r.nextInt(3));
        BigDecimal amount = voided ? BigDecimal.ZERO : unitPrice(itemId).multiply(qty).setScale(2);
        subtotal = subtotal.add(amount);
        salesLine(nested.addObject(), lineId++, itemId, qty, amount, voided);
      }
    }
    int plain = 1 + r.nextInt(3);
    for (int k = 0; k < plain; k++) {
      long itemId = sellableItem(r);
      BigDecimal qty = BigDecimal.valueOf(1 + r.nextInt(5));
      BigDecimal amount = voided ? BigDecimal.ZERO : unitPrice(itemId).multiply(qty).setScale(2);
      subtotal = subtotal.add(amount);
      salesLine(lines.addObject(), lineId++, itemId, qty, amount, voided);
    }
    ObjectNode sub = lines.addObject();
    sub.put("Amount", subtotal);
    sub.put("DetailType", "SubTotalLineDetail");
    sub.putObject("SubTotalLineDetail");
    BigDecimal discount = BigDecimal.ZERO.setScale(2);
    if (id % 10 == 5) {
      discount = subtotal.multiply(BigDecimal.valueOf(10)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
      ObjectNode d = lines.addObject();
      d.put("Amount", discount);
      d.put("DetailType", "DiscountLineDetail");
      ObjectNode detail = d.putObject("DiscountLineDetail");
      detail.put("PercentBased", true);
      detail.put("DiscountPercent", 10);
      detail.putObject("DiscountAccountRef").put("value", "86").put("name", "Discounts given");
    }
    BigDecimal taxable = subtotal.subtract(discount);
    ObjectNode taxDetail = t.putObject("TxnTaxDetail");
    BigDecimal tax = BigDecimal.ZERO.setScale(2);
    if (id % 4 == 1 && !voided) {
      tax = taxable.multiply(TAX_RATE).setScale(2, RoundingMode.HALF_UP);
      taxDetail.put("TotalTax", tax);
      ObjectNode taxLine = taxDetail.putArray("TaxLine").addObject();
      taxLine.put("Amount", tax);
      taxLine.put("DetailType", "TaxLineDetail");
      ObjectNode tld = taxLine.putObject("TaxLineDetail");
      tld.putObject("TaxRateRef").put("value", "3");
      tld.put("PercentBased", true);
      tld.put("TaxPercent", 8);
      tld.put("NetAmountTaxable", taxable);
    } else {
      taxDetail.put("TotalTax", BigDecimal.ZERO);
    }
    boolean withCustomer = entity == SimEntity.INVOICE || !GeneratedCompany.isReceiptWithoutCustomer(id);
    if (withCustomer) {
      long customerId = 1 + r.nextLong(company.count(SimEntity.CUSTOMER));
      ObjectNode ref = t.putObject("CustomerRef");
      ref.put("value", Long.toString(customerId));
      ref.put("name", company.customerDisplayName(customerId));
      company.customerEmail(customerId).ifPresent(e -> t.putObject("BillEmail").put("Address", e));
    }
    BigDecimal total = voided ? BigDecimal.ZERO : taxable.add(tax);
    t.put("TotalAmt", total);
    t.put("ApplyTaxAfterDiscount", false);
    t.put("PrintStatus", "NotSet");
    t.put("EmailStatus", "NotSet");
    if (entity == SimEntity.INVOICE) {
      t.put("DueDate", date.plusDays(30).toString());
      t.put("Balance", voided || id % 3 == 0 ? BigDecimal.ZERO : total);
    } else {
      t.put("Balance", BigDecimal.ZERO);
      t.putObject("PaymentMethodRef").put("value", "1").put("name", "Cash");
      t.putObject("DepositToAccountRef").put("value", "4").put("name", "Undeposited Funds");
    }
    return t;
  }

  private void salesLine(ObjectNode line, int lineId, long itemId, BigDecimal qty, BigDecimal amount, boolean voided) {
    line.put("Id", Integer.toString(lineId));
    line.put("LineNum", lineId);
    String name = itemName(itemId);
    line.put("Description", name);
    line.put("Amount", amount);
    line.put("DetailType", "SalesItemLineDetail");
    ObjectNode detail = line.putObject("SalesItemLineDetail");
    detail.putObject("ItemRef").put("value", Long.toString(itemId)).put("name", name);
    detail.put("UnitPrice", unitPrice(itemId));
    detail.put("Qty", voided ? BigDecimal.ZERO : qty);
    detail.putObject("TaxCodeRef").put("value", "TAX");
  }
}
