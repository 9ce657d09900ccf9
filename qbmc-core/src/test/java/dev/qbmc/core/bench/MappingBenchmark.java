package dev.qbmc.core.bench;

import dev.qbmc.core.mapping.CustomerDirectory;
import dev.qbmc.core.mapping.CustomerResolution;
import dev.qbmc.core.mapping.MappedCustomer;
import dev.qbmc.core.mapping.MappingOutcome;
import dev.qbmc.core.mapping.OrderRecord;
import dev.qbmc.core.mapping.ProductRecord;
import dev.qbmc.core.mapping.QboMapper;
import dev.qbmc.core.mapping.SyncSettings;
import dev.qbmc.core.model.MarketingStatus;
import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.RecordState;
import dev.qbmc.core.reconcile.Reconciler;
import dev.qbmc.core.reconcile.StateChange;
import dev.qbmc.core.reconcile.SyncChunk;
import dev.qbmc.core.reconcile.SyncPlan;
import dev.qbmc.quickbooks.model.Customer;
import dev.qbmc.quickbooks.model.Invoice;
import dev.qbmc.quickbooks.model.Item;
import dev.qbmc.quickbooks.model.SalesReceipt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps and reconciles generated QBO records streaming in chunks, as the sync services do, and prints
 * records per second and heap use. Not a test. Run on one core with a small heap, e.g.
 *
 * <pre>
 * taskset -c 0 java -XX:ActiveProcessorCount=1 -XX:+UseSerialGC -Xmx96m -cp ... dev.qbmc.core.bench.MappingBenchmark 1000000 1000
 * </pre>
 *
 * <p>Per chunk (30 % customers, 5 % items, 65 % invoices and sales receipts with 1 to 4 lines) it
 * times: mapping, planning against no stored state except the items' (a first sync: every customer and
 * transaction is written; items were synced first, as the full sync orders them), and
 * planning again after applying the plan's state changes (an incremental sync that finds nothing
 * changed). Generating the QBO objects and applying state are not timed. Stored state lives only
 * for the chunk, as the services load it per chunk, so the heap must stay flat.
 */
public final class MappingBenchmark {

