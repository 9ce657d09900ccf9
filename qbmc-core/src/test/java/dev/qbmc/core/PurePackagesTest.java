package dev.qbmc.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The mapping and reconciliation packages are pure (DESIGN.md section 2): given the same inputs they
 * return the same plan. This test reads their sources and fails on anything that reaches outside:
 * HTTP, files, JSON, threads, the clock or randomness, whether imported or written fully qualified.
 */
class PurePackagesTest {

  private static final Path SOURCES = Path.of("src", "main", "java");
  private static final List<String> PURE_PACKAGES =
      List.of("dev.qbmc.core.model", "dev.qbmc.core.mapping", "dev.qbmc.core.reconcile");

  /** A forbidden reference and why it is forbidden. */
  private record Rule(Pattern pattern, String reason) {
    static Rule of(String regex, String reason) {
      return new Rule(Pattern.compile(regex), reason);
    }
  }

  private static final List<Rule> RULES =
      List.of(
          Rule.of("\\bjava\\.net\\b", "network I/O"),
          Rule.of("\\bjava\\.nio\\.(file|channels)\\b", "file I/O"),
          Rule.of(
              "\\bjava\\.io\\.(File|FileInputStream|FileOutputStream|FileReader|FileWriter|"
                  + "RandomAccessFile|FileDescriptor|PrintStream|Console)\\b",
              "file or console I/O"),
          Rule.of("\\bcom\\.fasterxml\\.jackson\\b", "JSON serialisation belongs to the clients"),
          Rule.of("\\bjava\\.util\\.concurrent\\b", "threads and executors"),
          Rule.of("\\bThread\\b", "threads"),
          Rule.of("\\bExecutorService\\b|\\bCompletableFuture\\b", "threads"),
          Rule.of("\\bjava\\.time\\.Clock\\b|\\bClock\\b", "the clock"),
          Rule.of("\\.now\\s*\\(", "the clock"),
          Rule.of("System\\s*\\.\\s*(currentTimeMillis|nanoTime|getenv|getProperty)", "the clock or the environment"),
          Rule.of("\\bjava\\.util\\.Random\\b|\\bRandom\\b|SecureRandom|ThreadLocalRandom|Math\\s*\\.\\s*random|UUID\\s*\\.\\s*randomUUID", "randomness"),
          Rule.of("System\\s*\\.\\s*(out|err|in)\\b", "console I/O"),
          Rule.of("\\bjava\\.lang\\.System\\.Logger\\b|System\\s*\\.\\s*getLogger", "logging is a side effect"),
          Rule.of("\\bdev\\.qbmc\\.quickbooks\\.QuickBooksClient\\b|\\bdev\\.qbmc\\.mailchimp\\.MailchimpClient\\b", "API clients"),
          Rule.of("\\bdev\\.qbmc\\.core\\.(spi|store)\\b|\\bdev\\.qbmc\\.core\\.internal\\.(?!QbmcStyle\\b)", "side-effecting core packages"));

  @Test
  void purePackages_exist() {
    for (String pkg : PURE_PACKAGES) {
      assertThat(packageDir(pkg)).as("source folder of %s", pkg).isDirectory();
    }
  }

  @Test
  void purePackages_referenceNoIoClockThreadsJsonOrRandomness() throws IOException {
    List<String> violations = new ArrayList<>();
    for (String pkg : PURE_PACKAGES) {
      try (Stream<Path> files = Files.walk(packageDir(pkg))) {
        for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
          violations.addAll(violationsIn(file));
        }
      }
    }
    assertThat(violations).as("forbidden references in pure packages").isEmpty();
  }

  @Test
  void rules_catchAForbiddenImport() {
    assertThat(violationsIn("Fake.java", "import java.net.http.HttpClient;")).hasSize(1);
    assertThat(violationsIn("Fake.java", "import java.nio.file.Files;")).hasSize(1);
    assertThat(violationsIn("Fake.java", "import java.io.FileInputStream;")).hasSize(1);
    assertThat(violationsIn("Fake.java", "import com.fasterxml.jackson.databind.ObjectMapper;")).hasSize(1);
    assertThat(violationsIn("Fake.java", "var t = java.time.Instant.now();")).hasSize(1);
    assertThat(violationsIn("Fake.java", "new Thread(r).start();")).hasSize(1);
    assertThat(violationsIn("Fake.java", "import java.util.Random;")).hasSize(1);
    assertThat(violationsIn("Fake.java", "import java.util.List; // Thread-safe")).isEmpty();
    assertThat(violationsIn("Fake.java", "import java.math.BigDecimal;")).isEmpty();
  }

  private static Path packageDir(String pkg) {
    return SOURCES.resolve(pkg.replace('.', '/'));
  }

  private static List<String> violationsIn(Path file) throws IOException {
    return violationsIn(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
  }

  private static List<String> violationsIn(String name, String source) {
    List<String> violations = new ArrayList<>();
    String[] lines = stripComments(source).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = stripStringLiterals(lines[i]);
      for (Rule rule : RULES) {
        Matcher m = rule.pattern().matcher(line);
        if (m.find()) {
          violations.add(name + ":" + (i + 1) + ": " + lines[i].trim() + "  (" + rule.reason() + ")");
          break;
        }
      }
    }
    return violations;
  }

  /** Blanks out comments but keeps line breaks, so that line numbers stay right. */
  private static String stripComments(String source) {
    StringBuilder out = new StringBuilder(source.length());
    int i = 0;
    while (i < source.length()) {
      if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        end = end < 0 ? source.length() : end + 2;
        source.substring(i, end).chars().filter(c -> c == '\n').forEach(c -> out.append('\n'));
        i = end;
      } else if (source.startsWith("//", i)) {
        int end = source.indexOf('\n', i);
        i = end < 0 ? source.length() : end;
      } else {
        out.append(source.charAt(i++));
      }
    }
    return out.toString();
  }

  private static String stripStringLiterals(String line) {
    return line.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"");
  }
}
