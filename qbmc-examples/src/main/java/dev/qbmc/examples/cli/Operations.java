package dev.qbmc.examples.cli;

import dev.qbmc.core.AudienceChoice;
import dev.qbmc.core.ConnectRequest;
import dev.qbmc.core.Qbmc;
import dev.qbmc.core.mapping.SafeText;
import dev.qbmc.core.spi.Connection;
import dev.qbmc.core.spi.SyncRunRecord;
import dev.qbmc.mailchimp.model.Member;
import dev.qbmc.mailchimp.model.MergeValue;
import dev.qbmc.quickbooks.oauth.IntuitTokens;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The steps the CLI commands and the demo share: connecting from the configuration, and printing
 * a connection, its recent runs and the imported contacts for people.
 */
public final class Operations {
  /** Intuit access tokens last one hour; one given by the operator is assumed to be younger. */
  private static final Duration GIVEN_ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(10);
  /** Intuit refresh tokens last 100 days from their last rotation. */
  private static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(100);

  private Operations() {}

  /**
   * Checks the settings {@link #connect} needs, in the order the README lists them.
   *
   * @param config the configuration
   * @throws ConfigException naming the first missing setting
   */
  public static void checkConnectSettings(CliConfig config) {
    config.requireRealmId();
    config.requireRefreshToken();
    config.requireMailchimpApiKey();
    config.requireAudienceId();
    config.requireMarketingStatus();
  }

  /**
   * Proves the configured credentials (a refresh token is refreshed at Intuit and the realm read
   * with it; a given access token is used to read the realm; the API key reads Mailchimp's API
   * root), stores each only once it worked, so a stale one leaves a working connection as it was,
   * and connects the realm to the audience: {@code QBMC_QBO_REALM_ID}, {@code QBMC_QBO_REFRESH_TOKEN} (with {@code
   * QBMC_QBO_ACCESS_TOKEN} when set), {@code QBMC_MAILCHIMP_API_KEY}, {@code QBMC_AUDIENCE_ID} and
   * {@code QBMC_MARKETING_STATUS} are required; {@code QBMC_TAG} and {@code QBMC_CONTACT_LIMIT}
   * are used when set.
   *
   * @param qbmc the instance
   * @param config the configuration
   * @param clock the clock used to date a given access token
   * @return the stored connection
   * @throws ConfigException when a required setting is missing
   * @throws dev.qbmc.core.CredentialsRejectedException when Intuit, QBO or Mailchimp refuses a
   *     credential (nothing of it was stored)
   */
  public static Connection connect(Qbmc qbmc, CliConfig config, Clock clock) {
    String id = config.connectionId();
    String realmId = config.requireRealmId();
    String refreshToken = config.requireRefreshToken();
    String apiKey = config.requireMailchimpApiKey();
    ConnectRequest request =
        ConnectRequest.builder()
            .connectionId(id)
            .realmId(realmId)
            .audience(AudienceChoice.existing(config.requireAudienceId()))
            .marketingStatus(config.requireMarketingStatus())
            .tag(config.tag())
            .factTags(config.factTags())
            .contactLimit(config.contactLimit())
            .build();
    // Prove each credential before storing it: a stale token given to connect again must not
    // replace the working ones of a connection (issue 12 item 5).
    if (config.accessToken().isPresent()) {
      Instant now = clock.instant();
      qbmc.checkAndStoreQuickBooksTokens(
          id,
          realmId,
          IntuitTokens.builder()
              .accessToken(config.accessToken().get())
              .refreshToken(refreshToken)
              .accessTokenExpiresAt(now.plus(GIVEN_ACCESS_TOKEN_LIFETIME))
              .refreshTokenExpiresAt(now.plus(REFRESH_TOKEN_LIFETIME))
              .realmId(realmId)
              .build());
    } else {
      qbmc.checkAndStoreQuickBooksRefreshToken(id, realmId, refreshToken);
    }
    qbmc.checkAndStoreMailchimpApiKey(id, apiKey);
    return qbmc.connect(request);
  }

  /**
   * Prints a connection's settings and status.
   *
   * @param connection the connection
   * @param out where to print
   */
  public static void printConnection(Connection connection, PrintStream out) {
    out.printf("Connection %s: %s%n", connection.connectionId(), connection.status());
    out.printf("  QuickBooks realm   %s%n", connection.realmId());
    out.printf("  Mailchimp audience %s (e-commerce store %s, %s)%n", connection.audienceId(), connection.storeId(),
        connection.homeCurrency());
    out.printf("  New contacts get   %s (existing contacts keep their status)%n",
        connection.marketingStatus().name().toLowerCase(Locale.ROOT));
    out.printf("  Import tag         %s%n", connection.tag());
    out.printf("  Fact tags          open balance: %s; overdue: %s%n",
        connection.factTags().openBalance().orElse("off"), connection.factTags().overdue().orElse("off"));
    out.printf("  Contact limit      %s%n", connection.contactLimit().map(l -> l + " (" + connection.contactLimitPolicy() + ")")
        .orElse("none"));
    out.printf("  Full sync done     %s%n", connection.fullSyncDone() ? "yes" : "no");
    out.printf("  Updated            %s%n", connection.updatedAt());
  }

  /**
   * Prints recent runs, newest first, one line each.
   *
   * @param runs the runs
   * @param out where to print
   */
  public static void printRuns(List<SyncRunRecord> runs, PrintStream out) {
    if (runs.isEmpty()) {
      out.println("  No sync has run yet.");
      return;
    }
    out.println("  Recent syncs:");
    for (SyncRunRecord run : runs) {
      out.printf("    %s  %s%n", run.startedAt(), run.summary().orElse(run.outcome().map(Enum::name).orElse("RUNNING")));
    }
  }

  /**
   * Prints contacts as a table (email, status, first and last name, tags) and their number; texts
   * from Mailchimp are cleaned of control, bidi and zero-width characters ({@link SafeText}).
   *
   * @param contacts the members
   * @param out where to print
   * @return how many were printed
   */
  public static long printContacts(Stream<Member> contacts, PrintStream out) {
    Objects.requireNonNull(contacts, "contacts");
    String row = "  %-44s %-13s %-12s %-14s %s%n";
    out.printf(row, "Email", "Status", "First name", "Last name", "Tags");
    long[] count = {0};
    contacts.forEach(member -> {
      count[0]++;
      out.printf(row, SafeText.clean(member.emailAddress()), member.status().name().toLowerCase(Locale.ROOT),
          text(member, "FNAME"), text(member, "LNAME"),
          member.tags().stream().map(t -> SafeText.clean(t.name())).sorted().collect(Collectors.joining(", ")));
    });
    out.printf("  %d contacts%n", count[0]);
    return count[0];
  }

  private static String text(Member member, String field) {
    MergeValue value = member.mergeFields().get(field);
    return value == null ? "" : SafeText.clean(value.text().orElse(""));
  }
}
