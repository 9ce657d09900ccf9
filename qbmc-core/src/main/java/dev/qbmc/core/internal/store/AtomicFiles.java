package dev.qbmc.core.internal.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Crash-safe replacement of small files: write a temporary sibling, force it to disk, then rename
 * it over the target with {@code ATOMIC_MOVE}, and force the directory. Readers see the old or the
 * new content, never a mix.
 */
public final class AtomicFiles {

  /** {@code rw-------}. */
  public static final Set<PosixFilePermission> OWNER_ONLY_FILE =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  /** {@code rwx------}. */
  public static final Set<PosixFilePermission> OWNER_ONLY_DIR =
      EnumSet.of(
          PosixFilePermission.OWNER_READ,
          PosixFilePermission.OWNER_WRITE,
          PosixFilePermission.OWNER_EXECUTE);

  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private AtomicFiles() {}

  /**
   * Whether POSIX permissions are supported (and applied) on this file system.
   *
   * @return true on Linux and macOS
   */
  public static boolean posix() {
    return POSIX;
  }

  /**
   * The attributes that create a file {@code rw-------} where POSIX is supported.
   *
   * @return the attributes (none elsewhere)
   */
  public static FileAttribute<?>[] ownerOnlyFile() {
    return POSIX
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)}
        : new FileAttribute<?>[0];
  }

  /**
   * Creates a directory (and parents) readable by the owner only where POSIX is supported.
   *
   * @param dir the directory
   * @throws IOException on failure
   */
  public static void createOwnerOnlyDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    if (POSIX) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
    } else {
      Files.createDirectories(dir);
    }
  }

  /**
   * Atomically replaces a file.
   *
   * @param target the file
   * @param content its new content
   * @param ownerOnly whether the file is created {@code rw-------} (where POSIX is supported)
   * @param fsync whether to force data and directory to disk
   * @throws IOException on failure (the target is then unchanged)
   */
  public static void write(Path target, byte[] content, boolean ownerOnly, boolean fsync)
      throws IOException {
    Path temp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.deleteIfExists(temp);
    FileAttribute<?>[] attrs =
        ownerOnly && POSIX
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)}
            : new FileAttribute<?>[0];
    try (FileChannel ch =
        FileChannel.open(
            temp, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attrs)) {
      ByteBuffer buf = ByteBuffer.wrap(content);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      if (fsync) {
        ch.force(true);
      }
    }
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    if (fsync) {
      forceDirectory(target.getParent());
    }
  }

  /**
   * Forces a directory's entries to disk, where the platform allows it (Linux does).
   *
   * @param dir the directory
   */
  public static void forceDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Not supported on every platform (Windows); the rename itself is still atomic.
    }
  }

  /**
   * Reads a file, or returns null when it does not exist.
   *
   * @param file the file
   * @return its bytes, or null
   * @throws IOException on failure
   */
  public static byte[] readIfExists(Path file) throws IOException {
    if (!Files.exists(file)) {
      return null;
    }
    return Files.readAllBytes(file);
  }
}
