package dev.qbmc.examples.host;

import dev.qbmc.core.AudienceChoice;
import dev.qbmc.core.ConnectRequest;
import dev.qbmc.core.Qbmc;
import dev.qbmc.core.SegmentRule;
import dev.qbmc.core.model.FactTags;
import dev.qbmc.core.model.MarketingStatus;
import dev.qbmc.core.store.InMemorySyncStateStore;
import dev.qbmc.core.store.InMemoryTokenStore;
import dev.qbmc.examples.cli.Sandbox;
import dev.qbmc.mailchimp.model.Segment;
import dev.qbmc.quickbooks.oauth.IntuitOAuth;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Targeting customers after a sync: ready-made Mailchimp segments built from the purchases qbmc
 * synced and from the QuickBooks facts it keeps as tags (open balance, overdue invoice). Its code is
 * the README's "Targeting customers" section; {@link #main} runs it against the simulators.
 */
public final class TargetingExample {
  private final Qbmc qbmc;

  /**
   * @param qbmc a qbmc instance whose connection "acme" has synced
   */
  public TargetingExample(Qbmc qbmc) {
    this.qbmc = Objects.requireNonNull(qbmc, "qbmc");
  }

  /**
   * Creates (or updates, by name) the example's segments and prints their sizes.
   *
   * @param out where to print
   * @return the connection's segments with their member counts
   */
  public List<Segment> createSegments(PrintStream out) {
    // quickstart:start segments
    qbmc.createSegment("acme", "Big spenders", SegmentRule.spentMoreThan(1000));
    qbmc.createSegment("acme", "Lapsed cake buyers",
        SegmentRule.boughtItem("Wedding cake"), SegmentRule.ordersAtLeast(2));
    qbmc.createSegment("acme", "Never bought", SegmentRule.neverPurchased());
    qbmc.createSegment("acme", "Payment reminders", SegmentRule.overdue()); // a tag qbmc keeps
    for (Segment segment : qbmc.segments("acme")) { // the connection's segments, created again = updated
      out.println(segment.name() + ": " + segment.memberCount() + " contacts");
    }
    // quickstart:end
    return qbmc.segments("acme");
  }

  /**
   * Connects the simulators' sample company with the fact tags named, syncs and creates the
   * segments.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }

  /**
   * Runs the example against the simulators.
   *
   * @param out where to print the segments
   * @return the segments created
   */
  public static List<Segment> run(PrintStream out) {
    try (Sandbox sandbox = Sandbox.builder().latency(Duration.ofMillis(1)).synchronousBatches(true).start()) {
      ApiEndpoints endpoints = ApiEndpoints.of(sandbox);
      IntuitOAuth intuit = QbmcSetup.intuitOAuth(endpoints, sandbox.quickBooks().clientId(),
          sandbox.quickBooks().clientSecret(), URI.create("http://127.0.0.1/oauth/quickbooks/callback"));
      try (Qbmc qbmc = QbmcSetup.builder(endpoints, intuit, null)
          .tokenStore(new InMemoryTokenStore())
          .stateStore(new InMemorySyncStateStore())
          .build()) {
        qbmc.storeQuickBooksRefreshToken("acme", sandbox.quickBooks().realmId(),
            sandbox.quickBooks().mintTokens().refreshToken());
        qbmc.storeMailchimpApiKey("acme", sandbox.mailchimp().apiKey());
        // quickstart:start fact-tags
        qbmc.connect(ConnectRequest.builder()
            .connectionId("acme")
            .realmId(sandbox.quickBooks().realmId())
            .audience(AudienceChoice.existing(sandbox.audienceId()))
            .marketingStatus(MarketingStatus.SUBSCRIBED)
            .factTags(FactTags.of("Owes money", "Overdue invoice")) // default names, or FactTags.none()
            .build());
        // quickstart:end
        qbmc.sync("acme");
        return new TargetingExample(qbmc).createSegments(out);
      }
    }
  }
}
