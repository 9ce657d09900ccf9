package dev.qbmc.examples.sim.quickbooks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qbmc.examples.sim.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Outgoing webhooks: every change of the company is queued, and {@link #deliver()} POSTs the queue
 * as one delivery signed with {@code intuit-signature} (base64 HMAC-SHA256 of the body with the
 * verifier token), in the legacy or the CloudEvents format. Thread-safe.
 */
final class WebhookDelivery {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final DateTimeFormatter LEGACY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx");

  private final URI url;
  private final String verifierToken;
  private final WebhookFormat format;
  private final String realmId;
  private final ZoneId zone;
  private final List<CompanyStore.Change> pending = new ArrayList<>();

  WebhookDelivery(URI url, String verifierToken, WebhookFormat format, String realmId, ZoneId zone) {
    this.url = url;
    this.verifierToken = verifierToken;
    this.format = format;
    this.realmId = realmId;
    this.zone = zone;
  }

  void enqueue(CompanyStore.Change change) {
    synchronized (pending) {
      pending.add(change);
    }
  }

  int pendingCount() {
    synchronized (pending) {
      return pending.size();
    }
  }

  /** POSTs the pending changes; they stay pending unless the endpoint answers 2xx. */
  int deliver() {
    List<CompanyStore.Change> batch;
    synchronized (pending) {
      batch = List.copyOf(pending);
    }
    if (batch.isEmpty()) {
      return 0;
    }
    byte[] body = format == WebhookFormat.LEGACY ? legacyBody(batch) : cloudEventsBody(batch);
    HttpRequest request = HttpRequest.newBuilder(url)
        .header("Content-Type", format == WebhookFormat.LEGACY ? "application/json" : "application/cloudevents+json")
        .header("intuit-signature", sign(body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    try {
      HttpResponse<Void> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() / 100 == 2) {
        synchronized (pending) {
          pending.subList(0, batch.size()).clear();
        }
      }
      return response.statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException("webhook delivery failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during webhook delivery", e);
    }
  }

  private byte[] legacyBody(List<CompanyStore.Change> batch) {
    ObjectNode root = F.objectNode();
    ObjectNode notification = root.putArray("eventNotifications").addObject();
    notification.put("realmId", realmId);
    ArrayNode entities = notification.putObject("dataChangeEvent").putArray("entities");
    for (CompanyStore.Change c : batch) {
      ObjectNode e = entities.addObject();
      e.put("name", c.entity().entityName());
      e.put("id", c.id());
      e.put("operation", c.operation());
      e.put("lastUpdated", LEGACY_TIME.format(c.at().atZone(zone)));
    }
    return Json.bytes(root);
  }

  private byte[] cloudEventsBody(List<CompanyStore.Change> batch) {
    ArrayNode events = F.arrayNode();
    for (CompanyStore.Change c : batch) {
      ObjectNode e = events.addObject();
      e.put("specversion", "1.0");
      e.put("id", UUID.randomUUID().toString());
      e.put("source", "intuit.simulator");
      String op = switch (c.operation()) {
        case "Create" -> "created";
        case "Delete" -> "deleted";
        case "Void" -> "voided";
        default -> "updated";
      };
      e.put("type", "qbo." + c.entity().entityName().toLowerCase(Locale.ROOT) + "." + op + ".v1");
      e.put("datacontenttype", "application/json");
      e.put("time", c.at().toString());
      e.put("intuitentityid", c.id());
      e.put("intuitaccountid", realmId);
      e.putObject("data");
    }
    return Json.bytes(events);
  }

  private String sign(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(verifierToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
