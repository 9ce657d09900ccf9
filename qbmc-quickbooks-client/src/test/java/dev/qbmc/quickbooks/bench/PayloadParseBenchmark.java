package dev.qbmc.quickbooks.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qbmc.quickbooks.Fixtures;
import dev.qbmc.quickbooks.internal.QboJacksonModule;
import dev.qbmc.quickbooks.internal.QboPayloads;
import dev.qbmc.quickbooks.model.Customer;
import dev.qbmc.quickbooks.model.Invoice;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parse time of one QBO query page by three parsers over the same bytes, in one run: qbmc's payload
 * reader (binding to the immutable models), Jackson's {@code ObjectMapper.readTree} (the floor: a
 * tree with no binding), and Intuit's official Java SDK ({@code JSONSerializer.deserialize} into
 * {@code IntuitResponse}, as its {@code DataService} does for every response) when it is on the
 * class path ({@code -P intuit-sdk}). Two pages: 1,000 customers (the 41 real customers of {@code
 * customer-query-response_qbo-api.json} repeated with unique ids) and 1,000 invoices with 4 item lines
 * and a subtotal line each (from {@code invoice-read-before-void_qbo-api.json}).
 *
 * <p>Not a test. Each round runs qbmc and {@code readTree} for the same slice of time in a rotating
 * order, so JIT state and machine load fall on both alike, each slice after a full collection so
 * that no parser pays for another's garbage; the first rounds warm up and are dropped. Intuit's SDK
 * runs after both pages are done (see {@code main}). The
 * measure is the process's CPU time per page (median of the rounds), which other processes on a
 * shared machine do not inflate and which includes the garbage collector's work; wall time and
 * allocation per page are printed beside it. Run:
 *
 * <pre>{@code
 * mvn -B -ntp -q -pl qbmc-quickbooks-client -P intuit-sdk test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -XX:+UseSerialGC -Xmx1g -Xmn600m -cp qbmc-quickbooks-client/target/test-classes:\
 *     qbmc-quickbooks-client/target/classes:$(cat qbmc-quickbooks-client/target/cp.txt) \
 *     dev.qbmc.quickbooks.bench.PayloadParseBenchmark [rounds] [ms]
 * }</pre>
 */
public final class PayloadParseBenchmark {
  private static final int PAGE = 1000;
  private static final int WARM_UP_ROUNDS = 3;

  private PayloadParseBenchmark() {}

  /** One way of parsing a page; returns something derived from the result so no work is elided. */
  @FunctionalInterface
  interface Parser {
    long parse(byte[] page) throws Exception;
  }

  /**
   * Runs the benchmark.
   *
   * @param args optional rounds (default 12), milliseconds per parser and round (default 1000), the
   *     only parser to run ({@code qbmc}, {@code tree} or {@code intuit}) and the only page ({@code
   *     Customer} or {@code Invoice}), for a profiler
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
    long sliceNanos = (args.length > 1 ? Long.parseLong(args[1]) : 1000) * 1_000_000L;
    QboPayloads payloads = new QboPayloads(QboJacksonModule.newMapper());
    ObjectMapper plain = new ObjectMapper();
    String only = args.length > 2 ? args[2] : "";
    String onlyPage = args.length > 3 ? args[3] : "";
    Parser intuit = intuitSdk();

    Map<String, byte[]> pages = new LinkedHashMap<>();
    pages.put("Customer", customerPage());
    pages.put("Invoice", invoicePage());
    System.out.printf(Locale.ROOT, "java %s, %d cores, %d rounds of %d ms per parser (%d warm-up)%n",
        Runtime.version(), Runtime.getRuntime().availableProcessors(), rounds, sliceNanos / 1_000_000,
        WARM_UP_ROUNDS);
    // Intuit's SDK runs last: its hundreds of model classes pass through the same Jackson call sites
    // and leave them megamorphic, which made qbmc's invoice page 40% slower when measured after it.
    Map<String, Results> results = new LinkedHashMap<>();
    for (boolean late : new boolean[] {false, true}) {
      for (Map.Entry<String, byte[]> page : pages.entrySet()) {
        String entity = page.getKey();
        if (!onlyPage.isEmpty() && !entity.equalsIgnoreCase(onlyPage)) {
          continue;
        }
        Class<?> model = entity.equals("Customer") ? Customer.class : Invoice.class;
        Map<String, Parser> parsers = new LinkedHashMap<>();
        if (!late) {
          parsers.put("qbmc QboPayloads", bytes -> payloads.readQueryPage(bytes, entity, model).items().size());
          parsers.put("Jackson readTree", bytes -> plain.readTree(bytes).size());
        } else if (intuit != null) {
          parsers.put("Intuit SDK 6.4.2", intuit);
        }
        if (!only.isEmpty()) {
          parsers.keySet().removeIf(name -> !name.toLowerCase(Locale.ROOT).contains(only));
        }
        measure(page.getValue(), parsers, rounds, sliceNanos,
            results.computeIfAbsent(entity, e -> new Results(rounds)));
      }
    }
    results.forEach((entity, r) -> r.print(entity, pages.get(entity)));
    if (intuit == null) {
      System.out.println("Intuit's SDK is not on the class path: build the class path with -P intuit-sdk");
    }
  }

  /** Per parser and measured round: CPU and wall nanoseconds and bytes allocated per page. */
  private static final class Results {
    final int rounds;
    final Map<String, double[]> cpu = new LinkedHashMap<>();
    final Map<String, double[]> wall = new LinkedHashMap<>();
    final Map<String, double[]> alloc = new LinkedHashMap<>();
    long sink;

