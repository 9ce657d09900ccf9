package dev.qbmc.core.internal.service;

import dev.qbmc.core.mapping.MappingOutcome;
import dev.qbmc.core.model.QboEntity;
import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.RecordState;
import dev.qbmc.core.reconcile.StateChange;
import dev.qbmc.core.reconcile.SyncChunk;
import dev.qbmc.core.reconcile.SyncOperation;
import dev.qbmc.core.reconcile.SyncPlan;
import dev.qbmc.core.report.SyncReportCollector;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one chunk's plan and the operations Mailchimp confirmed into the report's counts: created
 * (no earlier state), updated, deleted, and unchanged (mapped, and the plan neither wrote nor
 * skipped it).
 */
final class ChunkCounts {
  private final Map<RecordKey, RecordState> stored;
  private final Map<QboEntity, Long> unchanged = new EnumMap<>(QboEntity.class);

  private ChunkCounts(Map<RecordKey, RecordState> stored) {
    this.stored = stored;
  }

  static ChunkCounts of(SyncChunk chunk, SyncPlan plan, Map<RecordKey, RecordState> stored) {
    ChunkCounts counts = new ChunkCounts(stored);
    Map<QboEntity, Set<String>> planned = touched(plan.writes());
    for (SyncOperation.Skip skip : plan.skips()) {
      planned.computeIfAbsent(skip.entityType(), t -> new HashSet<>()).add(skip.qboId());
    }
    counts.countUnchanged(QboEntity.CUSTOMER, chunk.customers(), planned);
    counts.countUnchanged(QboEntity.ITEM, chunk.products(), planned);
    for (MappingOutcome<?> order : chunk.orders()) {
      if (order.isMapped() && !planned.getOrDefault(order.entityType(), Set.of()).contains(order.qboId())) {
        counts.unchanged.merge(order.entityType(), 1L, Long::sum);
      }
    }
    return counts;
  }

  private void countUnchanged(
      QboEntity type, List<? extends MappingOutcome<?>> outcomes, Map<QboEntity, Set<String>> planned) {
    Set<String> written = planned.getOrDefault(type, Set.of());
    Set<String> seen = new HashSet<>();
    for (MappingOutcome<?> outcome : outcomes) {
      if (outcome.isMapped() && !written.contains(outcome.qboId()) && seen.add(outcome.qboId())) {
        unchanged.merge(type, 1L, Long::sum);
      }
    }
  }

  void report(SyncReportCollector report, List<SyncOperation> written) {
    unchanged.forEach(report::unchanged);
    Set<String> customers = new HashSet<>();
    for (SyncOperation op : written) {
      if (op instanceof SyncOperation.UpsertCustomer c) {
        for (StateChange change : c.confirms()) {
          if (change.key().kind() == RecordKind.CUSTOMER && customers.add(change.key().id())) {
            count(report, QboEntity.CUSTOMER, change.key());
          }
        }
      } else if (op instanceof SyncOperation.UpsertMember m) {
        String id = m.contact().qboCustomerId();
        if (customers.add(id)) {
          count(report, QboEntity.CUSTOMER, RecordKey.of(RecordKind.CUSTOMER, id));
        }
      } else if (op instanceof SyncOperation.UpsertProduct p) {
        count(report, QboEntity.ITEM, RecordKey.of(RecordKind.ITEM, p.product().id()));
      } else if (op instanceof SyncOperation.UpsertOrder o) {
        count(report, o.order().entityType(), orderKey(o.order().entityType(), o.order().qboId()));
      } else if (op instanceof SyncOperation.CancelOrder c) {
        report.updated(c.order().entityType(), 1);
      } else if (op instanceof SyncOperation.DeleteOrder d) {
        report.deleted(d.entityType(), 1);
      }
    }
  }

  private void count(SyncReportCollector report, QboEntity type, RecordKey key) {
    if (stored.containsKey(key)) {
      report.updated(type, 1);
    } else {
      report.created(type, 1);
    }
  }

  private static RecordKey orderKey(QboEntity type, String qboId) {
    return RecordKey.of(type == QboEntity.INVOICE ? RecordKind.INVOICE : RecordKind.SALES_RECEIPT, qboId);
  }

  private static Map<QboEntity, Set<String>> touched(List<SyncOperation> writes) {
    Map<QboEntity, Set<String>> touched = new EnumMap<>(QboEntity.class);
    for (SyncOperation op : writes) {
      if (op instanceof SyncOperation.UpsertCustomer c) {
        for (StateChange change : c.confirms()) {
          touched.computeIfAbsent(QboEntity.CUSTOMER, t -> new HashSet<>()).add(change.key().id());
        }
      } else if (op instanceof SyncOperation.UpsertMember m) {
        touched.computeIfAbsent(QboEntity.CUSTOMER, t -> new HashSet<>()).add(m.contact().qboCustomerId());
      } else if (op instanceof SyncOperation.UpsertProduct p) {
        touched.computeIfAbsent(QboEntity.ITEM, t -> new HashSet<>()).add(p.product().id());
      } else if (op instanceof SyncOperation.UpsertOrder o) {
        touched.computeIfAbsent(o.order().entityType(), t -> new HashSet<>()).add(o.order().qboId());
      } else if (op instanceof SyncOperation.CancelOrder c) {
        touched.computeIfAbsent(c.order().entityType(), t -> new HashSet<>()).add(c.order().qboId());
      }
    }
    return touched;
  }
}
