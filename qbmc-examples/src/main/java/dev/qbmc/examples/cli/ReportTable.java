package dev.qbmc.examples.cli;

import dev.qbmc.core.model.Provider;
import dev.qbmc.core.model.QboEntity;
import dev.qbmc.core.model.SkipReason;
import dev.qbmc.core.report.EntityCounts;
import dev.qbmc.core.report.SkippedRecord;
import dev.qbmc.core.report.SyncFailure;
import dev.qbmc.core.report.SyncNote;
import dev.qbmc.core.report.SyncReport;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Prints a {@link SyncReport} as plain-text tables for people: a heading line with mode, outcome
 * and duration; counts per entity type and outcome with totals; skipped records counted by reason
 * and entity type; API calls per API with their endpoints; notes by code; and the failures, if any.
 *
 * <pre>
 * FULL sync SUCCEEDED in 1.84 s (run 1b9e...)
 *   Entity           Created  Updated  Unchanged  Deleted  Skipped
 *   Customers             53        0          0        0        7
 *   ...
 *   Total                ...
 *   Skipped by reason        Customers  Items  Invoices  Sales receipts
 *   NO_EMAIL                         2      0         0               0
 *   API calls   Total  Endpoints
 *   QuickBooks     14  GET /v3/company/{realmId}/query 12, ...
 * </pre>
 */
public final class ReportTable {
  private static final Map<QboEntity, String> LABELS = new EnumMap<>(Map.of(
      QboEntity.CUSTOMER, "Customers",
      QboEntity.ITEM, "Items",
      QboEntity.INVOICE, "Invoices",
      QboEntity.SALES_RECEIPT, "Sales receipts"));
  private static final int MAX_FAILURES_SHOWN = 20;
  private static final int WIDTH = 100;

  private ReportTable() {}

  /**
   * Prints the report.
   *
   * @param report the report
   * @param out where to print
   */
  public static void print(SyncReport report, PrintStream out) {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(out, "out");
    out.printf("%s%s sync %s in %.2f s (run %s, connection %s)%n", report.mode(), report.dryRun() ? " dry-run" : "",
        report.outcome(), report.duration().toMillis() / 1000.0, report.runId(), report.connectionId());
    printCounts(report, out);
    printSkipped(report.skipped(), out);
    printApiCalls(report, out);
    printNotes(report.notes(), out);
    printFailures(report.failures(), out);
  }

  private static void printCounts(SyncReport report, PrintStream out) {
    String row = "  %-16s %8s %8s %10s %8s %8s%n";
    out.printf(row, "Entity", "Created", "Updated", "Unchanged", "Deleted", "Skipped");
    for (QboEntity type : QboEntity.values()) {
      countRow(out, row, LABELS.get(type), report.countsFor(type));
    }
    countRow(out, row, "Total", report.totals());
  }

  private static void countRow(PrintStream out, String row, String label, EntityCounts c) {
    out.printf(row, label, c.created(), c.updated(), c.unchanged(), c.deleted(), c.skipped());
  }

  private static void printSkipped(List<SkippedRecord> skipped, PrintStream out) {
    if (skipped.isEmpty()) {
      out.println("  Skipped by reason: none");
      return;
    }
    Map<SkipReason, long[]> byReason = new TreeMap<>();
    for (SkippedRecord record : skipped) {
      byReason.computeIfAbsent(record.reason(), r -> new long[QboEntity.values().length])[record.entityType().ordinal()]++;
    }
    String row = "  %-22s %9s %6s %9s %15s%n";
    out.printf(row, "Skipped by reason", "Customers", "Items", "Invoices", "Sales receipts");
    byReason.forEach((reason, counts) -> out.printf(row, reason, counts[0], counts[1], counts[2], counts[3]));
  }

  private static void printApiCalls(SyncReport report, PrintStream out) {
    out.printf("  %-11s %6s  %s%n", "API calls", "Total", "Endpoints");
    for (Provider api : Provider.values()) {
      List<String> endpoints = report.apiCalls().stream()
          .filter(c -> c.api() == api)
          .sorted((a, b) -> Long.compare(b.calls(), a.calls()))
          .map(c -> c.endpoint() + " " + c.calls())
          .toList();
      String head = String.format("  %-11s %6d  ", api == Provider.QUICKBOOKS ? "QuickBooks" : "Mailchimp",
          report.apiCallsTo(api));
      printWrapped(out, head, endpoints.isEmpty() ? List.of("-") : endpoints);
    }
  }

  /** Prints the items after the head, comma-separated, wrapping lines at {@link #WIDTH}. */
  private static void printWrapped(PrintStream out, String head, List<String> items) {
    String indent = " ".repeat(head.length());
    StringBuilder line = new StringBuilder(head);
    for (int i = 0; i < items.size(); i++) {
      String item = items.get(i) + (i < items.size() - 1 ? "," : "");
      if (line.length() > head.length() && line.length() + 1 + item.length() > WIDTH) {
        out.println(line);
        line = new StringBuilder(indent);
      } else if (line.length() > head.length()) {
        line.append(' ');
      }
      line.append(item);
    }
    out.println(line);
  }

  /** One line per note code with its count, e.g. jobs whose orders went to their parent's contact. */
  private static void printNotes(List<SyncNote> notes, PrintStream out) {
    java.util.Map<String, Long> byCode = new java.util.TreeMap<>();
    notes.forEach(n -> byCode.merge(n.code(), 1L, Long::sum));
    byCode.forEach((code, count) -> out.printf("  Notes: %d %s%s%n", count, code,
        code.equals(SyncNote.ATTACHED_TO_PARENT) ? " (jobs whose orders went to their parent's contact)" : ""));
  }

  private static void printFailures(List<SyncFailure> failures, PrintStream out) {
    if (failures.isEmpty()) {
      out.println("  Failures: none");
      return;
    }
    out.printf("  Failures: %d%n", failures.size());
    failures.stream().limit(MAX_FAILURES_SHOWN).forEach(f -> out.printf("    %s%s: %s%n",
        f.entityType().map(t -> LABELS.get(t) + " " + f.qboId().orElse("?") + " ").orElse(""), f.code(), f.message()));
    if (failures.size() > MAX_FAILURES_SHOWN) {
      out.printf("    ... and %d more (see sync --json)%n", failures.size() - MAX_FAILURES_SHOWN);
    }
  }
}
