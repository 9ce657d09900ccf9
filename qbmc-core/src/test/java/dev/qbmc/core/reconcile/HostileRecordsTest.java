package dev.qbmc.core.reconcile;

import static dev.qbmc.core.reconcile.PlanFixtures.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qbmc.core.bench.QboRecordGenerator;
import dev.qbmc.core.mapping.CustomerDirectory;
import dev.qbmc.core.mapping.CustomerResolution;
import dev.qbmc.core.mapping.MappedCustomer;
import dev.qbmc.core.mapping.MappingOutcome;
import dev.qbmc.core.mapping.OrderLine;
import dev.qbmc.core.mapping.OrderRecord;
import dev.qbmc.core.mapping.ProductRecord;
import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.RecordState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * 10,000 customers, 2,000 items and 10,000 transactions with hostile values from a fixed seed: nothing
 * throws, every record is mapped or skipped with a reason, plans keep dependency order, and applying
 * a plan then planning again writes nothing.
 */
class HostileRecordsTest {

  private static final long SEED = 20261127L;
  private static final int CUSTOMERS = 10_000;
  private static final int ITEMS = 2_000;
  private static final int TRANSACTIONS = 10_000;
  private static final int CHUNK = 500;

  @Test
  void hostileRecords_areMappedOrSkipped_andReconcileIdempotentlyInOrder() {
    QboRecordGenerator gen = new QboRecordGenerator(SEED, true, CUSTOMERS + 500, ITEMS + 100);
    Map<RecordKey, RecordState> store = new HashMap<>();
    Map<String, CustomerResolution> directory = new HashMap<>();
    int mapped = 0;
    int skipped = 0;

    List<MappingOutcome<MappedCustomer>> customers = new ArrayList<>();
    List<dev.qbmc.core.mapping.ParentLink> links = new ArrayList<>();
    for (int n = 0; n < CUSTOMERS; n++) {
      MappingOutcome<MappedCustomer> outcome = MAPPER.customer(gen.customer(n));
      MAPPER.parentLink(gen.customer(n)).ifPresent(links::add);
      checkOutcome(outcome);
      if (outcome.isMapped()) {
        mapped++;
        checkContact(outcome.record().get());
      } else {
        skipped++;
      }
      if (!outcome.qboId().isEmpty()) {
        directory.put(outcome.qboId(), CustomerResolution.of(outcome));
      }
      customers.add(outcome);
      if (customers.size() == CHUNK) {
        reconcile(SyncChunk.builder().addAllCustomers(customers).addAllLinks(links).build(), store);
        customers.clear();
        links.clear();
      }
    }
    reconcile(SyncChunk.builder().addAllCustomers(customers).addAllLinks(links).build(), store);

    List<MappingOutcome<ProductRecord>> products = new ArrayList<>();
    for (int n = 0; n < ITEMS; n++) {
      MappingOutcome<ProductRecord> outcome = MAPPER.item(gen.item(n));
      checkOutcome(outcome);
      if (outcome.isMapped()) mapped++; else skipped++;
      products.add(outcome);
    }
    reconcile(SyncChunk.builder().addAllProducts(products).build(), store);

    CustomerDirectory lookup = CustomerDirectory.of(directory);
    List<MappingOutcome<OrderRecord>> orders = new ArrayList<>();
    List<RecordKey> deletions = new ArrayList<>();
    for (int n = 0; n < TRANSACTIONS; n++) {
      MappingOutcome<OrderRecord> outcome =
          n % 2 == 0 ? MAPPER.invoice(gen.invoice(n), lookup) : MAPPER.salesReceipt(gen.salesReceipt(n), lookup);
      checkOutcome(outcome);
      if (outcome.isMapped()) {
        mapped++;
        assertThat(outcome.record().get().lines()).allSatisfy(l -> assertThat(l.productId()).isNotBlank());
      } else {
        skipped++;
      }
      orders.add(outcome);
      if (n % 97 == 0) {
        deletions.add(RecordKey.of(RecordKind.INVOICE, Integer.toString(n - 200 > 0 ? n - 200 : n)));
      }
      if (orders.size() == CHUNK) {
        reconcile(SyncChunk.builder().addAllOrders(orders).addAllDeletions(deletions).build(), store);
        orders.clear();
        deletions.clear();
      }
    }
    reconcile(SyncChunk.builder().addAllOrders(orders).addAllDeletions(deletions).build(), store);

    assertThat(mapped + skipped).isEqualTo(CUSTOMERS + ITEMS + TRANSACTIONS);
    assertThat(mapped).as("a good share maps").isGreaterThan(2_000);
    assertThat(skipped).as("a good share is skipped").isGreaterThan(2_000);
  }

  private static void checkOutcome(MappingOutcome<?> outcome) {
    assertThat(outcome.isMapped() ^ outcome.skipReason().isPresent()).isTrue();
    if (!outcome.isMapped()) {
      assertThat(outcome.detail()).isNotBlank();
    }
  }

  private static void checkContact(MappedCustomer customer) {
    assertThat(customer.contact().subscriberHash()).matches("[0-9a-f]{32}");
    assertThat(customer.commerceCustomer().id().length()).isLessThanOrEqualTo(50);
    for (String value :
        List.of(customer.contact().firstName(), customer.contact().lastName(), customer.contact().phone())
            .stream().flatMap(java.util.Optional::stream).toList()) {
      assertThat(value.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
      assertThat(value).isNotBlank();
    }
  }

  private static final List<Class<?>> ORDER =
      List.of(
          SyncOperation.UpsertMember.class, SyncOperation.TagMembers.class, SyncOperation.UpsertCustomer.class,
          SyncOperation.UpsertProduct.class, SyncOperation.UpsertOrder.class, SyncOperation.CancelOrder.class,
          SyncOperation.DeleteOrder.class, SyncOperation.AttachToParent.class, SyncOperation.RememberState.class,
          SyncOperation.Skip.class);

  private static void reconcile(SyncChunk chunk, Map<RecordKey, RecordState> store) {
    SyncPlan plan = PlanFixtures.plan(chunk, store);
    int rank = 0;
    Set<String> productsSoFar = new HashSet<>();
    for (SyncOperation op : plan.operations()) {
      int r = ORDER.indexOf(op.getClass());
      assertThat(r).as("operation order").isGreaterThanOrEqualTo(rank);
      rank = r;
      if (op instanceof SyncOperation.UpsertProduct) {
        productsSoFar.add(((SyncOperation.UpsertProduct) op).product().id());
      }
      if (op instanceof SyncOperation.UpsertOrder) {
        for (OrderLine line : ((SyncOperation.UpsertOrder) op).order().lines()) {
          assertThat(productsSoFar.contains(line.productId())
                  || store.containsKey(RecordKey.of(RecordKind.ITEM, line.productId())))
              .as("product %s exists before the order naming it", line.productId())
              .isTrue();
        }
      }
    }
    int accounted = chunk.deletions().size();
    assertThat(plan.skips().size()).isLessThanOrEqualTo(chunk.size() - accounted);
    PlanFixtures.apply(plan, store);
    SyncPlan again = PlanFixtures.plan(chunk, store);
    assertThat(again.hasNoWrites()).as("planning an applied chunk again writes nothing").isTrue();
    assertThat(again.stateChanges()).isEmpty();
  }
}
