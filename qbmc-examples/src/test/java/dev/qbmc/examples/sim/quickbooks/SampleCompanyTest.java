package dev.qbmc.examples.sim.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SampleCompanyTest {

  private final GeneratedCompany company = SampleCompany.create();

  @Test
  void containsEveryCustomerCaseTheDemoNeeds() {
    for (GeneratedCompany.CustomerKind kind : GeneratedCompany.CustomerKind.values()) {
      assertThat(SampleCompany.customerIds(kind)).as(kind.name()).isNotEmpty();
    }
    assertThat(company.count(SimEntity.CUSTOMER)).isGreaterThanOrEqualTo(50);
    String noEmail = SampleCompany.customerIds(GeneratedCompany.CustomerKind.NO_EMAIL).get(0);
    assertThat(customer(noEmail).has("PrimaryEmailAddr")).isFalse();
    String role = SampleCompany.customerIds(GeneratedCompany.CustomerKind.ROLE_EMAIL).get(0);
    assertThat(customer(role).path("PrimaryEmailAddr").path("Address").asText()).startsWith("admin@");
    String multiple = SampleCompany.customerIds(GeneratedCompany.CustomerKind.MULTIPLE_EMAILS).get(0);
    assertThat(customer(multiple).path("PrimaryEmailAddr").path("Address").asText()).contains(", ");
    String incomplete = SampleCompany.customerIds(GeneratedCompany.CustomerKind.INCOMPLETE_ADDRESS).get(0);
    assertThat(customer(incomplete).path("BillAddr").has("City")).isFalse();
    String inactive = SampleCompany.customerIds(GeneratedCompany.CustomerKind.INACTIVE).get(0);
    assertThat(customer(inactive).path("Active").asBoolean()).isFalse();
    assertThat(SampleCompany.unsubscribedEmails()).isNotEmpty().allSatisfy(e -> assertThat(e).startsWith("unsub."));
  }

  @Test
  void containsItemsAndTransactionsOfEveryShape() {
    assertThat(company.count(SimEntity.ITEM)).isGreaterThanOrEqualTo(20);
    int transactions = 0;
    boolean group = false;
    boolean discount = false;
    boolean tax = false;
    boolean voided = false;
    boolean noCustomer = false;
    int deleted = 0;
    for (SimEntity e : new SimEntity[] {SimEntity.INVOICE, SimEntity.SALES_RECEIPT}) {
      for (long id = 1; id <= company.count(e); id++) {
        Optional<ObjectNode> t = company.entity(e, id);
        if (t.isEmpty()) {
          deleted++;
          continue;
        }
        transactions++;
        JsonNode lines = t.get().path("Line");
        group |= lines.findParent("GroupLineDetail") != null;
        discount |= lines.findParent("DiscountLineDetail") != null;
        tax |= t.get().path("TxnTaxDetail").has("TaxLine");
        voided |= "Voided".equals(t.get().path("PrivateNote").asText());
        noCustomer |= !t.get().has("CustomerRef");
      }
    }
    assertThat(transactions).isGreaterThanOrEqualTo(200);
    assertThat(deleted).isPositive();
    assertThat(group && discount && tax && voided && noCustomer).isTrue();
  }

  @Test
  void isDeterministic() {
    assertThat(SampleCompany.create().entity(SimEntity.INVOICE, 42)).isEqualTo(company.entity(SimEntity.INVOICE, 42));
  }

  private ObjectNode customer(String id) {
    return company.entity(SimEntity.CUSTOMER, Long.parseLong(id)).orElseThrow();
  }
}