    Results(int rounds) {
      this.rounds = rounds;
    }

    void print(String entity, byte[] page) {
      System.out.printf(Locale.ROOT, "%n%s page: %d rows, %,d bytes%n", entity, PAGE, page.length);
      double floor = cpu.containsKey("Jackson readTree") ? median(cpu.get("Jackson readTree")) : Double.NaN;
      double qbmc = cpu.containsKey("qbmc QboPayloads") ? median(cpu.get("qbmc QboPayloads")) : Double.NaN;
      System.out.printf(Locale.ROOT, "%-18s %11s %11s %13s %13s %9s %9s%n",
          "parser", "cpu ms/page", "rows/cpu-s", "wall ms/page", "alloc MB/page", "/readTree", "/qbmc");
      for (String name : cpu.keySet()) {
        double ns = median(cpu.get(name));
        System.out.printf(Locale.ROOT, "%-18s %11.2f %,11.0f %13.2f %13.2f %8.2fx %8.2fx%n",
            name, ns / 1e6, PAGE / (ns / 1e9), median(wall.get(name)) / 1e6, median(alloc.get(name)) / 1e6,
            ns / floor, ns / qbmc);
      }
      System.out.println("(sink " + sink + ")");
    }
  }

  private static void measure(byte[] page, Map<String, Parser> parsers, int rounds, long slice, Results results)
      throws Exception {
    List<String> names = new ArrayList<>(parsers.keySet());
    for (String name : names) {
      results.cpu.put(name, new double[rounds]);
      results.wall.put(name, new double[rounds]);
      results.alloc.put(name, new double[rounds]);
    }
    for (int round = 0; round < WARM_UP_ROUNDS + rounds; round++) {
      for (int i = 0; i < names.size(); i++) {
        String name = names.get((round + i) % names.size());
        Parser parser = parsers.get(name);
        // Each slice starts on an emptied heap, so no parser pays for the garbage of the one before.
        System.gc();
        long allocatedBefore = allocatedBytes();
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        long end = start + slice;
        long count = 0;
        long now;
        do {
          results.sink += parser.parse(page);
          count++;
          now = System.nanoTime();
        } while (now < end);
        long cpuUsed = processCpuNanos() - cpuBefore;
        long allocated = allocatedBytes() - allocatedBefore;
        if (round >= WARM_UP_ROUNDS) {
          results.cpu.get(name)[round - WARM_UP_ROUNDS] = cpuUsed / (double) count;
          results.wall.get(name)[round - WARM_UP_ROUNDS] = (now - start) / (double) count;
          results.alloc.get(name)[round - WARM_UP_ROUNDS] = allocated / (double) count;
        }
      }
    }
  }

