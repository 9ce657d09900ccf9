package dev.qbmc.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qbmc.core.model.MarketingStatus;
import dev.qbmc.core.model.SkipReason;
import dev.qbmc.quickbooks.model.Customer;
import dev.qbmc.quickbooks.model.DiscountLineDetail;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Maps every real QBO payload of customers, items, invoices and sales receipts in the fixtures and
 * checks the exact values. JSON fixtures are parsed with the QuickBooks client's models; the XML
 * fixtures (quickbooks-ruby) are transcribed into the same models value by value, since the client
 * reads JSON only.
 */
class QboMapperFixturesTest {

  static final SyncSettings SETTINGS =
      SyncSettings.builder()
          .marketingStatus(MarketingStatus.SUBSCRIBED)
          .storeId("qbmc-store")
          .homeCurrency("USD")
          .build();
  private final QboMapper mapper = QboMapper.of(SETTINGS);

  private static final String AMY_HASH = "71ffeb0523d67e37aa5745749e1887b1";
  private static final String DIEGO_HASH = "5f47204f73ee61396a99e70ea2903d84";
  private static final String PYE_HASH = "1f42d11e33d76817a6d4057eee50b78e";

  private final CustomerDirectory directory = directoryOfAllFixtureCustomers();

  private CustomerDirectory directoryOfAllFixtureCustomers() {
    Map<String, CustomerResolution> byId = new HashMap<>();
    for (Customer c : QboFixtures.query("customer-query-response_qbo-api.json", "Customer", Customer.class)) {
      byId.put(c.id(), CustomerResolution.of(mapper.customer(c)));
    }
    byId.put("3", CustomerResolution.synced("acme-hash"));
    return CustomerDirectory.of(byId);
  }

  @Test
  void customerRead_mapsEveryField() {
    Customer customer = QboFixtures.single("customer-read_qbo-api.json", "Customer", Customer.class);

    MappingOutcome<MappedCustomer> outcome = mapper.customer(customer);

    assertThat(outcome.isMapped()).isTrue();
    ContactRecord contact = outcome.record().get().contact();
    assertThat(contact.qboCustomerId()).isEqualTo("5");
    assertThat(contact.email().address()).isEqualTo("Dukes_bball@intuit.com");
    assertThat(contact.email().normalized()).isEqualTo("dukes_bball@intuit.com");
    assertThat(contact.subscriberHash()).isEqualTo("11e52525471b7cf91a277edaae537161");
    assertThat(contact.firstName()).contains("Peter");
    assertThat(contact.lastName()).contains("Dukes");
    assertThat(contact.address())
        .contains(
            PostalAddress.builder()
                .addr1("25 Court St.")
                .city("Tucson")
                .state("AZ")
                .zip("85719")
                .build());
    assertThat(contact.phone()).contains("(520) 420-5638");
    assertThat(contact.tag()).isEqualTo("QuickBooks Online");
    assertThat(contact.statusIfNew()).isEqualTo(MarketingStatus.SUBSCRIBED);
    assertThat(contact.notes()).isEmpty();
    assertThat(contact.lastUpdated()).contains(OffsetDateTime.parse("2016-08-27T01:37:57-07:00"));

    CommerceCustomerRecord commerce = outcome.record().get().commerceCustomer();
    assertThat(commerce.id()).isEqualTo("11e52525471b7cf91a277edaae537161");
    assertThat(commerce.optIn()).isTrue();
    assertThat(commerce.firstName()).contains("Peter");
    assertThat(commerce.lastName()).contains("Dukes");
    assertThat(commerce.company()).contains("Dukes Basketball Camp");
  }

