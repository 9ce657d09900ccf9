package dev.qbmc.quickbooks;

import dev.qbmc.quickbooks.internal.BoundedBody;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.function.DoubleSupplier;

/**
 * Sends one logical request: takes a limiter slot per attempt, adds the bearer token, repeats once
 * with a fresh token after a 401, retries idempotent requests on throttling, 5xx and connection
 * failures with backoff, reports every attempt to the listener and maps errors.
 */
final class RequestExecutor {
  private static final System.Logger LOG = System.getLogger(RequestExecutor.class.getName());
  /** The largest response body read (64 MiB); a larger one is refused as malformed, never buffered. */
  static final int MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

  /** A successful response. */
  record Response(int statusCode, byte[] body, String intuitTid) {}

  private final HttpClient http;
  private final AccessTokenProvider tokens;
  private final RealmLimiter limiter;
  private final QuickBooksRetryPolicy retryPolicy;
  private final FaultMapper faults;
  private final QuickBooksRequestListener listener;
  private final Clock clock;
  private final QuickBooksSleeper sleeper;
  private final DoubleSupplier jitter;
  private final Duration timeout;
  private final String userAgent;

  RequestExecutor(
      HttpClient http,
      AccessTokenProvider tokens,
      RealmLimiter limiter,
      QuickBooksRetryPolicy retryPolicy,
      FaultMapper faults,
      QuickBooksRequestListener listener,
      Clock clock,
      QuickBooksSleeper sleeper,
      DoubleSupplier jitter,
      Duration timeout,
      String userAgent) {
    this.http = http;
    this.tokens = tokens;
    this.limiter = limiter;
    this.retryPolicy = retryPolicy;
    this.faults = faults;
    this.listener = listener;
    this.clock = clock;
    this.sleeper = sleeper;
    this.jitter = jitter;
    this.timeout = timeout;
    this.userAgent = userAgent;
  }

  /**
   * Sends an idempotent GET.
   *
   * @param uri the full URI
   * @param pathTemplate the path with placeholders, for the listener
   * @return the 2xx response
   */
  Response get(URI uri, String pathTemplate) {
    int attempt = 0;
    int failures = 0;
    boolean tokenRefreshed = false;
    while (true) {
      attempt++;
      String token = currentToken();
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .timeout(timeout)
              .header("Authorization", "Bearer " + token)
              .header("Accept", "application/json")
              .header("User-Agent", userAgent)
              .GET()
              .build();
      acquire();
      Instant start = clock.instant();
      HttpResponse<byte[]> response;
      try {
        response = http.send(request, BoundedBody.ofByteArray(MAX_RESPONSE_BYTES));
      } catch (IOException e) {
        limiter.release();
        if (BoundedBody.tooLarge(e)) {
          report("GET", pathTemplate, OptionalInt.empty(), attempt, start, false);
          throw new QuickBooksMalformedResponseException(
              "GET " + pathTemplate + " answered with a body larger than " + MAX_RESPONSE_BYTES + " bytes", 0, null, e);
        }
        failures++;
        boolean retry = failures < retryPolicy.maxAttempts();
        report("GET", pathTemplate, OptionalInt.empty(), attempt, start, retry);
        if (!retry) {
          throw new QuickBooksTransportException(
              "GET " + pathTemplate + " failed after " + attempt + " attempt(s): "
                  + e.getClass().getSimpleName(),
              e);
        }
        pause(backoff(failures), pathTemplate, "connection failure");
        continue;
      } catch (InterruptedException e) {
        limiter.release();
        Thread.currentThread().interrupt();
        throw new QuickBooksTransportException("Interrupted during GET " + pathTemplate, e);
      }
      limiter.release();
      int status = response.statusCode();
      String tid = response.headers().firstValue("intuit_tid").orElse(null);
      if (status >= 200 && status < 300) {
        report("GET", pathTemplate, OptionalInt.of(status), attempt, start, false);
        return new Response(status, response.body(), tid);
      }
      QuickBooksServiceException error =
          faults.map(
              status,
              response.body(),
              tid,
              response.headers().firstValue("Retry-After").orElse(null),
              token);
      if (error instanceof QuickBooksAuthenticationException && !tokenRefreshed) {
        tokenRefreshed = true;
        report("GET", pathTemplate, OptionalInt.of(status), attempt, start, true);
        tokens.tokenRejected(token);
        continue;
      }
      if (error.isRetryable()) {
        failures++;
        QuickBooksRateLimitException throttled =
            error instanceof QuickBooksRateLimitException t ? t : null;
        boolean retry =
            failures < retryPolicy.maxAttempts() && (throttled == null || honoured(throttled));
        report("GET", pathTemplate, OptionalInt.of(status), attempt, start, retry);
        if (!retry) {
          throw error;
        }
        if (throttled != null) {
          Duration wait = throttled.retryAfter().orElse(retryPolicy.throttleDelay());
          // Every thread of this client waits; this thread waits in its next acquire().
          limiter.pauseFor(wait, clock);
          LOG.log(Level.DEBUG, "QBO throttled {0}; waiting {1}", pathTemplate, wait);
        } else {
          pause(backoff(failures), pathTemplate, "HTTP " + status);
        }
        continue;
      }
      report("GET", pathTemplate, OptionalInt.of(status), attempt, start, false);
      throw error;
    }
  }

  private String currentToken() {
    String token = tokens.accessToken();
    if (token == null || token.isBlank()) {
      throw new IllegalStateException("AccessTokenProvider returned no access token");
    }
    return token;
  }

  private void acquire() {
    try {
      limiter.acquire(clock, sleeper);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QuickBooksTransportException("Interrupted while waiting for a request slot", e);
    }
  }

  private void pause(Duration wait, String pathTemplate, String reason) {
    LOG.log(Level.DEBUG, "Retrying {0} after {1} in {2}", pathTemplate, reason, wait);
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QuickBooksTransportException("Interrupted while waiting to retry " + pathTemplate, e);
    }
  }

  /** Whether the wait QBO asked for, if any, is within the policy's {@code maxRetryAfter}. */
  private boolean honoured(QuickBooksRateLimitException throttled) {
    return throttled.retryAfter().map(w -> w.compareTo(retryPolicy.maxRetryAfter()) <= 0).orElse(true);
  }

  private Duration backoff(int failures) {
    return retryPolicy.backoff(failures, jitter.getAsDouble());
  }

  private void report(
      String method, String pathTemplate, OptionalInt status, int attempt, Instant start, boolean retry) {
    QuickBooksRequestEvent event =
        QuickBooksRequestEvent.builder()
            .method(method)
            .pathTemplate(pathTemplate)
            .statusCode(status)
            .attempt(attempt)
            .duration(Duration.between(start, clock.instant()))
            .willRetry(retry)
            .build();
    try {
      listener.onAttempt(event);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "QuickBooksRequestListener threw; ignored", e);
    }
  }
}