  /**
   * CPU time of the whole process (this thread, the garbage collector and the JIT): unlike wall
   * time it does not grow when other processes share the cores, and unlike this thread's CPU time
   * it charges each parser for the garbage it makes.
   */
  private static long processCpuNanos() {
    try {
      Object bean = Class.forName("java.lang.management.ManagementFactory")
          .getMethod("getOperatingSystemMXBean").invoke(null);
      Method cpu = Class.forName("com.sun.management.OperatingSystemMXBean").getMethod("getProcessCpuTime");
      return (long) cpu.invoke(bean);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("this JVM does not report process CPU time", e);
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  /**
   * Bytes this thread allocated so far, by reflection: this test code is compiled into the client's
   * module, which does not read {@code java.management}; it runs on the class path, which does.
   */
  private static long allocatedBytes() {
    try {
      Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
          .invoke(null);
      Method allocated = Class.forName("com.sun.management.ThreadMXBean")
          .getMethod("getThreadAllocatedBytes", long.class);
      return (long) allocated.invoke(bean, Thread.currentThread().getId());
    } catch (ReflectiveOperationException | ClassCastException e) {
      return 0;
    }
  }

  /** Intuit's JSON path, found by reflection so that the SDK stays out of the default build. */
  private static Parser intuitSdk() {
    try {
      Class<?> serializer = Class.forName("com.intuit.ipp.serialization.JSONSerializer");
      Class<?> response = Class.forName("com.intuit.ipp.data.IntuitResponse");
      Method deserialize = serializer.getMethod("deserialize", String.class, Class.class);
      Method queryResponse = response.getMethod("getQueryResponse");
      return bytes -> {
        // DataService hands the serializer the body as a String and the serializer builds its
        // ObjectMapper per response: both are part of what the SDK costs.
        Object parsed = deserialize.invoke(serializer.getConstructor().newInstance(),
            new String(bytes, StandardCharsets.UTF_8), response);
        return queryResponse.invoke(parsed) == null ? 0 : 1;
      };
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  /**
   * 1,000 customers: the real customers of the fixture, repeated with unique ids.
   *
   * @return the page bytes
   * @throws Exception when the fixture cannot be read
   */
  static byte[] customerPage() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ArrayNode source = (ArrayNode) json.readTree(Fixtures.bytes("customer-query-response_qbo-api.json"))
        .get("QueryResponse").get("Customer");
    List<ObjectNode> rows = new ArrayList<>();
    for (int i = 0; i < PAGE; i++) {
      ObjectNode copy = source.get(i % source.size()).deepCopy();
      copy.put("Id", Integer.toString(1000 + i));
      rows.add(copy);
    }
    return page(json, "Customer", rows);
  }

  /**
   * 1,000 invoices of 4 item lines and a subtotal line, from a real invoice.
   *
   * @return the page bytes
   * @throws Exception when the fixture cannot be read
   */
  static byte[] invoicePage() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode source = (ObjectNode) json.readTree(Fixtures.bytes("invoice-read-before-void_qbo-api.json"))
        .get("Invoice");
    List<ObjectNode> rows = new ArrayList<>();
    for (int i = 0; i < PAGE; i++) {
      ObjectNode copy = source.deepCopy();
      copy.put("Id", Integer.toString(5000 + i));
      copy.put("DocNumber", Integer.toString(10_000 + i));
      ArrayNode lines = copy.putArray("Line");
      ObjectNode itemLine = (ObjectNode) source.get("Line").get(0);
      for (int line = 1; line <= 4; line++) {
        ObjectNode l = itemLine.deepCopy();
        l.put("Id", Integer.toString(line));
        l.put("LineNum", line);
        l.put("Amount", new java.math.BigDecimal("25.00"));
        ((ObjectNode) l.get("SalesItemLineDetail")).put("Qty", line);
        ((ObjectNode) l.get("SalesItemLineDetail")).put("UnitPrice", new java.math.BigDecimal("25.00"));
        ((ObjectNode) l.get("SalesItemLineDetail").get("ItemRef")).put("value", Integer.toString(line));
        lines.add(l);
      }
      lines.add(source.get("Line").get(1).deepCopy());
      rows.add(copy);
    }
    return page(json, "Invoice", rows);
  }

  private static byte[] page(ObjectMapper json, String entity, List<ObjectNode> rows) throws Exception {
    ObjectNode root = json.createObjectNode();
    ObjectNode response = root.putObject("QueryResponse");
    response.putArray(entity).addAll(rows);
    response.put("startPosition", 1);
    response.put("maxResults", rows.size());
    root.put("time", "2020-09-29T06:04:50.776-07:00");
    return json.writeValueAsBytes(root);
  }
}