  @Test
  void customerQuery_mapsCustomersWithEmailAndSkipsTheRestWithNoEmail() {
    List<Customer> customers =
        QboFixtures.query("customer-query-response_qbo-api.json", "Customer", Customer.class);

    Map<String, MappingOutcome<MappedCustomer>> byId =
        customers.stream().map(mapper::customer).collect(Collectors.toMap(MappingOutcome::qboId, o -> o));

    assertThat(customers).hasSize(41);
    assertThat(byId.values().stream().filter(MappingOutcome::isMapped)).hasSize(28);
    assertThat(
            byId.values().stream()
                .filter(o -> !o.isMapped())
                .map(MappingOutcome::qboId)
                .sorted()
                .toList())
        .containsExactly("58", "59", "6", "60", "62", "63", "64", "65", "66", "67", "68", "69", "70");
    assertThat(byId.values().stream().filter(o -> !o.isMapped()).map(o -> o.skipReason().get()))
        .containsOnly(SkipReason.NO_EMAIL);

    ContactRecord kate = byId.get("14").record().get().contact();
    assertThat(kate.address().get().country()).contains("US");
    assertThat(kate.subscriberHash()).isEqualTo("1ede47bfe8f98cdfbf4b26bd8b6fde46");

    ContactRecord amelia = byId.get("9").record().get().contact();
    assertThat(amelia.firstName()).contains("Amelia");
    assertThat(amelia.lastName()).isEmpty();

    // 7, 8 and 9 are a customer and its two sub-customers sharing one address
    assertThat(
            List.of("7", "8", "9").stream()
                .map(id -> byId.get(id).record().get().contact().subscriberHash())
                .distinct())
        .containsExactly("fb0df091e99e6bfe764b10cd88b655cc");
    assertThat(byId.get("16").record().get().commerceCustomer().id())
        .isEqualTo(byId.get("20").record().get().commerceCustomer().id())
        .isEqualTo("c78ec9145d4c9acc413a187179c56cc0");
  }

  @Test
  void otherCustomerFixtures_mapTheSameCustomersAlike() {
    Customer amy =
        QboFixtures.query("customer-query-escaped-apostrophe_qbo-api.json", "Customer", Customer.class).get(0);
    List<Customer> page =
        QboFixtures.query("customer-query-page1-maxresults2_qbo-api.json", "Customer", Customer.class);

    ContactRecord contact = mapper.customer(amy).record().get().contact();
    assertThat(contact.email().address()).isEqualTo("Birds@Intuit.com");
    assertThat(contact.subscriberHash()).isEqualTo(AMY_HASH);
    assertThat(contact.firstName()).contains("Amy");
    assertThat(contact.lastName()).contains("Lauterbach");
    assertThat(contact.address().get().addr1()).isEqualTo("4581 Finch St.");
    assertThat(mapper.customer(page.get(0)).record().get().contact().fingerprint())
        .isEqualTo(
            mapper.customer(QboFixtures.single("customer-read_qbo-api.json", "Customer", Customer.class))
                .record().get().contact().fingerprint());
    assertThat(mapper.customer(page.get(1)).skipReason()).contains(SkipReason.NO_EMAIL);
  }

  @Test
  void deletedInactiveCustomer_xmlFixture_isStillMapped() {
    // customer-deleted-inactive_quickbooks-ruby.xml, transcribed
    Customer customer =
        Customer.builder()
            .id("1")
            .metaData(
                MetaData.builder()
                    .createTime(OffsetDateTime.parse("2013-11-15T11:50:19-08:00"))
                    .lastUpdatedTime(OffsetDateTime.parse("2013-11-16T11:33:57-08:00"))
                    .build())
            .givenName("John")
            .familyName("Doe")
            .fullyQualifiedName("Thrifty Meats (deleted)")
            .companyName("Neo Pets")
            .displayName("Thrifty Meats (deleted)")
            .active(false)
            .primaryPhone(TelephoneNumber.of("(415) 555-1212"))
            .mobile(TelephoneNumber.of("(831) 330-1234"))
            .primaryEmailAddr(EmailAddress.of("info@thriftymeats.com"))
            .billAddr(address("123 Swift St.", "Santa Cruz", "USA", "CA", "95060"))
            .shipAddr(address("123 Swift St.", "Santa Cruz", "USA", "CA", "95060"))
            .build();

    ContactRecord contact = mapper.customer(customer).record().get().contact();

    assertThat(contact.subscriberHash()).isEqualTo("62ec07b5896eb1e52f0fca53fadf8b6f");
    assertThat(contact.firstName()).contains("John");
    assertThat(contact.lastName()).contains("Doe");
    assertThat(contact.phone()).contains("(415) 555-1212");
    assertThat(contact.address())
        .contains(
            PostalAddress.builder()
                .addr1("123 Swift St.")
                .city("Santa Cruz")
                .state("CA")
                .zip("95060")
                .country("US")
                .build());
  }

