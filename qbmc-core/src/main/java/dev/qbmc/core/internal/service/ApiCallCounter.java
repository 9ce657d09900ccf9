package dev.qbmc.core.internal.service;

import dev.qbmc.core.report.SyncReportCollector;
import dev.qbmc.core.spi.Provider;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts every HTTP attempt of both clients (retries included) per API and endpoint ({@code METHOD
 * /path/template}), from the clients' request listeners; thread-safe.
 */
final class ApiCallCounter {
  private final Map<Provider, Map<String, LongAdder>> counts = new ConcurrentHashMap<>();

  void quickBooks(dev.qbmc.quickbooks.RequestEvent event) {
    count(Provider.QUICKBOOKS, event.method() + " " + event.pathTemplate());
  }

  void mailchimp(dev.qbmc.mailchimp.RequestEvent event) {
    count(Provider.MAILCHIMP, event.method() + " " + event.pathTemplate());
  }

  private void count(Provider api, String endpoint) {
    counts.computeIfAbsent(api, a -> new ConcurrentHashMap<>()).computeIfAbsent(endpoint, e -> new LongAdder()).increment();
  }

  long total(Provider api) {
    return counts.getOrDefault(api, Map.of()).values().stream().mapToLong(LongAdder::sum).sum();
  }

  void copyTo(SyncReportCollector report) {
    counts.forEach((api, byEndpoint) -> byEndpoint.forEach((endpoint, n) -> report.apiCalls(api, endpoint, n.sum())));
  }
}
