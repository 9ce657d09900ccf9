package dev.qbmc.examples.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The simulators of another JVM, reached through its {@link SimulatorControlServer}. */
final class RemoteSimulators implements Simulators {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() {};

  private final String controlUrl;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Process process;
  private final SimInfo info;

  private RemoteSimulators(String controlUrl, Process process) {
    this.controlUrl = controlUrl;
    this.process = process;
    this.info = JSON.convertValue(call("GET", "/info"), SimInfo.class);
  }

  /** Connects to simulators started separately with {@code --simulators-only}. */
  static RemoteSimulators connect(String controlUrl) {
    return new RemoteSimulators(controlUrl, null);
  }

  /**
   * Starts the simulators in a child JVM (same class path, the given maximum heap) and connects to
   * it; the child exits when this JVM closes it or dies.
   */
  static RemoteSimulators spawn(List<String> simulatorArgs, String maxHeap) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + maxHeap);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(SyncBenchmark.class.getName());
    command.add("--simulators-only");
    command.add("--exit-on-stdin-eof");
    command.addAll(simulatorArgs);
    try {
      Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith(SimulatorControlServer.READY_PREFIX)) {
          return new RemoteSimulators(line.substring(SimulatorControlServer.READY_PREFIX.length()).trim(), process);
        }
      }
      throw new IllegalStateException("the simulator JVM exited before it was ready (exit code "
          + process.waitFor() + ")");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the simulator JVM", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the simulator JVM", e);
    }
  }

  private JsonNode call(String method, String path) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(controlUrl + path))
        .timeout(Duration.ofMinutes(10))
        .method(method, HttpRequest.BodyPublishers.noBody())
        .build();
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      JsonNode body = JSON.readTree(response.body());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("simulator control " + path + " failed: " + body);
      }
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException("simulator control " + path + " unreachable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public SimInfo info() {
    return info;
  }

  @Override
  public String mintRefreshToken() {
    return call("POST", "/refresh-token").path("refreshToken").asText();
  }

  @Override
  public Map<String, Long> qboCalls() {
    return JSON.convertValue(call("GET", "/calls").path("qbo"), COUNTS);
  }

  @Override
  public Map<String, Long> mailchimpCalls() {
    return JSON.convertValue(call("GET", "/calls").path("mailchimp"), COUNTS);
  }

  @Override
  public void resetCalls() {
    call("POST", "/reset");
  }

  @Override
  public Mutation mutate() {
    return JSON.convertValue(call("POST", "/mutate"), Mutation.class);
  }

  @Override
  public long simulatorHeapUsed() {
    return call("GET", "/heap").path("used").asLong();
  }

  @Override
  public void close() {
    if (process != null) {
      try {
        call("POST", "/shutdown");
        process.getOutputStream().close();
        process.waitFor();
      } catch (IOException | RuntimeException e) {
        process.destroy();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroy();
      }
    }
  }
}
