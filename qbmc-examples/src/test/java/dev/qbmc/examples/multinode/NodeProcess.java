package dev.qbmc.examples.multinode;

import dev.qbmc.core.testing.TestDatabase;
import dev.qbmc.examples.cli.Sandbox;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link SyncNode} in a child JVM on the test class path: commands go to its stdin, its answers
 * are read from its stdout (bounded waits), its stderr goes to a file shown when something fails.
 */
final class NodeProcess implements AutoCloseable {
  /** The longest wait for any one answer of a node. */
  static final Duration ANSWER_WAIT = Duration.ofSeconds(90);

  private final String name;
  private final Process process;
  private final Writer stdin;
  private final Path stderr;
  private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

  private NodeProcess(String name, Process process, Path stderr) {
    this.name = name;
    this.process = process;
    this.stderr = stderr;
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader = new Thread(this::readAnswers, "node-" + name + "-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts a node and waits until it is ready.
   *
   * @param name the node's name (its lease owner starts with {@code node-<name>})
   * @param database the shared database
   * @param sandbox the simulators, served by the test's JVM
   * @param connectionId the connection it syncs
   * @param leaseTtl its lease TTL
   * @param chunkSize its chunk size
   * @param logs where to put its stderr file
   */
  static NodeProcess start(String name, TestDatabase database, Sandbox sandbox, String connectionId, Duration leaseTtl,
      int chunkSize, Path logs) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx160m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
        "-cp", System.getProperty("java.class.path"),
        SyncNode.class.getName(),
        "name=" + name,
        "store=" + database.jdbcUrl(),
        "user=" + database.user(),
        "qbo=" + sandbox.quickBooks().baseUrl(),
        "tokens=" + sandbox.quickBooks().tokenUrl(),
        "revoke=" + sandbox.quickBooks().revokeUrl(),
        "mailchimp=" + sandbox.mailchimp().baseUrl(),
        "clientId=" + sandbox.quickBooks().clientId(),
        "clientSecret=" + sandbox.quickBooks().clientSecret(),
        "connection=" + connectionId,
        "leaseTtlMillis=" + leaseTtl.toMillis(),
        "chunkSize=" + chunkSize));
    Path err = logs.resolve("node-" + name + ".stderr");
    try {
      Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
      NodeProcess node = new NodeProcess(name, process, err);
      node.expect("READY");
      return node;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start node " + name, e);
    }
  }

  /** Sends one command without waiting for its answer. */
  void send(String command) {
    try {
      stdin.write(command + "\n");
      stdin.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("node " + name + " does not take commands: " + diagnostics(), e);
    }
  }

  /** The next answer, waiting at most {@link #ANSWER_WAIT}. */
  String answer() {
    try {
      String line = answers.poll(ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      if (line == null) {
        throw new AssertionError("node " + name + " gave no answer within " + ANSWER_WAIT + ": " + diagnostics());
      }
      return line;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Sends a command and returns its answer. */
  String call(String command) {
    send(command);
    return answer();
  }

  /** The id of the process, for SIGKILL by the test. */
  long pid() {
    return process.pid();
  }

  /** Kills the node with SIGKILL (no shutdown hooks, no cleanup, connections cut) and waits for it. */
  void kill() {
    process.destroyForcibly(); // SIGKILL on Linux and macOS
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new AssertionError("node " + name + " survived SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void expect(String line) {
    String got = answer();
    if (!got.equals(line)) {
      throw new AssertionError("node " + name + " said '" + got + "', not '" + line + "': " + diagnostics());
    }
  }

  private void readAnswers() {
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        answers.add(line);
      }
    } catch (IOException e) {
      // the node died; answer() reports it
    }
  }

  private String diagnostics() {
    String err;
    try {
      err = Files.readString(stderr);
    } catch (IOException e) {
      err = "(no stderr: " + e + ")";
    }
    return (process.isAlive() ? "alive" : "exited " + process.exitValue()) + ", stderr:\n" + err;
  }

  /** Asks the node to quit and waits for it; kills it when it does not. */
  @Override
  public void close() {
    if (process.isAlive()) {
      try {
        send("quit");
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          kill();
        }
      } catch (RuntimeException e) {
        kill();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        kill();
      }
    }
  }

  @Override
  public String toString() {
    return "node " + name + " (pid " + process.pid() + ")";
  }
}
