package dev.qbmc.examples.sim.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qbmc.examples.sim.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Full-read pages served from serialised entities are byte for byte what the generic path writes. */
class SerialisedPagesTest {
  private final CompanyStore store = new CompanyStore(
      GeneratedCompany.builder().customers(260).items(12).invoices(700).salesReceipts(90).build(),
      Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC), change -> { });

  private void assertSame(String statement) {
    QboQuery q = QboQuery.parse(statement);
    SimEntity entity = SimEntity.byName(q.entity).orElseThrow();
    byte[] served = store.serialisedPage(q, entity).orElseThrow(() -> new AssertionError("not served: " + statement));
    assertThat(new String(served, StandardCharsets.UTF_8)).as(statement)
        .isEqualTo(new String(Json.bytes(store.query(q, entity)), StandardCharsets.UTF_8));
  }

  private void assertAllPagesSame() {
    for (String from : List.of("Customer WHERE Active IN (true, false)", "Customer", "Item", "Invoice",
        "SalesReceipt")) {
      for (int start : List.of(1, 100, 199, 250, 251, 600, 690, 1000)) {
        assertSame("SELECT * FROM " + from + " ORDERBY Id STARTPOSITION " + start + " MAXRESULTS 100");
      }
    }
  }

  @Test
  void fullReadPages_areTheGenericPages() {
    assertAllPagesSame();
    store.preSerialise(SimEntity.INVOICE);
    assertAllPagesSame();
  }

  @Test
  void fullReadPages_includeTheChangesMadeSince() {
    store.preSerialise(SimEntity.INVOICE);
    store.preSerialise(SimEntity.CUSTOMER);
    store.delete(SimEntity.INVOICE, 5);
    store.update(SimEntity.INVOICE, 6, node -> node.put("PrivateNote", "changed"), "Update");
    store.create(SimEntity.INVOICE, store.read(SimEntity.INVOICE, 3).orElseThrow());
    store.update(SimEntity.CUSTOMER, 2, node -> node.put("Active", false), "Update");
    assertAllPagesSame();
  }

  @Test
  void otherQueries_takeTheGenericPath() {
    for (String statement : List.of("SELECT * FROM Invoice WHERE Id > '5' ORDERBY Id",
        "SELECT * FROM Customer ORDERBY DisplayName", "SELECT COUNT(*) FROM Invoice",
        "SELECT * FROM Invoice WHERE Active IN (true, false)")) {
      QboQuery q = QboQuery.parse(statement);
      assertThat(store.serialisedPage(q, SimEntity.byName(q.entity).orElseThrow())).as(statement).isEmpty();
    }
  }
}
