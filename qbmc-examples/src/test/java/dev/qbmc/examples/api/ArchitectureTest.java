package dev.qbmc.examples.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaTypeVariable;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.qbmc.examples.cli.QbmcCli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The rules that span modules (DESIGN.md sections 2 and 3), checked here because this module sees
 * them all: the two clients know nothing of each other nor of core, no library module imports the
 * examples, and no type of an {@code .internal} package appears in a public signature of an
 * exported package. Each library module checks its own package cycles (and core its pure
 * packages); this class checks those of the examples.
 */
@AnalyzeClasses(locations = ArchitectureTest.AllModules.class)
class ArchitectureTest {

  /** The main classes of the four modules (output folders or jars), without scanning the class path. */
  static final class AllModules implements LocationProvider {
    @Override
    public Set<Location> get(Class<?> testClass) {
      return Stream.concat(LibraryModules.ANCHORS.stream(), Stream.of(QbmcCli.class))
          .map(type -> location(LibraryModules.codeLocation(type)))
          .collect(Collectors.toSet());
    }

    private static Location location(Path classes) {
      if (Files.isDirectory(classes)) {
        return Location.of(classes);
      }
      try (JarFile jar = new JarFile(classes.toFile())) {
        return Location.of(jar);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @ArchTest
  static final ArchRule quickBooksClientKnowsNoOtherModule = clientKnowsNoOtherModule("quickbooks", "mailchimp");

  @ArchTest
  static final ArchRule mailchimpClientKnowsNoOtherModule = clientKnowsNoOtherModule("mailchimp", "quickbooks");

  @ArchTest
  static final ArchRule coreKnowsNoExamples =
      noClasses()
          .that().resideInAPackage("dev.qbmc.core..")
          .should().dependOnClassesThat().resideInAPackage("dev.qbmc.examples..")
          .because("dependencies point one way: examples -> core -> clients");

  @ArchTest
  static final ArchRule examplePackagesFormNoCycle =
      slices().matching("dev.qbmc.examples.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule internalTypesStayOutOfPublicSignatures =
      classes()
          .that(arePublicInAnExportedPackage())
          .should(exposeNoInternalType())
          .because("the .internal packages are not exported: a host could not name such a type, and"
              + " it could never change without breaking hosts");

  @ArchTest
  static void exportedPackages_areTheApiPackagesOnly(JavaClasses classes) {
    assertThat(EXPORTED_PACKAGES)
        .contains("dev.qbmc.core", "dev.qbmc.core.model", "dev.qbmc.quickbooks", "dev.qbmc.mailchimp")
        .noneMatch(ArchitectureTest::isInternal);
    assertThat(classes.containPackage("dev.qbmc.core.internal.service")).isTrue();
  }

  private static ArchRule clientKnowsNoOtherModule(String client, String otherClient) {
    return noClasses()
        .that().resideInAPackage("dev.qbmc." + client + "..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.qbmc." + otherClient + "..", "dev.qbmc.core..", "dev.qbmc.examples..")
        .because("the clients are independent and usable alone, and know nothing of sync");
  }

  /** The packages the three library modules export to everyone, read from their module descriptors. */
  private static final Set<String> EXPORTED_PACKAGES =
      LibraryModules.ANCHORS.stream()
          .flatMap(anchor -> LibraryModules.exportedPackages(anchor).stream())
          .collect(Collectors.toCollection(TreeSet::new));

  private static boolean isInternal(String packageName) {
    return packageName.endsWith(".internal") || packageName.contains(".internal.");
  }

  private static boolean isPublic(JavaClass type) {
    for (JavaClass t = type; t != null; t = t.getEnclosingClass().orElse(null)) {
      if (!t.getModifiers().contains(JavaModifier.PUBLIC)) {
        return false;
      }
    }
    return true;
  }

  private static DescribedPredicate<JavaClass> arePublicInAnExportedPackage() {
    return DescribedPredicate.describe(
        "are public in a package a library module exports",
        type -> EXPORTED_PACKAGES.contains(type.getPackageName()) && isPublic(type));
  }

  private static ArchCondition<JavaClass> exposeNoInternalType() {
    return new ArchCondition<>("expose no type of an .internal package in a supertype or a public or"
        + " protected field, constructor or method (including type arguments and bounds)") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        List<String> leaks = new ArrayList<>();
        type.getSuperclass().ifPresent(s -> leaks(leaks, "extends", List.of(s)));
        leaks(leaks, "implements", type.getInterfaces());
        leaks(leaks, "type parameter bound", bounds(type.getTypeParameters()));
        // Members inherited from a superclass hosts cannot see are part of this class's API.
        List<JavaClass> owners = new ArrayList<>(List.of(type));
        type.getAllRawSuperclasses().stream()
            .filter(s -> s.getPackageName().startsWith("dev.qbmc") && !isPublic(s))
            .forEach(owners::add);
        for (JavaClass owner : owners) {
          for (JavaField field : owner.getFields()) {
            if (visible(field)) {
              leaks(leaks, field.getFullName(), List.of(field.getType()));
            }
          }
          for (JavaCodeUnit unit : owner.getCodeUnits()) {
            if (visible(unit) && !unit.getModifiers().contains(JavaModifier.SYNTHETIC)) {
              List<JavaType> types = new ArrayList<>(unit.getParameterTypes());
              types.add(unit.getReturnType());
              types.addAll(unit.getThrowsClause().getTypes());
              types.addAll(bounds(unit.getTypeParameters()));
              leaks(leaks, unit.getFullName(), types);
            }
          }
        }
        for (String leak : leaks) {
          events.add(SimpleConditionEvent.violated(type, type.getName() + ": " + leak));
        }
      }
    };
  }

  private static boolean visible(JavaMember member) {
    return member.getModifiers().contains(JavaModifier.PUBLIC)
        || member.getModifiers().contains(JavaModifier.PROTECTED);
  }

  private static List<JavaType> bounds(List<? extends JavaTypeVariable<?>> typeParameters) {
    return typeParameters.stream().flatMap(p -> p.getBounds().stream()).collect(Collectors.toList());
  }

  private static void leaks(List<String> leaks, String where, Collection<? extends JavaType> types) {
    for (JavaType t : types) {
      for (JavaClass raw : t.getAllInvolvedRawTypes()) {
        if (isInternal(raw.getPackageName())) {
          leaks.add(where + " exposes " + raw.getName());
        }
      }
    }
  }
}
