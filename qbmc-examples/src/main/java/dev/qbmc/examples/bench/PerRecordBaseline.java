package dev.qbmc.examples.bench;

import dev.qbmc.core.mapping.ContactRecord;
import dev.qbmc.core.mapping.CustomerDirectory;
import dev.qbmc.core.mapping.CustomerResolution;
import dev.qbmc.core.mapping.MappedCustomer;
import dev.qbmc.core.mapping.MappingOutcome;
import dev.qbmc.core.mapping.OrderLine;
import dev.qbmc.core.mapping.OrderRecord;
import dev.qbmc.core.mapping.PostalAddress;
import dev.qbmc.core.mapping.ProductRecord;
import dev.qbmc.core.mapping.QboMapper;
import dev.qbmc.core.mapping.SyncSettings;
import dev.qbmc.core.model.MarketingStatus;
import dev.qbmc.core.model.SkipReason;
import dev.qbmc.mailchimp.ConnectionLimiter;
import dev.qbmc.mailchimp.MailchimpServiceException;
import dev.qbmc.mailchimp.MailchimpClient;
import dev.qbmc.mailchimp.MailchimpCredentials;
import dev.qbmc.mailchimp.model.AddressMergeValue;
import dev.qbmc.mailchimp.model.EcommerceCustomer;
import dev.qbmc.mailchimp.model.MemberStatus;
import dev.qbmc.mailchimp.model.MemberUpsert;
import dev.qbmc.mailchimp.model.MergeValue;
import dev.qbmc.mailchimp.model.Order;
import dev.qbmc.mailchimp.model.OrderLineItem;
import dev.qbmc.mailchimp.model.Product;
import dev.qbmc.mailchimp.model.ProductVariant;
import dev.qbmc.mailchimp.model.StoreCreate;
import dev.qbmc.quickbooks.AccessTokenProvider;
import dev.qbmc.quickbooks.EntityType;
import dev.qbmc.quickbooks.Query;
import dev.qbmc.quickbooks.QuickBooksClient;
import dev.qbmc.quickbooks.model.Customer;
import dev.qbmc.quickbooks.model.Invoice;
import dev.qbmc.quickbooks.model.Item;
import dev.qbmc.quickbooks.model.SalesReceipt;
import dev.qbmc.quickbooks.oauth.IntuitOAuth;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The same initial sync done the way per-record integrations do it: the QBO pages are read as qbmc
 * reads them and mapped by the same {@link QboMapper}, then every record is written by its own
 * call with the Mailchimp client, up to the connection limit in parallel: one member {@code PUT}
 * per customer, one {@code PUT} per e-commerce customer, product and order; no batch subscribe,
 * no {@code /batches}, no stored state.
 */
final class PerRecordBaseline {
  static final String STORE_ID = "baseline-store";

  private final SimInfo info;
  private final String refreshToken;
  private final int connections;
  private final int qboInFlight;
  private final int qboPerMinute;
  private final QboMapper mapper =
      QboMapper.of(SyncSettings.builder().marketingStatus(MarketingStatus.SUBSCRIBED).storeId(STORE_ID)
          .homeCurrency("USD").build());
  private final Map<String, CustomerResolution> directory = new ConcurrentHashMap<>();
  private final AtomicLong read = new AtomicLong();
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  /** What the run did. */
  record Counts(long read, long written, long skipped, long failed) {
  }

  PerRecordBaseline(SimInfo info, String refreshToken, SimSettings limits) {
    this.info = info;
    this.refreshToken = refreshToken;
    this.connections = limits.mailchimpConnections();
    this.qboInFlight = limits.qboInFlight();
    this.qboPerMinute = limits.qboPerMinute();
  }

  Counts run() {
    IntuitOAuth oauth = IntuitOAuth.builder().clientId(info.qboClientId()).clientSecret(info.qboClientSecret())
        .redirectUri(URI.create("http://127.0.0.1/callback")).tokenEndpoint(URI.create(info.qboTokenUrl()))
        .revocationEndpoint(URI.create(info.qboRevokeUrl())).build();
    QuickBooksClient qbo = QuickBooksClient.builder().baseUri(URI.create(info.qboBaseUrl())).realmId(info.realmId())
        .accessTokenProvider(AccessTokenProvider.ofStatic(oauth.refresh(refreshToken).accessToken()))
        .maxConcurrentRequests(qboInFlight).maxRequestsPerMinute(qboPerMinute).build();
    MailchimpClient mailchimp = MailchimpClient.builder().credentials(MailchimpCredentials.apiKey(info.mailchimpApiKey()))
        .baseUri(URI.create(info.mailchimpBaseUrl())).connectionLimiter(ConnectionLimiter.of(connections)).build();
    mailchimp.ecommerce().createStore(StoreCreate.builder().id(STORE_ID).listId(info.listId()).name("Baseline store")
        .currencyCode("USD").build());
    ExecutorService pool = Executors.newFixedThreadPool(connections, r -> {
      Thread t = new Thread(r, "baseline-writer");
      t.setDaemon(true);
      return t;
    });
    Semaphore queued = new Semaphore(connections * 20);
    try {
      try (Stream<Item> items = qbo.query(Query.select(EntityType.ITEM).includeInactive())) {
        items.forEach(item -> submit(pool, queued, () -> writeProduct(mailchimp, mapper.item(item))));
      }
      drain(queued);
      try (Stream<Customer> customers = qbo.query(Query.select(EntityType.CUSTOMER).includeInactive())) {
        customers.forEach(customer -> submit(pool, queued, () -> writeCustomer(mailchimp, mapper.customer(customer))));
      }
      drain(queued);
      CustomerDirectory customers = CustomerDirectory.of(directory);
      try (Stream<Invoice> invoices = qbo.query(Query.select(EntityType.INVOICE))) {
        invoices.forEach(invoice -> submit(pool, queued, () -> writeOrder(mailchimp, mapper.invoice(invoice, customers))));
      }
      try (Stream<SalesReceipt> receipts = qbo.query(Query.select(EntityType.SALES_RECEIPT))) {
        receipts.forEach(r -> submit(pool, queued, () -> writeOrder(mailchimp, mapper.salesReceipt(r, customers))));
      }
      drain(queued);
    } finally {
      pool.shutdownNow();
    }
    return new Counts(read.get(), written.get(), skipped.get(), failed.get());
  }

