package dev.qbmc.mailchimp;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.qbmc.mailchimp.testing.FakeTime;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 50 concurrent callers against a JDK HTTP server that counts requests in flight. Each request is held
 * until the server sees as many in flight as the limit allows (or a generous bound passes), so overlap is
 * forced without timing assumptions.
 */
class ConnectionLimitTest {
  private static final String BODY = "{\"id\":\"abc\",\"name\":\"L\"}";
  private HttpServer server;
  private ExecutorService serverThreads;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final AtomicInteger served = new AtomicInteger();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private volatile int holdUntil;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
    serverThreads = Executors.newFixedThreadPool(60);
    server.setExecutor(serverThreads);
    server.createContext("/", exchange -> {
      int now = inFlight.incrementAndGet();
      maxInFlight.accumulateAndGet(now, Math::max);
      lock.lock();
      try {
        changed.signalAll();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (inFlight.get() < holdUntil && served.get() + inFlight.get() < 50 && System.nanoTime() < deadline) {
          changed.awaitNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        lock.unlock();
      }
      byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      inFlight.decrementAndGet();
      served.incrementAndGet();
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    serverThreads.shutdownNow();
  }

  @Test
  void fiftyConcurrentCallers_neverExceedTheDefaultLimitOfTen() throws Exception {
    holdUntil = 10;
    MailchimpClient client = client(ConnectionLimiter.mailchimpDefault());

    runConcurrently(50, i -> client);

    assertThat(served.get()).isEqualTo(50);
    assertThat(maxInFlight.get()).isLessThanOrEqualTo(10).isGreaterThan(1);
  }

  @Test
  void twoClientsSharingALimiter_stayWithinItTogether() throws Exception {
    holdUntil = 3;
    ConnectionLimiter shared = ConnectionLimiter.of(3);
    MailchimpClient a = client(shared);
    MailchimpClient b = client(shared);

    runConcurrently(50, i -> i % 2 == 0 ? a : b);

    assertThat(served.get()).isEqualTo(50);
    assertThat(maxInFlight.get()).isLessThanOrEqualTo(3).isGreaterThan(1);
    assertThat(shared.inUse()).isZero();
  }

  private MailchimpClient client(ConnectionLimiter limiter) {
    FakeTime time = new FakeTime();
    return MailchimpClient.builder()
        .credentials(MailchimpCredentials.apiKey("0123456789abcdef0123456789abcdef-us6"))
        .baseUri(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/3.0"))
        .clock(time)
        .sleeper(time)
        .requestTimeout(Duration.ofSeconds(30))
        .connectionLimiter(limiter)
        .build();
  }

  private void runConcurrently(int callers, java.util.function.IntFunction<MailchimpClient> clients) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        MailchimpClient c = clients.apply(i);
        futures.add(pool.submit(() -> c.audiences().get("abc")));
      }
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
