package dev.qbmc.examples.sim.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qbmc.examples.sim.TestHttp;
import dev.qbmc.examples.sim.mailchimp.MailchimpSimulator;
import dev.qbmc.examples.sim.quickbooks.GeneratedCompany;
import dev.qbmc.examples.sim.quickbooks.QuickBooksSimulator;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures the simulators themselves (not run by surefire). Run with
 * {@code java -cp <test classpath> dev.qbmc.examples.sim.bench.SimulatorBenchmark [invoices] [orders]}.
 */
public final class SimulatorBenchmark {

  private SimulatorBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    long invoices = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    int orders = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    if (invoices > 0) {
      qbo(invoices);
    }
    mailchimp(orders);
  }

  private static void qbo(long invoices) {
    GeneratedCompany company = GeneratedCompany.builder().customers(100_000).items(200).invoices(invoices)
        .salesReceipts(invoices / 10).build();
    try (QuickBooksSimulator sim = QuickBooksSimulator.builder().company(company).perMinuteLimit(Integer.MAX_VALUE)
        .build().start()) {
      TestHttp http = new TestHttp("Bearer " + sim.mintTokens().accessToken());
      for (String entity : List.of("Customer", "Invoice")) {
        long start = System.nanoTime();
        long rows = 0;
        long pages = 0;
        long bytes = 0;
        for (long position = 1; ; position += 1000) {
          String q = "SELECT * FROM " + entity + " ORDERBY Id STARTPOSITION " + position + " MAXRESULTS 1000";
          HttpResponse<String> r = http.send("GET", sim.baseUrl() + "/v3/company/" + sim.realmId() + "/query?query="
              + URLEncoder.encode(q, StandardCharsets.UTF_8).replace("+", "%20"), null);
          JsonNode page = TestHttp.json(r).path("QueryResponse").path(entity);
          pages++;
          bytes += r.body().length();
          if (page.isMissingNode()) {
            break;
          }
          rows += page.size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("QBO %s: %d rows in %d pages, %.1f MB, %.1f s (%.0f rows/s)%n", entity, rows, pages,
            bytes / 1e6, seconds, rows / seconds);
      }
      System.out.printf("QBO heap used after paging: %d MB%n", usedMb());
    }
  }

  private static void mailchimp(int orders) throws Exception {
    try (MailchimpSimulator sim = MailchimpSimulator.builder().maxConnections(10).build().start()) {
      String list = sim.createList("Bench");
      TestHttp http = new TestHttp("Basic " + Base64.getEncoder().encodeToString(("x:" + sim.apiKey()).getBytes()));
      String store = sim.baseUrl() + "/ecommerce/stores";
      http.send("POST", store, TestHttp.JSON.createObjectNode().put("id", "s").put("list_id", list).put("name", "S")
          .put("currency_code", "USD").toString());
      ObjectNode product = TestHttp.JSON.createObjectNode().put("id", "p").put("title", "P");
      product.putArray("variants").addObject().put("id", "p").put("title", "P");
      http.send("PUT", store + "/s/products/p", product.toString());
      http.send("PUT", store + "/s/customers/c", TestHttp.JSON.createObjectNode().put("id", "c")
          .put("email_address", "c@example.org").put("opt_in_status", false).toString());
      long before = usedMb();
      long start = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<?>> futures = new ArrayList<>();
      int perThread = orders / 8;
      for (int t = 0; t < 8; t++) {
        int offset = t * perThread;
        futures.add(pool.submit(() -> {
          for (int i = offset; i < offset + perThread; i++) {
            ObjectNode order = TestHttp.JSON.createObjectNode().put("id", "inv-" + i).put("currency_code", "USD")
                .put("order_total", 123.45).put("tax_total", 9.15).put("processed_at_foreign", "2026-01-01T10:00:00-08:00")
                .put("financial_status", "paid");
            order.putObject("customer").put("id", "c");
            order.putArray("lines").addObject().put("id", "1").put("product_id", "p").put("product_variant_id", "p")
                .put("quantity", 3).put("price", 38.10);
            HttpResponse<String> r;
            try {
              r = http.send("PUT", store + "/s/orders/inv-" + i, order.toString());
            } catch (java.io.UncheckedIOException stale) {
              r = http.send("PUT", store + "/s/orders/inv-" + i, order.toString());
            }
            if (r.statusCode() != 200) {
              throw new IllegalStateException(r.body());
            }
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      pool.shutdown();
      double seconds = (System.nanoTime() - start) / 1e9;
      long after = usedMb();
      int count = sim.orderCount("s");
      System.out.printf("Mailchimp orders: %d PUTs with 8 clients in %.1f s (%.0f/s); heap +%d MB (~%d bytes/order)%n",
          count, seconds, count / seconds, after - before, (after - before) * 1_000_000L / Math.max(1, count));
    }
  }

  private static long usedMb() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return (rt.totalMemory() - rt.freeMemory()) / 1_000_000;
  }
}
