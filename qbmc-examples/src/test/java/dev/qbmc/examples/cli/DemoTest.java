package dev.qbmc.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoTest {

  @Test
  void run_goesThroughEveryStep_printsEachReportAsTables_andExits0() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code = Demo.run(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), duration -> { });

    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(printed).isZero();
    assertThat(printed).contains(
        "== 1. Connect", "Connection demo: CONNECTED",
        "== 2. Full sync", "FULL sync SUCCEEDED",
        "== 3. Change a few things", "Voided invoice 2", "Deleted sales receipt 3",
        "== 4. Incremental sync", "INCREMENTAL sync SUCCEEDED",
        "== 5. Contacts imported", "unsub.omar.jensen43@example.org              unsubscribed", "57 contacts",
        "== 6. Target customers", "Spent over 500", "Overdue invoices", "2 segments",
        "== 7. Disconnect", "Status now DISCONNECTED; Mailchimp keeps the 57 audience contacts, their tags and the"
            + " segments; e-commerce stores left: 0",
        "both syncs succeeded");
    assertThat(printed.lines().filter(l -> l.startsWith("  Entity            Created"))).hasSize(2);
    assertThat(printed.lines().filter(l -> l.startsWith("  API calls    Total  Endpoints"))).hasSize(2);
    assertThat(printed).containsPattern("  Customers +57 +0 +0 +0 +3")
        .containsPattern("  Skipped by reason +Customers +Items +Invoices +Sales receipts");
    assertThat(printed).containsPattern("  Spent over 500 +[1-9]\\d* +\\d+")
        .containsPattern("  Overdue invoices +[1-9]\\d* +\\d+");
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("[sync] customers done 60 records", "[sync] finished");
  }
}
