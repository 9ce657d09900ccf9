package dev.qbmc.core.bench;

import dev.qbmc.quickbooks.model.Customer;
import dev.qbmc.quickbooks.model.EmailAddress;
import dev.qbmc.quickbooks.model.GroupLineDetail;
import dev.qbmc.quickbooks.model.Invoice;
import dev.qbmc.quickbooks.model.Item;
import dev.qbmc.quickbooks.model.ItemType;
import dev.qbmc.quickbooks.model.Line;
import dev.qbmc.quickbooks.model.LineDetailType;
import dev.qbmc.quickbooks.model.MetaData;
import dev.qbmc.quickbooks.model.PhysicalAddress;
import dev.qbmc.quickbooks.model.ReferenceType;
import dev.qbmc.quickbooks.model.SalesItemLineDetail;
import dev.qbmc.quickbooks.model.SalesReceipt;
import dev.qbmc.quickbooks.model.SubTotalLineDetail;
import dev.qbmc.quickbooks.model.TelephoneNumber;
import dev.qbmc.quickbooks.model.TxnTaxDetail;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates QBO customers, items, invoices and sales receipts from a seed. With {@code hostile} set,
 * most values are hostile: missing fields, blank, huge and unicode strings, malformed and role-based
 * emails, negative amounts, 7-decimal unit prices, fractional and negative quantities, unknown line
 * types, bad currencies. The same seed always gives the same records.
 */
public final class QboRecordGenerator {

  private static final String[] WEIRD = {
    "", " ", "\t", "😀😃😄", "Zoë Ångström", "محمد", "李小龙", "O'Brien, Mary", "Parent:Child:Grandchild",
    "Name (deleted)", "a\u0000b", "‮reversed", "e\u0301\u0301\u0301", ",,,", ":", "(deleted)"
  };
  private static final String[] EMAILS = {
    null, "", "  ", "plain", "@x.com", "a@b", "admin@shop.com", "NoReply@Shop.com", "postmaster@x.org",
    "a@b.c", "jäne@shop.com", "a@@b.com", "admin@x.com, jane@x.com", "x, y, z", "Jane.Doe@Example.COM",
    "info@shop.com", "security@a.io,webmaster@a.io", "a..b@c.com", "user+tag@sub.domain.travel",
    "😀@emoji.com", "a@-b.com", "dup@shop.com", "DUP@shop.com"
  };
  private static final String[] COUNTRIES = {
    null, "USA", "United States", "US", "Canada", "CAN", "ca", "U.K.", "Atlantis", "", "   ", "Deutschland",
    "\u0000", "The Netherlands"
  };
  private static final String[] CURRENCIES = {null, "USD", "CAD", "eur", "€€€", "", "US", "usd "};

  private final Random random;
  private final boolean hostile;
  private final int customerIdRange;
  private final int itemIdRange;

  /**
   * A generator.
   *
   * @param seed the seed
   * @param hostile whether to generate hostile values
   * @param customerIdRange transactions name customers with Ids below this
   * @param itemIdRange lines name items with Ids below this
   */
  public QboRecordGenerator(long seed, boolean hostile, int customerIdRange, int itemIdRange) {
    this.random = new Random(seed);
    this.hostile = hostile;
    this.customerIdRange = customerIdRange;
    this.itemIdRange = itemIdRange;
  }

  private boolean chance(double p) {
    return random.nextDouble() < p;
  }

  private String text(String normal) {
    if (!hostile || chance(0.5)) {
      return normal;
    }
    switch (random.nextInt(4)) {
      case 0:
        return null;
      case 1:
        return WEIRD[random.nextInt(WEIRD.length)];
      case 2:
        return "x".repeat(random.nextInt(5000)) + "😀".repeat(random.nextInt(200));
      default:
        return normal + " " + WEIRD[random.nextInt(WEIRD.length)];
    }
  }

  private String id(int n) {
    if (hostile && chance(0.01)) {
      return chance(0.5) ? "" : " ";
    }
    return Integer.toString(n);
  }

  private MetaData metaData(int n) {
    if (hostile && chance(0.2)) {
      return null;
    }
    OffsetDateTime created =
        OffsetDateTime.of(2015, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(-7)).plusMinutes(n * 37L % 5_000_000);
    return MetaData.builder().createTime(created).lastUpdatedTime(created.plusDays(n % 400)).build();
  }

