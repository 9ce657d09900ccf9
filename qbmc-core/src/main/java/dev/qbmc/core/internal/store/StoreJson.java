package dev.qbmc.core.internal.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qbmc.core.model.ConnectionStatus;
import dev.qbmc.core.model.ContactLimitPolicy;
import dev.qbmc.core.model.FactTags;
import dev.qbmc.core.model.MarketingStatus;
import dev.qbmc.core.model.SyncOutcome;
import dev.qbmc.core.spi.Connection;
import dev.qbmc.core.spi.Lease;
import dev.qbmc.core.spi.StoredTokens;
import dev.qbmc.core.spi.SyncCursor;
import dev.qbmc.core.spi.SyncRunRecord;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The JSON of the file store's small files. Written with the Jackson tree model (no reflection),
 * each with a {@code "format": 1} field so that the layout can evolve.
 */
public final class StoreJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private StoreJson() {}

  /** Stored tokens with their version, or a tombstone ({@code tokens == null}). */
  public record TokenFile(StoredTokens tokens, long version) {}

  /**
   * Parses bytes.
   *
   * @param bytes UTF-8 JSON
   * @return the tree
   * @throws IOException if malformed
   */
  public static JsonNode parse(byte[] bytes) throws IOException {
    JsonNode n = MAPPER.readTree(bytes);
    if (n == null || !n.isObject()) {
      throw new IOException("expected a JSON object");
    }
    return n;
  }

  /**
   * Serialises a tree.
   *
   * @param node the tree
   * @return UTF-8 bytes
   * @throws IOException never in practice
   */
  public static byte[] bytes(JsonNode node) throws IOException {
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
  }

  private static ObjectNode root() {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("format", 1);
    return n;
  }

  private static void putOpt(ObjectNode n, String field, Optional<?> value) {
    value.ifPresent(v -> n.put(field, v.toString()));
  }

  private static String text(JsonNode n, String field) throws IOException {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      throw new IOException("missing field " + field);
    }
    return v.asText();
  }

  private static String optText(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Instant optInstant(JsonNode n, String field) {
    String s = optText(n, field);
    return s == null ? null : Instant.parse(s);
  }

  /**
   * Writes a connection.
   *
   * @param c the connection
   * @return the tree
   */
  public static ObjectNode connection(Connection c) {
    ObjectNode n = root();
    n.put("connectionId", c.connectionId());
    n.put("realmId", c.realmId());
    n.put("audienceId", c.audienceId());
    n.put("storeId", c.storeId());
    n.put("marketingStatus", c.marketingStatus().name());
    n.put("tag", c.tag());
    n.put("homeCurrency", c.homeCurrency());
    c.contactLimit().ifPresent(l -> n.put("contactLimit", l));
    n.put("contactLimitPolicy", c.contactLimitPolicy().name());
    n.put("status", c.status().name());
    n.put("createdAt", c.createdAt().toString());
    n.put("updatedAt", c.updatedAt().toString());
    n.put("fullSyncDone", c.fullSyncDone());
    ObjectNode facts = n.putObject("factTags");
    facts.put("openBalance", c.factTags().openBalance().orElse(null));
    facts.put("overdue", c.factTags().overdue().orElse(null));
    return n;
  }

  /**
   * Reads a connection.
   *
   * @param n the tree
   * @return the connection
   * @throws IOException if a field is missing
   */
  public static Connection connection(JsonNode n) throws IOException {
    Connection.Builder b =
        Connection.builder()
            .connectionId(text(n, "connectionId"))
            .realmId(text(n, "realmId"))
            .audienceId(text(n, "audienceId"))
            .storeId(text(n, "storeId"))
            .marketingStatus(MarketingStatus.valueOf(text(n, "marketingStatus")))
            .tag(text(n, "tag"))
            .homeCurrency(text(n, "homeCurrency"))
            .contactLimitPolicy(ContactLimitPolicy.valueOf(text(n, "contactLimitPolicy")))
            .status(ConnectionStatus.valueOf(text(n, "status")))
            .createdAt(Instant.parse(text(n, "createdAt")))
            .updatedAt(Instant.parse(text(n, "updatedAt")))
            .fullSyncDone(n.path("fullSyncDone").asBoolean(false));
    if (n.hasNonNull("contactLimit")) {
      b.contactLimit(n.get("contactLimit").asLong());
    }
    JsonNode facts = n.get("factTags");
    if (facts != null && facts.isObject()) { // absent in files written before fact tags: the defaults
      b.factTags(FactTags.of(facts.path("openBalance").textValue(), facts.path("overdue").textValue()));
    }
    return b.build();
  }

  /**
   * Writes a cursor.
   *
   * @param c the cursor
   * @return the tree
   */
  public static ObjectNode cursor(SyncCursor c) {
    ObjectNode n = root();
    putOpt(n, "changedSince", c.changedSince());
    putOpt(n, "lastFullSyncAt", c.lastFullSyncAt());
    return n;
  }

  /**
   * Reads a cursor.
   *
   * @param n the tree
   * @return the cursor
   */
  public static SyncCursor cursor(JsonNode n) {
    return SyncCursor.of(optInstant(n, "changedSince"), optInstant(n, "lastFullSyncAt"));
  }

  /**
   * Writes the lease file.
   *
   * @param lease the lease, or null when none is held
   * @param lastToken the last token handed out
   * @return the tree
   */
  public static ObjectNode lease(Lease lease, long lastToken) {
    ObjectNode n = root();
    n.put("lastToken", lastToken);
    if (lease != null) {
      ObjectNode l = n.putObject("lease");
      l.put("owner", lease.owner());
      l.put("token", lease.token());
      l.put("acquiredAt", lease.acquiredAt().toString());
      l.put("expiresAt", lease.expiresAt().toString());
    }
    return n;
  }

  /**
   * Reads the lease into a table.
   *
   * @param n the tree
   * @param connectionId the connection
   * @param table the table
   * @throws IOException if a field is missing
   */
  public static void lease(JsonNode n, String connectionId, ConnectionTable table)
      throws IOException {
    table.lastLeaseToken(n.path("lastToken").asLong(0));
    JsonNode l = n.get("lease");
    if (l != null && l.isObject()) {
      table.lease(
          Lease.of(
              connectionId,
              text(l, "owner"),
              l.path("token").asLong(),
              Instant.parse(text(l, "acquiredAt")),
              Instant.parse(text(l, "expiresAt"))));
    }
  }

  /**
   * Writes the runs file.
   *
   * @param runs the runs
   * @return the tree
   */
  public static ObjectNode runs(Collection<SyncRunRecord> runs) {
    ObjectNode n = root();
    ArrayNode a = n.putArray("runs");
    for (SyncRunRecord r : runs) {
      ObjectNode o = a.addObject();
      o.put("runId", r.runId());
      o.put("startedAt", r.startedAt().toString());
      putOpt(o, "finishedAt", r.finishedAt());
      putOpt(o, "outcome", r.outcome());
      putOpt(o, "summary", r.summary());
      putOpt(o, "reportJson", r.reportJson());
    }
    return n;
  }

  /**
   * Reads the runs file.
   *
   * @param n the tree
   * @return the runs
   * @throws IOException if a field is missing
   */
  public static List<SyncRunRecord> runs(JsonNode n) throws IOException {
    List<SyncRunRecord> out = new ArrayList<>();
    for (JsonNode o : n.path("runs")) {
      SyncRunRecord.Builder b =
          SyncRunRecord.builder()
              .runId(text(o, "runId"))
              .startedAt(Instant.parse(text(o, "startedAt")));
      Instant finished = optInstant(o, "finishedAt");
      if (finished != null) {
        b.finishedAt(finished);
      }
      String outcome = optText(o, "outcome");
      if (outcome != null) {
        b.outcome(SyncOutcome.valueOf(outcome));
      }
      String summary = optText(o, "summary");
      if (summary != null) {
        b.summary(summary);
      }
      String report = optText(o, "reportJson");
      if (report != null) {
        b.reportJson(report);
      }
      out.add(b.build());
    }
    return out;
  }

  /**
   * Writes a token file.
   *
   * @param file the tokens (or tombstone) and version
   * @return the tree
   */
  public static ObjectNode tokens(TokenFile file) {
    ObjectNode n = root();
    n.put("version", file.version());
    StoredTokens t = file.tokens();
    if (t == null) {
      n.put("deleted", true);
      return n;
    }
    n.put("accessToken", t.accessToken());
    putOpt(n, "refreshToken", t.refreshToken());
    putOpt(n, "accessTokenExpiresAt", t.accessTokenExpiresAt());
    putOpt(n, "refreshTokenExpiresAt", t.refreshTokenExpiresAt());
    putOpt(n, "realmId", t.realmId());
    putOpt(n, "dataCenter", t.dataCenter());
    putOpt(n, "apiEndpoint", t.apiEndpoint());
    return n;
  }

  /**
   * Reads a token file.
   *
   * @param n the tree
   * @return the tokens (or tombstone) and version
   * @throws IOException if a field is missing
   */
  public static TokenFile tokens(JsonNode n) throws IOException {
    long version = n.path("version").asLong(0);
    if (n.path("deleted").asBoolean(false)) {
      return new TokenFile(null, version);
    }
    StoredTokens.Builder b = StoredTokens.builder().accessToken(text(n, "accessToken"));
    String refresh = optText(n, "refreshToken");
    if (refresh != null) {
      b.refreshToken(refresh);
    }
    Instant at = optInstant(n, "accessTokenExpiresAt");
    if (at != null) {
      b.accessTokenExpiresAt(at);
    }
    Instant rt = optInstant(n, "refreshTokenExpiresAt");
    if (rt != null) {
      b.refreshTokenExpiresAt(rt);
    }
    String realm = optText(n, "realmId");
    if (realm != null) {
      b.realmId(realm);
    }
    String dc = optText(n, "dataCenter");
    if (dc != null) {
      b.dataCenter(dc);
    }
    String endpoint = optText(n, "apiEndpoint");
    if (endpoint != null) {
      b.apiEndpoint(endpoint);
    }
    return new TokenFile(b.build(), version);
  }
}
