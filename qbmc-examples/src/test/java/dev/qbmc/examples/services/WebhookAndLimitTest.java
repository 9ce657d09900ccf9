package dev.qbmc.examples.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.qbmc.core.Qbmc;
import dev.qbmc.core.WebhookResult;
import dev.qbmc.core.model.ContactLimitPolicy;
import dev.qbmc.core.model.SkipReason;
import dev.qbmc.core.model.SyncOutcome;
import dev.qbmc.core.report.SyncReport;
import dev.qbmc.examples.sim.quickbooks.SimEntity;
import dev.qbmc.examples.sim.quickbooks.SampleCompany;
import dev.qbmc.examples.sim.quickbooks.WebhookFormat;
import dev.qbmc.quickbooks.webhook.WebhookSignatureException;
import dev.qbmc.quickbooks.webhook.WebhookVerifier;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WebhookAndLimitTest {
  private static final String VERIFIER = "verifier-token-for-tests";

  /** A webhook endpoint on loopback that hands each delivery to the current Qbmc. */
  private static final class Endpoint implements AutoCloseable {
    final HttpServer server;
    final AtomicReference<Qbmc> qbmc = new AtomicReference<>();
    final List<WebhookResult> results = new CopyOnWriteArrayList<>();
    final List<byte[]> bodies = new CopyOnWriteArrayList<>();

    Endpoint() throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/webhooks", exchange -> {
        byte[] body = exchange.getRequestBody().readAllBytes();
        bodies.add(body);
        int status;
        try {
          results.add(qbmc.get().handleWebhook(exchange.getRequestHeaders(), body));
          status = 200;
        } catch (WebhookSignatureException e) {
          status = 401;
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
      });
      server.start();
    }

    URI uri() {
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks");
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  @Test
  void aSignedWebhook_syncsTheNamedRecord_aRedeliveryIsIgnored_andAForgeryIsRefused() throws Exception {
    for (WebhookFormat format : WebhookFormat.values()) {
      try (Endpoint endpoint = new Endpoint();
          SimulatedWorld world = new SimulatedWorld(SampleCompany.create(), b -> b.webhooks(endpoint.uri(), VERIFIER, format));
          Qbmc qbmc = world.qbmc()) {
        endpoint.qbmc.set(qbmc);
        world.connect(qbmc);
        qbmc.sync(SimulatedWorld.CONNECTION);
        String customerId = SampleCompany.customerIds(dev.qbmc.examples.sim.quickbooks.GeneratedCompany.CustomerKind.REGULAR).get(0);
        String email = world.qbo.read(SimEntity.CUSTOMER, customerId).orElseThrow().path("PrimaryEmailAddr").path("Address").asText();
        world.qbo.update(SimEntity.CUSTOMER, customerId, c -> c.put("FamilyName", "Webhooked"));

        assertThat(world.qbo.deliverWebhooks()).isEqualTo(200);

        assertThat(endpoint.results).singleElement().satisfies(r -> {
          assertThat(r.scheduledEvents()).isEqualTo(1);
          assertThat(r.duplicates()).isZero();
        });
        assertThat(world.mailchimp.member(world.listId, email).orElseThrow().mergeFields().path("LNAME").asText())
            .as(format.name()).isEqualTo("Webhooked");

        byte[] delivered = endpoint.bodies.get(0);
        String signature = WebhookVerifier.of(VERIFIER).signatureOf(delivered);
        WebhookResult again = qbmc.handleWebhook(Map.of("Intuit-Signature", List.of(signature)), delivered);
        assertThat(again.duplicates()).isEqualTo(1);
        assertThat(again.scheduledEvents()).isZero();

        byte[] forged = (new String(delivered, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> qbmc.handleWebhook(Map.of("intuit-signature", List.of(signature)), forged))
            .isInstanceOf(WebhookSignatureException.class)
            .hasMessageNotContaining(VERIFIER);

        qbmc.disconnect(SimulatedWorld.CONNECTION, false);
        world.qbo.update(SimEntity.CUSTOMER, customerId, c -> c.put("FamilyName", "AfterDisconnect"));
        world.clock.advance(Duration.ofMinutes(1));
        assertThat(world.qbo.deliverWebhooks()).isEqualTo(200);
        assertThat(endpoint.results.get(endpoint.results.size() - 1).ignoredRealms())
            .containsEntry(world.qbo.realmId(), "DISCONNECTED");
        assertThat(world.mailchimp.member(world.listId, email).orElseThrow().mergeFields().path("LNAME").asText())
            .isEqualTo("Webhooked");
      }
    }
  }

  @Test
  void anUnknownRealm_isIgnoredAndSaidSo() {
    try (SimulatedWorld world = new SimulatedWorld(); Qbmc qbmc = world.qbmc()) {
      byte[] body = ("{\"eventNotifications\":[{\"realmId\":\"123\",\"dataChangeEvent\":{\"entities\":"
          + "[{\"name\":\"Customer\",\"id\":\"1\",\"operation\":\"Update\",\"lastUpdated\":\"2026-03-02T10:00:00.000Z\"}]}}]}")
          .getBytes(StandardCharsets.UTF_8);
      WebhookResult result = qbmc.handleWebhook(
          Map.of("intuit-signature", List.of(WebhookVerifier.of(VERIFIER).signatureOf(body))), body);
      assertThat(result.ignoredRealms()).containsEntry("123", "UNKNOWN_REALM");
      assertThat(result.scheduledEvents()).isZero();
    }
  }

  @Test
  void contactLimit_stopBeforeWriting_writesNoMember() {
    try (SimulatedWorld world = new SimulatedWorld(); Qbmc qbmc = world.qbmc()) {
      world.connect(qbmc, r -> r.contactLimit(10L).contactLimitPolicy(ContactLimitPolicy.STOP_BEFORE_WRITING));
      int before = world.mailchimp.members(world.listId).size();

      SyncReport report = qbmc.sync(SimulatedWorld.CONNECTION);

      assertThat(report.outcome()).isEqualTo(SyncOutcome.STOPPED_CONTACT_LIMIT);
      assertThat(world.mailchimp.members(world.listId)).hasSize(before);
      assertThat(report.failures()).anySatisfy(f -> assertThat(f.code()).isEqualTo("CONTACT_LIMIT"));
    }
  }

  @Test
  void contactLimit_syncUpToLimit_addsAtMostTheLimit_andSkipsTheRestWithAReason() {
    try (SimulatedWorld world = new SimulatedWorld(); Qbmc qbmc = world.qbmc()) {
      world.connect(qbmc, r -> r.contactLimit(10L).contactLimitPolicy(ContactLimitPolicy.SYNC_UP_TO_LIMIT));
      List<String> before = new ArrayList<>();
      world.mailchimp.members(world.listId).forEach(m -> before.add(m.emailAddress()));

      SyncReport report = qbmc.sync(SimulatedWorld.CONNECTION);

      long added = world.mailchimp.members(world.listId).stream().filter(m -> !before.contains(m.emailAddress())).count();
      assertThat(added).isLessThanOrEqualTo(10).isPositive();
      assertThat(report.skipped()).anySatisfy(s -> {
        assertThat(s.entityType()).isEqualTo(dev.qbmc.core.model.QboEntity.CUSTOMER);
        assertThat(s.reason()).isEqualTo(SkipReason.CONTACT_LIMIT);
      });
    }
  }
}
