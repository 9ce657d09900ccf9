package dev.qbmc.core.internal.store.file;

import dev.qbmc.core.internal.store.AtomicFiles;
import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.RecordState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The record states of one connection: a snapshot file, an append-only journal (and, while a
 * background compaction runs, the previous journal), all in the {@link Frames} format, plus a
 * {@link StateIndex} in memory that says where each state is. States are read from the files when
 * asked for, so the heap holds 16 to 32 bytes per state whatever the states hold.
 *
 * <p><b>Writes</b>: each commit's states are one frame (puts and removals), each forget one frame,
 * appended and forced; a frame is applied entirely on replay or not at all.
 *
 * <p><b>Open</b>: the snapshot, the previous journal (if a compaction was interrupted) and the
 * journal are read frame by frame into the index. A torn journal tail (no valid frame after the
 * first bad byte: a crash during an append) is cut off; damage followed by valid frames, or any
 * damage in the snapshot, fails with {@link CorruptFileException} (see {@link Recovery}). Files of
 * the first format are read and rewritten in the current one (a compaction).
 *
 * <p><b>Compaction</b>: when the journal outgrows both a threshold and the snapshot, every state is
 * copied into {@code states.snapshot.tmp}, which is forced and renamed over {@code states.snapshot};
 * then a new empty journal replaces the journal (rename) and the previous journal is deleted. In
 * the background variant the journal is first renamed to {@code states.journal.old} and appends
 * continue in a new one while a task copies the states the index pointed to at that moment; the
 * new snapshot is installed (renamed, index re-pointed, old journal deleted) by the next call
 * after the task finished. A crash at any point reopens to the same states: snapshot, then old
 * journal, then journal, each key's last operation winning.
 *
 * <p>Not thread-safe (the store locks around it), except that a stream may be read from any thread.
 */
public final class StateFiles implements AutoCloseable {

  /** The snapshot file name. */
  public static final String SNAPSHOT = "states.snapshot";
  /** The journal file name. */
  public static final String JOURNAL = "states.journal";
  /** The previous journal while a background compaction turns it into a snapshot. */
  public static final String JOURNAL_OLD = "states.journal.old";

  static final int F_SNAPSHOT = 1;
  static final int F_OLD = 2;
  static final int F_JOURNAL = 3;
  private static final String[] NAMES = {null, SNAPSHOT, JOURNAL_OLD, JOURNAL};

  private final Path dir;
  private final boolean fsync;
  private final long threshold;
  private final boolean readOnly;
  private final FileChannel[] channels = new FileChannel[4];
  private final RecordReader[] readers = new RecordReader[4];
  private final StateIndex index;
  private final RetiredChannels retired = new RetiredChannels();
  private long journalSize;
  private long snapshotSize;
  private Pending pending;

  private StateFiles(Path dir, boolean fsync, long threshold, boolean readOnly) {
    this.dir = dir;
    this.fsync = fsync;
    this.threshold = threshold;
    this.readOnly = readOnly;
    this.index = new StateIndex((l, id) -> readers[StateIndex.file(l)].idEquals(StateIndex.offset(l), id));
  }

  /**
   * Opens the state files of a connection folder and indexes them.
   *
   * @param dir the connection folder (must exist unless {@code readOnly})
   * @param fsync whether appends are forced to disk
   * @param threshold journal size in bytes above which compaction is considered
   * @param readOnly true to change nothing on disk (no truncation, no migration, no appends)
   * @return the open files
   * @throws IOException on I/O failure, or {@link CorruptFileException}
   */
  public static StateFiles open(Path dir, boolean fsync, long threshold, boolean readOnly) throws IOException {
    StateFiles s = new StateFiles(dir, fsync, threshold, readOnly);
    try {
      s.load();
    } catch (IOException | RuntimeException e) {
      s.closeQuietly();
      throw e;
    }
    return s;
  }

