package dev.qbmc.examples.sim.quickbooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

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
 * the simulator started (every {@code id % 40 == 17}). {@code GeneratedEntities} renders the JSON.
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

  private final long seed;
  private final long customers;
  private final long items;
  private final long invoices;
  private final long salesReceipts;
  private final Instant baseTime;
  private final ZoneId zone;
  private final String companyName;
  private final GeneratedEntities entities;

  private GeneratedCompany(Builder b) {
    this.seed = b.seed;
    this.customers = b.customers;
    this.items = b.items;
    this.invoices = b.invoices;
    this.salesReceipts = b.salesReceipts;
    this.baseTime = b.baseTime;
    this.zone = b.zone;
    this.companyName = b.companyName;
    this.entities = new GeneratedEntities(this, seed);
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
  public long count(SimEntity entity) {
    switch (entity) {
      case CUSTOMER: return customers;
      case ITEM: return items;
      case INVOICE: return invoices;
      default: return salesReceipts;
    }
  }

  @Override
  public Optional<ObjectNode> entity(SimEntity entity, long id) {
    if (id < 1 || id > count(entity)) {
      return Optional.empty();
    }
    switch (entity) {
      case CUSTOMER: return Optional.of(entities.customer(id));
      case ITEM: return Optional.of(entities.item(id));
      default:
        if (isDeleted(id)) {
          return Optional.empty();
        }
        return Optional.of(entities.transaction(entity, id));
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

  String given(long id) {
    return GIVEN[(int) Math.floorMod(id + seed, GIVEN.length)];
  }

  String family(long id) {
    if (customerKind(id) == CustomerKind.APOSTROPHE_NAME) {
      return "O'Brien";
    }
    return FAMILY[(int) Math.floorMod(id / GIVEN.length + seed, FAMILY.length)];
  }
}