  private void submit(ExecutorService pool, Semaphore queued, Runnable write) {
    read.incrementAndGet();
    queued.acquireUninterruptibly();
    pool.execute(() -> {
      try {
        write.run();
      } finally {
        queued.release();
      }
    });
  }

  private void drain(Semaphore queued) {
    int all = connections * 20;
    try {
      if (!queued.tryAcquire(all, 1, TimeUnit.HOURS)) {
        throw new IllegalStateException("baseline writes did not finish within an hour");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    queued.release(all);
  }

  private void writeProduct(MailchimpClient mailchimp, MappingOutcome<ProductRecord> outcome) {
    if (outcome.record().isEmpty()) {
      skipped.incrementAndGet();
      return;
    }
    ProductRecord p = outcome.record().get();
    call(() -> mailchimp.ecommerce().upsertProduct(STORE_ID, Product.builder().id(p.id()).title(p.title())
        .description(p.description()).addVariants(ProductVariant.builder().id(p.variantId()).title(p.title())
            .sku(p.sku()).price(p.price()).build()).build()));
  }

  private void writeCustomer(MailchimpClient mailchimp, MappingOutcome<MappedCustomer> outcome) {
    if (outcome.record().isEmpty()) {
      skipped.incrementAndGet();
      directory.put(outcome.qboId(), CustomerResolution.of(outcome));
      return;
    }
    MappedCustomer customer = outcome.record().get();
    boolean member = call(() -> mailchimp.members().upsert(info.listId(), member(customer.contact())));
    if (!member) {
      directory.put(outcome.qboId(), CustomerResolution.notSynced(SkipReason.FAKE_OR_INVALID_EMAIL));
      return;
    }
    var c = customer.commerceCustomer();
    boolean synced = call(() -> mailchimp.ecommerce().upsertCustomer(STORE_ID, EcommerceCustomer.builder().id(c.id())
        .emailAddress(c.email().address()).optInStatus(c.optIn()).firstName(c.firstName()).lastName(c.lastName())
        .company(c.company()).build()));
    directory.put(outcome.qboId(), synced ? CustomerResolution.of(outcome)
        : CustomerResolution.notSynced(SkipReason.FAKE_OR_INVALID_EMAIL));
  }

  private void writeOrder(MailchimpClient mailchimp, MappingOutcome<OrderRecord> outcome) {
    if (outcome.record().isEmpty()) {
      skipped.incrementAndGet();
      return;
    }
    OrderRecord r = outcome.record().get();
    Order.Builder order = Order.builder().id(r.id()).customer(EcommerceCustomer.builder().id(r.customerId()).build())
        .currencyCode(r.currencyCode()).orderTotal(r.orderTotal()).taxTotal(r.taxTotal())
        .discountTotal(r.discountTotal()).processedAtForeign(r.processedAt())
        .financialStatus(r.financialStatus().apiValue());
    for (OrderLine line : r.lines()) {
      BigDecimal quantity = line.quantity();
      boolean integral = quantity.signum() >= 0 && quantity.stripTrailingZeros().scale() <= 0
          && quantity.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
      order.addLines(OrderLineItem.builder().id(line.id()).productId(line.productId())
          .productVariantId(line.productVariantId()).quantity(integral ? quantity.intValueExact() : 1)
          .price(integral ? line.price() : line.price().multiply(quantity).setScale(2, RoundingMode.HALF_EVEN))
          .build());
    }
    call(() -> mailchimp.ecommerce().upsertOrder(STORE_ID, order.build()));
  }

  private MemberUpsert member(ContactRecord contact) {
    MemberUpsert.Builder member = MemberUpsert.builder().emailAddress(contact.email().address())
        .statusIfNew(contact.statusIfNew() == MarketingStatus.SUBSCRIBED ? MemberStatus.SUBSCRIBED
            : MemberStatus.UNSUBSCRIBED);
    contact.firstName().ifPresent(v -> member.putMergeFields("FNAME", MergeValue.truncatedText(v)));
    contact.lastName().ifPresent(v -> member.putMergeFields("LNAME", MergeValue.truncatedText(v)));
    contact.phone().ifPresent(v -> member.putMergeFields("PHONE", MergeValue.truncatedText(v)));
    contact.address().ifPresent(a -> member.putMergeFields("ADDRESS", MergeValue.address(address(a))));
    return member.build();
  }

  private static AddressMergeValue address(PostalAddress a) {
    return AddressMergeValue.builder().addr1(a.addr1()).addr2(a.addr2()).city(a.city()).state(a.state()).zip(a.zip())
        .country(a.country()).build();
  }

  private boolean call(Runnable write) {
    try {
      write.run();
      written.incrementAndGet();
      return true;
    } catch (MailchimpServiceException e) {
      failed.incrementAndGet();
      return false;
    }
  }
}