  private void load() throws IOException {
    boolean legacy = false;
    for (int f = F_SNAPSHOT; f <= F_JOURNAL; f++) {
      Path p = dir.resolve(NAMES[f]);
      if (!Files.exists(p)) {
        continue;
      }
      boolean write = f == F_JOURNAL && !readOnly;
      FileChannel ch = write
          ? FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE)
          : FileChannel.open(p, StandardOpenOption.READ);
      channels[f] = ch;
      readers[f] = new RecordReader(ch, 4096);
      int file = f;
      FrameScanner.Result r = FrameScanner.scan(p, ch, true, (offset, payload) -> apply(p, file, offset, payload));
      legacy |= !r.version2();
      long size = ch.size();
      if (f == F_SNAPSHOT) {
        if (r.tornTail(size)) { // a snapshot is renamed into place complete: any bad byte is damage
          throw new CorruptFileException(p, r.end(), "the snapshot does not read to its end");
        }
        snapshotSize = size;
      } else if (f == F_JOURNAL) {
        journalSize = r.end();
        if (write && r.tornTail(size)) {
          ch.truncate(r.end()); // a torn tail: new frames follow the last complete one
          ch.force(true);
        }
      }
    }
    if (readOnly) {
      return;
    }
    if (channels[F_JOURNAL] == null || journalSize == 0) {
      replaceJournal();
    }
    channels[F_JOURNAL].position(journalSize);
    if (legacy || channels[F_OLD] != null) {
      compactNow(); // first-format files are rewritten; an interrupted compaction is finished
    }
  }

  private void apply(Path p, int file, long offset, byte[] payload) throws IOException {
    try {
      Payloads.visit(payload, new Payloads.OpVisitor() {
        @Override
        public void put(RecordKind kind, String id, int at) {
          index.put(kind, id, StateIndex.location(kind, file, offset + at));
        }

        @Override
        public void remove(RecordKind kind, String id) {
          index.remove(kind, id);
        }

        @Override
        public void clear(RecordKind kind) {
          index.clear(kind);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      throw new CorruptFileException(p, offset - Frames.FRAME_HEADER, "a frame passed its CRC but does not parse");
    }
  }

  private void checkWritable() {
    if (readOnly) {
      throw new IllegalStateException("the state files are open read-only");
    }
  }

  /**
   * Appends one commit frame, then indexes it.
   *
   * @param puts the states to insert or replace, in order
   * @param removals the keys to remove after the puts
   * @throws IOException on failure (nothing is applied then)
   */
  public void commit(Collection<RecordState> puts, Collection<RecordKey> removals) throws IOException {
    checkWritable();
    installIfDone();
    Payloads.Encoded e = Payloads.commit(puts, removals);
    long start = append(e);
    int i = 0;
    for (RecordState s : puts) {
      RecordKind kind = s.key().kind();
      index.put(kind, s.key().id(),
          StateIndex.location(kind, F_JOURNAL, start + Frames.FRAME_HEADER + e.putOffsets()[i++]));
    }
    for (RecordKey k : removals) {
      index.remove(k.kind(), k.id());
    }
  }

  /**
   * Appends one frame that removes every state of the given kinds, then applies it.
   *
   * @param kinds the kinds
   * @throws IOException on failure
   */
  public void clear(Collection<RecordKind> kinds) throws IOException {
    checkWritable();
    installIfDone();
    append(Payloads.clear(kinds));
    kinds.forEach(index::clear);
  }

  private long append(Payloads.Encoded e) throws IOException {
    ByteBuffer frame = Frames.frame(e.bytes(), e.length());
    FileChannel journal = channels[F_JOURNAL];
    long start = journalSize;
    try {
      journal.position(start);
      Frames.writeFully(journal, frame);
      if (fsync) {
        journal.force(false);
      }
      journalSize = start + Frames.FRAME_HEADER + e.length();
      return start;
    } catch (IOException failure) {
      try { // undo a partial append so that the next frame does not follow garbage
        journal.truncate(start);
      } catch (IOException suppressed) {
        failure.addSuppressed(suppressed);
      }
      throw failure;
    } finally {
      readers[F_JOURNAL].invalidate();
    }
  }

  /**
   * Looks states up.
   *
   * @param keys the keys
   * @return the states found
   * @throws IOException on failure
   */
  public Map<RecordKey, RecordState> get(Collection<RecordKey> keys) throws IOException {
    installIfDone();
    Map<RecordKey, RecordState> found = new HashMap<>();
    for (RecordKey key : keys) {
      long l = index.get(key.kind(), key.id());
      if (l != 0) {
        found.put(key, readers[StateIndex.file(l)].read(StateIndex.offset(l)));
      }
    }
    return found;
  }

  /**
   * Streams the states of one kind as they are now, read in file order as the stream advances (8
   * bytes of heap per state for the sorted locations).
   *
   * @param kind the kind
   * @return the lazy stream; close it
   * @throws IOException on failure
   */
  public Stream<RecordState> stream(RecordKind kind) throws IOException {
    installIfDone();
    long[] sorted = index.sortedLocations(kind);
    RecordReader[] own = new RecordReader[4];
    for (int f = F_SNAPSHOT; f <= F_JOURNAL; f++) {
      own[f] = channels[f] == null ? null : new RecordReader(channels[f], 1 << 16);
    }
    retired.streamOpened();
    return java.util.stream.IntStream.range(0, sorted.length)
        .mapToObj(i -> {
          try {
            return own[StateIndex.file(sorted[i])].read(StateIndex.offset(sorted[i]));
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read a state of " + dir, e);
          }
        })
        .onClose(retired::streamClosed);
  }

  /**
   * Counts the states of a kind.
   *
   * @param kind the kind
   * @return the count
   * @throws IOException if a finished compaction cannot be installed
   */
  public long count(RecordKind kind) throws IOException {
    installIfDone();
    return index.count(kind);
  }

  /**
   * The heap the index holds.
   *
   * @return bytes
   */
  public long indexHeapBytes() {
    return index.heapBytes();
  }

  /**
   * Whether the journal has grown enough to be compacted (and no compaction is running).
   *
   * @return true when it exceeds the threshold and the snapshot size
   */
  public boolean needsCompaction() {
    return !readOnly && pending == null && journalSize > threshold && journalSize > snapshotSize;
  }

  /**
   * Whether a background compaction can start (none is running and no old journal is left).
   *
   * @return true when {@link #startBackgroundCompaction} may be called
   */
  public boolean canCompactInBackground() {
    return pending == null && channels[F_OLD] == null;
  }

  /**
   * Compacts in the calling thread (waiting for a background compaction first).
   *
   * @throws IOException on failure (the files stay valid)
   */
  public void compactNow() throws IOException {
    checkWritable();
    awaitCompaction();
    long[] sorted = index.sortedLocations(null);
    Path tmp = dir.resolve(SNAPSHOT + ".tmp");
    Files.deleteIfExists(tmp);
    long[] moved = SnapshotWriter.write(tmp, channels, sorted, F_SNAPSHOT);
    installSnapshot(tmp, sorted, moved);
    replaceJournal();
    dropOldJournal();
  }

  /**
   * Starts a compaction that copies the states off the caller's thread: the journal becomes the old
   * journal and a new journal takes the appends; the task writes the snapshot; the next call after
   * it finished installs it.
   *
   * @return the task to run in the background
   * @throws IOException if the rotation fails
   */
  public Runnable startBackgroundCompaction() throws IOException {
    checkWritable();
    if (!canCompactInBackground()) {
      throw new IllegalStateException("a compaction is running or an old journal is left");
    }
    channels[F_JOURNAL].force(true);
    Files.move(dir.resolve(JOURNAL), dir.resolve(JOURNAL_OLD), StandardCopyOption.ATOMIC_MOVE);
    channels[F_OLD] = channels[F_JOURNAL];
    readers[F_OLD] = readers[F_JOURNAL];
    channels[F_JOURNAL] = null;
    replaceJournal();
    index.relabel(F_JOURNAL, F_OLD);
    long[] sorted = index.sortedLocations(null);
    FileChannel[] sources = channels.clone();
    sources[F_JOURNAL] = null;
    Pending p = new Pending(sorted);
    pending = p;
    Path tmp = dir.resolve(SNAPSHOT + ".tmp");
    return () -> {
      try {
        Files.deleteIfExists(tmp);
        p.moved = SnapshotWriter.write(tmp, sources, sorted, F_SNAPSHOT);
      } catch (IOException | RuntimeException e) {
        p.failure = e;
      } finally {
        p.done.countDown();
      }
    };
  }

  /**
   * Waits for a background compaction, then installs its snapshot.
   *
   * @throws IOException if it failed (the files stay valid; the next compaction merges the old
   *     journal in the caller's thread)
   */
  public void awaitCompaction() throws IOException {
    if (pending == null) {
      return;
    }
    try {
      pending.done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while waiting for a compaction");
    }
    installIfDone();
  }

  private void installIfDone() throws IOException {
    Pending p = pending;
    if (p == null || p.done.getCount() > 0) {
      return;
    }
    pending = null;
    if (p.failure != null) {
      throw p.failure instanceof IOException io ? io : new IOException(p.failure);
    }
    installSnapshot(dir.resolve(SNAPSHOT + ".tmp"), p.sorted, p.moved);
    dropOldJournal();
  }

  private void installSnapshot(Path tmp, long[] sorted, long[] moved) throws IOException {
    Path snapshot = dir.resolve(SNAPSHOT);
    Files.move(tmp, snapshot, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    AtomicFiles.forceDirectory(dir);
    index.remap(sorted, moved);
    retired.retire(channels[F_SNAPSHOT]);
    channels[F_SNAPSHOT] = FileChannel.open(snapshot, StandardOpenOption.READ);
    readers[F_SNAPSHOT] = new RecordReader(channels[F_SNAPSHOT], 4096);
    snapshotSize = channels[F_SNAPSHOT].size();
  }

  /** Puts a new empty journal (just the header) in place of the journal, atomically. */
  private void replaceJournal() throws IOException {
    Path next = dir.resolve(JOURNAL + ".new");
    Files.deleteIfExists(next);
    try (FileChannel ch = FileChannel.open(next,
        java.util.EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), AtomicFiles.ownerOnlyFile())) {
      Frames.writeFully(ch, ByteBuffer.wrap(Frames.HEADER));
      ch.force(true);
    }
    Files.move(next, dir.resolve(JOURNAL), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    AtomicFiles.forceDirectory(dir);
    retired.retire(channels[F_JOURNAL]);
    channels[F_JOURNAL] = FileChannel.open(dir.resolve(JOURNAL), StandardOpenOption.READ, StandardOpenOption.WRITE);
    readers[F_JOURNAL] = new RecordReader(channels[F_JOURNAL], 4096);
    journalSize = Frames.HEADER.length;
    channels[F_JOURNAL].position(journalSize);
  }

  private void dropOldJournal() throws IOException {
    Files.deleteIfExists(dir.resolve(JOURNAL_OLD));
    AtomicFiles.forceDirectory(dir);
    retired.retire(channels[F_OLD]);
    channels[F_OLD] = null;
    readers[F_OLD] = null;
  }

  /**
   * The journal size.
   *
   * @return bytes
   */
  public long journalSize() {
    return journalSize;
  }

  /**
   * The snapshot size.
   *
   * @return bytes
   */
  public long snapshotSize() {
    return snapshotSize;
  }

  @Override
  public void close() throws IOException {
    try {
      awaitCompaction();
    } finally {
      closeQuietly();
    }
  }

  private void closeQuietly() {
    for (int f = F_SNAPSHOT; f <= F_JOURNAL; f++) {
      RetiredChannels.closeQuietly(channels[f]);
      channels[f] = null;
    }
    retired.closeAll();
  }

  /** A background compaction: what it copies, and when done where it put it. */
  private static final class Pending {
    final long[] sorted;
    final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
    volatile long[] moved;
    volatile Exception failure;

    Pending(long[] sorted) {
      this.sorted = sorted;
    }
  }
}
