package dev.qbmc.core.reconcile;

import dev.qbmc.core.mapping.MappedCustomer;
import dev.qbmc.core.mapping.MappingOutcome;
import dev.qbmc.core.mapping.OrderRecord;
import dev.qbmc.core.mapping.ProductRecord;
import dev.qbmc.core.mapping.QboMapper;
import dev.qbmc.core.mapping.SyncSettings;
import dev.qbmc.core.model.MarketingStatus;
import dev.qbmc.core.model.QboEntity;
import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordState;
import dev.qbmc.core.model.SkipReason;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Helpers for planning tests: settings, a state store in a map, and applying a plan's state changes. */
final class PlanFixtures {

  static final SyncSettings SETTINGS =
      SyncSettings.builder()
          .marketingStatus(MarketingStatus.SUBSCRIBED)
          .storeId("qbmc-store")
          .homeCurrency("USD")
          .build();
  static final QboMapper MAPPER = QboMapper.of(SETTINGS);

  private PlanFixtures() {}

  /** Plans a chunk against the states of exactly its {@link SyncChunk#stateKeys()}, as the services do. */
  static SyncPlan plan(SyncChunk chunk, Map<RecordKey, RecordState> store) {
    Map<RecordKey, RecordState> loaded = new HashMap<>();
    Set<RecordKey> keys = chunk.stateKeys();
    for (RecordKey key : keys) {
      RecordState s = store.get(key);
      if (s != null) {
        loaded.put(key, s);
      }
    }
    return Reconciler.plan(chunk, loaded);
  }

  /** Commits every state change of the plan, as if every operation succeeded. */
  static void apply(SyncPlan plan, Map<RecordKey, RecordState> store) {
    for (StateChange change : plan.stateChanges()) {
      if (change.isRemoval()) {
        store.remove(change.key());
      } else {
        store.put(change.key(), change.state().get());
      }
    }
  }

  static MappingOutcome<MappedCustomer> customerSkipped(String id) {
    return MappingOutcome.skipped(QboEntity.CUSTOMER, id, SkipReason.NO_EMAIL, "no email address");
  }

  static MappingOutcome<ProductRecord> product(String id, String title, String price) {
    return MappingOutcome.mapped(
        QboEntity.ITEM,
        id,
        ProductRecord.builder().id(id).title(title).price(new java.math.BigDecimal(price)).build());
  }

  static MappingOutcome<OrderRecord> order(OrderRecord order) {
    return MappingOutcome.mapped(order.entityType(), order.qboId(), order);
  }
}
