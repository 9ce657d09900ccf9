package dev.qbmc.core.internal.store.file;

import dev.qbmc.core.internal.store.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The open {@link StateFiles} of a file store's connections, opened on first use, and the one
 * background thread ({@code qbmc-filestore-compaction}) that compacts them. Not thread-safe (the
 * store locks around it).
 */
public final class ConnectionStates implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(ConnectionStates.class.getName());

  /** One write to a connection's state files. */
  @FunctionalInterface
  public interface StateWrite {
    /**
     * Writes.
     *
     * @param files the connection's state files
     * @throws IOException on failure
     */
    void writeTo(StateFiles files) throws IOException;
  }

  private final Map<String, StateFiles> open = new HashMap<>();
  private final boolean fsync;
  private final long threshold;
  private final boolean readOnly;
  private final boolean background;
  private ExecutorService compactor;

  /**
   * Creates the registry.
   *
   * @param fsync whether appends are forced
   * @param threshold the compaction threshold in bytes
   * @param readOnly whether the store is open read-only
   * @param background whether compactions run on the background thread
   */
  public ConnectionStates(boolean fsync, long threshold, boolean readOnly, boolean background) {
    this.fsync = fsync;
    this.threshold = threshold;
    this.readOnly = readOnly;
    this.background = background;
  }

  /**
   * The state files of a connection, opened on first use.
   *
   * @param connectionId the connection
   * @param dir its folder
   * @param forWrite true to create the folder when missing
   * @return the files; null for a read of a connection without a folder (nothing is created)
   * @throws IOException on failure, or {@link CorruptFileException}
   */
  public StateFiles get(String connectionId, Path dir, boolean forWrite) throws IOException {
    StateFiles f = open.get(connectionId);
    if (f != null) {
      return f;
    }
    if (!forWrite && !Files.isDirectory(dir)) {
      return null;
    }
    if (forWrite) {
      AtomicFiles.createOwnerOnlyDirectories(dir);
    }
    f = StateFiles.open(dir, fsync, threshold, readOnly);
    open.put(connectionId, f);
    return f;
  }

  /**
   * Writes to a connection's state files, then compacts them when due (a failed compaction is
   * logged: the files stay complete, and a later write retries it).
   *
   * @param connectionId the connection
   * @param dir its folder
   * @param write the write
   * @throws IOException if opening or writing fails (nothing is applied then)
   */
  public void write(String connectionId, Path dir, StateWrite write) throws IOException {
    StateFiles f = get(connectionId, dir, true);
    write.writeTo(f);
    if (!f.needsCompaction()) {
      return;
    }
    try {
      if (!background || !f.canCompactInBackground()) {
        f.compactNow();
        return;
      }
      Runnable task = f.startBackgroundCompaction();
      if (compactor == null) {
        compactor = Executors.newSingleThreadExecutor(r -> {
          Thread thread = new Thread(r, "qbmc-filestore-compaction");
          thread.setDaemon(true);
          return thread;
        });
      }
      compactor.execute(task);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "state journal compaction failed for " + connectionId, e);
    }
  }

  /**
   * Closes a connection's state files (waiting for its compaction), if open.
   *
   * @param connectionId the connection
   * @throws IOException on failure
   */
  public void forget(String connectionId) throws IOException {
    StateFiles f = open.remove(connectionId);
    if (f != null) {
      f.close();
    }
  }

  /**
   * Closes every state file, each after its compaction.
   *
   * @throws IOException the first failure (the others are still closed)
   */
  @Override
  public void close() throws IOException {
    IOException failure = null;
    for (StateFiles f : new ArrayList<>(open.values())) {
      try {
        f.close();
      } catch (IOException e) {
        failure = failure == null ? e : failure;
      }
    }
    open.clear();
    if (compactor != null) {
      compactor.shutdown();
    }
    if (failure != null) {
      throw failure;
    }
  }

  /**
   * The connections whose files are open.
   *
   * @return their ids
   */
  public List<String> openConnections() {
    return new ArrayList<>(open.keySet());
  }
}
