package dev.qbmc.examples.sim.bench;

import dev.qbmc.examples.sim.Sleeper;
import dev.qbmc.examples.sim.quickbooks.GeneratedCompany;
import dev.qbmc.examples.sim.quickbooks.QuickBooksSimulator;
import dev.qbmc.quickbooks.AccessTokenProvider;
import dev.qbmc.quickbooks.EntityType;
import dev.qbmc.quickbooks.Paging;
import dev.qbmc.quickbooks.Query;
import dev.qbmc.quickbooks.QuickBooksClient;
import dev.qbmc.quickbooks.model.Invoice;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A full read of a generated company's invoices through the QuickBooks client, page after page
 * and with several pages in flight, against the QBO simulator with a latency per call, 10 requests
 * in flight and its pages serialised beforehand. The 500-a-minute limit is lifted on both sides:
 * one read of 100 pages stays under it, but the eight reads of a run would wait for it. Not a
 * test; run with
 * {@code java -cp <test classpath> dev.qbmc.examples.sim.bench.QboReadBenchmark [invoices]
 * [latency-ms]}. Prints wall time, pages and the client process's CPU time for each paging.
 */
public final class QboReadBenchmark {

  private QboReadBenchmark() {
  }

  /**
   * Runs the reads.
   *
   * @param args invoices (default 100,000) and latency in milliseconds (default 50)
   */
  public static void main(String[] args) {
    long invoices = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
    long latency = args.length > 1 ? Long.parseLong(args[1]) : 50;
    GeneratedCompany company = GeneratedCompany.builder().customers(1000).items(50).invoices(invoices)
        .salesReceipts(0).build();
    try (QuickBooksSimulator sim = QuickBooksSimulator.builder().company(company)
        .latency(Duration.ofMillis(latency)).sleeper(Sleeper.system()).perMinuteLimit(Integer.MAX_VALUE)
        .build().start()) {
      sim.preSerialise();
      QuickBooksClient client = QuickBooksClient.builder().baseUri(URI.create(sim.baseUrl()))
          .realmId(sim.realmId()).accessTokenProvider(AccessTokenProvider.ofStatic(sim.mintTokens().accessToken()))
          .maxRequestsPerMinute(Integer.MAX_VALUE).build();
      Query<Invoice> query = Query.select(EntityType.INVOICE).orderBy("Id");
      long count = client.count(query);
      System.out.printf(Locale.ROOT, "%,d invoices, %d ms latency, 10 in flight, %d cores%n",
          count, latency, Runtime.getRuntime().availableProcessors());
      for (int round = 0; round < 2; round++) {
        for (Paging paging : List.of(Paging.sequential(), Paging.parallel(2).expectedRows(count),
            Paging.parallel(4).expectedRows(count), Paging.parallel(8).expectedRows(count))) {
          sim.requestLog().reset();
          long cpu = cpuNanos();
          long start = System.nanoTime();
          long rows;
          try (Stream<Invoice> stream = client.query(query, paging)) {
            rows = stream.count();
          }
          double seconds = (System.nanoTime() - start) / 1e9;
          long pages = sim.requestLog().count("GET", QuickBooksSimulator.QUERY_PATH);
          System.out.printf(Locale.ROOT, "%s%-45s %,9d rows %5d pages %7.2f s %8.0f rows/s  cpu %.2f s (both JVM parts)%n",
              round == 0 ? "warm-up " : "", paging, rows, pages, seconds, rows / seconds, (cpuNanos() - cpu) / 1e9);
        }
      }
    }
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