  @Test
  void items_areProductsWithOneVariant() {
    List<Item> items = QboFixtures.query("item-query-response_exquickbooks.json", "Item", Item.class);

    List<MappingOutcome<ProductRecord>> outcomes = items.stream().map(mapper::item).toList();

    assertThat(outcomes).hasSize(19).allMatch(MappingOutcome::isMapped);
    ProductRecord design =
        outcomes.stream().filter(o -> o.qboId().equals("4")).findFirst().get().record().get();
    assertThat(design.id()).isEqualTo("4");
    assertThat(design.variantId()).isEqualTo("4");
    assertThat(design.title()).isEqualTo("Design");
    assertThat(design.price()).contains(new BigDecimal("75"));
    assertThat(design.sku()).isEmpty();
    assertThat(design.description()).contains("Custom Design");
    assertThat(design.standIn()).isFalse();

    ProductRecord pump = mapper.item(QboFixtures.single("item-read_exquickbooks.json", "Item", Item.class)).record().get();
    assertThat(pump.id()).isEqualTo("11");
    assertThat(pump.title()).isEqualTo("Pump");
    assertThat(pump.price().get()).isEqualByComparingTo("15");
  }

  @Test
  void itemWithSku_xmlFixture_carriesTheSku() {
    // item-with-sku_quickbooks-ruby.xml, transcribed
    Item item =
        Item.builder()
            .id("2")
            .name("Plush Baby Doll")
            .sku("PBD01")
            .description("A fine baby doll - in many colors")
            .unitPrice(new BigDecimal("50"))
            .type(ItemType.SERVICE)
            .build();

    ProductRecord product = mapper.item(item).record().get();

    assertThat(product.sku()).contains("PBD01");
    assertThat(product.title()).isEqualTo("Plush Baby Doll");
    assertThat(product.price()).contains(new BigDecimal("50"));
  }

  @Test
  void categoryItem_isNotAProduct() {
    Item category = Item.builder().id("30").name("Fountains").type(ItemType.CATEGORY).build();

    assertThat(mapper.item(category).skipReason()).contains(SkipReason.NOT_A_PRODUCT);
  }

  @Test
  void invoiceCreated_becomesPendingOrderWithOneLine() {
    Invoice invoice = QboFixtures.single("invoice-create-response_qbo-api.json", "Invoice", Invoice.class);

    OrderRecord order = mapper.invoice(invoice, directory).record().get();

    assertThat(order.id()).isEqualTo("invoice-266");
    assertThat(order.customerId()).isEqualTo(AMY_HASH);
    assertThat(order.currencyCode()).isEqualTo("USD");
    assertThat(order.orderTotal()).isEqualByComparingTo("100.00");
    assertThat(order.taxTotal().get()).isEqualByComparingTo("0");
    assertThat(order.discountTotal()).isEmpty();
    assertThat(order.processedAt()).contains(OffsetDateTime.parse("2020-09-29T05:58:07-07:00"));
    assertThat(order.financialStatus()).isEqualTo(FinancialStatus.PENDING);
    assertThat(order.lines())
        .containsExactly(
            OrderLine.builder()
                .id("1")
                .productId("1")
                .itemName("Services")
                .quantity(BigDecimal.ONE)
                .price(new BigDecimal("100.00"))
                .build());
  }

  @Test
  void invoiceVoided_becomesCancelled_andDiffersFromTheOrderBeforeTheVoid() {
    Invoice before = QboFixtures.single("invoice-read-before-void_qbo-api.json", "Invoice", Invoice.class);
    Invoice voided = QboFixtures.single("invoice-void-response_qbo-api.json", "Invoice", Invoice.class);

    OrderRecord open = mapper.invoice(before, directory).record().get();
    OrderRecord cancelled = mapper.invoice(voided, directory).record().get();

    assertThat(open.id()).isEqualTo("invoice-264");
    assertThat(open.financialStatus()).isEqualTo(FinancialStatus.PENDING);
    assertThat(open.processedAt()).contains(OffsetDateTime.parse("2020-09-29T04:46:06-07:00"));
    assertThat(cancelled.id()).isEqualTo("invoice-264");
    assertThat(cancelled.voided()).isTrue();
    assertThat(cancelled.financialStatus()).isEqualTo(FinancialStatus.CANCELLED);
    assertThat(cancelled.orderTotal()).isEqualByComparingTo("0");
    assertThat(cancelled.lines().get(0).price()).isEqualByComparingTo("0");
    assertThat(cancelled.fingerprint()).isNotEqualTo(open.fingerprint());
  }

