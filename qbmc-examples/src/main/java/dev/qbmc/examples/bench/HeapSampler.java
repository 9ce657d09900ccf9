package dev.qbmc.examples.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Peak heap of this JVM during one phase: the largest {@code MemoryMXBean} heap-used value sampled
 * every 10 ms, the sum of the heap pools' peak usages (reset at start), and the garbage collections
 * the phase caused.
 */
final class HeapSampler implements AutoCloseable {
  private final Thread thread;
  private final long gcCountBefore;
  private final long gcMillisBefore;
  private volatile boolean running = true;
  private volatile long maxSampled;

  /** What a phase used. */
  record Peak(long sampledBytes, long poolPeaksBytes, long collections, long gcMillis, long maxHeapBytes) {
  }

  HeapSampler() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
    gcCountBefore = gcCount();
    gcMillisBefore = gcMillis();
    thread = new Thread(this::sample, "bench-heap-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  private void sample() {
    while (running) {
      long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      if (used > maxSampled) {
        maxSampled = used;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  Peak stop() {
    running = false;
    thread.interrupt();
    long pools = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        pools += pool.getPeakUsage().getUsed();
      }
    }
    return new Peak(maxSampled, pools, gcCount() - gcCountBefore, gcMillis() - gcMillisBefore,
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax());
  }

  private static long gcCount() {
    long n = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      n += Math.max(0, gc.getCollectionCount());
    }
    return n;
  }

  private static long gcMillis() {
    long n = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      n += Math.max(0, gc.getCollectionTime());
    }
    return n;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
