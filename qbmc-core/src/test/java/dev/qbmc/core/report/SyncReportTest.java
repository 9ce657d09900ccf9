package dev.qbmc.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qbmc.core.model.Provider;
import dev.qbmc.core.model.QboEntity;
import dev.qbmc.core.model.SkipReason;
import dev.qbmc.core.model.SyncMode;
import dev.qbmc.core.model.SyncOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SyncReportTest {

  private static final Instant START = Instant.parse("2026-11-27T01:02:03.456Z");

  private static SyncReport sample() {
    SyncReportCollector c = SyncReportCollector.start("acme", "run-42", SyncMode.FULL, false, START);
    c.apiCalls(Provider.QUICKBOOKS, "GET /v3/company/{realmId}/query", 7);
    c.apiCall(Provider.MAILCHIMP, "POST /lists/{list_id}");
    c.apiCall(Provider.MAILCHIMP, "PUT /ecommerce/stores/{store_id}/orders/{order_id}");
    c.apiCall(Provider.MAILCHIMP, "PUT /ecommerce/stores/{store_id}/orders/{order_id}");
    c.created(QboEntity.CUSTOMER, 25);
    c.updated(QboEntity.CUSTOMER, 2);
    c.unchanged(QboEntity.ITEM, 18);
    c.created(QboEntity.INVOICE, 30);
    c.deleted(QboEntity.INVOICE, 1);
    c.skipped(QboEntity.CUSTOMER, "58", SkipReason.NO_EMAIL);
    c.skipped(SkippedRecord.of(QboEntity.CUSTOMER, "3", SkipReason.ROLE_BASED_EMAIL, "role address admin@"));
    c.skipped(QboEntity.SALES_RECEIPT, "12", SkipReason.NO_CUSTOMER);
    c.failed(SyncFailure.of(QboEntity.INVOICE, "130", "400 Invalid Resource", "The order total is not valid"));
    c.failed(SyncFailure.general("ServiceUnavailable", "Mailchimp returned 503 after 4 attempts"));
    return c.finish(START.plus(Duration.ofMillis(1544)));
  }

  @Test
  void collector_countsPerTypeAndSortsSkippedRecords() {
    SyncReport r = sample();
    assertThat(r.countsFor(QboEntity.CUSTOMER))
        .isEqualTo(EntityCounts.builder().created(25).updated(2).skipped(2).build());
    assertThat(r.countsFor(QboEntity.ITEM).unchanged()).isEqualTo(18);
    assertThat(r.totals().total()).isEqualTo(25 + 2 + 2 + 18 + 30 + 1 + 1);
    assertThat(r.skipped()).extracting(SkippedRecord::qboId).containsExactly("3", "58", "12");
    assertThat(r.apiCallsTo(Provider.QUICKBOOKS)).isEqualTo(7);
    assertThat(r.apiCallsTo(Provider.MAILCHIMP)).isEqualTo(3);
    assertThat(r.duration()).isEqualTo(Duration.ofMillis(1544));
    assertThat(r.outcome()).isEqualTo(SyncOutcome.PARTIAL);
    assertThat(r.summary()).startsWith("PARTIAL FULL sync run-42 in 1544 ms: 55 created");
  }

  @Test
  void finish_derivesTheOutcome() {
    SyncReportCollector ok = SyncReportCollector.start("acme", "r1", SyncMode.INCREMENTAL, false, START);
    ok.skipped(QboEntity.CUSTOMER, "1", SkipReason.INVALID_EMAIL);
    assertThat(ok.finish(START).outcome()).isEqualTo(SyncOutcome.SUCCEEDED);

    SyncReportCollector failed = SyncReportCollector.start("acme", "r2", SyncMode.WEBHOOK, false, START);
    failed.failed(SyncFailure.general("AuthenticationException", "QuickBooks refused the token"));
    assertThat(failed.finish(START).outcome()).isEqualTo(SyncOutcome.FAILED);

    SyncReportCollector stopped = SyncReportCollector.start("acme", "r3", SyncMode.FULL, true, START);
    SyncReport r = stopped.finish(START, SyncOutcome.STOPPED_CONTACT_LIMIT);
    assertThat(r.outcome()).isEqualTo(SyncOutcome.STOPPED_CONTACT_LIMIT);
    assertThat(r.dryRun()).isTrue();
    assertThat(r.counts()).isEmpty();
  }

  @Test
  void collector_isSafeForParallelWriters() throws Exception {
    SyncReportCollector c = SyncReportCollector.start("acme", "r", SyncMode.FULL, false, START);
    int threads = 4;
    int perThread = 5000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int worker = t;
        done.add(pool.submit(() -> {
          go.await();
          for (int i = 0; i < perThread; i++) {
            c.created(QboEntity.INVOICE, 1);
            c.apiCall(Provider.MAILCHIMP, "POST /batches");
            if (i % 100 == 0) {
              c.skipped(QboEntity.INVOICE, worker + "-" + i, SkipReason.CUSTOMER_NOT_SYNCED);
            }
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    SyncReport r = c.finish(START);
    assertThat(r.countsFor(QboEntity.INVOICE).created()).isEqualTo(threads * perThread);
    assertThat(r.countsFor(QboEntity.INVOICE).skipped()).isEqualTo(threads * perThread / 100);
    assertThat(r.skipped()).hasSize(threads * perThread / 100);
    assertThat(r.apiCallsTo(Provider.MAILCHIMP)).isEqualTo(threads * perThread);
  }

  @Test
  void json_roundTripsToAnEqualReport() {
    SyncReport r = sample();
    assertThat(SyncReportJson.fromJson(r.toJson())).isEqualTo(r);
    SyncReport empty = SyncReportCollector.start("a", "b", SyncMode.WEBHOOK, true, START).finish(START);
    assertThat(SyncReportJson.fromJson(empty.toJson())).isEqualTo(empty);
  }

  @Test
  void json_hasTheDocumentedShape() throws Exception {
    JsonNode n = new ObjectMapper().readTree(sample().toJson());
    assertThat(n.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(n.get("connectionId").asText()).isEqualTo("acme");
    assertThat(n.get("runId").asText()).isEqualTo("run-42");
    assertThat(n.get("mode").asText()).isEqualTo("FULL");
    assertThat(n.get("dryRun").asBoolean()).isFalse();
    assertThat(n.get("outcome").asText()).isEqualTo("PARTIAL");
    assertThat(n.get("startedAt").asText()).isEqualTo("2026-11-27T01:02:03.456Z");
    assertThat(n.get("finishedAt").asText()).isEqualTo("2026-11-27T01:02:05Z");
    assertThat(n.get("durationMillis").asLong()).isEqualTo(1544);
    assertThat(n.get("counts").fieldNames()).toIterable()
        .containsExactly("CUSTOMER", "ITEM", "INVOICE", "SALES_RECEIPT");
    assertThat(n.at("/counts/SALES_RECEIPT/skipped").asLong()).isEqualTo(1);
    assertThat(n.at("/counts/ITEM/created").asLong()).isZero();
    assertThat(n.at("/totals/created").asLong()).isEqualTo(55);
    assertThat(n.at("/skipped/0/qboId").asText()).isEqualTo("3");
    assertThat(n.at("/skipped/0/detail").asText()).isEqualTo("role address admin@");
    assertThat(n.at("/skipped/1").has("detail")).isFalse();
    assertThat(n.at("/failures/0/entityType").asText()).isEqualTo("INVOICE");
    assertThat(n.at("/failures/1").has("qboId")).isFalse();
    assertThat(n.at("/apiCalls/MAILCHIMP/total").asLong()).isEqualTo(3);
    assertThat(n.at("/apiCalls/MAILCHIMP/endpoints")
        .get("PUT /ecommerce/stores/{store_id}/orders/{order_id}").asLong()).isEqualTo(2);
    assertThat(n.at("/apiCalls/QUICKBOOKS/total").asLong()).isEqualTo(7);
  }

  @Test
  void readmeExample_isExactlyWhatTheSampleReportSerialisesTo() throws Exception {
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
    int section = readme.indexOf("## Sync report shape");
    assertThat(section).as("README section").isNotNegative();
    int start = readme.indexOf("```json", section) + "```json".length();
    int end = readme.indexOf("```", start);
    ObjectMapper mapper = new ObjectMapper();
    assertThat(mapper.readTree(readme.substring(start, end))).isEqualTo(mapper.readTree(sample().toJson()));
  }

  @Test
  void fromJson_refusesOtherSchemasAndMalformedInput() {
    assertThatThrownBy(() -> SyncReportJson.fromJson("{\"schemaVersion\":2}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schemaVersion 2");
    assertThatThrownBy(() -> SyncReportJson.fromJson("[1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed");
    assertThatThrownBy(() -> SyncReportJson.fromJson("{\"schemaVersion\":1,\"runId\":\"r\"}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectionId");
  }

  @Test
  void fromJson_ignoresUnknownFields() {
    SyncReport r = sample();
    String json = r.toJson().replaceFirst("\\{", "{\"addedLater\":{\"x\":1},");
    assertThat(SyncReportJson.fromJson(json)).isEqualTo(r);
  }

  @Test
  void syncRunRecord_ofReport_keepsTheReportJson() {
    SyncReport r = sample();
    dev.qbmc.core.spi.SyncRunRecord run = dev.qbmc.core.spi.SyncRunRecord.of(r);
    assertThat(run.outcome()).contains(SyncOutcome.PARTIAL);
    assertThat(run.finishedAt()).contains(r.finishedAt());
    assertThat(SyncReportJson.fromJson(run.reportJson().orElseThrow())).isEqualTo(r);
    assertThat(run.summary().orElseThrow()).doesNotContain("@");
  }

  @Test
  void notes_roundTripThroughJson_sortedByTypeThenId() {
    SyncReportCollector c = SyncReportCollector.start("acme", "r", SyncMode.FULL, false, START);
    c.noted(SyncNote.of(QboEntity.CUSTOMER, "9", SyncNote.ATTACHED_TO_PARENT, "job without email; parent 2"));
    c.noted(SyncNote.of(QboEntity.CUSTOMER, "12", SyncNote.ATTACHED_TO_PARENT, "billed with its parent 2"));
    SyncReport r = c.finish(START.plusSeconds(1));

    assertThat(r.notes()).extracting(SyncNote::qboId).containsExactly("12", "9");
    assertThat(SyncReportJson.fromJson(r.toJson())).isEqualTo(r);
    assertThat(r.toJson()).contains("\"notes\":[{\"entityType\":\"CUSTOMER\",\"qboId\":\"12\",\"code\":\"ATTACHED_TO_PARENT\"");
  }

  @Test
  void detailsMessagesAndIds_areCleanedOfControlBidiAndZeroWidthCharacters() {
    SkippedRecord s = SkippedRecord.of(QboEntity.CUSTOMER, "4\u202E2", SkipReason.REJECTED, "bad\u0007\u200B name\n\u2066x\u2069");
    SyncFailure f = SyncFailure.of(QboEntity.INVOICE, "7", "X", "\u001B[31mred\u202E");
    SyncNote n = SyncNote.of(QboEntity.CUSTOMER, "5", SyncNote.ATTACHED_TO_PARENT, "a\u200Db");

    assertThat(s.qboId()).isEqualTo("42");
    assertThat(s.detail()).contains("bad name x");
    assertThat(f.message()).isEqualTo("[31mred");
    assertThat(n.detail()).isEqualTo("ab");
  }

  @Test
  void failureMessages_areCappedInLength() {
    SyncFailure f = SyncFailure.general("X", "m".repeat(5000));
    assertThat(f.message()).hasSize(SyncFailure.MAX_MESSAGE_LENGTH);
  }

  @Test
  void collector_refusesBadArguments() {
    SyncReportCollector c = SyncReportCollector.start("acme", "r", SyncMode.FULL, false, START);
    assertThatThrownBy(() -> c.created(QboEntity.ITEM, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.apiCall(Provider.MAILCHIMP, " ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.finish(START.minusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SyncReportCollector.start(" ", "r", SyncMode.FULL, false, START))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
