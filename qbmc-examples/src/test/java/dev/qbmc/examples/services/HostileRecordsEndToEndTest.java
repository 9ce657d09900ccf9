package dev.qbmc.examples.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qbmc.core.Qbmc;
import dev.qbmc.core.model.QboEntity;
import dev.qbmc.examples.sim.quickbooks.SimEntity;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.SkipReason;
import dev.qbmc.core.model.SyncMode;
import dev.qbmc.core.model.SyncOutcome;
import dev.qbmc.core.report.SkippedRecord;
import dev.qbmc.core.report.SyncReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * 1,610 hostile QBO records ({@link HostileCompany}) synced end to end through both simulators:
 * the run ends with a report and a run record, every record is synced or in the report with a
 * reason, no report text holds a full address, and a second run writes nothing.
 */
class HostileRecordsEndToEndTest {

  private static final Map<SimEntity, QboEntity> ENTITIES = Map.of(
      SimEntity.CUSTOMER, QboEntity.CUSTOMER,
      SimEntity.ITEM, QboEntity.ITEM,
      SimEntity.INVOICE, QboEntity.INVOICE,
      SimEntity.SALES_RECEIPT, QboEntity.SALES_RECEIPT);

  @Test
  void hostileRecords_areEachSyncedOrReportedWithAReason_andASecondRunWritesNothing() {
    HostileCompany company = new HostileCompany();
    try (SimulatedWorld world = new SimulatedWorld(company); Qbmc qbmc = world.qbmc(b -> b.chunkSize(400))) {
      world.connect(qbmc);

      SyncReport first = qbmc.sync(SimulatedWorld.CONNECTION);

      assertThat(first.failures()).as("every problem is a record's, reported as a skip").isEmpty();
      assertThat(first.outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
      assertThat(qbmc.recentRuns(SimulatedWorld.CONNECTION, 1)).singleElement()
          .satisfies(r -> assertThat(r.outcome()).contains(SyncOutcome.SUCCEEDED));
      long read = 0;
      List<String> unaccounted = new ArrayList<>();
      Set<String> skipped = first.skipped().stream().map(s -> s.entityType() + ":" + s.qboId())
          .collect(Collectors.toSet());
      for (var entity : ENTITIES.entrySet()) {
        long readBefore = read;
        Set<String> ids = new HashSet<>();
        long withoutId = 0;
        Set<String> synced = new HashSet<>();
        world.state.streamStates(SimulatedWorld.CONNECTION, kind(entity.getValue()))
            .forEach(s -> synced.add(s.key().id()));
        for (long id = 1; id <= company.count(entity.getKey()); id++) {
          Optional<ObjectNode> record = company.entity(entity.getKey(), id);
          if (record.isEmpty()) {
            continue;
          }
          read++;
          String qboId = record.get().path("Id").asText("").strip();
          if (qboId.isEmpty()) {
            withoutId++;
          } else {
            ids.add(qboId);
          }
          if (!synced.contains(qboId) && !skipped.contains(entity.getValue() + ":" + qboId)) {
            unaccounted.add(entity.getValue() + " " + id + " (Id \"" + qboId + "\")");
          }
        }
        long counted = first.countsFor(entity.getValue()).total();
        long distinct = ids.size() + withoutId;
        if (entity.getValue() == QboEntity.ITEM) {
          assertThat(counted).as("items read, and stand-in products for lines naming unknown items")
              .isGreaterThanOrEqualTo(distinct);
        } else {
          assertThat(counted).as("each %s read is counted once (a repeated Id may be read once)", entity.getValue())
              .isBetween(distinct, read - readBefore);
        }
      }
      assertThat(read).isGreaterThanOrEqualTo(1_000);
      assertThat(unaccounted).as("records neither synced nor reported").isEmpty();
      assertThat(first.skipped()).as("Mailchimp refused the fake address, masked in the report")
          .anySatisfy(s -> {
            assertThat(s.reason()).isEqualTo(SkipReason.FAKE_OR_INVALID_EMAIL);
            assertThat(s.detail()).hasValueSatisfying(d -> assertThat(d).contains("$***@shop.invalid"));
          });
      assertThat(first.skipped()).extracting(SkippedRecord::reason)
          .contains(SkipReason.INVALID_EMAIL, SkipReason.MALFORMED_RECORD, SkipReason.CUSTOMER_NOT_SYNCED);
      String json = first.toJson();
      for (long id = 1; id <= 48; id++) {
        HostileCompany.email(id).filter(e -> e.contains("@")).ifPresent(e ->
            assertThat(json).doesNotContain(e.substring(0, e.indexOf('@') + 1)));
      }

      world.clock.advance(Duration.ofMinutes(5));
      world.mailchimp.requestLog().reset();
      SyncReport second = qbmc.sync(SimulatedWorld.CONNECTION);

      assertThat(second.mode()).isEqualTo(SyncMode.INCREMENTAL);
      assertThat(second.failures()).isEmpty();
      assertThat(world.mailchimpWrites()).as("nothing changed: nothing written").isZero();
    }
  }

  private static RecordKind kind(QboEntity entity) {
    return switch (entity) {
      case CUSTOMER -> RecordKind.CUSTOMER;
      case ITEM -> RecordKind.ITEM;
      case INVOICE -> RecordKind.INVOICE;
      case SALES_RECEIPT -> RecordKind.SALES_RECEIPT;
    };
  }
}
