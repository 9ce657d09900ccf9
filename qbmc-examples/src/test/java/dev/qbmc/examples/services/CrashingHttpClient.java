package dev.qbmc.examples.services;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A real {@link java.net.http.HttpClient} that "crashes the process" (throws an unchecked
 * exception no client catches) once a number of requests went through: the sync stops mid-run as
 * if its process had died, leaving whatever it had committed.
 */
final class CrashingHttpClient extends java.net.http.HttpClient {
  /** Thrown in place of the request that would exceed the budget. */
  static final class SimulatedCrash extends Error {
    private static final long serialVersionUID = 1L;

    SimulatedCrash() {
      super("simulated crash");
    }
  }

  private final java.net.http.HttpClient delegate = java.net.http.HttpClient.newHttpClient();
  private final AtomicInteger remaining;

  CrashingHttpClient(int requestsBeforeCrash) {
    this.remaining = new AtomicInteger(requestsBeforeCrash);
  }

  @Override
  public <T> java.net.http.HttpResponse<T> send(
      java.net.http.HttpRequest request, java.net.http.HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    if (remaining.getAndDecrement() <= 0) {
      throw new SimulatedCrash();
    }
    return delegate.send(request, handler);
  }

  @Override
  public <T> CompletableFuture<java.net.http.HttpResponse<T>> sendAsync(
      java.net.http.HttpRequest request, java.net.http.HttpResponse.BodyHandler<T> handler) {
    throw new UnsupportedOperationException("not used by the qbmc clients");
  }

  @Override
  public <T> CompletableFuture<java.net.http.HttpResponse<T>> sendAsync(
      java.net.http.HttpRequest request,
      java.net.http.HttpResponse.BodyHandler<T> handler,
      java.net.http.HttpResponse.PushPromiseHandler<T> push) {
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
