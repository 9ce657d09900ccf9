package dev.qbmc.examples.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qbmc.examples.sim.quickbooks.CompanyData;
import dev.qbmc.examples.sim.quickbooks.GeneratedCompany;
import dev.qbmc.examples.sim.quickbooks.SimEntity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A company of 1,610 QBO records, most of them hostile, on top of a {@link GeneratedCompany}:
 * RFC-valid but unusual emails ({@code $}, {@code \}, quotes, {@code +tags}, unicode local parts,
 * 64-character local parts and 254-character addresses, addresses Mailchimp refuses as fake),
 * control, bidi and zero-width characters, lone surrogates, 10,000-character strings, negative,
 * huge and over-precise amounts, fractional and negative quantities, missing and dangling
 * customer and item references, blank and missing Ids, Ids repeated on a later page, unknown item
 * types and odd or impossible dates. The same ids always give the same records.
 */
final class HostileCompany implements CompanyData {
  static final long CUSTOMERS = 1_100;
  static final long ITEMS = 60;
  static final long INVOICES = 300;
  static final long RECEIPTS = 150;
  /** Customers 1,001 to 1,020 (the second query page) repeat the Ids of customers 1 to 20. */
  static final long FIRST_REPEATED = 1_001;
  static final long LAST_REPEATED = 1_020;

  private static final String HUGE = "x".repeat(10_000);
  private static final String[] NAMES = {
    "Zoë \u202Egnp.exe", "a\u0000b\u0007c", "zero\u200Bwidth\u200D", "lone \uD800 surrogate", "😀😃😄",
    HUGE, "  ", "O'Brien, \"Mary\" <b>", "محمد\u200F", "e\u0301\u0301\u0301", "tab\there\nnewline", "\u2028\u2029"
  };

  private final GeneratedCompany base = GeneratedCompany.builder().seed(20261127L).customers(CUSTOMERS)
      .items(ITEMS).invoices(INVOICES).salesReceipts(RECEIPTS).build();

  /**
   * The address a customer gets, if any (the base company's otherwise).
   *
   * @param id the customer id
   * @return the hostile address
   */
  static Optional<String> email(long id) {
    String local64 = "l".repeat(64 - Long.toString(id).length()) + id;
    String label = "d".repeat(63);
    switch ((int) (id % 16)) {
      case 0: return Optional.of("$fan" + id + "@example.com");
      case 1: return Optional.of("$fan" + id + "@shop.invalid"); // refused by Mailchimp as fake
      case 2: return Optional.of("back\\slash" + id + "@example.com");
      case 3: return Optional.of("\"quoted " + id + "\"@example.com");
      case 4: return Optional.of("first+tag" + id + "@example.com");
      case 5: return Optional.of("jöhn" + id + "@exämple.com");
      case 6: return Optional.of(local64 + "@" + label + "." + label + "." + "d".repeat(57) + ".com"); // 254
      case 7: return Optional.of("UPPER.Case" + id + "@EXAMPLE.COM");
      case 8: return Optional.of("dollar$$" + id + "@x.invalid, ok" + id + "@example.com");
      case 9: return Optional.of("{curly}|pipe~" + id + "@example.com");
      case 10: return Optional.of("$$$" + id + "\\@example.com");
      case 11: return Optional.of("a\u202E" + id + "@example.com");
      default: return Optional.empty();
    }
  }

  private static String name(long id) {
    return NAMES[(int) (id % NAMES.length)];
  }

  @Override
  public long count(SimEntity entity) {
    return base.count(entity);
  }

  @Override
  public Optional<ObjectNode> entity(SimEntity entity, long id) {
    return base.entity(entity, id).map(node -> switch (entity) {
      case CUSTOMER -> customer(node, id);
      case ITEM -> item(node, id);
      default -> transaction(node, id);
    });
  }

  private static ObjectNode customer(ObjectNode c, long id) {
    email(id).ifPresent(e -> c.putObject("PrimaryEmailAddr").put("Address", e));
    if (id % 3 == 0) {
      c.put("GivenName", name(id));
    }
    if (id % 5 == 0) {
      c.put("FamilyName", name(id + 1));
      c.put("CompanyName", name(id + 2));
    }
    if (id % 7 == 0) {
      c.putObject("PrimaryPhone").put("FreeFormNumber", name(id + 3));
    }
    if (id % 11 == 0) {
      ObjectNode bill = c.putObject("BillAddr");
      bill.put("Line1", name(id));
      bill.put("City", name(id + 1));
      bill.put("CountrySubDivisionCode", "\u202ECA");
      bill.put("PostalCode", HUGE);
      bill.put("Country", name(id + 4));
    }
    if (id >= FIRST_REPEATED && id <= LAST_REPEATED) {
      c.put("Id", Long.toString(id - FIRST_REPEATED + 1));
    } else if (id == 555) {
      c.put("Id", "");
    } else if (id == 556) {
      c.remove("Id");
    } else if (id == 557) {
      c.put("Id", " ");
    }
    if (id % 97 == 0) {
      c.with("MetaData").put("LastUpdatedTime", "not a time");
    }
    return c;
  }

  private static ObjectNode item(ObjectNode i, long id) {
    switch ((int) (id % 8)) {
      case 0 -> i.put("UnitPrice", new BigDecimal("-12.50"));
      case 1 -> i.put("UnitPrice", new BigDecimal("123456789012345678901234567890.123456789"));
      case 2 -> i.put("UnitPrice", new BigDecimal("0.0000001"));
      case 3 -> i.put("Name", name(id));
      case 4 -> i.put("Type", "Bogus");
      case 5 -> i.put("Sku", HUGE);
      case 6 -> i.put("Description", name(id) + HUGE);
      default -> i.put("UnitPrice", "twelve");
    }
    return i;
  }

  private static ObjectNode transaction(ObjectNode t, long id) {
    switch ((int) (id % 12)) {
      case 0 -> t.remove("CustomerRef");
      case 1 -> t.with("CustomerRef").put("value", "999999");
      case 2 -> t.put("TotalAmt", new BigDecimal("-99.99"));
      case 3 -> t.put("TotalAmt", new BigDecimal("99999999999999999999.999999"));
      case 4 -> t.put("TxnDate", "0001-01-01");
      case 5 -> t.put("TxnDate", "9999-12-31");
      case 6 -> t.put("TxnDate", "2026-02-30");
      case 7 -> t.with("CurrencyRef").put("value", "€€€");
      case 8 -> firstSalesLine(t).ifPresent(l -> l.with("SalesItemLineDetail").put("Qty", new BigDecimal("-2.5")));
      case 9 -> firstSalesLine(t).ifPresent(l -> l.with("SalesItemLineDetail").with("ItemRef").put("value", "77777"));
      case 10 -> t.put("PrivateNote", name(id));
      default -> firstSalesLine(t).ifPresent(l -> l.with("SalesItemLineDetail").put("UnitPrice", "1.23456789"));
    }
    return t;
  }

  private static Optional<ObjectNode> firstSalesLine(ObjectNode t) {
    for (JsonNode line : t.path("Line")) {
      if (line.has("SalesItemLineDetail") && line instanceof ObjectNode o) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  @Override
  public Instant lastModified() {
    return base.lastModified();
  }

  @Override
  public ZoneId zone() {
    return base.zone();
  }

  @Override
  public String companyName() {
    return base.companyName();
  }

  @Override
  public String homeCurrency() {
    return base.homeCurrency();
  }

  @Override
  public boolean multiCurrencyEnabled() {
    return base.multiCurrencyEnabled();
  }
}
