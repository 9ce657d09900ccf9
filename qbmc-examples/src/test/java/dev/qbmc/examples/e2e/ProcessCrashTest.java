package dev.qbmc.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qbmc.core.report.SyncReport;
import dev.qbmc.core.report.SyncReportJson;
import dev.qbmc.examples.cli.QbmcCli;
import dev.qbmc.examples.cli.Sandbox;
import dev.qbmc.examples.cli.Setting;
import dev.qbmc.examples.sim.MailchimpSnapshot;
import dev.qbmc.examples.sim.SimResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CLI {@code sync} in a child JVM (file store, the simulators in this JVM) killed with SIGKILL
 * ({@link Process#destroyForcibly()}) while Mailchimp holds its N-th request, at seeded points;
 * at each, the held request is either applied after the kill or never (the process died before or
 * after Mailchimp received it). A new {@code sync} then resumes at once and must leave exactly what
 * an uninterrupted sync leaves, nothing duplicated, and a further sync writes nothing.
 *
 * <p>{@code mvn verify} runs {@value #SAMPLED_POINTS} of the points (every fourth); the Maven profile
 * {@code fault-sweep} ({@code -Dqbmc.faultSweep=full}) runs all {@value #POINTS}.
 */
class ProcessCrashTest {
  private static final int POINTS = 12;
  private static final int SAMPLED_POINTS = 3;
  private static final long SEED = 20261203L;
  private static final long CHILD_LIMIT_SECONDS = 60;

  @TempDir
  Path work;

  private record Point(int request, boolean applied) {}

  @Test
  void aSyncKilledAtSeededPoints_resumesAndConvergesToTheUninterruptedState() throws Exception {
    long started = System.nanoTime();
    Files.createDirectories(work.resolve("clean"));
    List<String> expected;
    long mailchimpCalls;
    try (Sandbox sandbox = Sandbox.start(Duration.ZERO, true)) {
      Map<String, String> env = environment(sandbox, work.resolve("clean"));
      assertThat(CliRun.of(env, "connect").exitCode()).isZero();
      java.util.concurrent.atomic.AtomicLong calls = new java.util.concurrent.atomic.AtomicLong();
      sandbox.mailchimp().faults().onEvery(r -> calls.incrementAndGet() < 0, (r, n, s) -> n.apply(r));
      Process child = startChildSync(env, work.resolve("clean"));
      assertThat(child.waitFor(CHILD_LIMIT_SECONDS, TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue()).as(Files.readString(work.resolve("clean").resolve("child.err"))).isZero();
      mailchimpCalls = calls.get();
      expected = snapshot(sandbox, Files.readString(work.resolve("clean").resolve("child.out")));
    }

    List<Point> points = points((int) mailchimpCalls);
    boolean full = "full".equals(System.getProperty("qbmc.faultSweep"));
    List<Point> run = full ? points
        : java.util.stream.IntStream.range(0, POINTS).filter(i -> i % (POINTS / SAMPLED_POINTS) == 0)
            .mapToObj(points::get).toList();
    List<String> defects = new ArrayList<>();
    int index = 0;
    for (Point point : run) {
      crashAndResume(point, work.resolve("crash-" + index++), expected, defects);
    }
    System.out.printf("process crash test (%s): %d kill points of %d Mailchimp calls %s in %.1f s%n",
        full ? "full" : "sampled", run.size(), mailchimpCalls, run, (System.nanoTime() - started) / 1e9);
    assertThat(defects).isEmpty();
  }

  /** {@value #POINTS} seeded request numbers within the sync's Mailchimp HTTP calls (distinct while there are enough). */
  private static List<Point> points(int mailchimpCalls) {
    Random random = new Random(SEED);
    List<Integer> requests = new ArrayList<>();
    for (int i = 1; i <= mailchimpCalls; i++) {
      requests.add(i);
    }
    java.util.Collections.shuffle(requests, random);
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < POINTS; i++) {
      points.add(new Point(requests.get(i % requests.size()), random.nextBoolean()));
    }
    return points;
  }

  private void crashAndResume(Point point, Path dir, List<String> expected, List<String> defects) throws Exception {
    try (Sandbox sandbox = Sandbox.start(Duration.ZERO, true)) {
      Map<String, String> env = environment(sandbox, dir);
      assertThat(CliRun.of(env, "connect").exitCode()).isZero();

      CountDownLatch reached = new CountDownLatch(1);
      CountDownLatch killed = new CountDownLatch(1);
      sandbox.mailchimp().faults().onRequest(point.request(), (request, normal, sleeper) -> {
        reached.countDown();
        killed.await(CHILD_LIMIT_SECONDS, TimeUnit.SECONDS);
        return point.applied() ? normal.apply(request) : SimResponse.closedConnection();
      });
      Process child = startChildSync(env, dir);
      try {
        if (!reached.await(CHILD_LIMIT_SECONDS, TimeUnit.SECONDS)) {
          defects.add(point + ": the child sync never made that request: " + Files.readString(dir.resolve("child.err")));
          return;
        }
        child.destroyForcibly();
        assertThat(child.waitFor(CHILD_LIMIT_SECONDS, TimeUnit.SECONDS)).isTrue();
      } finally {
        killed.countDown();
        child.destroyForcibly();
      }
      sandbox.mailchimp().faults().clear();

      CliRun resumed = CliRun.of(env, "sync", "--json");
      if (resumed.exitCode() != 0) {
        defects.add(point + ": the resumed sync failed: " + resumed);
        return;
      }
      List<String> state = snapshot(sandbox, resumed.out());
      if (!state.equals(expected)) {
        defects.add(point + ": Mailchimp state differs: " + MailchimpSnapshot.diff(expected, state));
      }
      long before = writes(sandbox);
      CliRun again = CliRun.of(env, "sync", "--json");
      if (again.exitCode() != 0 || writes(sandbox) != before) {
        defects.add(point + ": a further sync wrote " + (writes(sandbox) - before) + " times: " + again);
      }
    }
  }

  private static long writes(Sandbox sandbox) {
    return sandbox.mailchimp().requestLog().snapshot().entrySet().stream()
        .filter(e -> !e.getKey().startsWith("GET ") && !e.getKey().startsWith("BATCH:GET "))
        .mapToLong(Map.Entry::getValue).sum();
  }

  private static List<String> snapshot(Sandbox sandbox, String json) {
    SyncReport report = SyncReportJson.fromJson(json);
    assertThat(report.failures()).as(json).isEmpty();
    String storeId = sandbox.mailchimp().stores().get(0).path("id").asText();
    return MailchimpSnapshot.of(sandbox.mailchimp(), sandbox.audienceId(), storeId);
  }

  private static Map<String, String> environment(Sandbox sandbox, Path dir) throws IOException {
    Map<String, String> env = new HashMap<>(sandbox.environment());
    env.put(Setting.QBMC_STATE_DIR.name(), Files.createDirectories(dir).resolve("state").toString());
    return env;
  }

  /** {@code java -cp <this test's class path> QbmcCli sync --json} with the settings as its environment. */
  private static Process startChildSync(Map<String, String> env, Path dir) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"),
        QbmcCli.class.getName(), "sync", "--json"));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(dir.resolve("child.out").toFile())
        .redirectError(dir.resolve("child.err").toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("QBMC_"));
    builder.environment().putAll(env);
    return builder.start();
  }

}
