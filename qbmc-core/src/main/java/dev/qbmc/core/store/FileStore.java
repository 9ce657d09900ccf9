package dev.qbmc.core.store;

import dev.qbmc.core.internal.store.Args;
import dev.qbmc.core.internal.store.AtomicFiles;
import dev.qbmc.core.internal.store.ConnectionTable;
import dev.qbmc.core.internal.store.EventLog;
import dev.qbmc.core.internal.store.FolderNames;
import dev.qbmc.core.internal.store.LeaseTable;
import dev.qbmc.core.internal.store.SeenEvents;
import dev.qbmc.core.internal.store.StoreJson.TokenFile;
import dev.qbmc.core.internal.store.StoreJson;
import dev.qbmc.core.internal.store.file.ConnectionFiles;
import dev.qbmc.core.internal.store.file.ConnectionStates;
import dev.qbmc.core.internal.store.file.CorruptFileException;
import dev.qbmc.core.internal.store.file.FolderLock;
import dev.qbmc.core.internal.store.file.FolderRecovery;
import dev.qbmc.core.internal.store.file.SmallFiles;
import dev.qbmc.core.internal.store.file.StateFiles;
import dev.qbmc.core.internal.store.file.TokenFiles;
import dev.qbmc.core.model.Provider;
import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.RecordState;
import dev.qbmc.core.spi.Checkpoint;
import dev.qbmc.core.spi.Connection;
import dev.qbmc.core.spi.Lease;
import dev.qbmc.core.spi.StoredTokens;
import dev.qbmc.core.spi.SyncCursor;
import dev.qbmc.core.spi.SyncRunRecord;
import dev.qbmc.core.spi.SyncStateStore;
import dev.qbmc.core.spi.TokenStore;
import dev.qbmc.core.spi.VersionedTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A durable {@link TokenStore} and {@link SyncStateStore} on the local file system, for hosts that
 * run in a single process. Thread-safe (calls are serialised on the store).
 *
 * <h2>Layout</h2>
 *
 * <pre>
 * &lt;directory&gt;/
 *   qbmc-store.lock                 held (FileChannel lock) while the store is open
 *   connections/&lt;connection&gt;/        one folder per connection (rwx------)
 *     connection.json  cursor.json  lease.json  runs.json
 *     tokens-quickbooks.json  tokens-mailchimp.json   (rw-------: owner only)
 *     states.snapshot  states.journal                 (record states)
 *   events/&lt;scope&gt;.log                 seen webhook event ids
 * </pre>
 *
 * Folder names are the connection ids when those are plain lowercase ({@code [a-z0-9._-]}, up to
 * 100 characters), otherwise {@code ~~} plus the lowercase Base32 of their UTF-8 bytes, so ids that
 * differ only by case get their own folders on case-insensitive file systems too. Folders named by
 * the first layout (ids of any case, {@code ~} plus Base64) are renamed when the store opens.
 *
 * <p><b>Permissions</b> (where POSIX permissions exist): folders are created {@code rwx------} and
 * files {@code rw-------}. When the store opens, an existing store folder, connection folder or
 * file readable or writable by group or others is tightened to owner only and a warning logged; a
 * folder the process cannot change (another owner) fails the open with {@link StoreIoException}.
 *
 * <h2>Crash safety and damage</h2>
 *
 * Small files are replaced atomically (write a temporary file, force it, {@code ATOMIC_MOVE} it
 * over the old one). Record states go to an append-only journal of frames, one frame per {@link
 * #commit} (its puts and removals together), so a checkpoint writes only the changed states; the
 * journal is compacted into a snapshot once it outgrows both the snapshot and a threshold (default
 * 64 MiB), by default on a background daemon thread ({@code qbmc-filestore-compaction}) while
 * appends continue in a fresh journal; {@link #close()} waits for it. Each frame starts with a
 * marker, its length and a CRC32 of both, and holds at most 64 MiB.
 *
 * <ul>
 *   <li>A torn journal tail (bytes after the last complete frame, with no valid frame after them:
 *       a crash during an append) is cut off on open: the store reopens with the states of the last
 *       complete commit.
 *   <li>Damage followed by valid frames (a flipped bit, a garbage length: frames that were complete
 *       when written), or any damage in the snapshot, is never cut off silently: reading the
 *       connection's states throws {@link StoreCorruptedException} naming the file and the byte
 *       offset, and nothing is changed on disk. {@link #recover} then keeps every valid frame,
 *       drops and counts the damaged ones, and resets the cursors of the connections that lost
 *       states so that their next sync reads everything again.
 *   <li>A damaged {@code connection.json} is logged and skipped: the other connections open; that
 *       connection throws {@link StoreCorruptedException} (see {@link #damagedConnections()}).
 *   <li>State files of the first layout (no markers) are read, with its rule that the first bad
 *       frame ends a file, and rewritten in the current format when first opened for writing.
 * </ul>
 *
 * <h2>Commits</h2>
 *
 * {@link #commit} checks the lease and the connection's status and writes under the store's lock,
 * so no other call sees a half-applied commit and no saveConnection, takeover or release can slip
 * in between the check and the write. On disk a commit touches up to four files, in this order,
 * each forced before the next is written:
 *
 * <ol>
 *   <li>the states: one journal frame (puts and removals), the commit point of the states;
 *   <li>{@code cursor.json}, the cursor these states complete;
 *   <li>{@code connection.json}, when the checkpoint marks the first full sync done;
 *   <li>{@code runs.json}, the run record.
 * </ol>
 *
 * A crash (or an I/O failure) part way therefore leaves a prefix of this order: the states are
 * durable before the cursor ever moves, and the cursor before the connection says the first full
 * sync is done. Every prefix is a state the sync already handles: states newer than the cursor make
 * the next run read those changes again and find them unchanged (it writes nothing for them); a
 * cursor without the full-sync flag makes the next run read in full, writing only differences; a
 * missing run record loses only that run's history entry. No prefix can make a run skip a change.
 * {@link #clearSyncState} writes in the reverse sense: first a frame that removes every state, then
 * the cursor is deleted, so a crash in between already forces the full rewrite a reconnect needs.
 *
 * <h2>One owner per folder</h2>
 *
 * Opening takes an exclusive lock on {@code qbmc-store.lock}; a second {@link FileStore} on the same
 * folder, in this process or another, fails with {@link StoreLockedException} until the first is
 * closed. The lock is released by {@link #close()} or when the process dies. (Leases therefore
 * coordinate the threads of one process; several processes need a shared database-backed store.)
 * Because the lock proves that nobody else has the folder open, a lease stored by an earlier open
 * (a process that died mid-sync, or a store closed while a sync held a lease) is taken over at once
 * by {@link #tryAcquireLease}, expired or not; its token is still exceeded, so a late commit or
 * renewal under it is refused.
 *
 * <h2>Memory</h2>
 *
 * Connections, cursors, leases and runs are loaded on open. Record states stay on disk: per
 * connection the store keeps an index of 16 to 32 bytes per state (a 32-bit key hash and the
 * state's file offset; the key itself is read back to confirm a match), built by reading the
 * snapshot and journal once on first use, and reads each state from the files when asked for it.
 * A stream reads the states of one kind in file order (8 bytes per state while it is open).
 *
 * <h2>Reading while another process writes</h2>
 *
 * {@link #openReadOnly} opens a folder without its lock, for status displays beside a running
 * sync; see {@link Builder#readOnly}.
 *
 * <h2>Errors</h2>
 *
 * Besides the argument checks of the SPI methods, every method may throw a {@link StoreException}:
 * {@link StoreIoException} when a file cannot be read or written, {@link StoreCorruptedException}
 * when a file is damaged beyond what crash recovery repairs; opening may also throw {@link
 * StoreLockedException}. Every method but {@link #close()} and {@link #directory()} throws {@link
 * IllegalStateException} once the store is closed.
 */
public final class FileStore implements TokenStore, SyncStateStore, AutoCloseable {

  private static final String CONNECTION = ConnectionFiles.CONNECTION;
  private static final String CURSOR = SmallFiles.CURSOR;
  private static final String LEASE = SmallFiles.LEASE;
  private static final String RUNS = SmallFiles.RUNS;

  private final Path root;
  private final Path connectionsDir;
  private final Path eventsDir;
  private final StoreLimits limits;
  private final boolean fsync;
  private final long compactionThreshold;
  private final FolderLock folderLock;
  private final Map<String, ConnectionTable> tables = new TreeMap<>();
  private final ConnectionStates stateFiles;
  private final Map<String, EventLog> eventLogs = new HashMap<>();
  /** Connections whose connection.json does not read back, by id (decoded from the folder name). */
  private final Map<String, Path> damaged = new TreeMap<>();
  private final boolean readOnly;
  /** Connections whose stored lease was granted (or renewed) by this open of the folder. */
  private final Set<String> leasesOfThisOpen = new HashSet<>();
  private final boolean backgroundCompaction;
  private boolean closed;

  private FileStore(Builder b) {
    this.root = b.directory.toAbsolutePath().normalize();
    this.connectionsDir = root.resolve("connections");
    this.eventsDir = root.resolve("events");
    this.limits = b.limits;
    this.fsync = b.fsync;
    this.compactionThreshold = b.compactionThresholdBytes;
    this.backgroundCompaction = b.backgroundCompaction;
    this.readOnly = b.readOnly;
    this.stateFiles = new ConnectionStates(fsync, compactionThreshold, readOnly, backgroundCompaction);
    if (readOnly) {
      this.folderLock = null;
      if (!Files.isDirectory(root)) {
        throw new StoreIoException("cannot open file store " + root + " read-only: no such folder", null);
      }
      try {
        loadConnections();
      } catch (IOException e) {
        throw new StoreIoException("cannot open file store " + root, e);
      }
      return;
    }
    FolderLock held = null;
    try {
      held = FolderLock.acquireAndPrepare(root, connectionsDir, eventsDir);
      if (held == null) {
        throw new StoreLockedException(
            "store folder " + root + " is already open in another FileStore (this or another"
                + " process); close it first",
            null);
      }
      this.folderLock = held;
      loadConnections();
    } catch (IOException e) {
      closeQuietly(held);
      throw new StoreIoException("cannot open file store " + root, e);
    } catch (RuntimeException e) {
      closeQuietly(held);
      throw e;
    }
  }

  /**
   * Opens (creating if needed) a store in a folder with the default settings.
   *
   * @param directory the store folder
   * @return the open store; close it when done
   * @throws StoreLockedException if the folder is open in another store
   * @throws StoreIoException if the folder cannot be created or read
   * @throws StoreCorruptedException if a connection's file in the folder is damaged
   */
  public static FileStore open(Path directory) {
    return builder().directory(directory).build();
  }

  /**
   * Opens an existing store folder read-only, without its lock, so that it can be read while
   * another process writes it; see {@link Builder#readOnly}.
   *
   * @param directory the store folder
   * @return the open store; close it when done
   * @throws StoreIoException if the folder does not exist or cannot be read
   */
  public static FileStore openReadOnly(Path directory) {
    return builder().directory(directory).readOnly(true).build();
  }

  /**
   * Repairs the record state files of a store folder that {@link #open} refused with {@link
   * StoreCorruptedException}: every state file is rewritten with all its valid frames (frames are
   * CRC-checked and start with a marker, so the frames after a damaged one are found again), the
   * damaged frames are dropped and counted, and each connection that lost frames has its cursor
   * deleted so that its next sync reads everything again. Takes the folder's lock like {@link
   * #open}.
   *
   * @param directory the store folder
   * @return what was kept and lost
   * @throws StoreLockedException if the folder is open in a store
   * @throws StoreIoException if a file cannot be read or written
   */
  public static FileStoreRecovery recover(Path directory) {
    Args.notNull(directory, "directory");
    FolderRecovery.Report r;
    try {
      r = FolderRecovery.recover(directory);
    } catch (FolderRecovery.LockedException e) {
      throw new StoreLockedException(e.getMessage(), e);
    } catch (IOException e) {
      throw new StoreIoException("cannot recover file store " + directory, e);
    }
    return new FileStoreRecovery(r.framesKept(), r.framesLost(), r.bytesDropped(), r.filesRewritten(),
        r.connectionsReset(), r.unreadable());
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Configures and opens a {@link FileStore}. */
  public static final class Builder {
    private Path directory;
    private StoreLimits limits = StoreLimits.defaults();
    private boolean fsync = true;
    private long compactionThresholdBytes = 64L * 1024 * 1024;
    private boolean backgroundCompaction = true;
    private boolean readOnly;

    private Builder() {}

    /**
     * Opens the folder read-only (default false): no lock is taken, so this works while another
     * process has the folder open and syncs (for status displays); nothing on disk is created or
     * changed, every writing method throws {@link IllegalStateException}, and reads see the files
     * as they were when each connection was first read (connections, cursors, leases and runs are
     * replaced atomically by the writer; record states are read once per connection).
     *
     * @param readOnly the flag
     * @return this builder
     */
    public Builder readOnly(boolean readOnly) {
      this.readOnly = readOnly;
      return this;
    }

    /**
     * Whether journal compaction writes the snapshot on a background thread (default true), so
     * that the checkpoint that triggers it is not delayed by writing the whole state. When false
     * the triggering call writes the snapshot itself.
     *
     * @param background the flag
     * @return this builder
     */
    public Builder backgroundCompaction(boolean background) {
      this.backgroundCompaction = background;
      return this;
    }

    /**
     * Sets the store folder (required).
     *
     * @param directory the folder; created if missing
     * @return this builder
     */
    public Builder directory(Path directory) {
      this.directory = Args.notNull(directory, "directory");
      return this;
    }

    /**
     * Sets the bounds of runs and webhook event ids.
     *
     * @param limits the limits
     * @return this builder
     */
    public Builder limits(StoreLimits limits) {
      this.limits = Args.notNull(limits, "limits");
      return this;
    }

    /**
     * Whether every write is forced to disk before it returns (default true). Turning it off
     * trades durability on power loss (not on a process crash) for speed.
     *
     * @param fsync the flag
     * @return this builder
     */
    public Builder fsync(boolean fsync) {
      this.fsync = fsync;
      return this;
    }

    /**
     * Sets the journal size above which it is compacted into a snapshot (once it is also larger
     * than the snapshot). Default 64 MiB.
     *
     * @param bytes at least 1 KiB
     * @return this builder
     */
    public Builder compactionThresholdBytes(long bytes) {
      if (bytes < 1024) {
        throw new IllegalArgumentException("compactionThresholdBytes must be at least 1024");
      }
      this.compactionThresholdBytes = bytes;
      return this;
    }

    /**
     * Opens the store.
     *
     * @return the open store
     * @throws IllegalStateException if no directory was set
     * @throws StoreLockedException if the folder is open in another store
     * @throws StoreIoException if the folder cannot be created or read
     * @throws StoreCorruptedException if a connection's file in the folder is damaged
     */
    public FileStore build() {
      if (directory == null) {
        throw new IllegalStateException("FileStore.builder(): directory is required");
      }
      return new FileStore(this);
    }
  }

  /**
   * The store folder.
   *
   * @return the absolute path
   */
  public Path directory() {
    return root;
  }

  // ---- tokens ------------------------------------------------------------------------------

  private TokenFile readTokens(String connectionId, Provider provider) {
    Path file = TokenFiles.path(connectionDir(connectionId), provider);
    try {
      return TokenFiles.read(file);
    } catch (IOException | RuntimeException e) {
      throw damagedOrIo(file, e);
    }
  }

  @Override
  public synchronized Optional<VersionedTokens> load(String connectionId, Provider provider) {
    checkOpen();
    Args.notNull(provider, "provider");
    TokenFile f = readTokens(Args.notBlank(connectionId, "connectionId"), provider);
    return f == null || f.tokens() == null
        ? Optional.empty()
        : Optional.of(VersionedTokens.of(f.tokens(), f.version()));
  }

  @Override
  public synchronized boolean compareAndSet(
      String connectionId, Provider provider, long expectedVersion, StoredTokens newTokens) {
    checkOpen();
    Args.notBlank(connectionId, "connectionId");
    Args.notNull(provider, "provider");
    Args.notNull(newTokens, "newTokens");
    if (expectedVersion < 0) {
      throw new IllegalArgumentException("expectedVersion must not be negative");
    }
    TokenFile current = readTokens(connectionId, provider);
    boolean absent = current == null || current.tokens() == null;
    long currentVersion = absent ? 0 : current.version();
    if (currentVersion != expectedVersion) {
      return false;
    }
    long base = current == null ? 0 : current.version();
    writeTokens(connectionId, provider, new TokenFile(newTokens, base + 1));
    return true;
  }

  private void writeTokens(String connectionId, Provider provider, TokenFile file) {
    checkWritable();
    Path path = TokenFiles.path(connectionDir(connectionId), provider);
    try {
      TokenFiles.write(path, file, fsync);
    } catch (IOException e) {
      throw new StoreIoException("cannot write " + path.getFileName() + " of connection folder "
          + path.getParent(), e);
    }
  }

  @Override
  public synchronized void delete(String connectionId, Provider provider) {
    checkOpen();
    Args.notNull(provider, "provider");
    TokenFile current = readTokens(Args.notBlank(connectionId, "connectionId"), provider);
    if (current != null && current.tokens() != null) {
      // A tombstone keeps the version, so versions keep increasing after a re-create.
      writeTokens(connectionId, provider, new TokenFile(null, current.version()));
    }
  }

  @Override
  public synchronized void deleteAll(String connectionId) {
    for (Provider p : Provider.values()) {
      delete(connectionId, p);
    }
  }

  // ---- connections -------------------------------------------------------------------------

  private Path connectionDir(String connectionId) {
    return connectionsDir.resolve(FolderNames.encode(connectionId, "connectionId"));
  }

  /** Loads every connection; a damaged {@code connection.json} is remembered, not thrown. */
  private void loadConnections() throws IOException {
    ConnectionFiles.loadAll(
        connectionsDir, !readOnly, c -> table(c.connectionId()).connection(c), damaged);
  }

  /**
   * The {@code connection.json} files that did not read back when the store was opened. Their
   * connections are missing from {@link #connections()}, and {@link #connection} and the other
   * calls about them throw {@link StoreCorruptedException} until the file is repaired or the
   * connection is saved again.
   *
   * @return the damaged files, by connection id
   */
  public synchronized Map<String, Path> damagedConnections() {
    checkOpen();
    return Map.copyOf(damaged);
  }

  private void checkNotDamaged(String connectionId) {
    Path file = damaged.get(connectionId);
    if (file != null) {
      throw new StoreCorruptedException("store file " + file + " is damaged; repair or delete it,"
          + " or save the connection again", null);
    }
  }

  /** The table of a connection, with its small files loaded on first access. */
  private ConnectionTable table(String connectionId) {
    Args.notBlank(connectionId, "connectionId");
    checkNotDamaged(connectionId);
    ConnectionTable t = tables.get(connectionId);
    if (t != null) {
      return t;
    }
    try {
      t = SmallFiles.load(connectionDir(connectionId), connectionId, limits.recentRunsKept());
    } catch (SmallFiles.ReadFailure e) {
      throw damagedOrIo(e.file(), (Exception) e.getCause());
    }
    tables.put(connectionId, t);
    return t;
  }

  /**
   * The record state files of a connection, opened on first use; null for a read of a connection
   * that has no folder (nothing is created for a read).
   */
  private StateFiles states(String connectionId, boolean forWrite) {
    Path dir = connectionDir(connectionId);
    try {
      return stateFiles.get(connectionId, dir, forWrite);
    } catch (IOException | RuntimeException e) {
      throw damagedOrIo(dir.resolve(StateFiles.JOURNAL), e);
    }
  }

  private void checkWritable() {
    checkOpen();
    if (readOnly) {
      throw new IllegalStateException("FileStore " + root + " is open read-only");
    }
  }

  private void writeSmall(String connectionId, String name, byte[] content) {
    checkWritable();
    Path dir = connectionDir(connectionId);
    try {
      AtomicFiles.createOwnerOnlyDirectories(dir);
      AtomicFiles.write(dir.resolve(name), content, true, fsync);
    } catch (IOException e) {
      throw new StoreIoException("cannot write " + name + " in " + dir, e);
    }
  }

  private static byte[] json(com.fasterxml.jackson.databind.JsonNode node) {
    return SmallFiles.json(node);
  }

  @Override
  public synchronized void saveConnection(Connection connection) {
    checkOpen();
    Args.notNull(connection, "connection");
    checkWritable();
    writeSmall(connection.connectionId(), CONNECTION, json(StoreJson.connection(connection)));
    damaged.remove(connection.connectionId());
    table(connection.connectionId()).connection(connection);
  }

  @Override
  public synchronized Optional<Connection> connection(String connectionId) {
    checkOpen();
    checkNotDamaged(Args.notBlank(connectionId, "connectionId"));
    ConnectionTable t = tables.get(connectionId);
    return Optional.ofNullable(t == null ? null : t.connection());
  }

  @Override
  public synchronized List<Connection> connections() {
    checkOpen();
    List<Connection> out = new ArrayList<>();
    for (ConnectionTable t : tables.values()) {
      if (t.connection() != null) {
        out.add(t.connection());
      }
    }
    return out;
  }

  @Override
  public synchronized void deleteConnection(String connectionId) {
    checkOpen();
    Args.notBlank(connectionId, "connectionId");
    checkWritable();
    Path dir = connectionDir(connectionId);
    damaged.remove(connectionId);
    long lastLeaseToken = table(connectionId).lastLeaseToken();
    try {
      stateFiles.forget(connectionId);
      SmallFiles.deleteConnection(dir, lastLeaseToken, fsync);
    } catch (IOException e) {
      throw new StoreIoException("cannot delete connection folder " + dir, e);
    } finally {
      tables.remove(connectionId);
      leasesOfThisOpen.remove(connectionId);
    }
  }

  // ---- cursors -----------------------------------------------------------------------------

  @Override
  public synchronized Optional<SyncCursor> cursor(String connectionId) {
    checkOpen();
    return Optional.ofNullable(table(connectionId).cursor());
  }


  // ---- record states -----------------------------------------------------------------------

  @Override
  public synchronized Map<RecordKey, RecordState> states(
      String connectionId, Collection<RecordKey> keys) {
    checkOpen();
    Args.notNull(keys, "keys");
    keys.forEach(k -> Args.notNull(k, "key"));
    table(connectionId);
    StateFiles f = states(connectionId, false);
    if (f == null) {
      return new HashMap<>();
    }
    try {
      return f.get(keys);
    } catch (IOException | RuntimeException e) {
      throw damagedOrIo(connectionDir(connectionId), e);
    }
  }

  /** Writes to the connection's state files (opening them first), then compacts when due. */
  private void writeStates(String connectionId, ConnectionStates.StateWrite write) {
    checkWritable();
    Path dir = connectionDir(connectionId);
    try {
      stateFiles.write(connectionId, dir, write);
    } catch (CorruptFileException e) {
      throw damagedOrIo(dir, e);
    } catch (IOException e) {
      throw new StoreIoException("cannot append to the state journal of " + connectionId, e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>First one journal frame removes every state, then the cursor file is deleted (see the class
   * description for why this order is crash safe).
   */
  @Override
  public synchronized void clearSyncState(String connectionId) {
    checkWritable();
    ConnectionTable t = tables.get(Args.notBlank(connectionId, "connectionId"));
    Path dir = connectionDir(connectionId);
    if (t == null && !Files.isDirectory(dir)) {
      return;
    }
    checkWritable();
    ConnectionTable table = table(connectionId);
    writeStates(connectionId, f -> f.clear(List.of(RecordKind.values())));
    table.clearCursor();
    try {
      if (Files.deleteIfExists(dir.resolve(CURSOR)) && fsync) {
        AtomicFiles.forceDirectory(dir);
      }
    } catch (IOException e) {
      throw new StoreIoException("cannot delete " + CURSOR + " in " + dir, e);
    }
  }

  @Override
  public synchronized Stream<RecordState> streamStates(String connectionId, RecordKind kind) {
    checkOpen();
    Args.notNull(kind, "kind");
    table(connectionId);
    StateFiles f = states(connectionId, false);
    try {
      return f == null ? Stream.empty() : f.stream(kind);
    } catch (IOException | RuntimeException e) {
      throw damagedOrIo(connectionDir(connectionId), e);
    }
  }

  @Override
  public synchronized long countStates(String connectionId, RecordKind kind) {
    checkOpen();
    Args.notNull(kind, "kind");
    table(connectionId);
    StateFiles f = states(connectionId, false);
    try {
      return f == null ? 0 : f.count(kind);
    } catch (IOException e) {
      throw new StoreIoException("cannot install the compacted states of " + connectionId, e);
    }
  }

  // ---- lease -------------------------------------------------------------------------------

  private void writeLease(String connectionId, ConnectionTable t, Lease lease) {
    writeSmall(connectionId, LEASE,
        json(StoreJson.lease(lease, Math.max(t.lastLeaseToken(), lease == null ? 0 : lease.token()))));
    t.lease(lease);
    if (lease == null) {
      leasesOfThisOpen.remove(connectionId);
    } else {
      leasesOfThisOpen.add(connectionId);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>A lease stored by an earlier open of the folder is taken over at once, expired or not: this
   * store holds the folder's exclusive lock, so its holder is gone.
   */
  @Override
  public synchronized Optional<Lease> tryAcquireLease(
      String connectionId, String owner, Duration ttl, Instant now) {
    checkOpen();
    ConnectionTable t = table(connectionId);
    Lease current = leasesOfThisOpen.contains(connectionId) ? t.lease() : null;
    Optional<Lease> lease =
        LeaseTable.acquire(current, t.lastLeaseToken(), connectionId, owner, ttl, now);
    lease.ifPresent(l -> writeLease(connectionId, t, l));
    return lease;
  }

  @Override
  public synchronized Optional<Lease> renewLease(Lease lease, Duration ttl, Instant now) {
    checkOpen();
    Args.notNull(lease, "lease");
    ConnectionTable t = table(lease.connectionId());
    Optional<Lease> renewed = LeaseTable.renew(t.lease(), lease, ttl, now);
    renewed.ifPresent(l -> writeLease(lease.connectionId(), t, l));
    return renewed;
  }

  @Override
  public synchronized boolean releaseLease(Lease lease) {
    checkOpen();
    Args.notNull(lease, "lease");
    ConnectionTable t = table(lease.connectionId());
    if (!LeaseTable.isHeld(t.lease(), lease)) {
      return false;
    }
    writeLease(lease.connectionId(), t, null);
    return true;
  }

  @Override
  public synchronized Optional<Lease> currentLease(String connectionId) {
    checkOpen();
    return Optional.ofNullable(table(connectionId).lease());
  }

  // ---- fenced writes -----------------------------------------------------------------------

  /**
   * {@inheritDoc}
   *
   * <p>Checked and written under the store's lock; on disk the states first (one journal frame),
   * then the cursor, the connection and the run, each forced before the next (see the class
   * description for why a crash part way is safe).
   */
  @Override
  public synchronized boolean commit(Lease lease, Checkpoint checkpoint) {
    checkWritable();
    Args.notNull(lease, "lease");
    Args.notNull(checkpoint, "checkpoint");
    String connectionId = lease.connectionId();
    ConnectionTable t = tables.get(connectionId);
    if (t == null || !t.admits(lease)) {
      return false;
    }
    // Everything is serialised before the first write, so only I/O can fail part way.
    byte[] cursor = checkpoint.cursor().map(c -> json(StoreJson.cursor(c))).orElse(null);
    Connection done = checkpoint.fullSyncDoneAt().map(t::withFullSyncDone).orElse(null);
    byte[] connection = done == null ? null : json(StoreJson.connection(done));
    byte[] runs = checkpoint.run().map(r -> runsWith(t, r)).orElse(null);
    if (!checkpoint.puts().isEmpty() || !checkpoint.removals().isEmpty()) {
      writeStates(connectionId, f -> f.commit(checkpoint.puts(), checkpoint.removals()));
    }
    if (cursor != null) {
      writeSmall(connectionId, CURSOR, cursor);
      t.cursor(checkpoint.cursor().get());
    }
    if (connection != null) {
      writeSmall(connectionId, CONNECTION, connection);
      t.connection(done);
    }
    if (runs != null) {
      writeSmall(connectionId, RUNS, runs);
      t.recordRun(checkpoint.run().get(), limits.recentRunsKept());
    }
    return true;
  }

  // ---- runs --------------------------------------------------------------------------------

  @Override
  public synchronized void recordRun(String connectionId, SyncRunRecord run) {
    checkOpen();
    Args.notNull(run, "run");
    ConnectionTable t = table(connectionId);
    writeSmall(connectionId, RUNS, runsWith(t, run));
    t.recordRun(run, limits.recentRunsKept());
  }

  private byte[] runsWith(ConnectionTable t, SyncRunRecord run) {
    return SmallFiles.runsWith(t, run, limits.recentRunsKept());
  }

  @Override
  public synchronized List<SyncRunRecord> recentRuns(String connectionId, int limit) {
    checkOpen();
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive, was " + limit);
    }
    return table(connectionId).recent(limit);
  }

  // ---- webhook events ----------------------------------------------------------------------

  @Override
  public synchronized boolean markEventSeen(String scope, String eventId, Instant now) {
    checkWritable();
    Args.notBlank(scope, "scope");
    Args.notBlank(eventId, "eventId");
    Args.notNull(now, "now");
    Path file = eventsDir.resolve(FolderNames.encode(scope, "scope") + ".log");
    try {
      EventLog log = eventLogs.get(scope);
      if (log == null) {
        log = new EventLog(file,
            new SeenEvents(limits.eventRetention(), limits.maxEventsPerScope()), fsync);
        eventLogs.put(scope, log);
      }
      return log.mark(eventId, now);
    } catch (IOException e) {
      throw new StoreIoException("cannot record webhook event in " + file, e);
    }
  }

  // ---- lifecycle ---------------------------------------------------------------------------

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("FileStore " + root + " is closed");
    }
  }

  /**
   * Closes the files and releases the folder lock. Further calls throw {@link
   * IllegalStateException}. Closing twice does nothing.
   *
   * @throws StoreIoException if a file cannot be closed
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    IOException failure = null;
    List<AutoCloseable> toClose = new ArrayList<>(List.of(stateFiles)); // awaits the compactions
    toClose.addAll(eventLogs.values());
    for (AutoCloseable c : toClose) {
      try {
        c.close();
      } catch (Exception e) {
        failure = failure == null ? new IOException("cannot close store files", e) : failure;
      }
    }
    eventLogs.clear();
    tables.clear();
    try {
      if (folderLock != null) {
        folderLock.close();
      }
    } catch (IOException e) {
      failure = failure == null ? e : failure;
    }
    if (failure != null) {
      throw new StoreIoException("cannot close file store " + root, failure);
    }
  }

  private static StoreException damagedOrIo(Path file, Exception e) {
    if (e instanceof StoreException se) {
      return se;
    }
    if (e instanceof CorruptFileException c) {
      return new StoreCorruptedException(c.getMessage(), c); // our own message: path and offset
    }
    if (e instanceof java.io.UncheckedIOException u) {
      return damagedOrIo(file, u.getCause());
    }
    if (e instanceof IOException io
        && !(e instanceof com.fasterxml.jackson.core.JsonProcessingException)) {
      return new StoreIoException("cannot read " + file, io);
    }
    // No parser message here: it could quote file content, and token files hold secrets.
    return new StoreCorruptedException(
        "store file " + file + " is damaged (" + e.getClass().getSimpleName() + ")", e);
  }

  private static void closeQuietly(FolderLock held) {
    if (held != null) {
      try {
        held.close();
      } catch (IOException ignored) {
        // already failing
      }
    }
  }

  @Override
  public String toString() {
    return "FileStore[" + root + "]";
  }
}
