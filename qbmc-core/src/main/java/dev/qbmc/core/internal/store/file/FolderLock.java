package dev.qbmc.core.internal.store.file;

import dev.qbmc.core.internal.store.AtomicFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The exclusive lock of a store folder ({@code qbmc-store.lock}), held while a store has the folder
 * open for writing, and the folder upkeep done once it is held: owner-only permissions and the
 * migration of folder names of the first layout.
 */
public final class FolderLock implements AutoCloseable {

  /** The lock file's name in the store folder. */
  public static final String LOCK_FILE = "qbmc-store.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private FolderLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Creates the store folder if needed and takes its lock, then prepares the folder: creates the
   * connections and events folders, tightens permissions to owner only and renames folders of the
   * first layout. On failure after the lock was taken, the lock is released.
   *
   * @param root the store folder
   * @param connectionsDir its connections folder
   * @param eventsDir its events folder
   * @return the held lock, or null when another store (this or another process) holds it
   * @throws IOException if the folder cannot be created, locked or prepared
   */
  public static FolderLock acquireAndPrepare(Path root, Path connectionsDir, Path eventsDir)
      throws IOException {
    AtomicFiles.createOwnerOnlyDirectories(root);
    FileChannel ch =
        FileChannel.open(root.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FolderLock held = null;
    try {
      FileLock acquired;
      try {
        acquired = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        acquired = null;
      }
      if (acquired == null) {
        ch.close();
        return null;
      }
      held = new FolderLock(ch, acquired);
      AtomicFiles.createOwnerOnlyDirectories(connectionsDir);
      AtomicFiles.createOwnerOnlyDirectories(eventsDir);
      StoreFolder.tighten(root, false);
      StoreFolder.tighten(connectionsDir, false);
      StoreFolder.tighten(eventsDir, true);
      StoreFolder.migrateNames(connectionsDir, "", "connectionId");
      StoreFolder.migrateNames(eventsDir, ".log", "scope");
      return held;
    } catch (IOException | RuntimeException e) {
      closeQuietly(ch);
      throw e;
    }
  }

  /**
   * Releases the lock and closes its file.
   *
   * @throws IOException if the lock cannot be released
   */
  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }

  /**
   * Closes a channel, ignoring a failure (the caller is already failing).
   *
   * @param ch the channel, or null
   */
  private static void closeQuietly(FileChannel ch) {
    try {
      ch.close();
    } catch (IOException ignored) {
      // already failing
    }
  }
}