  @Test
  void salesReceiptsWithoutCustomer_areSkippedWithNoCustomer() {
    SalesReceipt created =
        QboFixtures.single("salesreceipt-create-response_exquickbooks.json", "SalesReceipt", SalesReceipt.class);
    SalesReceipt voided =
        QboFixtures.single("salesreceipt-void-response_exquickbooks.json", "SalesReceipt", SalesReceipt.class);

    assertThat(mapper.salesReceipt(created, directory).skipReason()).contains(SkipReason.NO_CUSTOMER);
    assertThat(mapper.salesReceipt(voided, directory).skipReason()).contains(SkipReason.NO_CUSTOMER);
  }

  @Test
  void salesReceiptQuery_mapsEachReceiptExactly() {
    Map<String, MappingOutcome<OrderRecord>> byId =
        QboFixtures.query("salesreceipt-query-response_qbo-api.json", "SalesReceipt", SalesReceipt.class)
            .stream()
            .map(r -> mapper.salesReceipt(r, directory))
            .collect(Collectors.toMap(MappingOutcome::qboId, o -> o));

    assertThat(byId.get("17").skipReason()).contains(SkipReason.NO_CUSTOMER);
    assertThat(byId.get("11").skipReason()).contains(SkipReason.CUSTOMER_NOT_SYNCED);
    assertThat(byId.get("11").detail()).isEqualTo("customer 6 is skipped: NO_EMAIL");

    OrderRecord diego = byId.get("47").record().get();
    assertThat(diego.id()).isEqualTo("salesreceipt-47");
    assertThat(diego.customerId()).isEqualTo(DIEGO_HASH);
    assertThat(diego.financialStatus()).isEqualTo(FinancialStatus.PAID);
    assertThat(diego.orderTotal()).isEqualByComparingTo("140.0");
    assertThat(diego.processedAt()).contains(OffsetDateTime.parse("2015-10-05T00:00:00-07:00"));
    assertThat(diego.lines()).hasSize(1);
    assertThat(diego.lines().get(0).productId()).isEqualTo("6");
    assertThat(diego.lines().get(0).quantity()).isEqualByComparingTo("4");
    assertThat(diego.lines().get(0).price()).isEqualByComparingTo("35");

    OrderRecord pye = byId.get("38").record().get();
    assertThat(pye.customerId()).isEqualTo(PYE_HASH);
    assertThat(pye.orderTotal()).isEqualByComparingTo("78.75");
    assertThat(pye.discountTotal().get()).isEqualByComparingTo("8.75");
    assertThat(pye.processedAt()).contains(OffsetDateTime.parse("2015-10-07T11:15:46-07:00"));
    // Qty 2.5 is not a whole number: one unit at the line amount
    assertThat(pye.lines().get(0).quantity()).isEqualByComparingTo("1");
    assertThat(pye.lines().get(0).price()).isEqualByComparingTo("87.5");
  }

  @Test
  void invoiceWithGroupDiscountTaxCad_xmlFixture_expandsTheGroupExactly() {
    // invoice-group-discount-tax-cad_quickbooks-ruby.xml, transcribed
    Invoice invoice =
        Invoice.builder()
            .id("186")
            .metaData(
                MetaData.builder()
                    .createTime(OffsetDateTime.parse("2016-10-15T10:30:00-07:00"))
                    .lastUpdatedTime(OffsetDateTime.parse("2016-10-15T11:26:47-07:00"))
                    .build())
            .txnDate(LocalDate.parse("2016-10-15"))
            .currencyRef(ReferenceType.of("CAD", "Canadian Dollar"))
            .addLines(
                Line.builder()
                    .id("1")
                    .amount(new BigDecimal("0"))
                    .detailType(LineDetailType.GROUP_LINE_DETAIL)
                    .groupLineDetail(
                        GroupLineDetail.builder()
                            .groupItemRef(ReferenceType.of("24", "Assorted sweets"))
                            .quantity(new BigDecimal("3"))
                            .addLines(
                                salesLine("2", "7.96", "25", "Chocolate Covered Strawberries", "15", "0.5306667"),
                                salesLine("3", "2.65", "26", "Snow Cookie", "24", "0.1104167"))
                            .build())
                    .build(),
                subTotal("10.61"),
                discount("2.12"))
            .txnTaxDetail(TxnTaxDetail.builder().totalTax(new BigDecimal("1.11")).build())
            .customerRef(ReferenceType.of("4", "Cathy's Consulting Company"))
            .totalAmt(new BigDecimal("9.60"))
            .balance(new BigDecimal("9.60"))
            .build();

    OrderRecord order = mapper.invoice(invoice, directory).record().get();

    assertThat(order.id()).isEqualTo("invoice-186");
    assertThat(order.currencyCode()).isEqualTo("CAD");
    assertThat(order.orderTotal()).isEqualTo(new BigDecimal("9.60"));
    assertThat(order.taxTotal()).contains(new BigDecimal("1.11"));
    assertThat(order.discountTotal()).contains(new BigDecimal("2.12"));
    assertThat(order.financialStatus()).isEqualTo(FinancialStatus.PENDING);
    assertThat(order.processedAt()).contains(OffsetDateTime.parse("2016-10-15T10:30:00-07:00"));
    assertThat(order.lines())
        .containsExactly(
            OrderLine.builder().id("1-2").productId("25").itemName("Chocolate Covered Strawberries")
                .quantity(new BigDecimal("15")).price(new BigDecimal("0.5306667")).build(),
            OrderLine.builder().id("1-3").productId("26").itemName("Snow Cookie")
                .quantity(new BigDecimal("24")).price(new BigDecimal("0.1104167")).build());
  }