  private MappingBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args [records (default 1,000,000), chunk size (default 1,000)]
   */
  public static void main(String[] args) {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int chunkSize = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    QboMapper mapper =
        QboMapper.of(
            SyncSettings.builder()
                .marketingStatus(MarketingStatus.SUBSCRIBED)
                .storeId("bench-store")
                .homeCurrency("USD")
                .build());
    CustomerDirectory directory = id -> Optional.of(CustomerResolution.synced("c" + id));
    QboRecordGenerator gen = new QboRecordGenerator(42L, false, 300_000, 50_000);

    // warm-up on a separate generator so the JIT has compiled the hot paths
    run(mapper, directory, new QboRecordGenerator(7L, false, 3_000, 500), 100_000, chunkSize, false);
    System.gc();
    long cpuBefore = cpuNanos();
    long wallBefore = System.nanoTime();
    long[] t = run(mapper, directory, gen, records, chunkSize, true);
    double cpuS = (cpuNanos() - cpuBefore) / 1e9;
    double wallS = (System.nanoTime() - wallBefore) / 1e9;

    double mapS = t[0] / 1e9;
    double planS = t[1] / 1e9;
    double replanS = t[2] / 1e9;
    System.out.printf("records                     %,d in chunks of %,d; phase times are %s%n",
        records, chunkSize, new ThreadCpuTime().isCpu() ? "CPU time of the benchmark thread" : "wall time");
    System.out.printf("map                         %.2f s  %,.0f records/s%n", mapS, records / mapS);
    System.out.printf("plan (first sync)           %.2f s  %,.0f records/s%n", planS, records / planS);
    System.out.printf("map + plan                  %.2f s  %,.0f records/s%n", mapS + planS, records / (mapS + planS));
    System.out.printf("plan again (nothing changed) %.2f s  %,.0f records/s%n", replanS, records / replanS);
    System.out.printf("generating the QBO objects  %.2f s (not part of the rates above)%n", t[5] / 1e9);
    System.out.printf("whole run (incl. generating, applying state, GC, JIT): wall %.2f s, process CPU %.2f s%n",
        wallS, cpuS);
    System.out.printf("operations planned          %,d%n", t[3]);
    System.out.printf("peak heap used (sampled after every chunk) %.1f MB, max heap (-Xmx) %.1f MB%n",
        t[4] / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
  }

  /**
   * The benchmark thread's CPU time, read reflectively because the test code is compiled inside the
   * core module, which does not read {@code java.management}; wall time if unavailable. Other
   * processes on a shared machine then do not distort the per-phase numbers.
   */
  private static final class ThreadCpuTime {
    private final Object bean;
    private final java.lang.reflect.Method method;

    ThreadCpuTime() {
      Object b = null;
      java.lang.reflect.Method m = null;
      try {
        Class<?> factory = Class.forName("java.lang.management.ManagementFactory");
        b = factory.getMethod("getThreadMXBean").invoke(null);
        m = Class.forName("java.lang.management.ThreadMXBean").getMethod("getCurrentThreadCpuTime");
        m.invoke(b);
      } catch (ReflectiveOperationException | RuntimeException e) {
        b = null;
        m = null;
      }
      this.bean = b;
      this.method = m;
    }

    boolean isCpu() {
      return method != null;
    }

    long now() {
      if (method == null) {
        return System.nanoTime();
      }
      try {
        return (Long) method.invoke(bean);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** CPU time of the whole process (java.base only: the test code lives in the core module). */
  private static long cpuNanos() {
    return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos()).orElse(0L);
  }

  private static long[] run(
      QboMapper mapper, CustomerDirectory directory, QboRecordGenerator gen, int records, int chunkSize,
      boolean report) {
    ThreadCpuTime cpu = new ThreadCpuTime();
    long mapNanos = 0;
    long planNanos = 0;
    long replanNanos = 0;
    long genNanos = 0;
    long operations = 0;
    long peakHeap = 0;
    int done = 0;
    int nextSample = 100_000;
    List<Customer> customers = new ArrayList<>();
    List<Item> items = new ArrayList<>();
    List<Invoice> invoices = new ArrayList<>();
    List<SalesReceipt> receipts = new ArrayList<>();
    while (done < records) {
      int size = Math.min(chunkSize, records - done);
      long g0 = cpu.now();
      customers.clear();
      items.clear();
      invoices.clear();
      receipts.clear();
      for (int i = 0; i < size; i++) {
        int n = done + i;
        int kind = n % 20;
        if (kind < 6) {
          customers.add(gen.customer(n));
        } else if (kind == 6) {
          items.add(gen.item(n));
        } else if (kind % 2 == 0) {
          invoices.add(gen.invoice(n));
        } else {
          receipts.add(gen.salesReceipt(n));
        }
      }

      long t0 = cpu.now();
      genNanos += t0 - g0;
      List<MappingOutcome<MappedCustomer>> mappedCustomers = new ArrayList<>(customers.size());
      for (Customer c : customers) {
        mappedCustomers.add(mapper.customer(c));
      }
      List<MappingOutcome<ProductRecord>> products = new ArrayList<>(items.size());
      for (Item item : items) {
        products.add(mapper.item(item));
      }
      List<MappingOutcome<OrderRecord>> orders = new ArrayList<>(invoices.size() + receipts.size());
      for (Invoice invoice : invoices) {
        orders.add(mapper.invoice(invoice, directory));
      }
      for (SalesReceipt receipt : receipts) {
        orders.add(mapper.salesReceipt(receipt, directory));
      }
      SyncChunk chunk =
          SyncChunk.builder().addAllCustomers(mappedCustomers).addAllProducts(products).addAllOrders(orders).build();
      // the services load the chunk's stored states; items were synced before the transactions
      Map<RecordKey, RecordState> stored = new HashMap<>();
      for (RecordKey key : chunk.stateKeys()) {
        if (key.kind() == RecordKind.ITEM) {
          stored.put(key, RecordState.of(key, "synced-before", key.id()));
        }
      }
      long t1 = cpu.now();
      SyncPlan plan = Reconciler.plan(chunk, stored);
      long t2 = cpu.now();
      for (StateChange change : plan.stateChanges()) {
        change.state().ifPresent(s -> stored.put(s.key(), s));
      }
      long t3 = cpu.now();
      SyncPlan again = Reconciler.plan(chunk, stored);
      long t4 = cpu.now();
      if (!again.hasNoWrites()) {
        throw new IllegalStateException("planning an applied chunk again must write nothing");
      }
      mapNanos += t1 - t0;
      planNanos += t2 - t1;
      replanNanos += t4 - t3;
      operations += plan.operations().size();
      done += size;
      Runtime rt = Runtime.getRuntime();
      peakHeap = Math.max(peakHeap, rt.totalMemory() - rt.freeMemory());
      if (report && done >= nextSample) {
        System.out.printf("  %,9d records  heap used %6.1f MB%n", done, (rt.totalMemory() - rt.freeMemory()) / 1048576.0);
        nextSample += 100_000;
      }
    }
    return new long[] {mapNanos, planNanos, replanNanos, operations, peakHeap, genNanos};
  }
}
