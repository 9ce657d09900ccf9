package dev.qbmc.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qbmc.core.model.Provider;
import dev.qbmc.core.model.QboEntity;
import dev.qbmc.core.model.SkipReason;
import dev.qbmc.core.model.SyncMode;
import dev.qbmc.core.model.SyncOutcome;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;

/**
 * Writes and reads {@link SyncReport} as JSON. The shape is stable: fields are only ever added
 * (and {@code schemaVersion} raised when a change is not additive). Readers must ignore unknown
 * fields; this reader does.
 *
 * <table>
 *   <caption>Sync report JSON, schema version 1</caption>
 *   <tr><th>Field</th><th>Type</th><th>Meaning</th></tr>
 *   <tr><td>{@code schemaVersion}</td><td>number</td><td>always {@code 1} for this shape</td></tr>
 *   <tr><td>{@code connectionId}</td><td>string</td><td>the connection synced</td></tr>
 *   <tr><td>{@code runId}</td><td>string</td><td>the run id</td></tr>
 *   <tr><td>{@code mode}</td><td>string</td><td>{@code FULL}, {@code INCREMENTAL} or {@code WEBHOOK}</td></tr>
 *   <tr><td>{@code dryRun}</td><td>boolean</td><td>true when nothing was written</td></tr>
 *   <tr><td>{@code outcome}</td><td>string</td><td>{@code SUCCEEDED}, {@code PARTIAL}, {@code FAILED} or
 *       {@code STOPPED_CONTACT_LIMIT}</td></tr>
 *   <tr><td>{@code startedAt}, {@code finishedAt}</td><td>string</td><td>ISO-8601 UTC instants
 *       ({@code 2026-11-27T01:02:03.456Z})</td></tr>
 *   <tr><td>{@code durationMillis}</td><td>number</td><td>{@code finishedAt - startedAt} in milliseconds</td></tr>
 *   <tr><td>{@code counts}</td><td>object</td><td>one key per entity type, always all four
 *       ({@code CUSTOMER}, {@code ITEM}, {@code INVOICE}, {@code SALES_RECEIPT}); each value an
 *       object {@code {created, updated, unchanged, deleted, skipped}} of numbers</td></tr>
 *   <tr><td>{@code totals}</td><td>object</td><td>the same five numbers summed over all types</td></tr>
 *   <tr><td>{@code skipped}</td><td>array</td><td>objects {@code {entityType, qboId, reason, detail?}}; {@code
 *       reason} a {@link SkipReason} name; {@code detail} omitted when absent; ordered by type then id</td></tr>
 *   <tr><td>{@code notes}</td><td>array</td><td>objects {@code {entityType, qboId, code, detail}} for records
 *       handled in a way worth telling, such as {@code ATTACHED_TO_PARENT} (a job whose orders went to its
 *       parent's contact); ordered by type then id</td></tr>
 *   <tr><td>{@code failures}</td><td>array</td><td>objects {@code {entityType?, qboId?, code, message}};
 *       {@code entityType}/{@code qboId} omitted for failures not tied to a record</td></tr>
 *   <tr><td>{@code apiCalls}</td><td>object</td><td>keys {@code QUICKBOOKS} and {@code MAILCHIMP}, always both;
 *       each {@code {total, endpoints}} where {@code endpoints} maps "METHOD /path/template" to a count</td></tr>
 * </table>
 */
public final class SyncReportJson {

  /** The schema version written in {@code schemaVersion}. */
  public static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SyncReportJson() {}

  /**
   * Serialises a report.
   *
   * @param report the report
   * @return compact JSON in the documented shape
   */
  public static String toJson(SyncReport report) {
    Objects.requireNonNull(report, "report");
    try {
      return MAPPER.writeValueAsString(toTree(report));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise sync report " + report.runId(), e);
    }
  }

  /**
   * Serialises a report as a Jackson tree (for hosts embedding it in their own JSON).
   *
   * @param report the report
   * @return a new object node in the documented shape
   */
  public static ObjectNode toTree(SyncReport report) {
    Objects.requireNonNull(report, "report");
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("connectionId", report.connectionId());
    root.put("runId", report.runId());
    root.put("mode", report.mode().name());
    root.put("dryRun", report.dryRun());
    root.put("outcome", report.outcome().name());
    root.put("startedAt", report.startedAt().toString());
    root.put("finishedAt", report.finishedAt().toString());
    root.put("durationMillis", report.duration().toMillis());
    ObjectNode counts = root.putObject("counts");
    for (QboEntity type : QboEntity.values()) {
      writeCounts(counts.putObject(type.name()), report.countsFor(type));
    }
    writeCounts(root.putObject("totals"), report.totals());
    ArrayNode skipped = root.putArray("skipped");
    for (SkippedRecord s : report.skipped()) {
      ObjectNode n = skipped.addObject();
      n.put("entityType", s.entityType().name());
      n.put("qboId", s.qboId());
      n.put("reason", s.reason().name());
      s.detail().ifPresent(d -> n.put("detail", d));
    }
    ArrayNode notes = root.putArray("notes");
    for (SyncNote note : report.notes()) {
      ObjectNode n = notes.addObject();
      n.put("entityType", note.entityType().name());
      n.put("qboId", note.qboId());
      n.put("code", note.code());
      n.put("detail", note.detail());
    }
    ArrayNode failures = root.putArray("failures");
    for (SyncFailure f : report.failures()) {
      ObjectNode n = failures.addObject();
      f.entityType().ifPresent(t -> n.put("entityType", t.name()));
      f.qboId().ifPresent(id -> n.put("qboId", id));
      n.put("code", f.code());
      n.put("message", f.message());
    }
    ObjectNode apiCalls = root.putObject("apiCalls");
    for (Provider api : Provider.values()) {
      ObjectNode n = apiCalls.putObject(api.name());
      n.put("total", report.apiCallsTo(api));
      ObjectNode endpoints = n.putObject("endpoints");
      report.apiCalls().stream()
          .filter(c -> c.api() == api)
          .forEach(c -> endpoints.put(c.endpoint(), c.calls()));
    }
    return root;
  }

