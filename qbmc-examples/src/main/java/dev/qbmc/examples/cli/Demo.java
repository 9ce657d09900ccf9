package dev.qbmc.examples.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qbmc.core.Qbmc;
import dev.qbmc.core.SegmentRule;
import dev.qbmc.core.model.SyncOutcome;
import dev.qbmc.core.report.SyncReport;
import dev.qbmc.core.spi.Connection;
import dev.qbmc.core.store.FileStore;
import dev.qbmc.examples.sim.quickbooks.GeneratedCompany;
import dev.qbmc.examples.sim.quickbooks.SimEntity;
import dev.qbmc.examples.sim.quickbooks.QuickBooksSimulator;
import dev.qbmc.examples.sim.quickbooks.SampleCompany;
import dev.qbmc.mailchimp.MailchimpSleeper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The one-command demo, with no credentials: both simulators on loopback with the sample company
 * (60 customers including every awkward case, 24 items, 240 invoice and sales receipt ids
 * including voided and deleted ones) and an audience that already holds some of its customers as
 * unsubscribed; then connect, a full sync with progress on stderr, a few changes in QuickBooks
 * (a customer renamed and moved, an invoice added, one voided, a sales receipt deleted), an
 * incremental sync, the imported contacts, two segments with their sizes, and disconnect. Each sync report is printed as a
 * table on stdout. State is kept in a {@link FileStore} in a temporary folder that is deleted at
 * the end.
 *
 * <p>Run it with {@code java -jar qbmc-examples/target/qbmc.jar demo}, or call {@link #main}.
 */
public final class Demo {
  /** The connection id the demo uses. */
  public static final String CONNECTION_ID = "demo";

  private final PrintStream out;
  private final PrintStream err;
  private final MailchimpSleeper mailchimpSleeper;

  private Demo(PrintStream out, PrintStream err, MailchimpSleeper mailchimpSleeper) {
    this.out = out;
    this.err = err;
    this.mailchimpSleeper = mailchimpSleeper;
  }

  /**
   * Runs the demo on the console and exits with its exit code.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    int code = run(System.out, System.err);
    System.out.flush();
    System.exit(code);
  }

  /**
   * Runs the demo.
   *
   * @param out where the steps and reports are printed
   * @param err where sync progress is printed
   * @return 0 when both syncs succeeded, else 1
   */
  public static int run(PrintStream out, PrintStream err) {
    return run(out, err, MailchimpSleeper.system());
  }

  /** Runs the demo with the sleeper of the Mailchimp clients (tests pass one that never waits). */
  static int run(PrintStream out, PrintStream err, MailchimpSleeper mailchimpSleeper) {
    return new Demo(Objects.requireNonNull(out, "out"), Objects.requireNonNull(err, "err"),
        Objects.requireNonNull(mailchimpSleeper, "mailchimpSleeper")).run();
  }

  private int run() {
    long started = System.nanoTime();
    Path stateDir = temporaryFolder();
    // The simulator runs a /batches request before answering it, so the first status poll finds it
    // finished and no sync waits out Mailchimp's 5-second poll interval.
    try (Sandbox sandbox = Sandbox.builder().synchronousBatches(true).start()) {
      Map<String, String> env = new HashMap<>(sandbox.environment());
      env.put(Setting.QBMC_STATE_DIR.name(), stateDir.toString());
      env.put(Setting.QBMC_CONNECTION_ID.name(), CONNECTION_ID);
      CliConfig config = CliConfig.fromEnvironment(env);
      out.println("qbmc demo: QuickBooks Online -> Mailchimp, against loopback simulators");
      out.printf("  QuickBooks simulator %s (realm %s, %d customers, %d items, %d invoice and %d sales receipt ids)%n",
          sandbox.quickBooks().baseUrl(), sandbox.quickBooks().realmId(), SampleCompany.CUSTOMERS, SampleCompany.ITEMS,
          SampleCompany.INVOICES, SampleCompany.SALES_RECEIPTS);
      out.printf("  Mailchimp simulator  %s (audience %s; already unsubscribed there: %s)%n",
          sandbox.mailchimp().baseUrl(), sandbox.audienceId(), String.join(", ", SampleCompany.unsubscribedEmails()));
      out.printf("  State                %s%n", stateDir);
      boolean succeeded;
      try (FileStore store = FileStore.open(stateDir);
          Qbmc qbmc = QbmcFactory.create(config, store, store, new ProgressDisplay(err), mailchimpSleeper)) {
        succeeded = flow(qbmc, config, sandbox);
      }
      out.printf("%nDemo finished in %.1f s: %s.%n", (System.nanoTime() - started) / 1e9,
          succeeded ? "both syncs succeeded" : "a sync did not fully succeed (see its report)");
      return succeeded ? 0 : 1;
    } finally {
      deleteRecursively(stateDir);
    }
  }

  private boolean flow(Qbmc qbmc, CliConfig config, Sandbox sandbox) {
    step(1, "Connect the company to the audience");
    Connection connection = Operations.connect(qbmc, config, Clock.systemUTC());
    Operations.printConnection(connection, out);

    step(2, "Full sync");
    SyncReport full = qbmc.sync(CONNECTION_ID);
    ReportTable.print(full, out);

    step(3, "Change a few things in QuickBooks Online");
    changeCompany(sandbox.quickBooks());

    step(4, "Incremental sync (reads only the changes, writes only the differences)");
    SyncReport incremental = qbmc.sync(CONNECTION_ID);
    ReportTable.print(incremental, out);

    step(5, "Contacts imported from QuickBooks Online (tag '" + connection.tag() + "')");
    Operations.printContacts(qbmc.importedContacts(CONNECTION_ID), out);

    step(6, "Target customers: two segments from the synced purchases and the overdue tag");
    qbmc.createSegment(CONNECTION_ID, "Spent over 500", SegmentRule.spentMoreThan(500));
    qbmc.createSegment(CONNECTION_ID, "Overdue invoices", SegmentRule.overdue());
    SegmentCommand.print(qbmc.segments(CONNECTION_ID), out);

    step(7, "Disconnect");
    qbmc.disconnect(CONNECTION_ID, false);
    out.printf("  Status now %s; Mailchimp keeps the %d audience contacts, their tags and the segments;"
            + " e-commerce stores left: %d%n",
        qbmc.connection(CONNECTION_ID).map(c -> c.status().name()).orElse("none"),
        sandbox.mailchimp().members(sandbox.audienceId()).size(), sandbox.mailchimp().stores().size());
    return full.outcome() == SyncOutcome.SUCCEEDED && incremental.outcome() == SyncOutcome.SUCCEEDED;
  }

  private void changeCompany(QuickBooksSimulator qbo) {
    String customerId = SampleCompany.customerIds(GeneratedCompany.CustomerKind.REGULAR).get(1);
    ObjectNode customer = qbo.update(SimEntity.CUSTOMER, customerId, c -> {
      c.put("FamilyName", "Moved-Away");
      ((ObjectNode) c.path("BillAddr")).put("City", "Portland").put("CountrySubDivisionCode", "OR")
          .put("PostalCode", "97201");
    });
    out.printf("  Updated customer %s: family name and billing city changed (%s %s, %s)%n", customerId,
        customer.path("GivenName").asText(), customer.path("FamilyName").asText(),
        customer.path("BillAddr").path("City").asText());
    String buyer = SampleCompany.customerIds(GeneratedCompany.CustomerKind.REGULAR).get(0);
    ObjectNode invoice = qbo.addInvoice(buyer, "4", 3, new BigDecimal("42.50"));
    out.printf("  Added invoice %s: customer %s, 3 x 42.50 = %s%n", invoice.path("Id").asText(), buyer,
        invoice.path("TotalAmt").decimalValue().toPlainString());
    qbo.voidTransaction(SimEntity.INVOICE, "2");
    out.println("  Voided invoice 2");
    qbo.deleteTransaction(SimEntity.SALES_RECEIPT, "3");
    out.println("  Deleted sales receipt 3");
  }

  private void step(int number, String title) {
    out.printf("%n== %d. %s%n", number, title);
    out.flush();
  }

  private static Path temporaryFolder() {
    try {
      return Files.createTempDirectory("qbmc-demo-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary folder for the demo's state", e);
    }
  }

  private static void deleteRecursively(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: the folder is in the system's temporary directory
    }
  }

  @Override
  public String toString() {
    return "Demo";
  }
}
