package dev.qbmc.examples.sim;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Thread-safe counts of the requests a simulator received, keyed by {@code "METHOD template"},
 * for example {@code "GET /v3/company/{realm}/query"}. Tests and benchmarks read it to assert how
 * many calls a sync made; {@link #reset()} starts a new measurement.
 */
public final class RequestLog {

  private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();

  /** Creates an empty log. */
  public RequestLog() {
  }

  /**
   * Records one request.
   *
   * @param method the HTTP method, e.g. {@code GET}
   * @param pathTemplate the route template, e.g. {@code /3.0/lists/{list_id}/members/{subscriber_hash}}
   */
  public void record(String method, String pathTemplate) {
    counts.computeIfAbsent(key(method, pathTemplate), k -> new LongAdder()).increment();
  }

  /**
   * Number of requests recorded for one method and route template.
   *
   * @param method the HTTP method
   * @param pathTemplate the route template
   * @return the count, 0 when never called
   */
  public long count(String method, String pathTemplate) {
    LongAdder adder = counts.get(key(method, pathTemplate));
    return adder == null ? 0 : adder.sum();
  }

  /**
   * Sum of the counts of every route whose key contains the given fragment.
   *
   * @param fragment e.g. {@code "/members/"} or {@code "PUT "}
   * @return the summed count
   */
  public long countMatching(String fragment) {
    long sum = 0;
    for (Map.Entry<String, LongAdder> e : counts.entrySet()) {
      if (e.getKey().contains(fragment)) {
        sum += e.getValue().sum();
      }
    }
    return sum;
  }

  /**
   * Total number of recorded requests.
   *
   * @return the total
   */
  public long total() {
    long sum = 0;
    for (LongAdder adder : counts.values()) {
      sum += adder.sum();
    }
    return sum;
  }

  /**
   * A sorted snapshot of all counts keyed by {@code "METHOD template"}.
   *
   * @return an unmodifiable copy
   */
  public Map<String, Long> snapshot() {
    TreeMap<String, Long> copy = new TreeMap<>();
    counts.forEach((k, v) -> copy.put(k, v.sum()));
    return java.util.Collections.unmodifiableMap(copy);
  }

  /** Forgets every count. */
  public void reset() {
    counts.clear();
  }

  @Override
  public String toString() {
    return "RequestLog" + snapshot();
  }

  private static String key(String method, String template) {
    return method.toUpperCase(java.util.Locale.ROOT) + " " + template;
  }
}
