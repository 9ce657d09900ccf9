package dev.qbmc.core.internal.store.file;

import dev.qbmc.core.internal.store.AtomicFiles;
import dev.qbmc.core.internal.store.FolderNames;
import dev.qbmc.core.internal.store.StoreJson;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** {@code FileStore.recover}: {@link Recovery} over every connection folder, under the lock. */
public final class FolderRecovery {

  private static final System.Logger LOG = System.getLogger(FolderRecovery.class.getName());
  private static final String LOCK_FILE = "qbmc-store.lock";
  private static final String CONNECTION = "connection.json";
  private static final String CURSOR = "cursor.json";

  private FolderRecovery() {}

  /**
   * What a recovery did (see {@code FileStoreRecovery}).
   *
   * @param framesKept valid frames kept
   * @param framesLost damaged frames dropped
   * @param bytesDropped bytes removed
   * @param filesRewritten the rewritten files
   * @param connectionsReset the connections whose cursor was deleted
   * @param unreadable files left alone
   */
  public record Report(long framesKept, long framesLost, long bytesDropped, List<Path> filesRewritten,
      List<String> connectionsReset, List<Path> unreadable) {}

  /** The folder is open in a store. */
  public static final class LockedException extends IOException {
    private static final long serialVersionUID = 1L;

    LockedException(String message) {
      super(message);
    }
  }

  /**
   * Recovers a store folder; see {@code FileStore.recover}.
   *
   * @param directory the store folder
   * @return the report
   * @throws LockedException if the folder is open in a store
   * @throws IOException on I/O failure
   */
  public static Report recover(Path directory) throws IOException {
    Path root = directory.toAbsolutePath().normalize();
    Path connections = root.resolve("connections");
    long kept = 0;
    long lost = 0;
    long dropped = 0;
    List<Path> rewritten = new ArrayList<>();
    List<String> reset = new ArrayList<>();
    List<Path> unreadable = new ArrayList<>();
    try (FileChannel ch = FileChannel.open(root.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock held;
      try {
        held = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        held = null;
      }
      if (held == null) {
        throw new LockedException("store folder " + root + " is open in a FileStore; close it first");
      }
      List<Path> dirs = new ArrayList<>();
      if (Files.isDirectory(connections)) {
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(connections)) {
          stream.forEach(dirs::add);
        }
      }
      for (Path dir : dirs) {
        if (!Files.isDirectory(dir)) {
          continue;
        }
        long lostHere = 0;
        for (Recovery.FileResult r : Recovery.recover(dir)) {
          kept += r.framesKept();
          lostHere += r.framesLost();
          dropped += r.bytesDropped();
          if (r.rewritten()) {
            rewritten.add(r.file());
          }
        }
        lost += lostHere;
        if (lostHere > 0 && Files.deleteIfExists(dir.resolve(CURSOR))) {
          String id = FolderNames.decode(dir.getFileName().toString());
          reset.add(id == null ? dir.getFileName().toString() : id);
          AtomicFiles.forceDirectory(dir);
        }
        Path connectionFile = dir.resolve(CONNECTION);
        byte[] bytes = AtomicFiles.readIfExists(connectionFile);
        if (bytes != null) {
          try {
            StoreJson.connection(StoreJson.parse(bytes));
          } catch (IOException | RuntimeException e) {
            unreadable.add(connectionFile);
          }
        }
      }
      held.release();
    }
    Report report = new Report(kept, lost, dropped, rewritten, reset, unreadable);
    LOG.log(lost > 0 ? System.Logger.Level.WARNING : System.Logger.Level.INFO,
        "file store " + root + " recovered: " + report);
    return report;
  }

}