  /**
   * Reads a report written by {@link #toJson}. Unknown fields are ignored; {@code durationMillis}
   * and {@code totals} are derived values and are not read.
   *
   * @param json the JSON
   * @return the report
   * @throws IllegalArgumentException if the JSON is malformed, of another schema version, or misses
   *     a required field
   */
  public static SyncReport fromJson(String json) {
    Objects.requireNonNull(json, "json");
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a sync report: malformed JSON", e);
    }
    try {
      return fromTree(root);
    } catch (DateTimeParseException | IllegalStateException | NullPointerException e) {
      throw new IllegalArgumentException("not a valid sync report: " + e.getMessage(), e);
    }
  }

  private static SyncReport fromTree(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("not a sync report: expected a JSON object");
    }
    int version = required(root, "schemaVersion").asInt();
    if (version != SCHEMA_VERSION) {
      throw new IllegalArgumentException(
          "unsupported sync report schemaVersion " + version + " (expected " + SCHEMA_VERSION + ")");
    }
    SyncReport.Builder b =
        SyncReport.builder()
            .connectionId(text(root, "connectionId"))
            .runId(text(root, "runId"))
            .mode(SyncMode.valueOf(text(root, "mode")))
            .dryRun(required(root, "dryRun").asBoolean())
            .outcome(SyncOutcome.valueOf(text(root, "outcome")))
            .startedAt(Instant.parse(text(root, "startedAt")))
            .finishedAt(Instant.parse(text(root, "finishedAt")));
    JsonNode counts = root.path("counts");
    for (Map.Entry<String, JsonNode> e : counts.properties()) {
      EntityCounts c = readCounts(e.getValue());
      if (c.total() > 0) {
        b.putCounts(QboEntity.valueOf(e.getKey()), c);
      }
    }
    for (JsonNode n : root.path("skipped")) {
      b.addSkipped(
          SkippedRecord.of(
              QboEntity.valueOf(text(n, "entityType")),
              text(n, "qboId"),
              SkipReason.valueOf(text(n, "reason")),
              n.hasNonNull("detail") ? n.get("detail").asText() : null));
    }
    for (JsonNode n : root.path("notes")) {
      b.addNotes(SyncNote.of(QboEntity.valueOf(text(n, "entityType")), text(n, "qboId"), text(n, "code"),
          n.path("detail").asText("")));
    }
    for (JsonNode n : root.path("failures")) {
      b.addFailures(
          SyncFailure.ofNullable(
              n.hasNonNull("entityType") ? QboEntity.valueOf(n.get("entityType").asText()) : null,
              n.hasNonNull("qboId") ? n.get("qboId").asText() : null,
              text(n, "code"),
              text(n, "message")));
    }
    JsonNode apiCalls = root.path("apiCalls");
    for (Provider api : Provider.values()) {
      JsonNode endpoints = apiCalls.path(api.name()).path("endpoints");
      for (Map.Entry<String, JsonNode> e : endpoints.properties()) {
        b.addApiCalls(ApiCallCount.of(api, e.getKey(), e.getValue().asLong()));
      }
    }
    return b.build();
  }

  private static void writeCounts(ObjectNode n, EntityCounts c) {
    n.put("created", c.created());
    n.put("updated", c.updated());
    n.put("unchanged", c.unchanged());
    n.put("deleted", c.deleted());
    n.put("skipped", c.skipped());
  }

  private static EntityCounts readCounts(JsonNode n) {
    return EntityCounts.builder()
        .created(n.path("created").asLong())
        .updated(n.path("updated").asLong())
        .unchanged(n.path("unchanged").asLong())
        .deleted(n.path("deleted").asLong())
        .skipped(n.path("skipped").asLong())
        .build();
  }

  private static JsonNode required(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("not a valid sync report: missing field " + field);
    }
    return v;
  }

  private static String text(JsonNode n, String field) {
    return required(n, field).asText();
  }
}
