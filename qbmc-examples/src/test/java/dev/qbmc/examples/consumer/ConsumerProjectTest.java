package dev.qbmc.examples.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qbmc.core.Qbmc;
import dev.qbmc.examples.cli.Sandbox;
import dev.qbmc.mailchimp.MailchimpClient;
import dev.qbmc.quickbooks.QuickBooksClient;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * qbmc as a host application gets it: the consumer project in {@code src/test/resources/consumer-project}
 * (a named module that {@code requires dev.qbmc.core}) is compiled with {@code javax.tools} against
 * the library jars this build made, with {@code -Xlint:all -Werror}, and run in a child JVM of the
 * running JDK: on the module path and on the class path, each syncing the sample company into the
 * simulated audience; and on a Jackson older than qbmc's minimum, where both clients must refuse
 * with their message instead of a {@code NoSuchFieldError}.
 */
class ConsumerProjectTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long CHILD_LIMIT_MINUTES = 3;

  @TempDir
  Path work;

  private Sandbox sandbox;

  @AfterEach
  void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  /** The built library jars (or class folders, when the build stopped before packaging), and Jackson's. */
  private static List<Path> libraries() {
    return Stream.of(Qbmc.class, QuickBooksClient.class, MailchimpClient.class, ObjectMapper.class, JsonFactory.class,
            JsonInclude.class)
        .map(ConsumerProjectTest::locationOf)
        .toList();
  }

  private static Path locationOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Path> consumerSources(boolean withModuleInfo) throws IOException, URISyntaxException {
    Path root = Path.of(ConsumerProjectTest.class.getResource("/consumer-project").toURI());
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".java"))
          .filter(f -> withModuleInfo || !f.getFileName().toString().equals("module-info.java"))
          .sorted()
          .toList();
    }
  }

  private static String path(List<Path> entries) {
    return entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }

  /** Compiles like a strict consumer build; fails the test with javac's diagnostics on any warning. */
  private Path compile(boolean modulePath) throws IOException, URISyntaxException {
    Path classes = Files.createDirectories(work.resolve(modulePath ? "module-classes" : "classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options = new ArrayList<>(List.of("--release", "17", "-Xlint:all", "-Werror", "-d", classes.toString(),
        modulePath ? "--module-path" : "--class-path", path(libraries())));
    boolean compiled;
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      compiled = javac.getTask(null, files, diagnostics, options, null,
          files.getJavaFileObjectsFromPaths(consumerSources(modulePath))).call();
    }
    assertThat(diagnostics.getDiagnostics()).as("javac diagnostics").isEmpty();
    assertThat(compiled).isTrue();
    return classes;
  }

  private record ChildRun(int exitCode, String out, String err) {}

  private ChildRun runChild(List<String> javaArguments, Map<String, String> environment)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.addAll(javaArguments);
    Path out = Files.createTempFile(work, "child", ".out");
    Path err = Files.createTempFile(work, "child", ".err");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().putAll(environment);
    Process child = builder.start();
    if (!child.waitFor(CHILD_LIMIT_MINUTES, TimeUnit.MINUTES)) {
      child.destroyForcibly();
      throw new AssertionError("the consumer did not end within " + CHILD_LIMIT_MINUTES + " minutes: "
          + Files.readString(err));
    }
    return new ChildRun(child.exitValue(), Files.readString(out), Files.readString(err));
  }

  private Map<String, String> sandboxEnvironment() {
    sandbox = Sandbox.start(Duration.ZERO, true);
    return sandbox.environment();
  }

  private static void assertSyncedTheSampleCompany(ChildRun run) throws IOException {
    assertThat(run.exitCode()).as(run.toString()).isZero();
    String json = run.out().lines().filter(line -> line.startsWith("{")).findFirst().orElseThrow();
    JsonNode report = JSON.readTree(json);
    assertThat(report.path("outcome").asText()).isEqualTo("SUCCEEDED");
    assertThat(report.path("mode").asText()).isEqualTo("FULL");
    assertThat(report.path("totals").path("created").asInt()).as(json).isPositive();
    assertThat(report.path("apiCalls").path("MAILCHIMP").path("total").asInt()).as(json).isPositive();
  }

  @Test
  void aNamedModuleConsumer_compilesStrictly_andSyncsOnTheModulePath() throws Exception {
    Path classes = compile(true);
    List<Path> modulePath = new ArrayList<>(libraries());
    modulePath.add(0, classes);

    ChildRun run = runChild(List.of("--module-path", path(modulePath), "--module", "demo.consumer/demo.consumer.SyncOnce",
        work.resolve("store-module-path").toString()), sandboxEnvironment());

    assertSyncedTheSampleCompany(run);
    assertThat(run.out()).contains("module demo.consumer uses module dev.qbmc.core");
  }

  @Test
  void aClassPathConsumer_compilesStrictly_andSyncsOnTheClassPath() throws Exception {
    Path classes = compile(false);
    List<Path> classPath = new ArrayList<>(libraries());
    classPath.add(0, classes);

    ChildRun run = runChild(List.of("-cp", path(classPath), "demo.consumer.SyncOnce",
        work.resolve("store-class-path").toString()), sandboxEnvironment());

    assertSyncedTheSampleCompany(run);
    assertThat(run.out()).contains("module null uses module null"); // unnamed modules
  }

  @Test
  void onJackson217_bothClientsRefuseWithTheirMessage_notANoSuchFieldError() throws Exception {
    Path classes = compile(false);
    List<Path> classPath = new ArrayList<>(List.of(classes, locationOf(Qbmc.class), locationOf(QuickBooksClient.class),
        locationOf(MailchimpClient.class)));
    try (Stream<Path> jars = Files.list(Path.of("target", "jackson-2.17"))) {
      classPath.addAll(jars.sorted().toList());
    }
    assertThat(classPath.stream().map(Path::toString)).anyMatch(p -> p.endsWith("jackson-databind-2.17.2.jar"));

    ChildRun run = runChild(List.of("-cp", path(classPath), "demo.consumer.JacksonCheck"), Map.of());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    String found = "but found jackson-core 2.17.2 and jackson-databind 2.17.2";
    assertThat(run.out().lines()).containsExactly(
        "QuickBooks: java.lang.IllegalStateException: qbmc's QuickBooks client needs Jackson 2.18 or newer, " + found
            + "; upgrade Jackson (e.g. import com.fasterxml.jackson:jackson-bom 2.18 or newer;"
            + " Spring Boot 3.4 and newer manage a version that fits)",
        "Mailchimp: java.lang.IllegalStateException: qbmc's Mailchimp client needs Jackson 2.18 or newer, " + found
            + "; upgrade Jackson (e.g. import com.fasterxml.jackson:jackson-bom 2.18 or newer;"
            + " Spring Boot 3.4 and newer manage a version that fits)");
    assertThat(run.err()).doesNotContain("NoSuchFieldError");
  }
}
