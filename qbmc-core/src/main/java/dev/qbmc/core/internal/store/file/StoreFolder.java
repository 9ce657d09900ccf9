package dev.qbmc.core.internal.store.file;

import dev.qbmc.core.internal.store.AtomicFiles;
import dev.qbmc.core.internal.store.FolderNames;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Upkeep of a file store folder when it is opened for writing: permissions tightened and folder
 * names of the first layout renamed to the case-safe ones of {@link FolderNames}.
 */
public final class StoreFolder {

  private static final System.Logger LOG = System.getLogger(StoreFolder.class.getName());

  private StoreFolder() {}

  /**
   * Tightens a folder to {@code rwx------} (and the files directly in it to {@code rw-------})
   * where POSIX permissions exist, logging a warning when it was looser. A folder that cannot be
   * tightened (another owner) fails the open.
   *
   * @param dir the folder
   * @param files whether the regular files in it are tightened too
   * @throws IOException when a permission cannot be changed
   */
  public static void tighten(Path dir, boolean files) throws IOException {
    if (!AtomicFiles.posix() || !Files.isDirectory(dir)) {
      return;
    }
    tightenOne(dir, AtomicFiles.OWNER_ONLY_DIR);
    if (files) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
        for (Path p : entries) {
          if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            tightenOne(p, AtomicFiles.OWNER_ONLY_FILE);
          }
        }
      }
    }
  }

  private static void tightenOne(Path p, Set<PosixFilePermission> wanted) throws IOException {
    Set<PosixFilePermission> now = Files.getPosixFilePermissions(p, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    Set<PosixFilePermission> loose = java.util.EnumSet.noneOf(PosixFilePermission.class);
    loose.addAll(now);
    loose.removeAll(wanted);
    if (!loose.isEmpty()) {
      LOG.log(System.Logger.Level.WARNING,
          "file store: " + p + " was readable or writable by others " + loose + "; tightened to owner only");
      Files.setPosixFilePermissions(p, wanted);
    }
  }

  /**
   * Renames the entries of a folder whose names the first layout wrote (any case, {@code ~Base64})
   * to the current names, so that ids differing only by case get their own entries.
   *
   * @param dir the folder ({@code connections} or {@code events})
   * @param suffix the file name suffix ({@code ""} for folders, {@code ".log"} for event logs)
   * @param what what the names are, for messages
   * @return the names that could not be decoded (left alone)
   * @throws IOException when a rename fails
   */
  public static List<Path> migrateNames(Path dir, String suffix, String what) throws IOException {
    List<Path> unknown = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return unknown;
    }
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(entries::add);
    }
    boolean renamed = false;
    for (Path p : entries) {
      String name = p.getFileName().toString();
      if (!name.endsWith(suffix) || name.endsWith(".tmp")) {
        continue;
      }
      String id = FolderNames.decode(name.substring(0, name.length() - suffix.length()));
      if (id == null) {
        unknown.add(p);
        continue;
      }
      String current = FolderNames.encode(id, what) + suffix;
      if (!current.equals(name)) {
        Path target = dir.resolve(current);
        if (Files.exists(target)) {
          throw new IOException("cannot rename " + p + " to " + target + ": it exists");
        }
        Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);
        renamed = true;
      }
    }
    if (renamed) {
      AtomicFiles.forceDirectory(dir);
    }
    return unknown;
  }
}
