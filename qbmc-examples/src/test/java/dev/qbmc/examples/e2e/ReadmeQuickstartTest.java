package dev.qbmc.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's embedding quickstart is the host examples' code: every block between {@code //
 * quickstart:start NAME} and {@code // quickstart:end} that the README shows must appear there
 * verbatim (indentation removed), so the README never drifts from code that compiles and runs.
 */
class ReadmeQuickstartTest {
  private static final Path HOST_SOURCES = Path.of("src/main/java/dev/qbmc/examples/host");
  private static final Pattern START = Pattern.compile("\\s*// quickstart:start (\\S+)\\s*");
  private static final List<String> SHOWN_IN_README =
      List.of("intuit", "connectors", "build", "connect", "scheduled", "oauth", "webhook");

  @Test
  void everyQuickstartBlockOfTheReadme_isCopiedVerbatimFromTheHostExamples() throws IOException {
    assertReadmeSectionShows("## Embedding quickstart", SHOWN_IN_README);
  }

  @Test
  void theTargetingSectionOfTheReadme_isCopiedVerbatimFromTheTargetingExample() throws IOException {
    assertReadmeSectionShows("## Targeting customers", List.of("segments", "fact-tags"));
  }

  @Test
  void theChoosingAStoreSectionOfTheReadme_showsTheSeveralNodesExample() throws IOException {
    assertReadmeSectionShows("## Choosing a store", List.of("several-nodes"));
  }

  /** The README section under this heading contains each named block of the host examples verbatim. */
  private static void assertReadmeSectionShows(String heading, List<String> names) throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    int start = readme.indexOf(heading);
    assertThat(start).as("README has a section '%s'", heading).isNotNegative();
    String section = readme.substring(start, readme.indexOf("\n## ", start + 1));

    Map<String, String> blocks = blocks();

    assertThat(blocks).containsKeys(names.toArray(String[]::new));
    for (String name : names) {
      assertThat(section).as("README block '%s' under '%s'", name, heading).contains(blocks.get(name));
    }
  }

  @Test
  void theReadmeStartsWithTheDemoAndTestCommands() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    String top = readme.substring(0, readme.indexOf("## Requirements"));

    assertThat(top).contains(
        "mvn -B -ntp -q -pl qbmc-examples -am package -DskipTests && java -jar qbmc-examples/target/qbmc.jar demo",
        "mvn -B -ntp verify");
  }

  private static Map<String, String> blocks() throws IOException {
    Map<String, String> blocks = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(HOST_SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          Matcher start = START.matcher(lines.get(i));
          if (!start.matches()) {
            continue;
          }
          List<String> block = new ArrayList<>();
          int j = i + 1;
          while (!lines.get(j).contains("// quickstart:end")) {
            block.add(lines.get(j++));
          }
          blocks.put(start.group(1), dedent(block));
          i = j;
        }
      }
    }
    return blocks;
  }

  private static String dedent(List<String> lines) {
    int indent = lines.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    return String.join("\n", lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList());
  }
}
