package dev.qbmc.examples.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A JDK {@link HttpServer} bound to 127.0.0.1 on an ephemeral port that hands every request, as a
 * {@link SimRequest}, to one handler function. Each request runs on its own daemon thread so that
 * concurrency limits can be observed.
 */
public final class LoopbackServer implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(LoopbackServer.class.getName());

  static {
    // The JDK server writes the status line and headers and the body in separate segments; with
    // Nagle's algorithm and the client's delayed ACK every small response then waits ~40 ms.
    // The property is read once, when the first JDK HttpServer is created in this JVM.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    // Keep idle keep-alive connections for 10 minutes (JDK default 30 s) so that a client reusing a
    // pooled connection rarely races the server closing it ("header parser received no bytes").
    if (System.getProperty("sun.net.httpserver.idleInterval") == null) {
      System.setProperty("sun.net.httpserver.idleInterval", "600");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;

  /**
   * Binds and starts a server.
   *
   * @param name thread-name prefix
   * @param handler the request handler; an exception it throws becomes a plain 500
   * @return the running server
   */
  public static LoopbackServer start(String name, Function<SimRequest, SimResponse> handler) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
      AtomicInteger counter = new AtomicInteger();
      ThreadFactory factory = r -> {
        Thread t = new Thread(r, name + "-" + counter.incrementAndGet());
        t.setDaemon(true);
        return t;
      };
      ExecutorService executor = Executors.newCachedThreadPool(factory);
      server.setExecutor(executor);
      server.createContext("/", exchange -> serve(exchange, handler));
      server.start();
      return new LoopbackServer(server, executor);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind a loopback simulator port", e);
    }
  }

  private LoopbackServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * The base URL, e.g. {@code http://127.0.0.1:54321}, without a trailing slash.
   *
   * @return the base URL
   */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Stops the server at once and its worker threads. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static void serve(HttpExchange exchange, Function<SimRequest, SimResponse> handler) {
    try (exchange) {
      SimResponse response;
      try {
        response = handler.apply(toRequest(exchange));
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "simulator route failed", e);
        response = SimResponse.text(500, "text/plain", "simulator error: " + e.getClass().getSimpleName());
      }
      if (response.closeConnection()) {
        // No status line: closing the exchange without one makes the JDK server drop the connection.
        return;
      }
      response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      if (response.contentType() != null) {
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
      }
      byte[] body = response.body();
      exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "client went away", e);
    }
  }

  private static SimRequest toRequest(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    Map<String, List<String>> headers = new HashMap<>();
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    return SimRequest.of(exchange.getRequestMethod().toUpperCase(Locale.ROOT),
        exchange.getRequestURI().getPath(), parseQuery(exchange.getRequestURI().getRawQuery()),
        Map.copyOf(headers), body);
  }

  /**
   * Decodes an {@code application/x-www-form-urlencoded} string (query or form body).
   *
   * @param raw the raw string, may be null
   * @return first value per name, in order
   */
  public static Map<String, String> parseQuery(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.putIfAbsent(name, value);
    }
    return out;
  }
}
