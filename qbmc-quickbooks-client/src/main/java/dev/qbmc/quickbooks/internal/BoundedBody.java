package dev.qbmc.quickbooks.internal;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A body handler that reads a response body into a byte array of at most a given size: a body
 * declared or found larger is refused ({@link TooLargeException}) and the connection dropped, so
 * no answer makes the client buffer more than the limit. Twin of the Mailchimp client's
 * {@code BoundedBody} (the clients share no code).
 */
public final class BoundedBody {
  private BoundedBody() {}

  /** The body was larger than the limit; {@code HttpClient.send} throws an {@link IOException} caused by it. */
  public static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    TooLargeException(long limit) {
      super("response body larger than " + limit + " bytes");
    }
  }

  /**
   * The handler.
   *
   * @param limit the largest body accepted, in bytes
   * @return a handler reading at most {@code limit} bytes
   */
  public static HttpResponse.BodyHandler<byte[]> ofByteArray(int limit) {
    return info -> new Subscriber(limit,
        info.headers().firstValueAsLong("Content-Length").orElse(-1) > limit);
  }

  /**
   * Whether a failure was caused by a body over the limit.
   *
   * @param failure what {@code HttpClient.send} threw
   * @return true when a {@link TooLargeException} is in its cause chain
   */
  public static boolean tooLarge(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof TooLargeException) {
        return true;
      }
    }
    return false;
  }

  private static final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final List<ByteBuffer> received = new ArrayList<>();
    private final int limit;
    private final boolean declaredTooLarge;
    private Flow.Subscription subscription;
    private long size;

    Subscriber(int limit, boolean declaredTooLarge) {
      this.limit = limit;
      this.declaredTooLarge = declaredTooLarge;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      if (declaredTooLarge) {
        body.completeExceptionally(new TooLargeException(limit));
        subscription.cancel();
      } else {
        subscription.request(1);
      }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (body.isDone()) {
        return;
      }
      for (ByteBuffer item : items) {
        size += item.remaining();
      }
      if (size > limit) {
        received.clear();
        body.completeExceptionally(new TooLargeException(limit));
        subscription.cancel();
        return;
      }
      received.addAll(items);
      subscription.request(1);
    }

    @Override
    public void onError(Throwable throwable) {
      received.clear();
      body.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      if (body.isDone()) {
        return;
      }
      byte[] bytes = new byte[(int) size];
      int at = 0;
      for (ByteBuffer item : received) {
        int n = item.remaining();
        item.get(bytes, at, n);
        at += n;
      }
      received.clear();
      body.complete(bytes);
    }
  }
}
