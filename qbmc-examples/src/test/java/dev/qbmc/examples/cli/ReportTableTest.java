package dev.qbmc.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qbmc.core.report.SyncReport;
import dev.qbmc.core.report.SyncReportJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReportTableTest {
  private static final String REPORT = """
      {"schemaVersion":1,"connectionId":"acme","runId":"run-42","mode":"FULL","dryRun":false,
       "outcome":"PARTIAL","startedAt":"2026-11-27T01:02:03.456Z","finishedAt":"2026-11-27T01:02:05Z",
       "durationMillis":1544,
       "counts":{"CUSTOMER":{"created":25,"updated":2,"unchanged":0,"deleted":0,"skipped":2},
                 "ITEM":{"created":0,"updated":0,"unchanged":18,"deleted":0,"skipped":0},
                 "INVOICE":{"created":30,"updated":0,"unchanged":0,"deleted":1,"skipped":0},
                 "SALES_RECEIPT":{"created":0,"updated":0,"unchanged":0,"deleted":0,"skipped":1}},
       "totals":{"created":55,"updated":2,"unchanged":18,"deleted":1,"skipped":3},
       "skipped":[{"entityType":"CUSTOMER","qboId":"3","reason":"ROLE_BASED_EMAIL","detail":"role address admin@"},
                  {"entityType":"CUSTOMER","qboId":"58","reason":"NO_EMAIL"},
                  {"entityType":"SALES_RECEIPT","qboId":"12","reason":"NO_CUSTOMER"}],
       "failures":[{"entityType":"INVOICE","qboId":"130","code":"400 Invalid Resource","message":"The order total is not valid"},
                   {"code":"ServiceUnavailable","message":"Mailchimp returned 503 after 4 attempts"}],
       "apiCalls":{"QUICKBOOKS":{"total":7,"endpoints":{"GET /v3/company/{realmId}/query":7}},
                   "MAILCHIMP":{"total":3,"endpoints":{"POST /lists/{list_id}":1,
                                "PUT /ecommerce/stores/{store_id}/orders/{order_id}":2}}}}
      """;

  @Test
  void print_showsCountsPerEntityAndOutcome_skippedByReason_apiCallsPerApi_andFailures() {
    SyncReport report = SyncReportJson.fromJson(REPORT);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    ReportTable.print(report, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        "FULL sync PARTIAL in 1.54 s (run run-42, connection acme)",
        "  Entity            Created  Updated  Unchanged  Deleted  Skipped",
        "  Customers              25        2          0        0        2",
        "  Items                   0        0         18        0        0",
        "  Invoices               30        0          0        1        0",
        "  Sales receipts          0        0          0        0        1",
        "  Total                  55        2         18        1        3",
        "  Skipped by reason      Customers  Items  Invoices  Sales receipts",
        "  NO_EMAIL                       1      0         0               0",
        "  ROLE_BASED_EMAIL               1      0         0               0",
        "  NO_CUSTOMER                    0      0         0               1",
        "  API calls    Total  Endpoints",
        "  QuickBooks       7  GET /v3/company/{realmId}/query 7",
        "  Mailchimp        3  PUT /ecommerce/stores/{store_id}/orders/{order_id} 2, POST /lists/{list_id} 1",
        "  Failures: 2",
        "    Invoices 130 400 Invalid Resource: The order total is not valid",
        "    ServiceUnavailable: Mailchimp returned 503 after 4 attempts");
  }

  @Test
  void print_wrapsLongEndpointListsUnderTheEndpointsColumn_atAHundredCharacters() {
    String json = REPORT.replace("\"MAILCHIMP\":{\"total\":3,\"endpoints\":{\"POST /lists/{list_id}\":1,",
        "\"MAILCHIMP\":{\"total\":33,\"endpoints\":{\"POST /lists/{list_id}\":1,"
            + "\"GET /batches/{batch_id}\":10,\"PATCH /ecommerce/stores/{store_id}\":20,");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    ReportTable.print(SyncReportJson.fromJson(json), new PrintStream(bytes, true, StandardCharsets.UTF_8));

    java.util.List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    int mailchimp = lines.indexOf(lines.stream().filter(l -> l.startsWith("  Mailchimp")).findFirst().orElseThrow());
    assertThat(lines.get(mailchimp)).isEqualTo(
        "  Mailchimp       33  PATCH /ecommerce/stores/{store_id} 20, GET /batches/{batch_id} 10,");
    assertThat(lines.get(mailchimp + 1)).isEqualTo(
        "                      PUT /ecommerce/stores/{store_id}/orders/{order_id} 2, POST /lists/{list_id} 1");
    assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
  }

  @Test
  void print_countsNotesByCode() {
    SyncReport report = SyncReportJson.fromJson(REPORT.replace("\"failures\":", "\"notes\":["
        + "{\"entityType\":\"CUSTOMER\",\"qboId\":\"4\",\"code\":\"ATTACHED_TO_PARENT\",\"detail\":\"d\"},"
        + "{\"entityType\":\"CUSTOMER\",\"qboId\":\"5\",\"code\":\"ATTACHED_TO_PARENT\",\"detail\":\"d\"}],"
        + "\"failures\":"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    ReportTable.print(report, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("  Notes: 2 ATTACHED_TO_PARENT (jobs whose orders went to their parent's contact)");
  }

  @Test
  void contacts_areCleanedOfControlBidiAndZeroWidthCharacters_beforeTheyReachTheTerminal() {
    dev.qbmc.mailchimp.model.Member member = dev.qbmc.mailchimp.model.Member.builder()
        .id("h").emailAddress("ev\u202Eil@ex.example").status(dev.qbmc.mailchimp.model.MemberStatus.SUBSCRIBED)
        .putMergeFields("FNAME", dev.qbmc.mailchimp.model.MergeValue.text("Ma\u200Bya\u001B[2J"))
        .build();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Operations.printContacts(java.util.stream.Stream.of(member), new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("evil@ex.example", "Maya[2J")
        .doesNotContain("\u202E", "\u200B", "\u001B");
  }
}
