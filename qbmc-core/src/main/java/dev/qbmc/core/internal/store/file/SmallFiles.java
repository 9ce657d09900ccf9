package dev.qbmc.core.internal.store.file;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qbmc.core.internal.store.AtomicFiles;
import dev.qbmc.core.internal.store.ConnectionTable;
import dev.qbmc.core.internal.store.StoreJson;
import dev.qbmc.core.spi.SyncRunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The small files of a connection folder besides its tokens: {@code cursor.json}, {@code
 * lease.json} and {@code runs.json} (and, for deletion, {@code connection.json} and the state
 * files). Each is replaced atomically.
 */
public final class SmallFiles {

  /** The cursor file's name. */
  public static final String CURSOR = "cursor.json";
  /** The lease file's name. */
  public static final String LEASE = "lease.json";
  /** The runs file's name. */
  public static final String RUNS = "runs.json";

  private SmallFiles() {}

  /** A small file that could not be read or parsed; the cause is the failure as thrown. */
  public static final class ReadFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;

    ReadFailure(Path file, Exception cause) {
      super(cause);
      this.file = file;
    }

    /**
     * The file that failed.
     *
     * @return its path
     */
    public Path file() {
      return file;
    }
  }

  /**
   * Loads the cursor, lease and runs of a connection into a new table.
   *
   * @param dir the connection folder
   * @param connectionId the connection
   * @param runsKept how many runs the table keeps
   * @return the table
   * @throws ReadFailure if a file cannot be read or parsed
   */
  public static ConnectionTable load(Path dir, String connectionId, int runsKept) {
    ConnectionTable t = new ConnectionTable();
    Path file = null;
    try {
      file = dir.resolve(CURSOR);
      byte[] bytes = AtomicFiles.readIfExists(file);
      if (bytes != null) {
        t.cursor(StoreJson.cursor(StoreJson.parse(bytes)));
      }
      file = dir.resolve(LEASE);
      bytes = AtomicFiles.readIfExists(file);
      if (bytes != null) {
        StoreJson.lease(StoreJson.parse(bytes), connectionId, t);
      }
      file = dir.resolve(RUNS);
      bytes = AtomicFiles.readIfExists(file);
      if (bytes != null) {
        for (SyncRunRecord r : StoreJson.runs(StoreJson.parse(bytes))) {
          t.recordRun(r, runsKept);
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new ReadFailure(file, e);
    }
    return t;
  }

  /**
   * Deletes the files of a connection, the connection file first (once it is gone the connection
   * no longer exists on reopen). The lease file is kept, without a lease, when a lease token was
   * ever granted, so that tokens keep increasing.
   *
   * @param dir the connection folder
   * @param lastLeaseToken the last lease token granted, 0 if none
   * @param fsync whether to force the writes and the folder
   * @throws IOException if a file cannot be deleted or written
   */
  public static void deleteConnection(Path dir, long lastLeaseToken, boolean fsync)
      throws IOException {
    for (String name :
        List.of(ConnectionFiles.CONNECTION, CURSOR, RUNS, StateFiles.JOURNAL, StateFiles.JOURNAL_OLD,
            StateFiles.SNAPSHOT, StateFiles.SNAPSHOT + ".tmp")) {
      Files.deleteIfExists(dir.resolve(name));
    }
    if (lastLeaseToken > 0) {
      AtomicFiles.write(dir.resolve(LEASE), json(StoreJson.lease(null, lastLeaseToken)), true, fsync);
    } else {
      Files.deleteIfExists(dir.resolve(LEASE));
    }
    if (fsync && Files.isDirectory(dir)) {
      AtomicFiles.forceDirectory(dir);
    }
  }

  /**
   * The runs file of a connection once {@code run} is recorded (the table is not changed).
   *
   * @param t the connection's table
   * @param run the run to add
   * @param runsKept how many runs are kept
   * @return the file's content
   */
  public static byte[] runsWith(ConnectionTable t, SyncRunRecord run, int runsKept) {
    ConnectionTable copy = new ConnectionTable();
    for (SyncRunRecord r : t.recent(Integer.MAX_VALUE)) {
      copy.recordRun(r, runsKept);
    }
    copy.recordRun(run, runsKept);
    return json(StoreJson.runs(copy.recent(Integer.MAX_VALUE)));
  }

  /**
   * Serialises a store file.
   *
   * @param node the content
   * @return its bytes
   */
  public static byte[] json(JsonNode node) {
    try {
      return StoreJson.bytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise store file", e);
    }
  }
}
