package dev.qbmc.examples.services;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qbmc.core.AudienceChoice;
import dev.qbmc.core.ConnectRequest;
import dev.qbmc.core.MailchimpConnector;
import dev.qbmc.core.Qbmc;
import dev.qbmc.core.QuickBooksConnector;
import dev.qbmc.core.SyncListener;
import dev.qbmc.core.model.MarketingStatus;
import dev.qbmc.core.report.SyncReport;
import dev.qbmc.core.store.InMemorySyncStateStore;
import dev.qbmc.core.store.InMemoryTokenStore;
import dev.qbmc.examples.sim.FaultInjector;
import dev.qbmc.examples.sim.MailchimpSnapshot;
import dev.qbmc.examples.sim.mailchimp.MailchimpSimulator;
import dev.qbmc.examples.sim.quickbooks.GeneratedCompany;
import dev.qbmc.examples.sim.quickbooks.SimEntity;
import dev.qbmc.examples.sim.quickbooks.QuickBooksSimulator;
import dev.qbmc.mailchimp.MailchimpRetryPolicy;
import dev.qbmc.quickbooks.oauth.IntuitOAuth;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One world of the fault sweep: a small generated company (several chunks and {@code /batches}
 * per sync), both simulators with their request sequences recorded, in-memory stores, a clock the
 * sleepers move (no real waiting) and an HTTP client that can time out without waiting.
 */
final class SweepWorld implements AutoCloseable {
  static final String CONNECTION = "sweep";
  /** QBO rows per page: every entity takes several pages. */
  static final int PAGE_SIZE = 8;

  final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
  final QuickBooksSimulator qbo;
  final MailchimpSimulator mailchimp;
  final AtomicBoolean holdNextBatch = new AtomicBoolean();
  final List<String> qboRequests = Collections.synchronizedList(new ArrayList<>());
  final List<String> mailchimpRequests = Collections.synchronizedList(new ArrayList<>());
  final String listId;
  final InMemorySyncStateStore state = new InMemorySyncStateStore();
  final Qbmc qbmc;
  private String storeId;

  SweepWorld(HttpClient http) {
    this(http, 4, Runnable::run);
  }

  /**
   * @param batchesInFlight the sync's {@code Qbmc.Builder.batchesInFlight}
   * @param batches runs the simulator's batch jobs (on the thread of the {@code POST /batches} request)
   */
  SweepWorld(HttpClient http, int batchesInFlight, Executor batches) {
    GeneratedCompany company = GeneratedCompany.builder()
        .seed(12)
        .customers(36)
        .items(12)
        .invoices(60)
        .salesReceipts(30)
        .baseTime(Instant.parse("2026-01-05T09:00:00Z"))
        .build();
    // Intuit keeps a rotated refresh token working for 24 hours: a lost token answer costs nothing.
    qbo = QuickBooksSimulator.builder().company(company).clock(clock).refreshTokenGrace(Duration.ofHours(24))
        .build().start();
    mailchimp = MailchimpSimulator.builder()
        .clock(clock)
        .batchExecutor(job -> {
          if (!holdNextBatch.getAndSet(false)) {
            batches.execute(job);
          }
        })
        .build()
        .start();
    record(qbo.faults(), qboRequests);
    record(mailchimp.faults(), mailchimpRequests);
    listId = mailchimp.createList("Sweep customers");
    for (long id = 2; id < 12; id += 3) {
      company.customerEmail(id).ifPresent(email -> mailchimp.seedMember(listId, email, "unsubscribed"));
    }
    TimeoutHttpClient timeouts = new TimeoutHttpClient(http);
    IntuitOAuth oauth = IntuitOAuth.builder()
        .clientId(qbo.clientId())
        .clientSecret(qbo.clientSecret())
        .redirectUri(URI.create("http://127.0.0.1/callback"))
        .tokenEndpoint(URI.create(qbo.tokenUrl()))
        .revocationEndpoint(URI.create(qbo.revokeUrl()))
        .httpClient(timeouts)
        .clock(clock)
        .build();
    qbmc = Qbmc.builder()
        .httpClient(timeouts)
        .quickBooks(QuickBooksConnector.of(oauth, client -> client
            .baseUri(URI.create(qbo.baseUrl()))
            .maxPageSize(PAGE_SIZE)
            .clock(clock)
            .sleeper(clock::advance)))
        .mailchimp(MailchimpConnector.of(client -> client
            .baseUri(URI.create(mailchimp.baseUrl()))
            .clock(clock)
            .retryPolicy(MailchimpRetryPolicy.defaults())
            .sleeper(clock::advance)))
        .tokenStore(new InMemoryTokenStore())
        .stateStore(state)
        .clock(clock)
        .sleeper(clock::advance)
        .executor(Runnable::run)
        .webhookVerifierToken("verifier-token-for-tests")
        .listener(SyncListener.none())
        .chunkSize(10)
        .directWriteLimit(3)
        .batchesInFlight(batchesInFlight)
        .batchTimeout(Duration.ofMinutes(5))
        .build();
  }

