package dev.qbmc.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qbmc.core.reconcile.SyncChunk;
import dev.qbmc.core.reconcile.Reconciler;
import dev.qbmc.quickbooks.model.Customer;
import dev.qbmc.quickbooks.model.Invoice;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FingerprintTest {

  private final QboMapper mapper = QboMapper.of(QboMapperFixturesTest.SETTINGS);

  @Test
  void fingerprints_areTheSameInEveryJvmRun() {
    // golden values: a change here means every stored fingerprint changes and the next sync rewrites everything
    MappedCustomer dukes =
        mapper.customer(QboFixtures.single("customer-read_qbo-api.json", "Customer", Customer.class)).record().get();
    OrderRecord invoice =
        mapper
            .invoice(
                QboFixtures.single("invoice-create-response_qbo-api.json", "Invoice", Invoice.class),
                CustomerDirectory.of(Map.of("1", CustomerResolution.synced("71ffeb0523d67e37aa5745749e1887b1"))))
            .record()
            .get();

    assertThat(dukes.contact().fingerprint()).isEqualTo(GOLDEN_CONTACT);
    assertThat(dukes.commerceCustomer().fingerprint()).isEqualTo(GOLDEN_COMMERCE_CUSTOMER);
    assertThat(invoice.fingerprint()).isEqualTo(GOLDEN_ORDER);
  }

  @Test
  void planAndRecords_neverRenderAFullEmailAddress() {
    MappingOutcome<MappedCustomer> dukes =
        mapper.customer(QboFixtures.single("customer-read_qbo-api.json", "Customer", Customer.class));

    String rendered =
        Reconciler.plan(SyncChunk.builder().addCustomers(dukes).build(), Map.of()).operations().toString()
            + dukes.record().get();

    assertThat(rendered).doesNotContainIgnoringCase("Dukes_bball@intuit.com").contains("D***@intuit.com");
  }

  // SHA-256 of the canonical renderings, computed independently (outside Java) from the documented format
  static final String GOLDEN_CONTACT = "591ea6efde47172149c6209bc1378dbd33d82b74d4eca5cf11c344b13bc1c06e";
  static final String GOLDEN_COMMERCE_CUSTOMER = "4756d4e1d747af077d4806a17910ae60ba678cde692911a4a7da3f94fb33da7d";
  static final String GOLDEN_ORDER = "e50fad1a8859382bf5b6ed1bc5b4363d442ee4fa967478c69c6146f0d2930f8a";
}