  @Test
  void invoiceWithDiscountLine_xmlFixture_usesHomeCurrencyAndNoTax() {
    // invoice-discount-line_quickbooks-ruby.xml, transcribed (customer 3 "Acme Enterprises")
    Invoice invoice =
        Invoice.builder()
            .id("4")
            .metaData(MetaData.builder().createTime(OffsetDateTime.parse("2014-03-13T09:52:50-07:00")).build())
            .txnDate(LocalDate.parse("2014-03-12"))
            .addLines(salesLine("1", "50.00", "2", "Stuffed Bear", "1", "50"), subTotal("50.00"), discount("5.00"))
            .customerRef(ReferenceType.of("3", "Acme Enterprises"))
            .totalAmt(new BigDecimal("45.00"))
            .balance(new BigDecimal("45.00"))
            .build();

    OrderRecord order = mapper.invoice(invoice, directory).record().get();

    assertThat(order.customerId()).isEqualTo("acme-hash");
    assertThat(order.currencyCode()).isEqualTo("USD");
    assertThat(order.taxTotal()).isEmpty();
    assertThat(order.discountTotal()).contains(new BigDecimal("5.00"));
    assertThat(order.processedAt()).contains(OffsetDateTime.parse("2014-03-12T00:00:00-07:00"));
    assertThat(order.lines()).hasSize(1);
    assertThat(order.lines().get(0).quantity()).isEqualTo(new BigDecimal("1"));
    assertThat(order.lines().get(0).price()).isEqualTo(new BigDecimal("50"));
  }

  static Line salesLine(String id, String amount, String itemId, String itemName, String qty, String unitPrice) {
    return Line.builder()
        .id(id)
        .amount(new BigDecimal(amount))
        .detailType(LineDetailType.SALES_ITEM_LINE_DETAIL)
        .salesItemLineDetail(
            SalesItemLineDetail.builder()
                .itemRef(ReferenceType.of(itemId, itemName))
                .qty(Optional.ofNullable(qty).map(BigDecimal::new))
                .unitPrice(Optional.ofNullable(unitPrice).map(BigDecimal::new))
                .build())
        .build();
  }

  static Line subTotal(String amount) {
    return Line.builder()
        .amount(new BigDecimal(amount))
        .detailType(LineDetailType.SUB_TOTAL_LINE_DETAIL)
        .subTotalLineDetail(SubTotalLineDetail.builder().build())
        .build();
  }

  static Line discount(String amount) {
    return Line.builder()
        .amount(new BigDecimal(amount))
        .detailType(LineDetailType.DISCOUNT_LINE_DETAIL)
        .discountLineDetail(DiscountLineDetail.builder().percentBased(true).build())
        .build();
  }

  static PhysicalAddress address(String line1, String city, String country, String state, String zip) {
    return PhysicalAddress.builder()
        .line1(line1)
        .city(city)
        .country(country)
        .countrySubDivisionCode(state)
        .postalCode(zip)
        .build();
  }
}
