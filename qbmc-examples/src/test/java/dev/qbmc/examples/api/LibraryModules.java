package dev.qbmc.examples.api;

import dev.qbmc.core.Qbmc;
import dev.qbmc.mailchimp.MailchimpClient;
import dev.qbmc.quickbooks.QuickBooksClient;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The three library modules as compiled: where their classes are and what they export. */
final class LibraryModules {

  /** One public type of each library module. */
  static final List<Class<?>> ANCHORS = List.of(QuickBooksClient.class, MailchimpClient.class, Qbmc.class);

  private LibraryModules() {}

  /** The output folder or jar a type was loaded from. */
  static Path codeLocation(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The module whose classes hold the anchor, read from its {@code module-info}. */
  static ModuleReference moduleOf(Class<?> anchor) {
    Path location = codeLocation(anchor);
    Set<ModuleReference> found = ModuleFinder.of(location).findAll();
    if (found.size() != 1) {
      throw new IllegalStateException("expected one module at " + location + ", found " + found.size());
    }
    return found.iterator().next();
  }

  /** The packages the anchor's module exports to everyone. */
  static Set<String> exportedPackages(Class<?> anchor) {
    return moduleOf(anchor).descriptor().exports().stream()
        .filter(e -> !e.isQualified())
        .map(ModuleDescriptor.Exports::source)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
