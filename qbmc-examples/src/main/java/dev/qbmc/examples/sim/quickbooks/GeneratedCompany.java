package dev.qbmc.examples.sim.quickbooks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A deterministic company whose entities are computed from (seed, id) on demand, so even 100,000
 * customers and 1,000,000 invoices cost no memory. The same seed always yields the same company.
 *
 * <p>Customers follow a fixed pattern by {@code id % 50} (see {@link #customerKind(long)}): no
 * email, a role-based email, an incomplete address, inactive, several comma-separated emails, an
 * address the Mailchimp side already has as unsubscribed, a name with an apostrophe. Item 1 is a
 * {@code Category}, item 2 a {@code Group}, every fifth item an {@code Inventory} item with a
 * {@code Sku}. Transactions include group lines, percent discounts, tax, receipts without a
 * customer, voided documents (every {@code id % 25 == 11}) and gaps for documents deleted before
 * the simulator started (every {@code id % 40 == 17}).
 */
public final class GeneratedCompany implements CompanyData {

  /** What a generated customer is like, by {@code id % 50}. */
  public enum CustomerKind {
    /** A normal active customer with one email and a complete address. */
    REGULAR,
    /** Name contains an apostrophe ({@code O'Brien}); {@code id % 50 == 3}. */
    APOSTROPHE_NAME,
    /** No {@code PrimaryEmailAddr}; {@code id % 50 == 7}. */
    NO_EMAIL,
    /** Role-based email {@code admin@...}; {@code id % 50 == 13}. */
    ROLE_EMAIL,
    /** BillAddr without City and PostalCode (unstructured lines); {@code id % 50 == 21}. */
    INCOMPLETE_ADDRESS,
    /** {@code Active:false}, name suffixed with {@code (deleted)}; {@code id % 50 == 29}. */
    INACTIVE,
    /** Two comma-separated addresses in {@code PrimaryEmailAddr}; {@code id % 50 == 37}. */
    MULTIPLE_EMAILS,
    /** An address meant to be pre-seeded as unsubscribed in Mailchimp; {@code id % 50 == 43}. */
    UNSUBSCRIBED_IN_MAILCHIMP
  }

  private static final String[] GIVEN = {"Amy", "Bill", "Cathy", "Diego", "Emma", "Farid", "Grace",
      "Hiro", "Ines", "Jonas", "Kofi", "Lena", "Mateo", "Nora", "Omar", "Priya", "Quinn", "Rosa"};
  private static final String[] FAMILY = {"Nguyen", "Smith", "Garcia", "Muller", "Rossi", "Kowalski",
      "Tanaka", "Okafor", "Dubois", "Jensen", "Silva", "Cohen", "Novak", "Haddad", "Larsen", "Walsh"};
  private static final String[] CITIES = {"Tucson|AZ|85719", "Bayshore|CA|94326", "Middlefield|CA|94303",
      "Seattle|WA|98101", "Austin|TX|73301", "Denver|CO|80202", "Boston|MA|02108"};
  private static final String[] PRODUCTS = {"Design", "Installation", "Rock Fountain", "Pump",
      "Sprinkler Heads", "Gardening", "Hours", "Lighting", "Maintenance", "Pest Control", "Concrete",
      "Trimming", "Soil", "Seeds", "Fertilizer", "Hedge Shears", "Garden Hose", "Planter", "Mulch",
      "Consulting", "Delivery", "Tiles", "Bricks", "Gravel"};
  private static final BigDecimal TAX_RATE = new BigDecimal("0.08");
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final long seed;
  private final long customers;
  private final long items;
  private final long invoices;
  private final long salesReceipts;
  private final Instant baseTime;
  private final ZoneId zone;
  private final String companyName;

  private GeneratedCompany(Builder b) {
    this.seed = b.seed;
    this.customers = b.customers;
    this.items = b.items;
    this.invoices = b.invoices;
    this.salesReceipts = b.salesReceipts;
    this.baseTime = b.baseTime;
    this.zone = b.zone;
    this.companyName = b.companyName;
  }

  /**
   * Starts a builder (defaults: seed 42, 50 customers, 20 items, 150 invoices, 60 sales receipts,
   * base time 2026-01-01T00:00:00Z, zone America/Los_Angeles).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder of {@link GeneratedCompany}. */
  public static final class Builder {
    private long seed = 42;
    private long customers = 50;
    private long items = 20;
    private long invoices = 150;
    private long salesReceipts = 60;
    private Instant baseTime = Instant.parse("2026-01-01T00:00:00Z");
    private ZoneId zone = ZoneId.of("America/Los_Angeles");
    private String companyName = "Sandbox Company_US_1";

    private Builder() {
    }

    /**
     * Sets the seed.
     *
     * @param seed any value
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Sets the number of customers.
     *
     * @param count at least 0
     * @return this builder
     */
    public Builder customers(long count) {
      this.customers = nonNegative(count, "customers");
      return this;
    }

    /**
     * Sets the number of items; at least 3 when there are transactions (category, group, one sellable).
     *
     * @param count at least 0
     * @return this builder
     */
    public Builder items(long count) {
      this.items = nonNegative(count, "items");
      return this;
    }

    /**
     * Sets the number of invoice ids (some are gaps for deleted invoices).
     *
     * @param count at least 0
     * @return this builder
     */
    public Builder invoices(long count) {
      this.invoices = nonNegative(count, "invoices");
      return this;
    }

    /**
     * Sets the number of sales receipt ids (some are gaps for deleted receipts).
     *
     * @param count at least 0
     * @return this builder
     */
    public Builder salesReceipts(long count) {
      this.salesReceipts = nonNegative(count, "salesReceipts");
      return this;
    }

    /**
     * Sets the instant after which no base entity was modified.
     *
     * @param baseTime the high-water mark; base timestamps lie before it
     * @return this builder
     */
    public Builder baseTime(Instant baseTime) {
      this.baseTime = Objects.requireNonNull(baseTime, "baseTime");
      return this;
    }

    /**
     * Sets the company time zone.
     *
     * @param zone the zone
     * @return this builder
     */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /**
     * Sets the company name.
     *
     * @param name the name
     * @return this builder
     */
    public Builder companyName(String name) {
      this.companyName = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Builds the company.
     *
     * @return the company
     */
    public GeneratedCompany build() {
      if ((invoices > 0 || salesReceipts > 0) && (items < 3 || customers < 1)) {
        throw new IllegalArgumentException("transactions need at least 3 items and 1 customer");
      }
      return new GeneratedCompany(this);
    }

    private static long nonNegative(long v, String name) {
      if (v < 0) {
        throw new IllegalArgumentException(name + " must be >= 0, was " + v);
      }
      return v;
    }
  }

  /**
   * The kind of a generated customer.
   *
   * @param id the customer id
   * @return its kind
   */
  public static CustomerKind customerKind(long id) {
    switch ((int) (id % 50)) {
      case 3: return CustomerKind.APOSTROPHE_NAME;
      case 7: return CustomerKind.NO_EMAIL;
      case 13: return CustomerKind.ROLE_EMAIL;
      case 21: return CustomerKind.INCOMPLETE_ADDRESS;
      case 29: return CustomerKind.INACTIVE;
      case 37: return CustomerKind.MULTIPLE_EMAILS;
      case 43: return CustomerKind.UNSUBSCRIBED_IN_MAILCHIMP;
      default: return CustomerKind.REGULAR;
    }
  }

  /**
   * Whether an invoice or sales receipt id is generated voided.
   *
   * @param id the transaction id
   * @return true when {@code id % 25 == 11}
   */
  public static boolean isVoided(long id) {
    return id % 25 == 11;
  }

  /**
   * Whether an invoice or sales receipt id is a gap (deleted before the simulator started).
   *
   * @param id the transaction id
   * @return true when {@code id % 40 == 17}
   */
  public static boolean isDeleted(long id) {
    return id % 40 == 17;
  }

  /**
   * Whether a generated sales receipt has no customer.
   *
   * @param id the receipt id
   * @return true when {@code id % 15 == 4}
   */
  public static boolean isReceiptWithoutCustomer(long id) {
    return id % 15 == 4;
  }

  /**
   * The {@code PrimaryEmailAddr.Address} value of a generated customer.
   *
   * @param id the customer id
   * @return the value (possibly comma-separated), empty for {@link CustomerKind#NO_EMAIL}
   */
  public Optional<String> customerEmail(long id) {
    String local = (given(id) + "." + family(id)).toLowerCase(java.util.Locale.ROOT).replace("'", "") + id;
    switch (customerKind(id)) {
      case NO_EMAIL: return Optional.empty();
      case ROLE_EMAIL: return Optional.of("admin@" + family(id).toLowerCase(java.util.Locale.ROOT) + id + ".example.org");
      case MULTIPLE_EMAILS: return Optional.of(local + "@example.org, billing." + id + "@example.net");
      case UNSUBSCRIBED_IN_MAILCHIMP: return Optional.of("unsub." + local + "@example.org");
      default: return Optional.of(local + "@example.org");
    }
  }

  /**
   * The {@code DisplayName} of a generated customer (without the inactive suffix).
   *
   * @param id the customer id
   * @return the unique display name
   */
  public String customerDisplayName(long id) {
    return given(id) + " " + family(id) + " " + id;
  }

  @Override
  public long count(QboEntity entity) {
    switch (entity) {
      case CUSTOMER: return customers;
      case ITEM: return items;
      case INVOICE: return invoices;
      default: return salesReceipts;
    }
  }

  @Override
  public Optional<ObjectNode> entity(QboEntity entity, long id) {
    if (id < 1 || id > count(entity)) {
      return Optional.empty();
    }
    switch (entity) {
      case CUSTOMER: return Optional.of(customer(id));
      case ITEM: return Optional.of(item(id));
      default:
        if (isDeleted(id)) {
          return Optional.empty();
        }
        return Optional.of(transaction(entity, id));
    }
  }

  @Override
  public Instant lastModified() {
    return baseTime;
  }

  @Override
  public ZoneId zone() {
    return zone;
  }

  @Override
  public String companyName() {
    return companyName;
  }

  @Override
  public String homeCurrency() {
    return "USD";
  }

  @Override
  public boolean multiCurrencyEnabled() {
    return false;
  }

  @Override
  public String toString() {
    return "GeneratedCompany[seed=" + seed + ", customers=" + customers + ", items=" + items
        + ", invoices=" + invoices + ", salesReceipts=" + salesReceipts + "]";
  }

  private String given(long id) {
    return GIVEN[(int) Math.floorMod(id + seed, GIVEN.length)];
  }

  private String family(long id) {
    if (customerKind(id) == CustomerKind.APOSTROPHE_NAME) {
      return "O'Brien";
    }
    return FAMILY[(int) Math.floorMod(id / GIVEN.length + seed, FAMILY.length)];
  }

  private SplittableRandom random(QboEntity entity, long id) {
    long mixed = seed * 0x9E3779B97F4A7C15L + (entity.ordinal() + 1) * 0xC2B2AE3D27D4EB4FL + id * 0x165667B19E3779F9L;
    return new SplittableRandom(mixed);
  }

  private ObjectNode header(QboEntity entity, long id, long step) {
    long total = count(entity);
    Instant created = baseTime.minusSeconds((total - id + 2) * step);
    Instant updated = created.plusSeconds(Math.floorMod(id * 7, step));
    ObjectNode node = F.objectNode();
    node.put("domain", "QBO");
    node.put("sparse", false);
    node.put("Id", Long.toString(id));
    node.put("SyncToken", Long.toString(id % 3));
    ObjectNode meta = node.putObject("MetaData");
    meta.put("CreateTime", QboTime.meta(created, zone));
    meta.put("LastUpdatedTime", QboTime.meta(updated, zone));
    return node;
  }

  private ObjectNode customer(long id) {
    ObjectNode c = header(QboEntity.CUSTOMER, id, 120);
    CustomerKind kind = customerKind(id);
    String display = customerDisplayName(id) + (kind == CustomerKind.INACTIVE ? " (deleted)" : "");
    c.put("GivenName", given(id));
    c.put("FamilyName", family(id));
    c.put("FullyQualifiedName", display);
    if (id % 4 == 0) {
      c.put("CompanyName", family(id) + " Landscaping " + id);
    }
    c.put("DisplayName", display);
    c.put("PrintOnCheckName", customerDisplayName(id));
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
    customerEmail(id).ifPresent(email -> c.putObject("PrimaryEmailAddr").put("Address", email));
    String[] city = CITIES[(int) (id % CITIES.length)].split("\\|");
    ObjectNode bill = c.putObject("BillAddr");
    bill.put("Id", Long.toString(id + 100));
    if (kind == CustomerKind.INCOMPLETE_ADDRESS) {
      bill.put("Line1", customerDisplayName(id));
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

  private ObjectNode item(long id) {
    ObjectNode i = header(QboEntity.ITEM, id, 600);
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
    return 3 + r.nextLong(items - 2);
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

  private ObjectNode transaction(QboEntity entity, long id) {
    SplittableRandom r = random(entity, id);
    ObjectNode t = header(entity, id, entity == QboEntity.INVOICE ? 45 : 90);
    boolean voided = isVoided(id);
    t.put("DocNumber", (entity == QboEntity.INVOICE ? "" : "S") + (1000 + id));
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
    boolean withCustomer = entity == QboEntity.INVOICE || !isReceiptWithoutCustomer(id);
    if (withCustomer) {
      long customerId = 1 + r.nextLong(customers);
      ObjectNode ref = t.putObject("CustomerRef");
      ref.put("value", Long.toString(customerId));
      ref.put("name", customerDisplayName(customerId));
      customerEmail(customerId).ifPresent(e -> t.putObject("BillEmail").put("Address", e));
    }
    BigDecimal total = voided ? BigDecimal.ZERO : taxable.add(tax);
    t.put("TotalAmt", total);
    t.put("ApplyTaxAfterDiscount", false);
    t.put("PrintStatus", "NotSet");
    t.put("EmailStatus", "NotSet");
    if (entity == QboEntity.INVOICE) {
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
