package dev.qbmc.quickbooks.internal;

import com.fasterxml.jackson.core.Version;
import java.util.Optional;

/**
 * The oldest Jackson the QuickBooks client runs on, checked before a mapper is built: qbmc has one
 * Jackson minimum for all its modules, 2.18, set by the Mailchimp client (which enables a 2.18
 * write feature); older versions fail there with a bare {@code NoSuchFieldError}. This client checks
 * it the same way (a core test keeps the two clients' minimums equal), so that an application on an
 * older Jackson gets one clear message, whichever client it builds first.
 */
public final class QboJacksonVersion {
  /** The minimum major version. */
  public static final int MAJOR = 2;

  /** The minimum minor version of {@link #MAJOR}. */
  public static final int MINOR = 18;

  private QboJacksonVersion() {}

  /**
   * Why the Jackson on the class path cannot run this client.
   *
   * @return the message naming the versions found and the one required, or empty when they fit
   */
  public static Optional<String> problem() {
    return problem(com.fasterxml.jackson.core.json.PackageVersion.VERSION,
        com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION);
  }

  /**
   * Why these Jackson versions cannot run this client. An unknown version (0.0.0, e.g. a repackaged
   * Jackson) is given the benefit of the doubt.
   *
   * @param core the jackson-core version
   * @param databind the jackson-databind version
   * @return the message naming the versions found and the one required, or empty when they fit
   */
  public static Optional<String> problem(Version core, Version databind) {
    if (fits(core) && fits(databind)) {
      return Optional.empty();
    }
    return Optional.of("qbmc's QuickBooks client needs Jackson " + MAJOR + "." + MINOR
        + " or newer, but found jackson-core " + core + " and jackson-databind " + databind
        + "; upgrade Jackson (e.g. import com.fasterxml.jackson:jackson-bom " + MAJOR + "." + MINOR
        + " or newer; Spring Boot 3.4 and newer manage a version that fits)");
  }

  private static boolean fits(Version v) {
    return v.isUnknownVersion() || v.getMajorVersion() > MAJOR
        || (v.getMajorVersion() == MAJOR && v.getMinorVersion() >= MINOR);
  }
}
