package dev.qbmc.core.testing;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Deletes folder trees (without following symbolic links). */
final class FileTrees {

  private FileTrees() {}

  /**
   * Deletes a folder and everything in it; a missing folder is fine.
   *
   * @param root the folder
   * @throws IOException if something cannot be deleted
   */
  static void delete(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            delete1(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
            delete1(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static void delete1(Path path) throws IOException {
    try {
      Files.delete(path);
    } catch (NoSuchFileException e) {
      // gone already (a server shutting down removes its pid file)
    }
  }
}
