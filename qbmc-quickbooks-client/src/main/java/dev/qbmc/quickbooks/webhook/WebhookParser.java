package dev.qbmc.quickbooks.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qbmc.quickbooks.internal.QboJacksonModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Parses webhook bodies in either format into {@link WebhookEvent}s: the legacy object
 * ({@code eventNotifications[].dataChangeEvent.entities[]}) and the CloudEvents array
 * ({@code [{specversion, id, type: "qbo.customer.merged.v1", intuitentityid, intuitaccountid,
 * time, data}]}). Verify the signature first. Thread-safe.
 */
public final class WebhookParser {
  private static final Map<String, String> ENTITY_NAMES =
      Map.ofEntries(
          Map.entry("customer", "Customer"),
          Map.entry("invoice", "Invoice"),
          Map.entry("salesreceipt", "SalesReceipt"),
          Map.entry("item", "Item"),
          Map.entry("vendor", "Vendor"),
          Map.entry("employee", "Employee"),
          Map.entry("account", "Account"),
          Map.entry("payment", "Payment"),
          Map.entry("estimate", "Estimate"),
          Map.entry("creditmemo", "CreditMemo"),
          Map.entry("refundreceipt", "RefundReceipt"),
          Map.entry("bill", "Bill"),
          Map.entry("billpayment", "BillPayment"),
          Map.entry("purchase", "Purchase"),
          Map.entry("purchaseorder", "PurchaseOrder"),
          Map.entry("journalentry", "JournalEntry"));

  private final ObjectMapper mapper = QboJacksonModule.newMapper();

  /** Creates a parser. */
  public WebhookParser() {}

  /**
   * Parses a body.
   *
   * @param rawBody the request body
   * @return the events in payload order (possibly empty)
   * @throws WebhookPayloadException when the body is not a webhook payload
   */
  public List<WebhookEvent> parse(byte[] rawBody) {
    Objects.requireNonNull(rawBody, "rawBody");
    JsonNode root;
    try {
      String text = new String(rawBody, StandardCharsets.UTF_8);
      root = mapper.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    } catch (IOException e) {
      throw new WebhookPayloadException("Webhook body is not valid JSON", e);
    }
    if (root != null && root.isArray()) {
      return parseCloudEvents(root);
    }
    if (root != null && root.isObject() && root.has("eventNotifications")) {
      return parseLegacy(root.get("eventNotifications"));
    }
    throw new WebhookPayloadException(
        "Webhook body is neither an eventNotifications object nor a CloudEvents array", null);
  }

  private List<WebhookEvent> parseLegacy(JsonNode notifications) {
    List<WebhookEvent> events = new ArrayList<>();
    if (!notifications.isArray()) {
      throw new WebhookPayloadException("eventNotifications is not an array", null);
    }
    for (JsonNode notification : notifications) {
      String realm = required(notification, "realmId", "eventNotifications[].realmId");
      JsonNode entities = notification.path("dataChangeEvent").path("entities");
      for (JsonNode entity : entities) {
        String name = required(entity, "name", "entities[].name");
        String id = required(entity, "id", "entities[].id");
        String operation = text(entity, "operation");
        JsonNode lastUpdated = entity.get("lastUpdated");
        String rawTime = lastUpdated == null || lastUpdated.isNull() ? "" : lastUpdated.asText();
        WebhookEvent.Builder event =
            WebhookEvent.builder()
                .eventId(legacyEventId(realm, name, id, operation, rawTime))
                .realmId(realm)
                .entityName(canonicalEntity(name))
                .entityId(id)
                .operation(WebhookOperation.fromText(operation))
                .format(WebhookEvent.Format.LEGACY);
        parseTime(lastUpdated).ifPresent(event::time);
        String deletedId = text(entity, "deletedId");
        if (deletedId != null) {
          event.deletedId(deletedId);
        }
        events.add(event.build());
      }
    }
    return List.copyOf(events);
  }

  private List<WebhookEvent> parseCloudEvents(JsonNode array) {
    List<WebhookEvent> events = new ArrayList<>();
    for (JsonNode ce : array) {
      if (!ce.isObject() || !ce.has("specversion")) {
        throw new WebhookPayloadException("CloudEvents array holds an element without specversion", null);
      }
      String type = required(ce, "type", "type");
      String[] parts = type.split("\\.");
      if (parts.length < 3 || !parts[0].equalsIgnoreCase("qbo")) {
        throw new WebhookPayloadException("Unexpected CloudEvents type '" + type + "'", null);
      }
      WebhookEvent.Builder event =
          WebhookEvent.builder()
              .eventId(required(ce, "id", "id"))
              .realmId(required(ce, "intuitaccountid", "intuitaccountid"))
              .entityName(canonicalEntity(parts[1]))
              .entityId(required(ce, "intuitentityid", "intuitentityid"))
              .operation(WebhookOperation.fromText(parts[2]))
              .format(WebhookEvent.Format.CLOUD_EVENTS);
      parseTime(ce.get("time")).ifPresent(event::time);
      JsonNode data = ce.get("data");
      String deletedId = data == null ? null : text(data, "deletedid");
      if (deletedId == null && data != null) {
        deletedId = text(data, "deletedId");
      }
      if (deletedId != null) {
        event.deletedId(deletedId);
      }
      events.add(event.build());
    }
    return List.copyOf(events);
  }

  private static String canonicalEntity(String name) {
    String known = ENTITY_NAMES.get(name.toLowerCase(Locale.ROOT));
    if (known != null) {
      return known;
    }
    return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static java.util.Optional<OffsetDateTime> parseTime(JsonNode node) {
    if (node == null || node.isNull()) {
      return java.util.Optional.empty();
    }
    if (node.isNumber() || node.asText().matches("\\d{10,}")) {
      return java.util.Optional.of(
          OffsetDateTime.ofInstant(Instant.ofEpochMilli(node.asLong()), ZoneOffset.UTC));
    }
    try {
      return java.util.Optional.of(QboJacksonModule.parseOffsetDateTime(node.asText()));
    } catch (DateTimeParseException e) {
      return java.util.Optional.empty();
    }
  }

  private static String legacyEventId(
      String realm, String entity, String id, String operation, String lastUpdated) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      String key = String.join("\u001f", realm, entity, id, operation == null ? "" : operation, lastUpdated);
      byte[] digest = sha.digest(key.getBytes(StandardCharsets.UTF_8));
      return "legacy-" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
  }

  private static String required(JsonNode node, String field, String path) {
    String value = text(node, field);
    if (value == null) {
      throw new WebhookPayloadException("Webhook payload lacks " + path, null);
    }
    return value;
  }
}
