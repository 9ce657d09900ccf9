package dev.qbmc.examples.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qbmc.examples.sim.Sleeper;
import dev.qbmc.examples.sim.mailchimp.MailchimpSimulator;
import dev.qbmc.examples.sim.quickbooks.GeneratedCompany;
import dev.qbmc.examples.sim.quickbooks.SimEntity;
import dev.qbmc.examples.sim.quickbooks.QuickBooksSimulator;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** Both simulators in this JVM, with real sleeping latency and the configured limits. */
final class LocalSimulators implements Simulators {
  /** Every id with this remainder modulo 100 is changed by {@link #mutate()}. */
  static final int MUTATED_REMAINDER = 50;

  private final SimSettings settings;
  private final GeneratedCompany company;
  private final QuickBooksSimulator qbo;
  private final MailchimpSimulator mailchimp;
  private final String listId;

  LocalSimulators(SimSettings settings) {
    this.settings = settings;
    this.company = settings.size().company();
    this.qbo = QuickBooksSimulator.builder()
        .company(company)
        .latency(settings.latency())
        .sleeper(Sleeper.system())
        .perMinuteLimit(settings.qboPerMinute())
        .maxInFlight(settings.qboInFlight())
        .build()
        .start();
    // Full reads then copy serialised pages: the measured syncs pay for the client, not for the
    // simulator generating and serialising the company (about 1 KB of heap per entity).
    qbo.preSerialise();
    this.mailchimp = MailchimpSimulator.builder()
        .latency(settings.latency())
        .sleeper(Sleeper.system())
        .maxConnections(settings.mailchimpConnections())
        .build()
        .start();
    this.listId = mailchimp.createList("Benchmark audience");
    for (long id = 43; id <= settings.size().customers(); id += 50) {
      // GeneratedCompany.CustomerKind.UNSUBSCRIBED_IN_MAILCHIMP: already unsubscribed in Mailchimp
      long customerId = id;
      company.customerEmail(customerId).ifPresent(email -> mailchimp.seedMember(listId, email, "unsubscribed"));
    }
  }

  @Override
  public SimInfo info() {
    return new SimInfo(qbo.baseUrl(), qbo.tokenUrl(), qbo.revokeUrl(), qbo.realmId(), qbo.clientId(),
        qbo.clientSecret(), mailchimp.baseUrl(), mailchimp.apiKey(), listId);
  }

  @Override
  public String mintRefreshToken() {
    return qbo.mintTokens().refreshToken();
  }

  @Override
  public Map<String, Long> qboCalls() {
    return qbo.requestLog().snapshot();
  }

  @Override
  public Map<String, Long> mailchimpCalls() {
    return mailchimp.requestLog().snapshot();
  }

  @Override
  public void resetCalls() {
    qbo.requestLog().reset();
    mailchimp.requestLog().reset();
  }

  @Override
  public Mutation mutate() {
    long customers = 0;
    for (long id = MUTATED_REMAINDER; id <= settings.size().customers(); id += 100) {
      qbo.update(SimEntity.CUSTOMER, Long.toString(id), c -> c.put("FamilyName", c.path("FamilyName").asText() + "-Ray"));
      customers++;
    }
    long invoices = mutateTransactions(SimEntity.INVOICE, settings.size().invoices());
    long receipts = mutateTransactions(SimEntity.SALES_RECEIPT, settings.size().receipts());
    return new Mutation(customers, invoices, receipts);
  }

  private long mutateTransactions(SimEntity entity, long count) {
    long changed = 0;
    for (long id = MUTATED_REMAINDER; id <= count; id += 100) {
      if (GeneratedCompany.isDeleted(id)) {
        continue;
      }
      qbo.update(entity, Long.toString(id), t -> moveAndPay(entity, t));
      changed++;
    }
    return changed;
  }

  private static void moveAndPay(SimEntity entity, ObjectNode txn) {
    txn.put("TxnDate", LocalDate.parse(txn.path("TxnDate").asText()).plusDays(1).toString());
    if (entity == SimEntity.INVOICE) {
      txn.put("Balance", BigDecimal.ZERO.setScale(2));
    }
  }

  @Override
  public long simulatorHeapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  @Override
  public void close() {
    qbo.close();
    mailchimp.close();
  }
}
