package dev.qbmc.examples.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * Serves {@link LocalSimulators} to a benchmark in another JVM on loopback: {@code GET /info},
 * {@code POST /refresh-token}, {@code GET /calls}, {@code POST /reset}, {@code POST /mutate},
 * {@code GET /heap}, {@code POST /shutdown}. The control protocol of {@link RemoteSimulators}.
 */
final class SimulatorControlServer implements AutoCloseable {
  static final String READY_PREFIX = "qbmc-bench-simulators ";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LocalSimulators simulators;
  private final HttpServer server;
  private final CountDownLatch stopped = new CountDownLatch(1);

  SimulatorControlServer(LocalSimulators simulators) throws IOException {
    this.simulators = simulators;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    route("/info", simulators::info);
    route("/refresh-token", () -> Map.of("refreshToken", simulators.mintRefreshToken()));
    route("/calls", () -> {
      Map<String, Object> calls = new LinkedHashMap<>();
      calls.put("qbo", simulators.qboCalls());
      calls.put("mailchimp", simulators.mailchimpCalls());
      return calls;
    });
    route("/reset", () -> {
      simulators.resetCalls();
      return Map.of();
    });
    route("/mutate", simulators::mutate);
    route("/heap", () -> Map.of("used", simulators.simulatorHeapUsed()));
    route("/shutdown", () -> {
      stopped.countDown();
      return Map.of();
    });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void awaitShutdown() throws InterruptedException {
    stopped.await();
  }

  void shutdown() {
    stopped.countDown();
  }

  private void route(String path, Supplier<Object> action) {
    server.createContext(path, exchange -> respond(exchange, action));
  }

  private static void respond(HttpExchange exchange, Supplier<Object> action) throws IOException {
    byte[] body;
    int status;
    try {
      body = JSON.writeValueAsBytes(action.get());
      status = 200;
    } catch (RuntimeException e) {
      body = JSON.writeValueAsBytes(Map.of("error", String.valueOf(e)));
      status = 500;
    }
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    simulators.close();
  }
}
