package dev.qbmc.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One throwaway PostgreSQL cluster: {@code initdb} into {@code <base>/cluster-<jvm pid>-<n>/data},
 * {@code pg_ctl start} on a free loopback port (TCP only, no Unix socket), {@code pg_ctl stop} and
 * delete. Every step has a bounded wait; a failure says which step failed with its output and the
 * server log. Clusters left behind by a JVM that was killed are stopped and deleted by the next
 * start.
 */
final class PostgresCluster {

  /** How the server is tuned: fast and throwaway for tests, or durable for benchmarks. */
  enum Durability {
    /** {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} off: tests. */
    THROWAWAY,
    /** The server's defaults (every commit flushed): benchmarks. */
    DURABLE
  }

  private static final Duration INITDB_TIMEOUT = Duration.ofMinutes(2);
  private static final int START_TIMEOUT_SECONDS = 60;
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
  private static final int START_ATTEMPTS = 3;

  private final Path installation;
  private final ServerAccount account;
  private final Path folder;
  private final int port;

  /** Timings of the start, for the report line. */
  record Timings(long initdbMillis, long startMillis) {}

  private final Timings timings;

  private PostgresCluster(Path installation, ServerAccount account, Path folder, int port, Timings timings) {
    this.installation = installation;
    this.account = account;
    this.folder = folder;
    this.port = port;
    this.timings = timings;
  }

  /**
   * Creates and starts a cluster.
   *
   * @param installation the extracted binaries
   * @param base the folder of clusters
   * @param account the account the server runs as
   * @param durability the tuning
   * @return the running cluster
   */
  static PostgresCluster start(Path installation, Path base, ServerAccount account, Durability durability) {
    sweepAbandoned(installation, base, account);
    try {
      Path folder = Files.createTempDirectory(base, "cluster-" + ProcessHandle.current().pid() + "-");
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
      account.own(folder);
      Path data = folder.resolve("data");
      long t0 = System.nanoTime();
      run(
          account,
          folder,
          "initdb",
          INITDB_TIMEOUT,
          List.of(
              bin(installation, "initdb"),
              "-A", "trust",
              "-U", "postgres",
              "-D", data.toString(),
              "-E", "UTF-8",
              "--locale=C",
              "--no-sync"));
      long t1 = System.nanoTime();
      IllegalStateException last = null;
      for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
        int port = freePort();
        writeSettings(data, port, durability);
        try {
          run(
              account,
              folder,
              "pg_ctl start",
              Duration.ofSeconds(START_TIMEOUT_SECONDS + 30),
              List.of(
                  bin(installation, "pg_ctl"),
                  "start",
                  "-D", data.toString(),
                  "-l", folder.resolve("server.log").toString(),
                  "-w",
                  "-t", String.valueOf(START_TIMEOUT_SECONDS)));
          long t2 = System.nanoTime();
          return new PostgresCluster(
              installation, account, folder, port, new Timings((t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000));
        } catch (IllegalStateException e) {
          last = e; // most likely the port was taken between choosing and binding: another port
        }
      }
      throw last;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the PostgreSQL cluster folder in " + base, e);
    }
  }

  /**
   * The TCP port on 127.0.0.1.
   *
   * @return the port
   */
  int port() {
    return port;
  }

  /**
   * How long {@code initdb} and the start took.
   *
   * @return the timings
   */
  Timings timings() {
    return timings;
  }

  /** Stops the server (fast shutdown: open connections are closed) and deletes the cluster. */
  void stopAndDelete() {
    try {
      stop(installation, account, folder, "fast");
    } finally {
      try {
        FileTrees.delete(folder);
      } catch (IOException e) {
        System.err.println("qbmc tests: could not delete " + folder + ": " + e);
      }
    }
  }

  private static void stop(Path installation, ServerAccount account, Path folder, String mode) {
    if (!Files.exists(folder.resolve("data").resolve("postmaster.pid"))) {
      return;
    }
    try {
      run(
          account,
          folder,
          "pg_ctl stop",
          STOP_TIMEOUT,
          List.of(bin(installation, "pg_ctl"), "stop", "-D", folder.resolve("data").toString(), "-m", mode, "-w"));
    } catch (IllegalStateException e) {
      System.err.println("qbmc tests: " + e.getMessage());
    }
  }

  /** Stops and deletes the clusters of JVMs that no longer run (killed before their exit hook). */
  private static void sweepAbandoned(Path installation, Path base, ServerAccount account) {
    try (DirectoryStream<Path> clusters = Files.newDirectoryStream(base, "cluster-*")) {
      for (Path cluster : clusters) {
        String[] parts = cluster.getFileName().toString().split("-");
        Optional<Long> pid = parts.length < 3 ? Optional.empty() : parseLong(parts[1]);
        boolean alive = pid.flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
        if (!alive) {
          stop(installation, account, cluster, "immediate");
          FileTrees.delete(cluster);
        }
      }
    } catch (IOException e) {
      System.err.println("qbmc tests: could not clean up old clusters in " + base + ": " + e);
    }
  }

  private static Optional<Long> parseLong(String s) {
    try {
      return Optional.of(Long.parseLong(s));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static void writeSettings(Path data, int port, Durability durability) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("# qbmc tests");
    lines.add("port = " + port);
    lines.add("listen_addresses = '127.0.0.1'");
    lines.add("unix_socket_directories = ''");
    lines.add("max_connections = 200");
    lines.add("timezone = 'UTC'");
    if (durability == Durability.THROWAWAY) {
      lines.add("fsync = off");
      lines.add("synchronous_commit = off");
      lines.add("full_page_writes = off");
    }
    // The last setting of a name wins: a retry with another port appends again.
    Files.write(data.resolve("postgresql.conf"), lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String bin(Path installation, String program) {
    return installation.resolve("bin").resolve(program).toString();
  }

  /** Runs one step with a bounded wait; its output goes to a file (no pipe a server could hold). */
  private static void run(ServerAccount account, Path folder, String step, Duration timeout, List<String> command) {
    Path output = folder.resolve(step.replace(' ', '-') + ".out");
    try {
      ProcessBuilder builder = new ProcessBuilder(account.command(command));
      Map<String, String> env = builder.environment();
      env.put("LC_ALL", "C");
      env.remove("PGDATA");
      env.remove("PGPORT");
      builder.redirectErrorStream(true).redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
      Process process = builder.start();
      process.getOutputStream().close();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw failure(step, "did not finish within " + timeout.toSeconds() + " s", folder, output);
      }
      if (process.exitValue() != 0) {
        throw failure(step, "exited with " + process.exitValue(), folder, output);
      }
    } catch (IOException e) {
      throw new IllegalStateException(step + " could not be started: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(step + " was interrupted", e);
    }
  }

  private static IllegalStateException failure(String step, String what, Path folder, Path output) {
    return new IllegalStateException(
        step + " " + what + ":\n" + tail(output) + "\nserver log:\n" + tail(folder.resolve("server.log")));
  }

  private static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no " + file.getFileName() + ")";
    }
  }
}
