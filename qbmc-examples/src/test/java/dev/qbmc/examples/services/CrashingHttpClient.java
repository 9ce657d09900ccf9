package dev.qbmc.examples.services;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real {@link HttpClient} that "crashes the process" (throws an unchecked exception no client
 * catches) once a number of requests went through: the sync stops mid-run as if its process had
 * died, leaving whatever it had committed.
 */
final class CrashingHttpClient extends DelegatingHttpClient {
  /** Thrown in place of the request that would exceed the budget. */
  static final class SimulatedCrash extends Error {
    private static final long serialVersionUID = 1L;

    SimulatedCrash() {
      super("simulated crash");
    }
  }

  private final AtomicInteger remaining;

  CrashingHttpClient(int requestsBeforeCrash) {
    super(HttpClient.newHttpClient());
    this.remaining = new AtomicInteger(requestsBeforeCrash);
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    if (remaining.getAndDecrement() <= 0) {
      throw new SimulatedCrash();
    }
    return delegate.send(request, handler);
  }
}