  /** Records every request's {@code "METHOD template"} in order (a rule that never fires). */
  private static void record(FaultInjector faults, List<String> into) {
    faults.onEvery(r -> {
      into.add(r.method() + " " + r.route());
      return false;
    }, (r, n, s) -> n.apply(r));
  }

  void connect() {
    qbmc.storeQuickBooksRefreshToken(CONNECTION, qbo.realmId(), qbo.mintTokens().refreshToken());
    qbmc.storeMailchimpApiKey(CONNECTION, mailchimp.apiKey());
    storeId = qbmc.connect(ConnectRequest.builder()
        .connectionId(CONNECTION)
        .realmId(qbo.realmId())
        .audience(AudienceChoice.existing(listId))
        .marketingStatus(MarketingStatus.SUBSCRIBED)
        .build()).storeId();
  }

  SyncReport sync() {
    return qbmc.sync(CONNECTION);
  }

  /**
   * The same QuickBooks changes in every world, a day after the full sync (so the incremental sync also reads the invoices fallen due): a renamed
   * customer, a new customer with an invoice, a new invoice and sales receipt of an existing
   * customer, a repriced item, a voided invoice and a deleted sales receipt.
   */
  void editQuickBooks() {
    clock.advance(Duration.ofDays(1));
    qbo.update(SimEntity.CUSTOMER, "1", c -> c.put("GivenName", "Renamed"));
    ObjectNode added = qbo.addCustomer("Sweep Newcomer", "newcomer@example.com");
    qbo.addInvoice(added.path("Id").asText(), "2", 3, new BigDecimal("19.99"));
    qbo.addInvoice("4", "3", 1, new BigDecimal("250.00"));
    qbo.addSalesReceipt("5", "4", 2, new BigDecimal("7.50"));
    qbo.update(SimEntity.ITEM, "2", i -> i.put("Name", "Repriced item").put("UnitPrice", 21.5));
    qbo.voidTransaction(SimEntity.INVOICE, firstOrder("invoice-", 0));
    qbo.deleteTransaction(SimEntity.SALES_RECEIPT, firstOrder("salesreceipt-", 0));
    qbo.voidTransaction(SimEntity.INVOICE, firstOrder("invoice-", 1));
  }

  /** The QBO id of the {@code skip}-th (in id order) synced, not cancelled order with the prefix. */
  private String firstOrder(String prefix, int skip) {
    return mailchimp.orders(storeId).stream()
        .filter(o -> o.path("id").asText().startsWith(prefix) && !"cancelled".equals(o.path("financial_status").asText()))
        .map(o -> o.path("id").asText().substring(prefix.length()))
        .sorted(java.util.Comparator.comparingLong(Long::parseLong))
        .skip(skip)
        .findFirst()
        .orElseThrow();
  }

  /** What Mailchimp holds ({@link MailchimpSnapshot}). */
  List<String> mailchimpState() {
    return MailchimpSnapshot.of(mailchimp, listId, storeId);
  }

  @Override
  public void close() {
    qbmc.close();
    qbo.close();
    mailchimp.close();
  }
}
