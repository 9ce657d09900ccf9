package dev.qbmc.examples.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qbmc.mailchimp.MailchimpClient;
import dev.qbmc.quickbooks.QuickBooksClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleReader;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A host imports {@code dev.qbmc.quickbooks.*}, {@code dev.qbmc.mailchimp.*} and
 * {@code dev.qbmc.core.*} together: no two public top-level types of the three library modules'
 * exported packages may share a simple name, or the host gets "reference is ambiguous" errors.
 * The types are read from the modules' compiled classes and their {@code module-info} exports.
 */
class PublicTypeNamesTest {

  @Test
  void exportedPublicTypes_haveUniqueSimpleNamesAcrossTheLibraryModules() {
    Map<String, Set<String>> byName = new TreeMap<>();
    for (Class<?> anchor : LibraryModules.ANCHORS) {
      for (String type : exportedPublicTypes(anchor)) {
        byName.computeIfAbsent(type.substring(type.lastIndexOf('.') + 1), n -> new TreeSet<>()).add(type);
      }
    }
    assertThat(byName).as("public types read").hasSizeGreaterThan(150);
    Map<String, Set<String>> collisions =
        byName.entrySet().stream()
            .filter(e -> e.getValue().size() > 1)
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    assertThat(collisions)
        .as("simple names used by more than one exported public type; give the twins their"
            + " module's prefix (QuickBooks..., Mailchimp...)")
        .isEmpty();
  }

  @Test
  void theCheck_seesTheClientTwinsUnderTheirPrefixedNames() {
    assertThat(exportedPublicTypes(QuickBooksClient.class))
        .contains("dev.qbmc.quickbooks.QuickBooksRetryPolicy", "dev.qbmc.quickbooks.model.Customer")
        .doesNotContain("dev.qbmc.quickbooks.internal.Uris", "dev.qbmc.quickbooks.RequestExecutor");
    assertThat(exportedPublicTypes(MailchimpClient.class))
        .contains("dev.qbmc.mailchimp.MailchimpRetryPolicy", "dev.qbmc.mailchimp.model.OrderLineItem");
  }

  /** The public top-level types of the packages the anchor's module exports to everyone. */
  static Set<String> exportedPublicTypes(Class<?> anchor) {
    Set<String> exported = LibraryModules.exportedPackages(anchor);
    try (ModuleReader reader = LibraryModules.moduleOf(anchor).open()) {
      return reader
          .list()
          .filter(entry -> entry.endsWith(".class") && !entry.contains("$"))
          .map(entry -> entry.substring(0, entry.length() - ".class".length()).replace('/', '.'))
          .filter(name -> !name.endsWith("module-info") && !name.endsWith("package-info"))
          .filter(name -> exported.contains(name.substring(0, name.lastIndexOf('.'))))
          .filter(name -> Modifier.isPublic(load(name, anchor).getModifiers()))
          .collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Class<?> load(String name, Class<?> anchor) {
    try {
      return Class.forName(name, false, anchor.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
