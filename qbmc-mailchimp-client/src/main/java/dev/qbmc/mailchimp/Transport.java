package dev.qbmc.mailchimp;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qbmc.mailchimp.internal.BoundedBody;
import dev.qbmc.mailchimp.internal.MailchimpJson;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Sends requests: auth header, connection limit, retries with backoff, error mapping, listener
 * events. Every response body is read within a size limit ({@link #MAX_RESPONSE_BYTES}): a larger
 * one is refused as malformed, never buffered.
 */
final class Transport {
  private static final System.Logger LOG = System.getLogger(MailchimpClient.class.getName());
  /** The largest response body read, of an API call or of a batch results archive (64 MiB). */
  static final int MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

  final ObjectMapper json = MailchimpJson.mapper();
  final URI baseUri;
  final Clock clock;
  final MailchimpSleeper sleeper;
  private final HttpClient http;
  private final String authorization;
  private final MailchimpRetryPolicy retry;
  private final Duration requestTimeout;
  private final String userAgent;
  private final MailchimpRequestListener listener;
  private final ConnectionLimiter limiter;
  private final DoubleSupplier random;

  Transport(URI baseUri, HttpClient http, String authorization, Clock clock, MailchimpSleeper sleeper, MailchimpRetryPolicy retry,
      Duration requestTimeout, String userAgent, MailchimpRequestListener listener, ConnectionLimiter limiter,
      DoubleSupplier random) {
    this.baseUri = baseUri;
    this.http = http;
    this.authorization = authorization;
    this.clock = clock;
    this.sleeper = sleeper;
    this.retry = retry;
    this.requestTimeout = requestTimeout;
    this.userAgent = userAgent;
    this.listener = listener;
    this.limiter = limiter;
    this.random = random;
  }

  <T> T get(ApiPath path, Map<String, String> query, Class<T> type) {
    return read(send("GET", path, query, null, true), type);
  }

  <T> T send(String method, ApiPath path, Object body, Class<T> type) {
    return read(send(method, path, Map.of(), body, true), type);
  }

  /** Sends a POST whose repetition is harmless (documented at the call site), so it may be retried like a PUT. */
  <T> T sendRepeatable(ApiPath path, Object body, Class<T> type) {
    return read(execute("POST", path.template, URI.create(baseUri + path.path), write(body), true, true), type);
  }

  /** Runs a prepared request: retried like an idempotent call when it is {@linkplain MailchimpRequest#repeatable() repeatable}. */
  <T> T execute(MailchimpRequest<T> request) {
    byte[] body = request.body().map(b -> b.getBytes(StandardCharsets.UTF_8)).orElse(null);
    return read(execute(request.method(), request.pathTemplate(), URI.create(baseUri + request.path()), body, true,
        request.repeatable()), request.responseType());
  }

  void sendNoContent(String method, ApiPath path, Object body) {
    send(method, path, Map.of(), body, true);
  }

  byte[] download(URI url) {
    Urls.requireHttps(url, "response_body_url", true);
    return execute("GET", "{response_body_url}", url, null, false, true);
  }

  <T> T read(byte[] body, Class<T> type) {
    if (type == Void.class) {
      return null;
    }
    try {
      return json.readValue(body, type);
    } catch (IOException e) {
      throw new MailchimpMalformedResponseException("could not read " + type.getSimpleName() + " from the response", e);
    }
  }

  <T> T convert(JsonNode node, JavaType type) {
    try {
      return json.convertValue(node, type);
    } catch (IllegalArgumentException e) {
      throw new MailchimpMalformedResponseException("could not read " + type.getRawClass().getSimpleName(), e);
    }
  }

  String writeString(Object body) {
    try {
      return json.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("request body cannot be written as JSON: " + e.getClass().getSimpleName(), e);
    }
  }

  byte[] write(Object body) {
    try {
      return body instanceof byte[] ? (byte[]) body : json.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("request body cannot be written as JSON: " + e.getClass().getSimpleName(), e);
    }
  }

  /** Lazily pages a collection with {@code count}/{@code offset}. */
  <T> Stream<T> paged(ApiPath path, Map<String, String> query, String itemsField, Class<T> type, int pageSize) {
    JavaType itemType = json.constructType(type);
    Iterator<T> it = new Iterator<>() {
      private final List<T> buffer = new ArrayList<>();
      private int index;
      private int offset;
      private boolean last;

      @Override
      public boolean hasNext() {
        if (index < buffer.size()) {
          return true;
        }
        if (last) {
          return false;
        }
        Map<String, String> q = new LinkedHashMap<>(query);
        q.put("count", Integer.toString(pageSize));
        q.put("offset", Integer.toString(offset));
        JsonNode page = get(path, q, JsonNode.class);
        JsonNode items = page.path(itemsField);
        buffer.clear();
        index = 0;
        for (JsonNode item : items) {
          buffer.add(convert(item, itemType));
        }
        offset += buffer.size();
        long total = page.path("total_items").asLong(-1);
        last = buffer.size() < pageSize || (total >= 0 && offset >= total);
        return !buffer.isEmpty();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return buffer.get(index++);
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  private byte[] send(String method, ApiPath path, Map<String, String> query, Object body, boolean auth) {
    StringBuilder url = new StringBuilder(baseUri.toString()).append(path.path);
    String sep = "?";
    for (Map.Entry<String, String> e : query.entrySet()) {
      url.append(sep).append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
      sep = "&";
    }
    return execute(method, path.template, URI.create(url.toString()), body == null ? null : write(body), auth,
        !method.equals("POST"));
  }

  private byte[] execute(String method, String template, URI uri, byte[] body, boolean auth, boolean idempotent) {
    for (int attempt = 1; ; attempt++) {
      HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(requestTimeout).header("User-Agent", userAgent);
      if (auth) {
        rb.header("Authorization", authorization).header("Accept", "application/json");
      }
      if (body != null) {
        rb.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(body));
      } else {
        rb.method(method, HttpRequest.BodyPublishers.noBody());
      }
      long started = clock.millis();
      HttpResponse<byte[]> response;
      try {
        response = sendLimited(rb.build(), auth);
      } catch (IOException e) {
        if (BoundedBody.tooLarge(e)) {
          report(method, template, OptionalInt.empty(), attempt, started, false);
          throw new MailchimpMalformedResponseException(
              method + " " + template + " answered with a body larger than " + MAX_RESPONSE_BYTES + " bytes", e);
        }
        boolean notSent = e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
        boolean willRetry = (idempotent || notSent) && attempt < retry.maxAttempts();
        report(method, template, OptionalInt.empty(), attempt, started, willRetry);
        if (!idempotent && !notSent) {
          throw new MailchimpOutcomeUnknownException(
              method + " " + template + " failed after the request was sent (" + e.getClass().getSimpleName()
                  + "); it may or may not have taken effect", e, 0);
        }
        if (!willRetry) {
          throw new MailchimpTransportException(
              method + " " + template + " failed after " + attempt + " attempt(s): " + e.getClass().getSimpleName(),
              e, true);
        }
        pause(retry.backoff(attempt, random.getAsDouble()));
        continue;
      }
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        report(method, template, OptionalInt.of(status), attempt, started, false);
        return response.body();
      }
      Optional<String> retryAfterHeader = response.headers().firstValue("Retry-After");
      MailchimpServiceException error = Errors.map(status, response.body(), retryAfterHeader, clock);
      boolean throttled = error instanceof MailchimpRateLimitException;
      boolean server = status >= 500;
      Optional<Duration> delay = Optional.empty();
      if ((throttled || (server && idempotent)) && attempt < retry.maxAttempts()) {
        Optional<Duration> retryAfter = retryAfterHeader.flatMap(h -> MailchimpRetryPolicy.parseRetryAfter(h, clock.instant()));
        if (retryAfter.isEmpty()) {
          delay = Optional.of(retry.backoff(attempt, random.getAsDouble()));
        } else if (retryAfter.get().compareTo(retry.maxRetryAfter()) <= 0) {
          delay = retryAfter;
        }
      }
      report(method, template, OptionalInt.of(status), attempt, started, delay.isPresent());
      if (delay.isEmpty()) {
        if (server && !idempotent) {
          throw new MailchimpOutcomeUnknownException(
              method + " " + template + " got HTTP " + status + "; it may or may not have taken effect", error, status);
        }
        throw error;
      }
      LOG.log(Level.DEBUG, () -> method + " " + template + " got HTTP " + status + ", retrying");
      pause(delay.get());
    }
  }

  private HttpResponse<byte[]> sendLimited(HttpRequest request, boolean limited) throws IOException {
    try {
      if (!limited) {
        return http.send(request, BoundedBody.ofByteArray(MAX_RESPONSE_BYTES));
      }
      if (!limiter.tryAcquire(requestTimeout)) {
        throw new MailchimpTransportException(
            "no Mailchimp connection slot became free within " + requestTimeout + " (" + limiter + ")", null, true);
      }
      try {
        return http.send(request, BoundedBody.ofByteArray(MAX_RESPONSE_BYTES));
      } finally {
        limiter.release();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MailchimpTransportException("interrupted while calling Mailchimp", e, false);
    }
  }

  private void pause(Duration d) {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MailchimpTransportException("interrupted while waiting to retry", e, false);
    }
  }

  private void report(String method, String template, OptionalInt status, int attempt, long started, boolean willRetry) {
    MailchimpRequestEvent event = MailchimpRequestEvent.builder()
        .method(method)
        .pathTemplate(template)
        .statusCode(status)
        .attempt(attempt)
        .duration(Duration.ofMillis(Math.max(0, clock.millis() - started)))
        .willRetry(willRetry)
        .build();
    LOG.log(Level.DEBUG, () -> method + " " + template + " -> " + (status.isPresent() ? status.getAsInt() : "no response")
        + " (attempt " + attempt + ")");
    try {
      listener.onAttempt(event);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "MailchimpRequestListener threw; ignored", e);
    }
  }
}
