package dev.qbmc.examples.sim;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A simulator's fault hook: rules that replace the response of chosen requests with a
 * {@link Fault}. A rule counts the requests it matches from the moment it is added and fires on
 * the n-th one (or on every one). Every request received over HTTP is offered to the rules after it
 * is routed and counted in the request log, before authentication, limits and latency. With no
 * rules, requests pass untouched. Thread-safe.
 *
 * <p>A fault sweep adds {@code onRequest(n, fault)} for n = 1, 2, ... and runs the same scenario
 * each time, until {@link #fired()} stays 0 (n is past the scenario's last request).
 */
public final class FaultInjector {

  private record Rule(Predicate<SimRequest> matching, long nth, Fault fault, AtomicLong seen) {
    boolean every() {
      return nth == 0;
    }
  }

  private final Sleeper sleeper;
  private final List<Rule> rules = new CopyOnWriteArrayList<>();
  private final AtomicLong fired = new AtomicLong();

  /**
   * Creates an injector without rules.
   *
   * @param sleeper waits for {@link Fault#delay} faults
   */
  public FaultInjector(Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /**
   * Matches the requests of one route.
   *
   * @param method e.g. {@code GET}
   * @param template the route template as the request log names it, e.g.
   *     {@code /v3/company/{realm}/query}
   * @return the predicate
   */
  public static Predicate<SimRequest> route(String method, String template) {
    return request -> request.method().equals(method) && request.route().equals(template);
  }

  /**
   * Fires once, on the n-th request from now.
   *
   * @param n 1 for the next request
   * @param fault the fault
   * @return this injector
   */
  public FaultInjector onRequest(long n, Fault fault) {
    return onRequest(request -> true, n, fault);
  }

  /**
   * Fires once, on the n-th matching request from now.
   *
   * @param matching which requests count
   * @param n 1 for the next matching request
   * @param fault the fault
   * @return this injector
   */
  public FaultInjector onRequest(Predicate<SimRequest> matching, long n, Fault fault) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1, was " + n);
    }
    rules.add(new Rule(Objects.requireNonNull(matching, "matching"), n, Objects.requireNonNull(fault, "fault"),
        new AtomicLong()));
    return this;
  }

  /**
   * Fires on every matching request until {@link #clear()} (an outage of one endpoint).
   *
   * @param matching which requests
   * @param fault the fault
   * @return this injector
   */
  public FaultInjector onEvery(Predicate<SimRequest> matching, Fault fault) {
    rules.add(new Rule(Objects.requireNonNull(matching, "matching"), 0, Objects.requireNonNull(fault, "fault"),
        new AtomicLong()));
    return this;
  }

  /** Removes every rule and resets {@link #fired()}. */
  public void clear() {
    rules.clear();
    fired.set(0);
  }

  /**
   * How many faults were injected since the last {@link #clear()}.
   *
   * @return the count
   */
  public long fired() {
    return fired.get();
  }

  /**
   * Serves a request through the rules: the first rule that fires decides, every matching rule
   * counts the request.
   *
   * @param request the routed request
   * @param normal serves it normally
   * @return the response
   */
  public SimResponse apply(SimRequest request, Function<SimRequest, SimResponse> normal) {
    Fault chosen = null;
    for (Rule rule : rules) {
      if (rule.matching().test(request)) {
        long seen = rule.seen().incrementAndGet();
        if (chosen == null && (rule.every() || seen == rule.nth())) {
          chosen = rule.fault();
        }
      }
    }
    if (chosen == null) {
      return normal.apply(request);
    }
    fired.incrementAndGet();
    try {
      return chosen.apply(request, normal, sleeper);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return SimResponse.empty(503);
    }
  }
}
