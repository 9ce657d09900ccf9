package dev.qbmc.quickbooks.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qbmc.quickbooks.Fixtures;
import dev.qbmc.quickbooks.internal.QboJacksonModule;
import dev.qbmc.quickbooks.internal.QboPayloads;
import dev.qbmc.quickbooks.internal.QueryPage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ModelFixturesTest {
  private final QboPayloads payloads = new QboPayloads(QboJacksonModule.newMapper());

  private <T> QueryPage<T> page(String fixture, String entity, Class<T> type) {
    return payloads.readQueryPage(Fixtures.bytes(fixture), entity, type);
  }

  private static BigDecimal money(String value) {
    return new BigDecimal(value);
  }

  @Test
  void customerQueryResponse_parsesAll41WithValues() {
    QueryPage<Customer> page =
        page("customer-query-response_qbo-api.json", "Customer", Customer.class);
    assertThat(page.items()).hasSize(41);
    assertThat(page.entityKeyPresent()).isTrue();
    assertThat(page.startPosition()).isEqualTo(1);
    assertThat(page.maxResults()).isEqualTo(41);
    Map<String, Customer> byId =
        page.items().stream().collect(Collectors.toMap(Customer::id, Function.identity()));

    Customer amy = byId.get("1");
    assertThat(amy.displayName()).contains("Amy's Bird Sanctuary");
    assertThat(amy.givenName()).contains("Amy");
    assertThat(amy.familyName()).contains("Lauterbach");
    assertThat(amy.companyName()).contains("Amy's Bird Sanctuary");
    assertThat(amy.primaryEmailAddr().flatMap(EmailAddress::address)).contains("Birds@Intuit.com");
    assertThat(amy.primaryPhone().flatMap(TelephoneNumber::freeFormNumber))
        .contains("(650) 555-3311");
    assertThat(amy.balance()).contains(money("639.00"));
    assertThat(amy.balance().orElseThrow().scale()).isEqualTo(2);
    assertThat(amy.currencyRef()).contains(ReferenceType.of("USD", "United States Dollar"));
    assertThat(amy.active()).isTrue();
    assertThat(amy.job()).isFalse();
    assertThat(amy.syncToken()).contains("0");
    PhysicalAddress bill = amy.billAddr().orElseThrow();
    assertThat(bill.id()).contains("2");
    assertThat(bill.line1()).contains("4581 Finch St.");
    assertThat(bill.city()).contains("Bayshore");
    assertThat(bill.countrySubDivisionCode()).contains("CA");
    assertThat(bill.postalCode()).contains("94326");
    assertThat(bill.latitude()).contains("INVALID");
    assertThat(bill.longitude()).contains("INVALID");
    assertThat(bill.country()).isEmpty();
    MetaData meta = amy.metaData().orElseThrow();
    assertThat(meta.createTime())
        .contains(OffsetDateTime.of(2015, 10, 1, 16, 48, 43, 0, ZoneOffset.ofHours(-7)));
    assertThat(meta.lastUpdatedTime())
        .contains(OffsetDateTime.of(2020, 9, 29, 6, 2, 35, 0, ZoneOffset.ofHours(-7)));

    Customer araborn = byId.get("67");
    assertThat(araborn.displayName()).contains("Araborn");
    assertThat(araborn.billAddr()).isEmpty();
    assertThat(araborn.primaryEmailAddr()).isEmpty();
    assertThat(araborn.balance()).contains(BigDecimal.ZERO);

    Customer jack = byId.get("64");
    assertThat(jack.job()).isTrue();
    assertThat(jack.parentRef().map(ReferenceType::value)).contains("62");
    assertThat(jack.level()).contains(1);
    assertThat(jack.fullyQualifiedName()).contains("Doe, Jack:Jack Doe");
    assertThat(jack.billWithParent()).isTrue();
    assertThat(amy.balanceWithJobs()).contains(money("639.00"));

    Customer twinLane = byId.get("9");
    assertThat(twinLane.parentRef().map(ReferenceType::value)).contains("7");
    assertThat(twinLane.balance()).contains(money("85.00"));
    assertThat(twinLane.billWithParent()).isFalse();
    assertThat(twinLane.mobile().flatMap(TelephoneNumber::freeFormNumber))
        .contains("(973) 555-8849");
    assertThat(twinLane.webAddr().flatMap(WebSiteAddress::uri))
        .contains("http://sportinggoods.intuit.com");

    assertThat(byId.get("21").middleName()).contains("Fruit");
    assertThat(byId.get("21").balance()).contains(money("78.60"));
    assertThat(byId.get("3").billAddr().flatMap(PhysicalAddress::latitude)).contains("37.4300318");
  }

  @Test
  void customerRead_parsesEnvelope() {
    Customer customer =
        payloads.readEntity(Fixtures.bytes("customer-read_qbo-api.json"), "Customer", Customer.class);
    assertThat(customer.id()).isEqualTo("5");
    assertThat(customer.syncToken()).contains("1");
    assertThat(customer.billAddr().flatMap(PhysicalAddress::city)).contains("Tucson");
    assertThat(customer.billAddr().flatMap(PhysicalAddress::longitude)).contains("-110.9744298");
    assertThat(customer.balance()).contains(BigDecimal.ZERO);
    assertThat(customer.active()).isTrue();
  }

  @Test
  void customerQueryPages_reportPresenceAndCounts() {
    QueryPage<Customer> first =
        page("customer-query-page1-maxresults2_qbo-api.json", "Customer", Customer.class);
    assertThat(first.items()).extracting(Customer::id).containsExactly("5", "6");
    assertThat(first.maxResults()).isEqualTo(2);

    QueryPage<Customer> empty =
        page("customer-query-empty-page_qbo-api.json", "Customer", Customer.class);
    assertThat(empty.entityKeyPresent()).isFalse();
    assertThat(empty.items()).isEmpty();
    assertThat(empty.startPosition()).isZero();

    QueryPage<Customer> count =
        page("customer-count-query-response_qbo-api.json", "Customer", Customer.class);
    assertThat(count.totalCount()).isEqualTo(41);
    assertThat(count.entityKeyPresent()).isFalse();

    QueryPage<Customer> escaped =
        page("customer-query-escaped-apostrophe_qbo-api.json", "Customer", Customer.class);
    assertThat(escaped.items()).singleElement().satisfies(c -> {
      assertThat(c.displayName()).contains("Amy's Bird Sanctuary");
      assertThat(c.balance()).contains(money("739.00"));
    });
  }

  @Test
  void invoiceCreateResponse_parsesHeaderLinesAndRefs() {
    Invoice invoice =
        payloads.readEntity(
            Fixtures.bytes("invoice-create-response_qbo-api.json"), "Invoice", Invoice.class);
    assertThat(invoice.id()).isEqualTo("266");
    assertThat(invoice.docNumber()).contains("1043");
    assertThat(invoice.txnDate()).contains(LocalDate.of(2020, 9, 29));
    assertThat(invoice.dueDate()).contains(LocalDate.of(2020, 10, 29));
    assertThat(invoice.totalAmt()).contains(money("100.00"));
    assertThat(invoice.balance()).contains(money("100.00"));
    assertThat(invoice.customerRef()).contains(ReferenceType.of("1", "Amy's Bird Sanctuary"));
    assertThat(invoice.currencyRef().map(ReferenceType::value)).contains("USD");
    assertThat(invoice.txnTaxDetail().flatMap(TxnTaxDetail::totalTax)).contains(BigDecimal.ZERO);
    assertThat(invoice.billAddr().flatMap(PhysicalAddress::postalCode)).contains("94326");
    assertThat(invoice.deleted()).isFalse();
    assertThat(invoice.lines()).hasSize(2);
    Line item = invoice.lines().get(0);
    assertThat(item.id()).contains("1");
    assertThat(item.lineNum()).contains(1);
    assertThat(item.amount()).contains(money("100.00"));
    assertThat(item.detailType()).isEqualTo(LineDetailType.SALES_ITEM_LINE_DETAIL);
    SalesItemLineDetail detail = item.salesItemLineDetail().orElseThrow();
    assertThat(detail.itemRef()).contains(ReferenceType.of("1", "Services"));
    assertThat(detail.taxCodeRef()).contains(ReferenceType.of("NON"));
    assertThat(detail.qty()).isEmpty();
    assertThat(detail.unitPrice()).isEmpty();
    Line subtotal = invoice.lines().get(1);
    assertThat(subtotal.id()).isEmpty();
    assertThat(subtotal.detailType()).isEqualTo(LineDetailType.SUB_TOTAL_LINE_DETAIL);
    assertThat(subtotal.subTotalLineDetail()).isPresent();
    assertThat(subtotal.amount()).contains(money("100.00"));
  }

  @Test
  void invoiceVoid_keepsIdWithZeroAmountsAndVoidedNote() {
    Invoice before =
        payloads.readEntity(
            Fixtures.bytes("invoice-read-before-void_qbo-api.json"), "Invoice", Invoice.class);
    Invoice after =
        payloads.readEntity(
            Fixtures.bytes("invoice-void-response_qbo-api.json"), "Invoice", Invoice.class);
    assertThat(before.id()).isEqualTo("264").isEqualTo(after.id());
    assertThat(before.docNumber()).contains("1041");
    assertThat(before.totalAmt()).contains(money("100.00"));
    assertThat(before.privateNote()).isEmpty();
    assertThat(after.syncToken()).contains("1");
    assertThat(after.totalAmt()).contains(BigDecimal.ZERO);
    assertThat(after.balance()).contains(BigDecimal.ZERO);
    assertThat(after.privateNote()).contains("Voided");
    assertThat(after.lines()).allSatisfy(l -> assertThat(l.amount()).contains(BigDecimal.ZERO));
  }

  @Test
  void invoiceDelete_isMarkedDeleted() {
    Invoice deleted =
        payloads.readEntity(
            Fixtures.bytes("invoice-delete-response_qbo-api.json"), "Invoice", Invoice.class);
    assertThat(deleted.id()).isEqualTo("266");
    assertThat(deleted.status()).contains("Deleted");
    assertThat(deleted.deleted()).isTrue();
    assertThat(deleted.lines()).isEmpty();
  }

  @Test
  void salesReceiptQuery_parsesReceiptsWithAndWithoutCustomerAndDiscount() {
    QueryPage<SalesReceipt> page =
        page("salesreceipt-query-response_qbo-api.json", "SalesReceipt", SalesReceipt.class);
    assertThat(page.items()).extracting(SalesReceipt::id).containsExactly("17", "11", "47", "38");
    SalesReceipt noCustomer = page.items().get(0);
    assertThat(noCustomer.customerRef()).isEmpty();
    assertThat(noCustomer.totalAmt()).contains(money("337.50"));
    assertThat(noCustomer.depositToAccountRef())
        .contains(ReferenceType.of("4", "Undeposited Funds"));
    SalesItemLineDetail design = noCustomer.lines().get(0).salesItemLineDetail().orElseThrow();
    assertThat(design.qty()).contains(money("4.5"));
    assertThat(design.unitPrice()).contains(money("75"));
    assertThat(noCustomer.lines().get(0).description()).contains("Custom Design");

    SalesReceipt withNote = page.items().get(1);
    assertThat(withNote.customerRef().map(ReferenceType::value)).contains("6");
    assertThat(withNote.privateNote()).contains("A private note.");
    assertThat(withNote.txnDate()).contains(LocalDate.of(2015, 10, 4));

    SalesReceipt discounted = page.items().get(3);
    assertThat(discounted.customerRef().map(ReferenceType::value)).contains("15");
    assertThat(discounted.totalAmt()).contains(money("78.75"));
    Line discount =
        discounted.lines().stream()
            .filter(l -> l.detailType() == LineDetailType.DISCOUNT_LINE_DETAIL)
            .findFirst()
            .orElseThrow();
    assertThat(discount.amount()).contains(money("8.75"));
    DiscountLineDetail d = discount.discountLineDetail().orElseThrow();
    assertThat(d.percentBased()).contains(true);
    assertThat(d.discountPercent()).contains(money("10"));
    assertThat(d.discountAccountRef()).contains(ReferenceType.of("86", "Discounts given"));
  }

  @Test
  void salesReceiptCreateAndVoid_parse() {
    SalesReceipt created =
        payloads.readEntity(
            Fixtures.bytes("salesreceipt-create-response_exquickbooks.json"),
            "SalesReceipt",
            SalesReceipt.class);
    assertThat(created.id()).isEqualTo("6");
    assertThat(created.docNumber()).contains("1005");
    assertThat(created.customerRef()).isEmpty();
    assertThat(created.lines().get(0).salesItemLineDetail().flatMap(SalesItemLineDetail::itemRef))
        .contains(ReferenceType.of("3", "Oribe:Shampoo:Test Product"));
    assertThat(created.lines().get(0).salesItemLineDetail().flatMap(SalesItemLineDetail::qty))
        .contains(BigDecimal.ONE);
    SalesReceipt voided =
        payloads.readEntity(
            Fixtures.bytes("salesreceipt-void-response_exquickbooks.json"),
            "SalesReceipt",
            SalesReceipt.class);
    assertThat(voided.privateNote()).contains("Voided");
    assertThat(voided.syncToken()).contains("1");
    assertThat(voided.lines().get(0).salesItemLineDetail().flatMap(SalesItemLineDetail::qty))
        .contains(BigDecimal.ZERO);
  }

  @Test
  void itemQueryAndRead_parseTypesAndPrices() {
    QueryPage<Item> page = page("item-query-response_exquickbooks.json", "Item", Item.class);
    assertThat(page.items()).hasSize(19);
    assertThat(page.maxResults()).isEqualTo(19);
    Map<String, Item> byId =
        page.items().stream().collect(Collectors.toMap(Item::id, Function.identity()));
    assertThat(byId.get("4").name()).contains("Design");
    assertThat(byId.get("4").type()).isEqualTo(ItemType.SERVICE);
    assertThat(byId.get("4").unitPrice()).contains(money("75"));
    assertThat(byId.get("5").type()).isEqualTo(ItemType.INVENTORY);
    assertThat(byId.get("5").unitPrice()).contains(money("275"));
    assertThat(byId.get("9").name()).contains("Maintenance & Repair");
    assertThat(byId.get("1").description()).isEmpty();
    assertThat(page.items()).allSatisfy(i -> assertThat(i.active()).isTrue());

    Item pump = payloads.readEntity(Fixtures.bytes("item-read_exquickbooks.json"), "Item", Item.class);
    assertThat(pump.id()).isEqualTo("11");
    assertThat(pump.name()).contains("Pump");
    assertThat(pump.fullyQualifiedName()).contains("Pump");
    assertThat(pump.description()).contains("Fountain Pump");
    assertThat(pump.unitPrice()).contains(money("15"));
    assertThat(pump.type()).isEqualTo(ItemType.INVENTORY);
    assertThat(pump.syncToken()).contains("3");
    assertThat(pump.sku()).isEmpty();
    assertThat(pump.metaData().flatMap(MetaData::lastUpdatedTime))
        .contains(OffsetDateTime.of(2017, 1, 31, 13, 16, 17, 0, ZoneOffset.ofHours(-8)));
  }

  @Test
  void unknownEnumValuesAndProperties_doNotBreakParsing() {
    Line line =
        QboJson.read(
            "{\"DetailType\":\"ShinyNewLineDetail\",\"Amount\":1.5,\"Whatever\":{\"a\":[1]}}",
            Line.class);
    assertThat(line.detailType()).isEqualTo(LineDetailType.UNKNOWN);
    assertThat(line.amount()).contains(money("1.5"));
    Item item = QboJson.read("{\"Id\":\"1\",\"Type\":\"Bundle2030\",\"Active\":false}", Item.class);
    assertThat(item.type()).isEqualTo(ItemType.UNKNOWN);
    assertThat(item.active()).isFalse();
    Customer customer = QboJson.read("{\"Id\":\"9\",\"DisplayName\":null}", Customer.class);
    assertThat(customer.displayName()).isEmpty();
    assertThat(customer.active()).isTrue();
  }

  @Test
  void groupLine_parsesNestedLines() {
    String json =
        "{\"Id\":\"3\",\"Amount\":0,\"DetailType\":\"GroupLineDetail\",\"GroupLineDetail\":"
            + "{\"GroupItemRef\":{\"value\":\"19\",\"name\":\"Bundle\"},\"Quantity\":2,\"Line\":["
            + "{\"Id\":\"4\",\"Amount\":10.61,\"DetailType\":\"SalesItemLineDetail\","
            + "\"SalesItemLineDetail\":{\"ItemRef\":{\"value\":\"5\"},\"Qty\":20,"
            + "\"UnitPrice\":0.5306667}}]}}";
    Line group = QboJson.read(json, Line.class);
    assertThat(group.detailType()).isEqualTo(LineDetailType.GROUP_LINE_DETAIL);
    GroupLineDetail detail = group.groupLineDetail().orElseThrow();
    assertThat(detail.groupItemRef()).contains(ReferenceType.of("19", "Bundle"));
    assertThat(detail.quantity()).contains(money("2"));
    assertThat(detail.lines()).singleElement().satisfies(nested -> {
      assertThat(nested.amount()).contains(money("10.61"));
      assertThat(nested.salesItemLineDetail().flatMap(SalesItemLineDetail::unitPrice))
          .contains(money("0.5306667"));
    });
  }

  @Test
  void builders_roundTripThroughJson() {
    Customer customer =
        Customer.builder()
            .id("42")
            .displayName("O'Brien & Sons")
            .primaryEmailAddr(EmailAddress.of("a@example.com"))
            .billAddr(PhysicalAddress.builder().line1("1 Main St").city("Springfield").build())
            .balance(money("12.30"))
            .active(false)
            .metaData(
                MetaData.builder()
                    .lastUpdatedTime(OffsetDateTime.parse("2024-01-02T03:04:05-07:00"))
                    .build())
            .build();
    String json = QboJson.write(customer);
    assertThat(json)
        .contains("\"DisplayName\":\"O'Brien & Sons\"")
        .contains("\"Balance\":12.30")
        .contains("\"LastUpdatedTime\":\"2024-01-02T03:04:05-07:00\"")
        .doesNotContain("GivenName");
    assertThat(QboJson.read(json, Customer.class)).isEqualTo(customer);

    Invoice invoice =
        Invoice.builder()
            .id("1")
            .txnDate(LocalDate.of(2024, 5, 6))
            .addLines(
                Line.builder()
                    .detailType(LineDetailType.SALES_ITEM_LINE_DETAIL)
                    .amount(money("5.00"))
                    .build())
            .build();
    assertThat(QboJson.read(QboJson.write(invoice), Invoice.class)).isEqualTo(invoice);
    assertThat(QboJson.write(invoice)).contains("\"TxnDate\":\"2024-05-06\"");
  }

  @Test
  void preferences_exposeHomeCurrencyAndMultiCurrency() {
    Preferences prefs =
        QboJson.read(
            "{\"CurrencyPrefs\":{\"MultiCurrencyEnabled\":true,\"HomeCurrency\":{\"value\":\"CAD\"}},"
                + "\"Id\":\"1\"}",
            Preferences.class);
    assertThat(prefs.homeCurrencyCode()).contains("CAD");
    assertThat(prefs.multiCurrencyEnabled()).isTrue();
    assertThat(Preferences.builder().build().multiCurrencyEnabled()).isFalse();
  }

  @Test
  void malformedJson_givesTypedException() {
    assertThatThrownBy(() -> payloads.readQueryPage("{\"QueryResponse\":{".getBytes(), "Customer", Customer.class))
        .isInstanceOf(QboPayloads.PayloadException.class)
        .hasMessageContaining("Customer");
    assertThatThrownBy(() -> payloads.readEntity("<html>oops</html>".getBytes(), "Customer", Customer.class))
        .isInstanceOf(QboPayloads.PayloadException.class);
    assertThatThrownBy(() -> payloads.readEntity("{\"Item\":{}}".getBytes(), "Customer", Customer.class))
        .isInstanceOf(QboPayloads.PayloadException.class)
        .hasMessageContaining("no \"Customer\"");
    assertThatThrownBy(() -> QboJson.read("{\"DisplayName\":\"x\"}", Customer.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Customer");
  }

  @Test
  void cdcResponse_parsesChangedAndDeleted() {
    QboPayloads.CdcPayload cdc =
        payloads.readCdc(
            Fixtures.bytes("cdc-response-estimate_qbo-api.json"),
            Map.of("Estimate", Invoice.class));
    assertThat(cdc.changed().get("Estimate")).isNotEmpty();
    Invoice first = (Invoice) cdc.changed().get("Estimate").get(0);
    assertThat(first.id()).isEqualTo("48");
    assertThat(first.docNumber()).contains("1001");
    assertThat(first.lines().get(0).amount()).contains(money("300.00"));
    assertThat(cdc.deleted().get("Estimate")).isEmpty();
    assertThat(cdc.serverTime()).isNotNull();

    String deletedJson =
        "{\"CDCResponse\":[{\"QueryResponse\":[{\"Invoice\":[{\"domain\":\"QBO\",\"status\":\"Deleted\","
            + "\"Id\":\"65\",\"MetaData\":{\"LastUpdatedTime\":\"2013-03-14T10:23:06-07:00\"}}]},{}]}],"
            + "\"time\":\"2013-03-15T10:00:00.000-07:00\"}";
    QboPayloads.CdcPayload withDeleted =
        payloads.readCdc(deletedJson.getBytes(), Map.of("Invoice", Invoice.class, "Customer", Customer.class));
    assertThat(withDeleted.deleted().get("Invoice"))
        .containsExactly(
            new QboPayloads.Deletion("Invoice", "65", OffsetDateTime.parse("2013-03-14T10:23:06-07:00")));
    assertThat(withDeleted.changed().get("Invoice")).isEmpty();
    assertThat(withDeleted.changed().get("Customer")).isEmpty();
    assertThat(List.of(withDeleted.serverTime()))
        .containsExactly(OffsetDateTime.parse("2013-03-15T10:00:00-07:00"));
  }
}
