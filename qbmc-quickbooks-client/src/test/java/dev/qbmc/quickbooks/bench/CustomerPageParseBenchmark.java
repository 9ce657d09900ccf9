package dev.qbmc.quickbooks.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qbmc.quickbooks.Fixtures;
import dev.qbmc.quickbooks.internal.QboJacksonModule;
import dev.qbmc.quickbooks.internal.QboPayloads;
import dev.qbmc.quickbooks.internal.QueryPage;
import dev.qbmc.quickbooks.model.Customer;
import java.util.Locale;

/**
 * Parse throughput of a 1000-customer {@code QueryResponse} page, built by replicating the 41 real
 * customers of {@code customer-query-response_qbo-api.json} with unique ids. Not a test; run with
 * {@code java -cp <test classpath> dev.qbmc.quickbooks.bench.CustomerPageParseBenchmark [seconds]}.
 */
public final class CustomerPageParseBenchmark {
  private CustomerPageParseBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args optional measuring time in seconds (default 10)
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    byte[] page = buildPage(1000);
    QboPayloads payloads = new QboPayloads(QboJacksonModule.newMapper());
    System.out.printf(Locale.ROOT, "page: %d customers, %d bytes%n", 1000, page.length);

    long sink = run(payloads, page, 3_000_000_000L);
    long start = System.nanoTime();
    long pages = 0;
    long deadline = start + seconds * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      QueryPage<Customer> parsed = payloads.readQueryPage(page, "Customer", Customer.class);
      sink += parsed.items().size();
      pages++;
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    double entities = pages * 1000 / elapsed;
    double mb = pages * (double) page.length / elapsed / (1024 * 1024);
    System.out.printf(
        Locale.ROOT,
        "pages=%d in %.2f s: %.0f customers/s, %.1f MiB/s, %.2f ms/page (sink %d)%n",
        pages, elapsed, entities, mb, elapsed * 1000 / pages, sink);
  }

  private static long run(QboPayloads payloads, byte[] page, long nanos) {
    long end = System.nanoTime() + nanos;
    long sink = 0;
    while (System.nanoTime() < end) {
      sink += payloads.readQueryPage(page, "Customer", Customer.class).items().size();
    }
    return sink;
  }

  static byte[] buildPage(int count) throws Exception {
    ObjectMapper json = new ObjectMapper();
    ArrayNode source =
        (ArrayNode)
            json.readTree(Fixtures.bytes("customer-query-response_qbo-api.json"))
                .get("QueryResponse")
                .get("Customer");
    ObjectNode root = json.createObjectNode();
    ObjectNode response = root.putObject("QueryResponse");
    ArrayNode customers = response.putArray("Customer");
    for (int i = 0; i < count; i++) {
      ObjectNode copy = source.get(i % source.size()).deepCopy();
      copy.put("Id", Integer.toString(1000 + i));
      customers.add(copy);
    }
    response.put("startPosition", 1);
    response.put("maxResults", count);
    root.put("time", "2020-09-29T06:04:50.776-07:00");
    return json.writeValueAsBytes(root);
  }
}
