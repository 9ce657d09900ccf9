package dev.qbmc.examples.host;

import com.sun.net.httpserver.HttpServer;
import dev.qbmc.core.AudienceChoice;
import dev.qbmc.core.ConnectRequest;
import dev.qbmc.core.Qbmc;
import dev.qbmc.core.SyncListener;
import dev.qbmc.core.model.MarketingStatus;
import dev.qbmc.core.model.SyncMode;
import dev.qbmc.core.report.SyncReport;
import dev.qbmc.core.store.InMemorySyncStateStore;
import dev.qbmc.core.store.InMemoryTokenStore;
import dev.qbmc.examples.cli.Sandbox;
import dev.qbmc.examples.sim.quickbooks.SimEntity;
import dev.qbmc.quickbooks.webhook.WebhookPayloadException;
import dev.qbmc.quickbooks.webhook.WebhookSignatureException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An Intuit webhook endpoint: it reads the raw body, lets {@link Qbmc#handleWebhook} verify the
 * {@code intuit-signature}, drop redeliveries and schedule a targeted sync of the named records on
 * qbmc's executor, and answers at once: 200 well within Intuit's 3 seconds, 401 for a bad
 * signature, 400 for a body that is not a webhook payload. The sync itself runs afterwards.
 *
 * <p>{@link #main} runs it against the simulators: a customer changed in the QuickBooks simulator
 * is delivered as a signed webhook, answered in milliseconds, and synced to the Mailchimp
 * simulator by the background sync; a forged delivery gets 401.
 */
public final class WebhookEndpointExample {
  /** The endpoint's path. */
  public static final String PATH = "/webhooks/intuit";

  private WebhookEndpointExample() {}

  /**
   * Registers the endpoint on a server.
   *
   * @param server the server
   * @param qbmc the qbmc instance, built with the webhook verifier token
   */
  public static void register(HttpServer server, Qbmc qbmc) {
    Objects.requireNonNull(qbmc, "qbmc");
    // quickstart:start webhook
    server.createContext(PATH, exchange -> {
      byte[] rawBody = exchange.getRequestBody().readAllBytes(); // verify the bytes exactly as sent
      int status;
      try {
        qbmc.handleWebhook(exchange.getRequestHeaders(), rawBody); // verifies, de-duplicates, schedules
        status = 200; // answered at once; the targeted sync runs on qbmc's executor
      } catch (WebhookSignatureException e) {
        status = 401; // forged or corrupted delivery
      } catch (WebhookPayloadException e) {
        status = 400;
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    // quickstart:end
  }

  /**
   * Runs the endpoint against the simulators.
   *
   * @param args ignored
   * @throws Exception when something fails
   */
  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  /**
   * Runs the example.
   *
   * @param out where to print
   * @return the report of the webhook-triggered sync
   * @throws Exception when something fails
   */
  public static SyncReport run(PrintStream out) throws Exception {
    String verifierToken = "sandbox-webhook-verifier-token";
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    LinkedBlockingQueue<SyncReport> reports = new LinkedBlockingQueue<>();
    ExecutorService webhookSyncs = Executors.newFixedThreadPool(2);
    try (Sandbox sandbox = Sandbox.builder().webhooks(endpoint, verifierToken).synchronousBatches(true).start();
        Qbmc qbmc = QbmcSetup.builder(ApiEndpoints.of(sandbox),
                QbmcSetup.intuitOAuth(ApiEndpoints.of(sandbox), sandbox.quickBooks().clientId(),
                    sandbox.quickBooks().clientSecret(), URI.create("http://127.0.0.1/callback")),
                null)
            .tokenStore(new InMemoryTokenStore())
            .stateStore(new InMemorySyncStateStore())
            .webhookVerifierToken(verifierToken)
            .executor(webhookSyncs)
            .listener(new SyncListener() {
              @Override
              public void onFinished(SyncReport report) {
                reports.add(report);
              }
            })
            .build()) {
      register(server, qbmc);
      server.start();
      try {
        qbmc.storeQuickBooksRefreshToken("acme", sandbox.quickBooks().realmId(),
            sandbox.quickBooks().mintTokens().refreshToken());
        qbmc.storeMailchimpApiKey("acme", sandbox.mailchimp().apiKey());
        qbmc.connect(ConnectRequest.builder().connectionId("acme").realmId(sandbox.quickBooks().realmId())
            .audience(AudienceChoice.existing(sandbox.audienceId())).marketingStatus(MarketingStatus.SUBSCRIBED)
            .build());
        out.println("1. full sync: " + qbmc.sync("acme").summary());
        reports.clear();

        sandbox.quickBooks().update(SimEntity.CUSTOMER, "1", c -> c.put("FamilyName", "Webhooked"));
        long started = System.nanoTime();
        int status = sandbox.quickBooks().deliverWebhooks();
        out.printf("2. customer 1 changed in QuickBooks; the signed webhook was answered %d in %d ms%n", status,
            (System.nanoTime() - started) / 1_000_000);
        SyncReport report = reports.poll(30, TimeUnit.SECONDS);
        if (report == null || report.mode() != SyncMode.WEBHOOK) {
          throw new IllegalStateException("the webhook-triggered sync did not finish: " + report);
        }
        out.println("3. webhook-triggered sync: " + report.summary());
        out.println("   Mailchimp now has LNAME=" + sandbox.mailchimp()
            .member(sandbox.audienceId(), sandbox.quickBooks().read(SimEntity.CUSTOMER, "1").orElseThrow()
                .path("PrimaryEmailAddr").path("Address").asText())
            .orElseThrow().mergeFields().path("LNAME").asText());

        HttpResponse<Void> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint)
                .header("intuit-signature", "Zm9yZ2Vk").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
            HttpResponse.BodyHandlers.discarding());
        out.println("4. a forged delivery was answered " + forged.statusCode());
        return report;
      } finally {
        server.stop(0);
      }
    } finally {
      webhookSyncs.shutdown();
    }
  }
}
