package demo.consumer;

import dev.qbmc.core.AudienceChoice;
import dev.qbmc.core.ConnectRequest;
import dev.qbmc.core.MailchimpConnector;
import dev.qbmc.core.Qbmc;
import dev.qbmc.core.QuickBooksConnector;
import dev.qbmc.core.model.MarketingStatus;
import dev.qbmc.core.model.SyncOutcome;
import dev.qbmc.core.report.SyncReport;
import dev.qbmc.core.store.FileStore;
import dev.qbmc.quickbooks.oauth.IntuitOAuth;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * A host application that uses qbmc as published: connects a QuickBooks company to a Mailchimp
 * audience (the endpoints and credentials come from the environment, as the CLI's QBMC_*
 * settings), runs one sync and exits 0 when it succeeded. Argument: the file store's folder.
 */
public final class SyncOnce {
  private SyncOnce() {}

  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    IntuitOAuth intuit = IntuitOAuth.builder()
        .clientId(env.get("QBMC_QBO_CLIENT_ID"))
        .clientSecret(env.get("QBMC_QBO_CLIENT_SECRET"))
        .redirectUri(URI.create("https://app.example.com/oauth/quickbooks/callback"))
        .tokenEndpoint(URI.create(env.get("QBMC_QBO_TOKEN_URL")))
        .build();
    QuickBooksConnector quickBooks = QuickBooksConnector.of(intuit, client ->
        client.baseUri(URI.create(env.get("QBMC_QBO_BASE_URL"))));
    MailchimpConnector mailchimp = MailchimpConnector.of(client -> client
        .baseUri(URI.create(env.get("QBMC_MAILCHIMP_BASE_URL")))
        .sleeper(duration -> { })); // the simulator finishes batches before answering
    String realmId = env.get("QBMC_QBO_REALM_ID");
    SyncReport report;
    try (FileStore store = FileStore.open(Path.of(args[0]));
        Qbmc qbmc = Qbmc.builder().quickBooks(quickBooks).mailchimp(mailchimp).tokenStore(store).stateStore(store)
            .build()) {
      qbmc.storeQuickBooksRefreshToken("consumer", realmId, env.get("QBMC_QBO_REFRESH_TOKEN"));
      qbmc.storeMailchimpApiKey("consumer", env.get("QBMC_MAILCHIMP_API_KEY"));
      qbmc.connect(ConnectRequest.builder()
          .connectionId("consumer")
          .realmId(realmId)
          .audience(AudienceChoice.existing(env.get("QBMC_AUDIENCE_ID")))
          .marketingStatus(MarketingStatus.SUBSCRIBED)
          .build());
      report = qbmc.sync("consumer");
    }
    System.out.println("module " + SyncOnce.class.getModule().getName() + " uses module "
        + Qbmc.class.getModule().getName());
    System.out.println(report.toJson());
    System.exit(report.outcome() == SyncOutcome.SUCCEEDED ? 0 : 1);
  }
}
