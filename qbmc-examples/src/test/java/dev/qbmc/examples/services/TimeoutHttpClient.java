package dev.qbmc.examples.services;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;

/**
 * A real {@link HttpClient} whose requests time out where a simulator says so: a response carrying
 * {@link #MARKER} (set by {@link SweepFaults#readTimeout()} after the simulator served the request)
 * is dropped and {@link HttpTimeoutException} thrown, as the JDK does when the response is slower
 * than the request timeout. The server applied the request; the client never learns it, and no
 * real time passes.
 */
final class TimeoutHttpClient extends DelegatingHttpClient {
  /** The response header that turns a response into a read timeout. */
  static final String MARKER = "X-Sweep-Timeout";

  TimeoutHttpClient(HttpClient delegate) {
    super(delegate);
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    boolean[] timedOut = new boolean[1];
    HttpResponse<T> response = delegate.send(request, info -> {
      if (info.headers().firstValue(MARKER).isPresent()) {
        timedOut[0] = true;
        return HttpResponse.BodySubscribers.replacing(null);
      }
      return handler.apply(info);
    });
    if (timedOut[0]) {
      throw new HttpTimeoutException("request timed out");
    }
    return response;
  }
}
