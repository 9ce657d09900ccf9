package dev.qbmc.examples.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The two clients each keep a {@code BoundedBody} (they share no code): both must accept and
 * refuse exactly the same bodies, declared ({@code Content-Length}) or streamed (chunked), and
 * return the same bytes. The Jackson-minimum twins are held together by {@code JacksonMinimumTest}.
 */
class BoundedBodyTwinsDriftTest {
  private static final int LIMIT = 10_000;

  private static HttpServer server;
  private static HttpClient http;

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String[] parts = exchange.getRequestURI().getPath().split("/");
      int size = Integer.parseInt(parts[1]);
      boolean chunked = parts[2].equals("chunked");
      byte[] body = new byte[size];
      Arrays.fill(body, (byte) 'x');
      exchange.sendResponseHeaders(200, chunked ? 0 : (size == 0 ? -1 : size));
      try (OutputStream out = exchange.getResponseBody()) {
        for (int at = 0; at < size; at += 1_000) {
          out.write(body, at, Math.min(1_000, size - at));
          out.flush();
        }
      } catch (IOException clientWentAway) {
        // a refused body makes the client drop the connection: expected
      }
    });
    server.start();
    http = HttpClient.newHttpClient();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  @ParameterizedTest(name = "{0} bytes, {1}")
  @CsvSource({"0,declared", "1,declared", "9999,declared", "10000,declared", "10001,declared",
      "250000,declared", "0,chunked", "9999,chunked", "10000,chunked", "10001,chunked", "250000,chunked"})
  void bothTwinsAcceptAndRefuseTheSameBodies(int size, String transfer) {
    Outcome quickBooks = fetch(size, transfer,
        dev.qbmc.quickbooks.internal.BoundedBody::ofByteArray, dev.qbmc.quickbooks.internal.BoundedBody::tooLarge);
    Outcome mailchimp = fetch(size, transfer,
        dev.qbmc.mailchimp.internal.BoundedBody::ofByteArray, dev.qbmc.mailchimp.internal.BoundedBody::tooLarge);

    assertThat(mailchimp).isEqualTo(quickBooks);
    assertThat(quickBooks.refused()).isEqualTo(size > LIMIT);
    if (!quickBooks.refused()) {
      assertThat(quickBooks.length()).isEqualTo(size);
    }
  }

  private static Outcome fetch(int size, String transfer, IntFunction<HttpResponse.BodyHandler<byte[]>> handler,
      Predicate<Throwable> tooLarge) {
    URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + size + "/" + transfer);
    try {
      HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).build(), handler.apply(LIMIT));
      return new Outcome(false, response.body().length);
    } catch (IOException e) {
      assertThat(tooLarge.test(e)).as("failure is the limit, not %s", e).isTrue();
      return new Outcome(true, -1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private record Outcome(boolean refused, int length) {}
}
