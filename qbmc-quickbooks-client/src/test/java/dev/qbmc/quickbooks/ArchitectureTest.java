package dev.qbmc.quickbooks;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/**
 * No two packages of the QuickBooks client import each other, directly or through others (DESIGN.md
 * section 3). The rules that span modules live in qbmc-examples' {@code ArchitectureTest}.
 */
@AnalyzeClasses(locations = ArchitectureTest.ThisModule.class)
class ArchitectureTest {

  /** The classes of this module: its output folder or jar, without scanning the class path. */
  static final class ThisModule implements LocationProvider {
    @Override
    public Set<Location> get(Class<?> testClass) {
      return Set.of(Location.of(QuickBooksClient.class.getProtectionDomain().getCodeSource().getLocation()));
    }
  }

  @ArchTest
  static final ArchRule packagesFormNoCycle = slices().matching("dev.qbmc.(**)").should().beFreeOfCycles();
}
