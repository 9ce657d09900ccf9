package dev.qbmc.examples.services;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A real {@link HttpClient} whose requests time out where a simulator says so: a response carrying
 * {@link #MARKER} (set by {@link SweepFaults#readTimeout()} after the simulator served the request)
 * is dropped and {@link HttpTimeoutException} thrown, as the JDK does when the response is slower
 * than the request timeout. The server applied the request; the client never learns it, and no
 * real time passes.
 */
final class TimeoutHttpClient extends HttpClient {
  /** The response header that turns a response into a read timeout. */
  static final String MARKER = "X-Sweep-Timeout";

  private final HttpClient delegate;

  TimeoutHttpClient(HttpClient delegate) {
    this.delegate = delegate;
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

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    throw new UnsupportedOperationException("not used by the qbmc clients");
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request, HttpResponse.BodyHandler<T> handler, HttpResponse.PushPromiseHandler<T> push) {
    throw new UnsupportedOperationException("not used by the qbmc clients");
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return delegate.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return delegate.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return delegate.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return delegate.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return delegate.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return delegate.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return delegate.authenticator();
  }

  @Override
  public Version version() {
    return delegate.version();
  }

  @Override
  public Optional<Executor> executor() {
    return delegate.executor();
  }
}
