package dev.qbmc.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Set;

/**
 * The architecture of qbmc-core as rules over its compiled classes (DESIGN.md sections 2 and 3).
 * The rules that span modules (the clients never import each other or core, nothing imports the
 * examples, no {@code .internal} type in a public signature) live in qbmc-examples, which sees
 * every module.
 */
@AnalyzeClasses(locations = ArchitectureTest.ThisModule.class)
class ArchitectureTest {

  /** The classes of this module: its output folder or jar, without scanning the class path. */
  static final class ThisModule implements LocationProvider {
    @Override
    public Set<Location> get(Class<?> testClass) {
      return Set.of(Location.of(Qbmc.class.getProtectionDomain().getCodeSource().getLocation()));
    }
  }

  /** Mapping, reconciliation and their vocabulary: same inputs, same plan. */
  private static final String[] PURE_PACKAGES = {
    "dev.qbmc.core.model..", "dev.qbmc.core.mapping..", "dev.qbmc.core.reconcile.."
  };

  /**
   * One slice per package, except that the façade {@code dev.qbmc.core} and its services in
   * {@code dev.qbmc.core.internal.service} are one: the façade builds the services, and the
   * services throw the façade's exceptions and take its option types. Every other pair of core
   * packages must not import each other, directly or through others.
   */
  private static final SliceAssignment PACKAGES_WITH_FACADE_AND_SERVICES_AS_ONE =
      new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
          String pkg = javaClass.getPackageName();
          if (!pkg.startsWith("dev.qbmc.core")) {
            return SliceIdentifier.ignore();
          }
          boolean facadeOrServices = pkg.equals("dev.qbmc.core") || pkg.equals("dev.qbmc.core.internal.service");
          return SliceIdentifier.of(facadeOrServices ? "dev.qbmc.core + dev.qbmc.core.internal.service" : pkg);
        }

        @Override
        public String getDescription() {
          return "core packages (the facade and its internal services as one)";
        }
      };

  @ArchTest
  static final ArchRule corePackagesFormNoCycle =
      slices().assignedFrom(PACKAGES_WITH_FACADE_AND_SERVICES_AS_ONE).should().beFreeOfCycles();

  @ArchTest
  static final ArchRule purePackagesUseNoIoClockThreadsJsonOrRandomness =
      noClasses()
          .that().resideInAnyPackage(PURE_PACKAGES)
          .should().dependOnClassesThat(sideEffectingTypes())
          .orShould().callMethodWhere(sideEffectingCall())
          .orShould().accessFieldWhere(consoleStream())
          .because("mapping and reconciliation are pure (DESIGN.md section 2): given the same inputs they"
              + " return the same plan; everything with side effects goes through the clients or the SPIs");

  @ArchTest
  static final ArchRule purePackagesUseNeitherClientsNorStoresNorServices =
      noClasses()
          .that().resideInAnyPackage(PURE_PACKAGES)
          .should().dependOnClassesThat(
              DescribedPredicate.describe(
                  "belong to the clients (but their models), the facade, the report, the SPIs, the stores"
                      + " or the internal services",
                  c -> c.getPackageName().equals("dev.qbmc.core")
                      || c.getPackageName().startsWith("dev.qbmc.core.report")
                      || c.getPackageName().startsWith("dev.qbmc.core.spi")
                      || c.getPackageName().startsWith("dev.qbmc.core.store")
                      || c.getPackageName().startsWith("dev.qbmc.core.internal.")
                      || c.getPackageName().startsWith("dev.qbmc.mailchimp")
                      || (c.getPackageName().startsWith("dev.qbmc.quickbooks")
                          && !c.getPackageName().equals("dev.qbmc.quickbooks.model"))));

  private static final Set<String> SIDE_EFFECTING_TYPES = Set.of(
      "java.io.File", "java.io.FileInputStream", "java.io.FileOutputStream", "java.io.FileReader",
      "java.io.FileWriter", "java.io.RandomAccessFile", "java.io.FileDescriptor", "java.io.Console",
      "java.io.PrintStream", "java.time.Clock", "java.time.InstantSource", "java.lang.Thread",
      "java.lang.ThreadLocal", "java.lang.Runtime", "java.lang.ProcessBuilder", "java.util.Random",
      "java.util.Timer", "java.security.SecureRandom", "java.lang.System$Logger");

  private static final Set<String> SIDE_EFFECTING_PACKAGE_PREFIXES = Set.of(
      "java.nio.file", "java.nio.channels", "java.net", "java.util.concurrent", "java.util.random",
      "java.util.logging", "com.fasterxml.jackson");

  private static final Set<String> SIDE_EFFECTING_CALLS = Set.of(
      "java.lang.System.currentTimeMillis", "java.lang.System.nanoTime", "java.lang.System.getenv",
      "java.lang.System.getProperty", "java.lang.System.getLogger", "java.lang.Math.random",
      "java.lang.StrictMath.random", "java.util.UUID.randomUUID");

  private static DescribedPredicate<JavaClass> sideEffectingTypes() {
    return DescribedPredicate.describe(
        "do I/O (files, console, network), read a clock, run threads or executors, log, parse JSON"
            + " or draw random numbers",
        c -> SIDE_EFFECTING_TYPES.contains(c.getName())
            || SIDE_EFFECTING_PACKAGE_PREFIXES.stream()
                .anyMatch(p -> c.getPackageName().equals(p) || c.getPackageName().startsWith(p + ".")));
  }

  private static DescribedPredicate<JavaAccess<?>> sideEffectingCall() {
    return DescribedPredicate.describe(
        "read the clock, the environment or a logger, or draw randomness"
            + " (System.currentTimeMillis/nanoTime/getenv/getProperty/getLogger, java.time now(),"
            + " Math.random, UUID.randomUUID)",
        call -> SIDE_EFFECTING_CALLS.contains(call.getTargetOwner().getName() + "." + call.getName())
            || (call.getTargetOwner().getPackageName().equals("java.time") && call.getName().equals("now")));
  }

  private static DescribedPredicate<JavaAccess<?>> consoleStream() {
    return DescribedPredicate.describe(
        "is System.out, System.err or System.in",
        access -> access.getTargetOwner().getName().equals("java.lang.System")
            && Set.of("out", "err", "in").contains(access.getName()));
  }
}
