package dev.qbmc.core.internal.service;

import dev.qbmc.core.model.Provider;
import dev.qbmc.core.report.SyncReportCollector;
import dev.qbmc.mailchimp.MailchimpRequestEvent;
import dev.qbmc.quickbooks.QuickBooksRequestEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts every HTTP attempt of both clients (retries included) per API and endpoint ({@code METHOD
 * /path/template}), from the clients' request listeners; thread-safe.
 */
final class ApiCallCounter {
  private final Map<Provider, Map<String, LongAdder>> counts = new ConcurrentHashMap<>();
  private final Runnable onAttempt;

  /** A counter that only counts. */
  ApiCallCounter() {
    this(() -> {});
  }

  /**
   * A counter that also runs {@code onAttempt} after every attempt (a run's heartbeat).
   *
   * @param onAttempt must not throw
   */
  ApiCallCounter(Runnable onAttempt) {
    this.onAttempt = onAttempt;
  }

  void quickBooks(QuickBooksRequestEvent event) {
    count(Provider.QUICKBOOKS, event.method() + " " + event.pathTemplate());
  }

  void mailchimp(MailchimpRequestEvent event) {
    count(Provider.MAILCHIMP, event.method() + " " + event.pathTemplate());
  }

  private void count(Provider api, String endpoint) {
    onAttempt.run();
    counts.computeIfAbsent(api, a -> new ConcurrentHashMap<>()).computeIfAbsent(endpoint, e -> new LongAdder()).increment();
  }

  long total(Provider api) {
    return counts.getOrDefault(api, Map.of()).values().stream().mapToLong(LongAdder::sum).sum();
  }

  void copyTo(SyncReportCollector report) {
    counts.forEach((api, byEndpoint) -> byEndpoint.forEach((endpoint, n) -> report.apiCalls(api, endpoint, n.sum())));
  }
}
