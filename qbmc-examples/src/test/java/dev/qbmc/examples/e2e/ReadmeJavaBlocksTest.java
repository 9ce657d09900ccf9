package dev.qbmc.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code java} block of the README compiles (issue 16), by the convention the README's
 * "README code" paragraph documents: a block starting with {@code import} is a compilation unit as
 * it is; any other is a fragment wrapped in a method body (or, after {@code <!-- java: members
 * -->}, in a class body) of a class with the library's packages imported and the declarations of
 * the {@code <!-- java-context: ... -->} comment before the block.
 */
class ReadmeJavaBlocksTest {
  private static final Pattern BLOCK = Pattern.compile(
      "((?:<!-- java: members -->\\n)?)(?:<!-- java-context: ((?:(?!-->).)*) -->\\n)?```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern PUBLIC_CLASS = Pattern.compile("public (?:final )?class (\\w+)");
  private static final List<String> IMPORTS = List.of(
      "dev.qbmc.core", "dev.qbmc.core.model", "dev.qbmc.core.mapping", "dev.qbmc.core.reconcile",
      "dev.qbmc.core.report", "dev.qbmc.core.spi", "dev.qbmc.core.store", "dev.qbmc.quickbooks",
      "dev.qbmc.quickbooks.model", "dev.qbmc.quickbooks.oauth", "dev.qbmc.quickbooks.webhook", "dev.qbmc.mailchimp",
      "dev.qbmc.mailchimp.model", "dev.qbmc.examples.host", "dev.qbmc.examples.cli", "java.io", "java.net",
      "java.net.http", "java.nio.file", "java.time", "java.util", "java.util.concurrent", "java.util.function",
      "javax.sql", "com.sun.net.httpserver");

  @TempDir
  Path classes;

  @Test
  void everyJavaBlockOfTheReadme_compiles() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    List<JavaFileObject> sources = new ArrayList<>();
    List<String> blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(readme);
    while (m.find()) {
      String code = m.group(3);
      int line = 1 + (int) readme.substring(0, m.start(3)).chars().filter(c -> c == '\n').count();
      blocks.add(code);
      sources.add(code.startsWith("import ") || code.startsWith("package ")
          ? source(className(code), code)
          : source("ReadmeLine" + line, wrap("ReadmeLine" + line, m.group(2), code, !m.group(1).isEmpty())));
    }
    assertThat(blocks).as("java blocks in the README").hasSizeGreaterThanOrEqualTo(12)
        .as("the production quickstart is one compilation unit")
        .anySatisfy(code -> assertThat(code).startsWith("import ").contains("MailchimpConnector.apiKeys()"));

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean compiled = javac.getTask(null, null, diagnostics,
        List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString(), "-proc:none"),
        null, sources).call();

    List<String> errors = diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
        .toList();
    assertThat(errors).as("README java blocks that do not compile").isEmpty();
    assertThat(compiled).isTrue();
  }

  private static String wrap(String name, String context, String code, boolean members) {
    StringBuilder source = new StringBuilder();
    for (String pkg : IMPORTS) {
      source.append("import ").append(pkg).append(".*;\n");
    }
    // java.nio.file has a FileStore too: the README's is qbmc's.
    source.append("import dev.qbmc.core.store.FileStore;\n");
    source.append("@SuppressWarnings(\"all\")\nclass ").append(name).append(" {\n");
    if (context != null) {
      source.append(context).append('\n');
    }
    if (members) {
      source.append(code);
    } else {
      source.append("void block() throws Exception {\n").append(code).append("}\n");
    }
    return source.append("}\n").toString();
  }

  private static String className(String code) {
    Matcher m = PUBLIC_CLASS.matcher(code);
    assertThat(m.find()).as("a complete README block declares a public class").isTrue();
    return m.group(1);
  }

  private static JavaFileObject source(String className, String code) {
    return new SimpleJavaFileObject(URI.create("string:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return code;
      }
    };
  }
}
