package dev.qbmc.examples.services;

import dev.qbmc.core.AudienceChoice;
import dev.qbmc.core.ConnectRequest;
import dev.qbmc.core.MailchimpConnector;
import dev.qbmc.core.Qbmc;
import dev.qbmc.core.QuickBooksConnector;
import dev.qbmc.core.SyncListener;
import dev.qbmc.core.model.MarketingStatus;
import dev.qbmc.core.spi.Connection;
import dev.qbmc.core.spi.SyncStateStore;
import dev.qbmc.core.spi.TokenStore;
import dev.qbmc.core.store.InMemorySyncStateStore;
import dev.qbmc.core.store.InMemoryTokenStore;
import dev.qbmc.examples.sim.mailchimp.MailchimpSimulator;
import dev.qbmc.examples.sim.quickbooks.CompanyData;
import dev.qbmc.examples.sim.quickbooks.QuickBooksSimulator;
import dev.qbmc.examples.sim.quickbooks.SampleCompany;
import dev.qbmc.mailchimp.MailchimpClient;
import dev.qbmc.mailchimp.MailchimpRetryPolicy;
import dev.qbmc.quickbooks.QuickBooksClient;
import dev.qbmc.quickbooks.oauth.IntuitOAuth;
import java.net.URI;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Both simulators on loopback with the sample company, a Mailchimp audience holding the
 * pre-unsubscribed addresses, and a {@link Qbmc} wired to them with in-memory stores, a hand-moved
 * clock and sleepers that advance it (no real waiting).
 */
final class SimulatedWorld implements AutoCloseable {
  static final String CONNECTION = "acme";

  final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
  final QuickBooksSimulator qbo;
  final MailchimpSimulator mailchimp;
  final String listId;
  final TokenStore tokens = new InMemoryTokenStore();
  final SyncStateStore state = new InMemorySyncStateStore();
  final IntuitOAuth oauth;

  SimulatedWorld() {
    this(SampleCompany.create());
  }

  SimulatedWorld(CompanyData company) {
    this(company, b -> b);
  }

  SimulatedWorld(
      CompanyData company, java.util.function.UnaryOperator<QuickBooksSimulator.Builder> qboOptions) {
    this(company, qboOptions, b -> b);
  }

  /** A world whose simulators' builders the test may change, e.g. the Mailchimp batch executor. */
  SimulatedWorld(
      CompanyData company, java.util.function.UnaryOperator<QuickBooksSimulator.Builder> qboOptions,
      java.util.function.UnaryOperator<MailchimpSimulator.Builder> mailchimpOptions) {
    qbo = qboOptions.apply(QuickBooksSimulator.builder().company(company).clock(clock)).build().start();
    mailchimp = mailchimpOptions.apply(MailchimpSimulator.builder().clock(clock).batchExecutor(Runnable::run))
        .build().start();
    listId = mailchimp.createList("Craig's customers");
    for (String email : SampleCompany.unsubscribedEmails()) {
      mailchimp.seedMember(listId, email, "unsubscribed");
    }
    oauth =
        IntuitOAuth.builder()
            .clientId(qbo.clientId())
            .clientSecret(qbo.clientSecret())
            .redirectUri(URI.create("http://127.0.0.1/callback"))
            .tokenEndpoint(URI.create(qbo.tokenUrl()))
            .revocationEndpoint(URI.create(qbo.revokeUrl()))
            .clock(clock)
            .build();
  }

  Qbmc qbmc() {
    return qbmc(b -> {});
  }

  Qbmc qbmc(Consumer<Qbmc.Builder> customise) {
    return qbmc(customise, mailchimpClient -> mailchimpClient);
  }

  /** A Qbmc; {@code wrapMailchimp} may install request listeners that inject failures. */
  Qbmc qbmc(Consumer<Qbmc.Builder> customise, java.util.function.UnaryOperator<MailchimpClient.Builder> mailchimpBuilder) {
    Qbmc.Builder builder =
        Qbmc.builder()
            .quickBooks(
                QuickBooksConnector.of(
                    oauth,
                    client ->
                        client
                            .baseUri(URI.create(qbo.baseUrl()))
                            .clock(clock)
                            .sleeper(d -> clock.advance(d))))
            .mailchimp(
                MailchimpConnector.of(
                    client ->
                        mailchimpBuilder.apply(
                            client
                                .baseUri(URI.create(mailchimp.baseUrl()))
                                .clock(clock)
                                .retryPolicy(MailchimpRetryPolicy.defaults())
                                .sleeper(d -> clock.advance(d)))))
            .tokenStore(tokens)
            .stateStore(state)
            .clock(clock)
            .sleeper(d -> clock.advance(d))
            .executor(Runnable::run)
            .webhookVerifierToken("verifier-token-for-tests")
            .listener(SyncListener.none());
    customise.accept(builder);
    return builder.build();
  }

  /** Stores credentials for the connection (a QBO refresh token from the simulator, the API key). */
  void authorise(Qbmc qbmc) {
    qbmc.storeQuickBooksRefreshToken(CONNECTION, qbo.realmId(), qbo.mintTokens().refreshToken());
    qbmc.storeMailchimpApiKey(CONNECTION, mailchimp.apiKey());
  }

  Connection connect(Qbmc qbmc) {
    return connect(qbmc, r -> {});
  }

  Connection connect(Qbmc qbmc, Consumer<ConnectRequest.Builder> customise) {
    authorise(qbmc);
    ConnectRequest.Builder request =
        ConnectRequest.builder()
            .connectionId(CONNECTION)
            .realmId(qbo.realmId())
            .audience(AudienceChoice.existing(listId))
            .marketingStatus(MarketingStatus.SUBSCRIBED);
    customise.accept(request);
    return qbmc.connect(request.build());
  }

  /** Mailchimp requests that change something (anything but GET). */
  long mailchimpWrites() {
    return mailchimp.requestLog().snapshot().entrySet().stream()
        .filter(e -> !e.getKey().startsWith("GET "))
        .mapToLong(e -> e.getValue())
        .sum();
  }

  @Override
  public void close() {
    qbo.close();
    mailchimp.close();
  }
}