  private PhysicalAddress address(int n) {
    if (hostile ? chance(0.3) : chance(0.1)) {
      return null;
    }
    PhysicalAddress.Builder b = PhysicalAddress.builder();
    if (!hostile || chance(0.7)) b.line1(orEmpty(text(n + " Main St.")));
    if (chance(0.2)) b.line2(orEmpty(text("Suite " + n % 100)));
    if (!hostile || chance(0.7)) b.city(orEmpty(text("Springfield")));
    if (!hostile || chance(0.7)) b.countrySubDivisionCode(orEmpty(text("CA")));
    if (!hostile || chance(0.7)) b.postalCode(orEmpty(text(String.format("%05d", n % 100000))));
    String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
    if (country != null && (hostile || chance(0.3))) b.country(country);
    if (hostile && chance(0.1)) b.latitude("INVALID").longitude("INVALID");
    return b.build();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  /**
   * A customer.
   *
   * @param n the customer number (its Id)
   * @return the customer
   */
  public Customer customer(int n) {
    Customer.Builder b = Customer.builder().id(id(n));
    String email = hostile ? EMAILS[random.nextInt(EMAILS.length)] : "customer" + (n % 990_000) + "@example.com";
    if (hostile && chance(0.05) && email != null) {
      email = email + "x".repeat(random.nextInt(3000));
    }
    if (email != null) b.primaryEmailAddr(EmailAddress.of(email));
    else if (chance(0.2)) b.primaryEmailAddr(EmailAddress.builder().build());
    String given = text("Given" + n);
    if (given != null && chance(0.7)) b.givenName(given);
    String family = text("Family" + n);
    if (family != null && chance(0.7)) b.familyName(family);
    String display = text("Display Name " + n);
    if (display != null) b.displayName(display);
    String company = text("Company " + n);
    if (company != null && chance(0.5)) b.companyName(company);
    if (chance(0.8)) b.primaryPhone(TelephoneNumber.of(orEmpty(text("(650) 555-" + String.format("%04d", n % 10000)))));
    if (chance(0.2)) b.mobile(TelephoneNumber.of(orEmpty(text("(831) 330-1234"))));
    PhysicalAddress bill = address(n);
    if (bill != null) b.billAddr(bill);
    PhysicalAddress ship = address(n + 1);
    if (ship != null && chance(0.5)) b.shipAddr(ship);
    if (chance(0.1)) b.active(false);
    MetaData meta = metaData(n);
    if (meta != null) b.metaData(meta);
    return b.build();
  }

  /**
   * An item.
   *
   * @param n the item number (its Id)
   * @return the item
   */
  public Item item(int n) {
    Item.Builder b = Item.builder().id(id(n));
    String name = text("Item " + n);
    if (name != null) b.name(name);
    if (chance(0.5)) b.sku(orEmpty(text("SKU-" + n)));
    if (chance(0.3)) b.description(orEmpty(text("Description of item " + n)));
    ItemType[] types = ItemType.values();
    b.type(hostile ? types[random.nextInt(types.length)] : chance(0.02) ? ItemType.CATEGORY : ItemType.SERVICE);
    if (chance(0.9)) b.unitPrice(amount());
    return b.build();
  }

  private BigDecimal amount() {
    if (!hostile) {
      return BigDecimal.valueOf(random.nextInt(100_000), 2);
    }
    switch (random.nextInt(6)) {
      case 0:
        return BigDecimal.valueOf(-random.nextInt(100_000), 2);
      case 1:
        return BigDecimal.valueOf(random.nextInt(100_000_000), 7);
      case 2:
        return BigDecimal.ZERO;
      case 3:
        return new BigDecimal("99999999999999.99");
      default:
        return BigDecimal.valueOf(random.nextInt(100_000), 2);
    }
  }

  private BigDecimal quantity() {
    if (!hostile) {
      return BigDecimal.valueOf(1 + random.nextInt(10));
    }
    switch (random.nextInt(5)) {
      case 0:
        return new BigDecimal("2.5");
      case 1:
        return BigDecimal.valueOf(-random.nextInt(10));
      case 2:
        return BigDecimal.ZERO;
      case 3:
        return new BigDecimal("3.0000");
      default:
        return BigDecimal.valueOf(1 + random.nextInt(1000));
    }
  }

  private Line salesLine(int lineId) {
    SalesItemLineDetail.Builder d = SalesItemLineDetail.builder();
    if (!hostile || chance(0.9)) {
      String itemId = hostile && chance(0.05) ? " " : Integer.toString(random.nextInt(itemIdRange));
      d.itemRef(chance(0.8) ? ReferenceType.of(itemId, orEmpty(text("Item " + itemId))) : ReferenceType.of(itemId));
    }
    if (!hostile || chance(0.8)) d.qty(quantity());
    if (!hostile || chance(0.8)) d.unitPrice(amount());
    Line.Builder l = Line.builder().detailType(LineDetailType.SALES_ITEM_LINE_DETAIL).salesItemLineDetail(d.build());
    if (!hostile || chance(0.95)) l.id(Integer.toString(lineId));
    if (!hostile || chance(0.9)) l.amount(amount());
    return l.build();
  }

  private List<Line> lines() {
    List<Line> lines = new ArrayList<>();
    int count = hostile ? random.nextInt(8) : 1 + random.nextInt(4);
    int lineId = 1;
    for (int i = 0; i < count; i++) {
      int kind = hostile ? random.nextInt(6) : 0;
      switch (kind) {
        case 1:
          lines.add(
              Line.builder()
                  .id(Integer.toString(lineId++))
                  .amount(BigDecimal.ZERO)
                  .detailType(LineDetailType.GROUP_LINE_DETAIL)
                  .groupLineDetail(
                      GroupLineDetail.builder()
                          .groupItemRef(ReferenceType.of("900"))
                          .addLines(salesLine(lineId++), salesLine(lineId++))
                          .build())
                  .build());
          break;
        case 2:
          lines.add(
              Line.builder()
                  .amount(amount())
                  .detailType(LineDetailType.DISCOUNT_LINE_DETAIL)
                  .build());
          break;
        case 3:
          lines.add(
              Line.builder()
                  .amount(amount())
                  .detailType(LineDetailType.SUB_TOTAL_LINE_DETAIL)
                  .subTotalLineDetail(SubTotalLineDetail.builder().build())
                  .build());
          break;
        case 4:
          lines.add(Line.builder().id(Integer.toString(lineId++)).description(orEmpty(text("note"))).detailType(
              chance(0.5) ? LineDetailType.DESCRIPTION_ONLY : LineDetailType.UNKNOWN).build());
          break;
        default:
          lines.add(salesLine(lineId++));
      }
    }
    if (!hostile) {
      lines.add(Line.builder().amount(BigDecimal.TEN).detailType(LineDetailType.SUB_TOTAL_LINE_DETAIL).build());
    }
    return lines;
  }

  private ReferenceType customerRef() {
    if (hostile && chance(0.1)) {
      return null;
    }
    return ReferenceType.of(hostile && chance(0.02) ? "" : Integer.toString(random.nextInt(customerIdRange)));
  }

  private LocalDate txnDate(int n) {
    return hostile && chance(0.1) ? null : LocalDate.of(2015, 1, 1).plusDays(n % 3000);
  }

  /**
   * An invoice.
   *
   * @param n the invoice number (its Id)
   * @return the invoice
   */
  public Invoice invoice(int n) {
    Invoice.Builder b = Invoice.builder().id(id(n)).lines(lines());
    ReferenceType customer = customerRef();
    if (customer != null) b.customerRef(customer);
    String currency = hostile ? CURRENCIES[random.nextInt(CURRENCIES.length)] : null;
    if (currency != null) b.currencyRef(ReferenceType.of(currency));
    if (!hostile || chance(0.9)) b.totalAmt(amount());
    if (!hostile || chance(0.8)) b.balance(chance(0.5) ? BigDecimal.ZERO : amount());
    if (chance(0.7)) b.txnTaxDetail(TxnTaxDetail.builder().totalTax(amount()).build());
    if (hostile && chance(0.05)) b.privateNote(chance(0.5) ? "Voided" : "voided - duplicate");
    LocalDate date = txnDate(n);
    if (date != null) b.txnDate(date);
    MetaData meta = metaData(n);
    if (meta != null) b.metaData(meta);
    return b.build();
  }

  /**
   * A sales receipt.
   *
   * @param n the receipt number (its Id)
   * @return the receipt
   */
  public SalesReceipt salesReceipt(int n) {
    SalesReceipt.Builder b = SalesReceipt.builder().id(id(n)).lines(lines());
    ReferenceType customer = customerRef();
    if (customer != null) b.customerRef(customer);
    if (!hostile || chance(0.9)) b.totalAmt(amount());
    if (chance(0.8)) b.balance(BigDecimal.ZERO);
    if (hostile && chance(0.05)) {
      b.privateNote("Voided").totalAmt(BigDecimal.ZERO);
    }
    LocalDate date = txnDate(n);
    if (date != null) b.txnDate(date);
    MetaData meta = metaData(n);
    if (meta != null) b.metaData(meta);
    return b.build();
  }
}
