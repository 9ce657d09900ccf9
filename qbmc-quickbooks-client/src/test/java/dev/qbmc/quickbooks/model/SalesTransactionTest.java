package dev.qbmc.quickbooks.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qbmc.quickbooks.Fixtures;
import dev.qbmc.quickbooks.internal.QboJacksonModule;
import dev.qbmc.quickbooks.internal.QboPayloads;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The fields shared by invoices and sales receipts are read and written through {@link SalesTransaction}. */
class SalesTransactionTest {
  private final ObjectMapper mapper = QboJacksonModule.newMapper();
  private final QboPayloads payloads = new QboPayloads(mapper);

  @Test
  void sharedFields_whenInvoiceAndReceiptParsed_areReadThroughTheInterface() {
    SalesTransaction invoice =
        payloads.readEntity(
            Fixtures.bytes("invoice-read-before-void_qbo-api.json"), "Invoice", Invoice.class);
    SalesTransaction receipt =
        payloads.readEntity(
            Fixtures.bytes("salesreceipt-create-response_exquickbooks.json"),
            "SalesReceipt",
            SalesReceipt.class);

    assertThat(invoice.id()).isEqualTo("264");
    assertThat(invoice.docNumber()).contains("1041");
    assertThat(invoice.totalAmt()).contains(new BigDecimal("100.00"));
    assertThat(invoice.deleted()).isFalse();
    assertThat(receipt.id()).isEqualTo("6");
    assertThat(receipt.docNumber()).contains("1005");
    assertThat(receipt.customerRef()).isEmpty();
    assertThat(receipt.lines()).isNotEmpty();
  }

  @Test
  void sharedFields_whenSerialised_usePascalCaseWireNames() throws Exception {
    Invoice invoice =
        Invoice.builder()
            .id("7")
            .docNumber("1001")
            .totalAmt(new BigDecimal("12.50"))
            .balance(BigDecimal.ZERO)
            .status("Deleted")
            .build();

    JsonNode json = mapper.readTree(mapper.writeValueAsString(invoice));

    assertThat(json.path("Id").asText()).isEqualTo("7");
    assertThat(json.path("DocNumber").asText()).isEqualTo("1001");
    assertThat(json.path("TotalAmt").decimalValue()).isEqualByComparingTo("12.50");
    assertThat(json.has("deleted")).isFalse();
    assertThat(invoice.deleted()).isTrue();
    assertThat(mapper.readValue(json.toString(), Invoice.class)).isEqualTo(invoice);
  }
}
