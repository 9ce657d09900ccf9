package dev.qbmc.quickbooks.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qbmc.quickbooks.EntityType;
import dev.qbmc.quickbooks.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookTest {
  private static final String TOKEN = "b5771f19b12ddb4bcdb9f08bdc50bc63878a";
  private static final String SIGNATURE = "JC2GUwciPmRBwEO7WvrRmKqu9tGOKL8FFallocTFi8Q=";
  private final WebhookVerifier verifier = WebhookVerifier.of(TOKEN);
  private final WebhookParser parser = new WebhookParser();

  @Test
  void verifier_acceptsIntuitTestVector() {
    byte[] body = Fixtures.bytes("webhook-legacy-payload_intuit-java-sdk.json");
    assertThat(verifier.isValid(body, SIGNATURE)).isTrue();
    assertThat(verifier.signatureOf(body)).isEqualTo(SIGNATURE);
    verifier.verify(body, SIGNATURE);
  }

  @Test
  void verifier_refusesTamperedBodyAndSignature() {
    byte[] body = Fixtures.bytes("webhook-legacy-payload_intuit-java-sdk.json");
    byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("\"id\":\"1\"", "\"id\":\"2\"")
        .getBytes(StandardCharsets.UTF_8);
    assertThat(verifier.isValid(tampered, SIGNATURE)).isFalse();
    byte[] trailingSpace = (new String(body, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8);
    assertThat(verifier.isValid(trailingSpace, SIGNATURE)).isFalse();
    assertThat(verifier.isValid(body, "KC2GUwciPmRBwEO7WvrRmKqu9tGOKL8FFallocTFi8Q=")).isFalse();
    assertThat(verifier.isValid(body, "not base64 !!")).isFalse();
    assertThat(verifier.isValid(body, "")).isFalse();
    assertThat(verifier.isValid(body, null)).isFalse();
    assertThat(WebhookVerifier.of("another-token").isValid(body, SIGNATURE)).isFalse();
    assertThatThrownBy(() -> verifier.verify(tampered, SIGNATURE))
        .isInstanceOf(WebhookSignatureException.class).hasMessageContaining("does not match");
    assertThatThrownBy(() -> verifier.verify(body, null))
        .isInstanceOf(WebhookSignatureException.class).hasMessageContaining("intuit-signature");
    assertThatThrownBy(() -> WebhookVerifier.of(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThat(verifier.toString()).doesNotContain(TOKEN);
  }

  @Test
  void parser_readsLegacyPayload() {
    List<WebhookEvent> events = parser.parse(Fixtures.bytes("webhook-legacy-payload_intuit-java-sdk.json"));
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.realmId()).isEqualTo("1185883450");
      assertThat(e.entityName()).isEqualTo("Customer");
      assertThat(e.entityType()).contains(EntityType.CUSTOMER);
      assertThat(e.entityId()).isEqualTo("1");
      assertThat(e.operation()).isEqualTo(WebhookOperation.CREATE);
      assertThat(e.time()).contains(OffsetDateTime.parse("2015-10-05T14:42:19-07:00"));
      assertThat(e.deletedId()).isEmpty();
      assertThat(e.format()).isEqualTo(WebhookEvent.Format.LEGACY);
      assertThat(e.eventId()).startsWith("legacy-").hasSize(39);
    });
    // the same delivery parsed again (an Intuit retry) gives the same event id
    assertThat(parser.parse(Fixtures.bytes("webhook-legacy-payload_intuit-java-sdk.json")).get(0).eventId())
        .isEqualTo(events.get(0).eventId());
  }

  @Test
  void parser_readsCloudEventsPayload() {
    List<WebhookEvent> events = parser.parse(Fixtures.bytes("webhook-cloudevents-payload_intuit-sampleapp-readme.json"));
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.eventId()).isEqualTo("88cd52aa-33b6-4351-9aa4-47572edbd068");
      assertThat(e.realmId()).isEqualTo("310687");
      assertThat(e.entityName()).isEqualTo("Customer");
      assertThat(e.entityId()).isEqualTo("1234");
      assertThat(e.operation()).isEqualTo(WebhookOperation.CREATE);
      assertThat(e.time()).contains(OffsetDateTime.parse("2025-09-10T21:31:25.179Z"));
      assertThat(e.format()).isEqualTo(WebhookEvent.Format.CLOUD_EVENTS);
    });
  }

  @Test
  void parser_normalisesMergesVoidsAndTimeFormats() {
    String cloud = "[{\"specversion\":\"1.0\",\"id\":\"e1\",\"type\":\"qbo.customer.merged.v1\",\"time\":\"2025-09-10T21:31:25Z\","
        + "\"intuitentityid\":\"123\",\"intuitaccountid\":\"42\",\"data\":{\"deletedid\":\"27\"}},"
        + "{\"specversion\":\"1.0\",\"id\":\"e2\",\"type\":\"qbo.salesreceipt.voided.v1\",\"intuitentityid\":\"9\",\"intuitaccountid\":\"42\"},"
        + "{\"specversion\":\"1.0\",\"id\":\"e3\",\"type\":\"qbo.vendor.archived.v1\",\"intuitentityid\":\"5\",\"intuitaccountid\":\"42\",\"data\":{}}]";
    List<WebhookEvent> events = parser.parse(cloud.getBytes(StandardCharsets.UTF_8));
    assertThat(events.get(0).operation()).isEqualTo(WebhookOperation.MERGE);
    assertThat(events.get(0).deletedId()).contains("27");
    assertThat(events.get(1).entityName()).isEqualTo("SalesReceipt");
    assertThat(events.get(1).entityType()).contains(EntityType.SALES_RECEIPT);
    assertThat(events.get(1).operation()).isEqualTo(WebhookOperation.VOID);
    assertThat(events.get(1).time()).isEmpty();
    assertThat(events.get(2).entityName()).isEqualTo("Vendor");
    assertThat(events.get(2).entityType()).isEmpty();
    assertThat(events.get(2).operation()).isEqualTo(WebhookOperation.UNKNOWN);

    String legacy = "{\"eventNotifications\":[{\"realmId\":\"7\",\"dataChangeEvent\":{\"entities\":["
        + "{\"name\":\"Customer\",\"id\":\"3\",\"operation\":\"Merge\",\"deletedId\":\"4\",\"lastUpdated\":1601391072830},"
        + "{\"name\":\"Invoice\",\"id\":\"8\",\"operation\":\"Update\",\"lastUpdated\":\"2024-01-02T03:04:05.000Z\"},"
        + "{\"name\":\"Invoice\",\"id\":\"8\",\"operation\":\"Delete\",\"lastUpdated\":\"2024-01-02T03:04:05.000Z\"}]}}]}";
    List<WebhookEvent> old = parser.parse(legacy.getBytes(StandardCharsets.UTF_8));
    assertThat(old.get(0).deletedId()).contains("4");
    assertThat(old.get(0).time().orElseThrow().toInstant().toEpochMilli()).isEqualTo(1601391072830L);
    assertThat(old.get(1).time()).contains(OffsetDateTime.parse("2024-01-02T03:04:05Z"));
    assertThat(old.get(1).eventId()).isNotEqualTo(old.get(2).eventId());
  }

  @Test
  void parser_refusesMalformedBodies() {
    assertThatThrownBy(() -> parser.parse("not json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(WebhookPayloadException.class);
    assertThatThrownBy(() -> parser.parse("{\"foo\":1}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(WebhookPayloadException.class).hasMessageContaining("eventNotifications");
    assertThatThrownBy(() -> parser.parse("{\"eventNotifications\":[{\"dataChangeEvent\":{}}]}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(WebhookPayloadException.class).hasMessageContaining("realmId");
    assertThatThrownBy(() -> parser.parse("[{\"id\":\"x\"}]".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(WebhookPayloadException.class).hasMessageContaining("specversion");
    assertThatThrownBy(() -> parser.parse("[{\"specversion\":\"1.0\",\"id\":\"x\",\"type\":\"com.other.thing\",\"intuitentityid\":\"1\",\"intuitaccountid\":\"2\"}]".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(WebhookPayloadException.class);
    assertThat(parser.parse("[]".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }
}
