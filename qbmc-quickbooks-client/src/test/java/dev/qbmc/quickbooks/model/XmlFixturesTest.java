package dev.qbmc.quickbooks.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qbmc.quickbooks.Fixtures;
import dev.qbmc.quickbooks.internal.QboJacksonModule;
import dev.qbmc.quickbooks.internal.QboPayloads;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The XML fixtures (converted to QBO's JSON shape) parse into the same models. */
class XmlFixturesTest {
  private final ObjectMapper mapper = QboJacksonModule.newMapper();
  private final QboPayloads payloads = new QboPayloads(mapper);

  private byte[] json(String fixture) throws Exception {
    return mapper.writeValueAsBytes(QboXmlToJson.convert(Fixtures.bytes(fixture)));
  }

  private static BigDecimal money(String v) {
    return new BigDecimal(v);
  }

  @Test
  void invoiceWithGroupDiscountTaxAndCad_parses() throws Exception {
    Invoice invoice = payloads.readEntity(json("invoice-group-discount-tax-cad_quickbooks-ruby.xml"), "Invoice", Invoice.class);
    assertThat(invoice.id()).isEqualTo("186");
    assertThat(invoice.docNumber()).contains("1020");
    assertThat(invoice.currencyRef()).contains(ReferenceType.of("CAD", "Canadian Dollar"));
    assertThat(invoice.exchangeRate()).contains(BigDecimal.ONE);
    assertThat(invoice.totalAmt()).contains(money("9.60"));
    assertThat(invoice.homeTotalAmt()).contains(money("9.60"));
    assertThat(invoice.balance()).contains(money("9.60"));
    assertThat(invoice.dueDate()).contains(LocalDate.of(2016, 11, 14));
    assertThat(invoice.txnTaxDetail().flatMap(TxnTaxDetail::totalTax)).contains(money("1.11"));
    assertThat(invoice.customerRef()).contains(ReferenceType.of("4", "Cathy's Consulting Company"));
    assertThat(invoice.billAddr().flatMap(PhysicalAddress::postalCode)).contains("M3E 3E4");
    assertThat(invoice.lines()).extracting(Line::detailType).containsExactly(
        LineDetailType.GROUP_LINE_DETAIL, LineDetailType.SUB_TOTAL_LINE_DETAIL, LineDetailType.DISCOUNT_LINE_DETAIL);
    Line group = invoice.lines().get(0);
    assertThat(group.amount()).contains(BigDecimal.ZERO);
    GroupLineDetail detail = group.groupLineDetail().orElseThrow();
    assertThat(detail.groupItemRef()).contains(ReferenceType.of("24", "Assorted sweets"));
    assertThat(detail.quantity()).contains(money("3"));
    assertThat(detail.lines()).hasSize(2);
    SalesItemLineDetail strawberries = detail.lines().get(0).salesItemLineDetail().orElseThrow();
    assertThat(strawberries.itemRef()).contains(ReferenceType.of("25", "Chocolate Covered Strawberries"));
    assertThat(strawberries.unitPrice()).contains(money("0.5306667"));
    assertThat(strawberries.qty()).contains(money("15"));
    assertThat(strawberries.taxCodeRef()).contains(ReferenceType.of("5"));
    assertThat(detail.lines().get(0).amount()).contains(money("7.96"));
    assertThat(detail.lines().get(1).amount()).contains(money("2.65"));
    DiscountLineDetail discount = invoice.lines().get(2).discountLineDetail().orElseThrow();
    assertThat(invoice.lines().get(2).amount()).contains(money("2.12"));
    assertThat(discount.percentBased()).contains(true);
    assertThat(discount.discountPercent()).contains(money("20"));
    assertThat(discount.discountAccountRef()).contains(ReferenceType.of("28", "Discounts given"));
  }

  @Test
  void invoiceWithDiscountLine_parses() throws Exception {
    Invoice invoice = payloads.readEntity(json("invoice-discount-line_quickbooks-ruby.xml"), "Invoice", Invoice.class);
    assertThat(invoice.id()).isEqualTo("4");
    assertThat(invoice.docNumber()).contains("1001");
    assertThat(invoice.totalAmt()).contains(money("45.00"));
    assertThat(invoice.customerRef()).contains(ReferenceType.of("3", "Acme Enterprises"));
    assertThat(invoice.lines()).extracting(Line::amount)
        .containsExactly(java.util.Optional.of(money("50.00")), java.util.Optional.of(money("50.00")), java.util.Optional.of(money("5.00")));
  }

  @Test
  void itemWithSku_parses() throws Exception {
    Item item = payloads.readEntity(json("item-with-sku_quickbooks-ruby.xml"), "Item", Item.class);
    assertThat(item.id()).isEqualTo("2");
    assertThat(item.name()).contains("Plush Baby Doll");
    assertThat(item.sku()).contains("PBD01");
    assertThat(item.type()).isEqualTo(ItemType.SERVICE);
    assertThat(item.unitPrice()).contains(money("50"));
    assertThat(item.active()).isTrue();
  }

  @Test
  void deletedCustomer_isInactiveWithSuffix() throws Exception {
    Customer customer = payloads.readEntity(json("customer-deleted-inactive_quickbooks-ruby.xml"), "Customer", Customer.class);
    assertThat(customer.id()).isEqualTo("1");
    assertThat(customer.active()).isFalse();
    assertThat(customer.displayName()).contains("Thrifty Meats (deleted)");
    assertThat(customer.fullyQualifiedName()).contains("Thrifty Meats (deleted)");
  }

  @Test
  void cdcWithDeletedInvoice_separatesDeletedFromChanged() throws Exception {
    Map<String, Class<?>> types = new LinkedHashMap<>();
    types.put("Invoice", Invoice.class);
    types.put("Customer", Customer.class);
    QboPayloads.CdcPayload cdc = payloads.readCdc(json("cdc-response-with-deleted-invoice_quickbooks-ruby.xml"), types);
    assertThat(cdc.deleted().get("Invoice")).containsExactly(
        new QboPayloads.Deletion("Invoice", "65", OffsetDateTime.parse("2016-04-13T07:34:31-07:00")));
    List<Object> changed = cdc.changed().get("Invoice");
    assertThat(changed).hasSize(1);
    assertThat(((Invoice) changed.get(0)).deleted()).isFalse();
    assertThat(cdc.changed().get("Customer")).isEmpty();
    assertThat(cdc.serverTime()).isEqualTo(OffsetDateTime.parse("2016-04-13T07:52:34.949-07:00"));
  }
}
