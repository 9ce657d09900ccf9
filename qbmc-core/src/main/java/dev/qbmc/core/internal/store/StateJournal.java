package dev.qbmc.core.internal.store;

import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.RecordState;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.zip.CRC32;

/**
 * The record states of one connection on disk: a snapshot file plus an append-only journal.
 *
 * <p><b>Frame format</b> (both files): {@code int length, int crc32(payload), payload}, big-endian.
 * Payload: {@code byte op}, {@code int count}, then {@code count} entries:
 *
 * <ul>
 *   <li>1 = put: per record the kind name, the id, the fingerprint, a flags byte (bit 0: a
 *       Mailchimp id follows, bit 1: a memo follows; files written before memos hold 0 or 1 there,
 *       the {@code boolean} they were written as), then the Mailchimp id and the memo when present
 *       (the snapshot is made of put frames);
 *   <li>2 = remove: per record the kind name and the id (written by older versions, still read);
 *   <li>3 = clear kinds: the kind names whose states are all removed;
 *   <li>4 = commit: {@code count} puts as in op 1, then {@code int} removals and that many removals
 *       as in op 2; the puts are applied first, so a key in both ends removed.
 * </ul>
 *
 * Each string is an {@code int length} plus UTF-8 bytes.
 *
 * <p><b>Writes</b>: each commit's states are one frame (op 4), each forget of a connection's states
 * one frame (op 3), appended and forced to disk; a frame is applied entirely on replay or not at
 * all, and a checkpoint costs the size of the changed states, never the size of the whole state.
 *
 * <p><b>Recovery</b>: on open the snapshot is read, then the journal frame by frame; the first frame
 * that is incomplete or fails its CRC marks a torn tail (a crash during an append): it and anything
 * after it are cut off, so the state is exactly that of the last complete call.
 *
 * <p><b>Compaction</b>: when the journal outgrows both a threshold and the snapshot, all states are
 * written to {@code states.snapshot.tmp}, forced, renamed over {@code states.snapshot} (atomic), and
 * the journal is emptied. In the background variant the journal is first renamed to {@code
 * states.journal.old} and appends continue in a new journal while the snapshot is written from a
 * point-in-time copy; the old journal is deleted once the snapshot is in place. On open the
 * snapshot is read, then the old journal if it is still there, then the journal. A crash after the
 * snapshot was renamed but before a journal was removed replays that journal over the new
 * snapshot, which yields the same state (each key's last operation wins in both).
 */
public final class StateJournal implements AutoCloseable {

  /** The snapshot file name. */
  public static final String SNAPSHOT = "states.snapshot";
  /** The journal file name. */
  public static final String JOURNAL = "states.journal";
  /** The previous journal while a background compaction turns it into a snapshot. */
  public static final String JOURNAL_OLD = "states.journal.old";

  private static final byte PUT = 1;
  private static final byte REMOVE = 2;
  private static final byte CLEAR_KINDS = 3;
  private static final byte COMMIT = 4;
  private static final int HAS_MAILCHIMP_ID = 1;
  private static final int HAS_MEMO = 2;
  private static final int MAX_FRAME = 256 * 1024 * 1024;
  private static final int SNAPSHOT_CHUNK = 10_000;

  private final Path dir;
  private final boolean fsync;
  private final long compactionThreshold;
  private FileChannel journal;
  private long journalSize;
  private volatile long snapshotSize;
  private volatile boolean compacting;

  private StateJournal(Path dir, boolean fsync, long compactionThreshold, FileChannel journal,
      long journalSize, long snapshotSize) {
    this.dir = dir;
    this.fsync = fsync;
    this.compactionThreshold = compactionThreshold;
    this.journal = journal;
    this.journalSize = journalSize;
    this.snapshotSize = snapshotSize;
  }

  /**
   * Opens (or creates) the files in a folder and loads every state into {@code table}.
   *
   * @param dir the connection folder (must exist)
   * @param table where states are loaded
   * @param fsync whether appends are forced to disk
   * @param compactionThreshold journal size in bytes above which compaction is considered
   * @return the open journal
   * @throws IOException on I/O failure
   * @throws CorruptSnapshotException if the snapshot does not read back
   */
  public static StateJournal open(Path dir, ConnectionTable table, boolean fsync,
      long compactionThreshold) throws IOException {
    Path snapshot = dir.resolve(SNAPSHOT);
    long snapshotSize = 0;
    if (Files.exists(snapshot)) {
      snapshotSize = Files.size(snapshot);
      long good = replay(snapshot, table);
      if (good != snapshotSize) {
        throw new CorruptSnapshotException(snapshot + " is damaged at byte " + good);
      }
    }
    Path old = dir.resolve(JOURNAL_OLD);
    if (Files.exists(old)) {
      replay(old, table); // a compaction was interrupted: the old journal still counts
    }
    Path journalFile = dir.resolve(JOURNAL);
    long good = Files.exists(journalFile) ? replay(journalFile, table) : 0;
    FileChannel ch =
        FileChannel.open(
            journalFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    if (ch.size() > good) {
      ch.truncate(good); // drop a torn tail so that new frames follow the last complete one
      ch.force(true);
    }
    ch.position(good);
    return new StateJournal(dir, fsync, compactionThreshold, ch, good, snapshotSize);
  }

  /** Thrown when a snapshot, which is only ever renamed into place complete, does not read back. */
  public static final class CorruptSnapshotException extends IOException {
    private static final long serialVersionUID = 1L;

    CorruptSnapshotException(String message) {
      super(message);
    }
  }

  /**
   * Appends one commit frame: the puts, then the removals, applied together on replay.
   *
   * @param puts the states to insert or replace, in order
   * @param removals the keys to remove after the puts
   * @throws IOException on failure (nothing is applied then)
   */
  public void appendCommit(Collection<RecordState> puts, Collection<RecordKey> removals)
      throws IOException {
    ByteArrayOutputStream bytes =
        new ByteArrayOutputStream(64 + puts.size() * 96 + removals.size() * 32);
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeByte(COMMIT);
    out.writeInt(puts.size());
    for (RecordState s : puts) {
      writeString(out, s.key().kind().name());
      writeString(out, s.key().id());
      writeString(out, s.fingerprint());
      writeOptionals(out, s.mailchimpId().orElse(null), s.memo().orElse(null));
    }
    out.writeInt(removals.size());
    for (RecordKey k : removals) {
      writeString(out, k.kind().name());
      writeString(out, k.id());
    }
    append(bytes.toByteArray());
  }

  /**
   * Appends one frame that removes every state of the given kinds.
   *
   * @param kinds the kinds
   * @throws IOException on failure
   */
  public void appendClear(Collection<RecordKind> kinds) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + kinds.size() * 16);
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeByte(CLEAR_KINDS);
    out.writeInt(kinds.size());
    for (RecordKind kind : kinds) {
      writeString(out, kind.name());
    }
    append(bytes.toByteArray());
  }

  private void append(byte[] payload) throws IOException {
    long start = journalSize;
    try {
      ByteBuffer frame = frame(payload);
      while (frame.hasRemaining()) {
        journal.write(frame);
      }
      if (fsync) {
        journal.force(false);
      }
      journalSize += 8 + payload.length;
    } catch (IOException e) {
      // Undo a partial append so that the next frame does not follow garbage.
      try {
        journal.truncate(start);
        journal.position(start);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /**
   * Whether the journal has grown enough to be compacted.
   *
   * @return true when it exceeds the threshold and the snapshot size
   */
  public boolean needsCompaction() {
    return !compacting && journalSize > compactionThreshold && journalSize > snapshotSize;
  }

  /**
   * Whether an old journal is left over (an interrupted or failed background compaction); it is
   * merged by the next {@link #compact}.
   *
   * @return true when {@value #JOURNAL_OLD} exists and no compaction is running
   */
  public boolean hasOldJournal() {
    return !compacting && Files.exists(dir.resolve(JOURNAL_OLD));
  }

  /**
   * Compacts in the calling thread: writes every state of {@code table} as a new snapshot, then
   * removes the old journal and empties the journal.
   *
   * @param table the current states (equal to snapshot plus journals)
   * @throws IOException on failure (the old snapshot and journals stay valid)
   */
  public void compact(ConnectionTable table) throws IOException {
    writeSnapshot(table.copyRaw());
    Files.deleteIfExists(dir.resolve(JOURNAL_OLD));
    journal.truncate(0);
    journal.position(0);
    journal.force(true);
    journalSize = 0;
  }

  /**
   * Starts a compaction that runs mostly off the caller's thread. In the caller (under the store's
   * lock): the journal is renamed to {@value #JOURNAL_OLD}, a new empty journal is opened for
   * further appends, and the states' references are copied. The returned task then writes the
   * snapshot from that copy, renames it into place and deletes the old journal. A crash at any
   * point reopens correctly: snapshot, then old journal (if still there), then journal.
   *
   * @param table the current states
   * @param onFailure receives a failure of the task (the files then stay valid; the next
   *     compaction merges the old journal in the caller's thread)
   * @return the task to run in the background
   * @throws IOException if the rotation fails (nothing changed then, or the store must reopen)
   */
  public Runnable startBackgroundCompaction(
      ConnectionTable table, java.util.function.Consumer<IOException> onFailure)
      throws IOException {
    Path journalFile = dir.resolve(JOURNAL);
    journal.force(true);
    journal.close();
    Files.move(journalFile, dir.resolve(JOURNAL_OLD), StandardCopyOption.ATOMIC_MOVE);
    journal =
        FileChannel.open(
            journalFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
            StandardOpenOption.WRITE);
    AtomicFiles.forceDirectory(dir);
    journalSize = 0;
    compacting = true;
    ConnectionTable.RawCopy copy = table.copyRaw();
    return () -> {
      try {
        writeSnapshot(copy);
        Files.delete(dir.resolve(JOURNAL_OLD));
        AtomicFiles.forceDirectory(dir);
      } catch (IOException e) {
        onFailure.accept(e);
      } finally {
        compacting = false;
      }
    };
  }

  private void writeSnapshot(ConnectionTable.RawCopy copy) throws IOException {
    Path tmp = dir.resolve(SNAPSHOT + ".tmp");
    Files.deleteIfExists(tmp);
    try (FileChannel ch =
        FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      SnapshotWriter writer = new SnapshotWriter(ch);
      copy.forEach(writer::add);
      writer.flush();
      ch.force(true);
    }
    Files.move(tmp, dir.resolve(SNAPSHOT), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    AtomicFiles.forceDirectory(dir);
    snapshotSize = Files.size(dir.resolve(SNAPSHOT));
  }

  /**
   * The current journal size.
   *
   * @return bytes
   */
  public long journalSize() {
    return journalSize;
  }

  /**
   * The current snapshot size.
   *
   * @return bytes
   */
  public long snapshotSize() {
    return snapshotSize;
  }

  @Override
  public void close() throws IOException {
    journal.close();
  }

  /** Accumulates raw states into put frames of {@link #SNAPSHOT_CHUNK} records. */
  private static final class SnapshotWriter {
    private final FileChannel ch;
    private ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private DataOutputStream out = new DataOutputStream(bytes);
    private int count;

    SnapshotWriter(FileChannel ch) {
      this.ch = ch;
    }

    void add(RecordKind kind, String id, String fingerprint, String mailchimpId, String memo) {
      try {
        writeString(out, kind.name());
        writeString(out, id);
        writeString(out, fingerprint);
        writeOptionals(out, mailchimpId, memo);
        if (++count == SNAPSHOT_CHUNK) {
          flush();
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    void flush() throws IOException {
      if (count == 0) {
        return;
      }
      byte[] body = bytes.toByteArray();
      ByteBuffer payload = ByteBuffer.allocate(5 + body.length);
      payload.put(PUT).putInt(count).put(body);
      ByteBuffer frame = frame(payload.array());
      while (frame.hasRemaining()) {
        ch.write(frame);
      }
      bytes = new ByteArrayOutputStream();
      out = new DataOutputStream(bytes);
      count = 0;
    }
  }

  private static ByteBuffer frame(byte[] payload) {
    CRC32 crc = new CRC32();
    crc.update(payload);
    ByteBuffer frame = ByteBuffer.allocate(8 + payload.length);
    frame.putInt(payload.length).putInt((int) crc.getValue()).put(payload).flip();
    return frame;
  }

  /** Applies complete frames of a file to the table; returns the offset after the last one. */
  private static long replay(Path file, ConnectionTable table) throws IOException {
    long good = 0;
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        DataInputStream in = new DataInputStream(raw)) {
      while (true) {
        int length;
        int crc;
        try {
          length = in.readInt();
          crc = in.readInt();
        } catch (EOFException e) {
          return good;
        }
        if (length < 5 || length > MAX_FRAME) {
          return good;
        }
        byte[] payload = new byte[length];
        try {
          in.readFully(payload);
        } catch (EOFException e) {
          return good;
        }
        CRC32 check = new CRC32();
        check.update(payload);
        if ((int) check.getValue() != crc) {
          return good;
        }
        apply(payload, table);
        good += 8 + length;
      }
    }
  }

  private static void apply(byte[] payload, ConnectionTable table) throws IOException {
    DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(payload));
    byte op = in.readByte();
    int count = in.readInt();
    if (op == CLEAR_KINDS) {
      for (int i = 0; i < count; i++) {
        table.clear(RecordKind.valueOf(readString(in)));
      }
    } else if (op == PUT) {
      readPuts(in, count, table);
    } else if (op == REMOVE) {
      readRemovals(in, count, table);
    } else if (op == COMMIT) {
      readPuts(in, count, table);
      readRemovals(in, in.readInt(), table);
    } else {
      throw new IOException("unknown journal operation " + op);
    }
  }

  private static void readPuts(DataInputStream in, int count, ConnectionTable table)
      throws IOException {
    for (int i = 0; i < count; i++) {
      RecordKind kind = RecordKind.valueOf(readString(in));
      String id = readString(in);
      String fingerprint = readString(in);
      byte flags = in.readByte();
      String mailchimpId = (flags & HAS_MAILCHIMP_ID) != 0 ? readString(in) : null;
      String memo = (flags & HAS_MEMO) != 0 ? readString(in) : null;
      table.put(kind, id, fingerprint, mailchimpId, memo);
    }
  }

  private static void readRemovals(DataInputStream in, int count, ConnectionTable table)
      throws IOException {
    for (int i = 0; i < count; i++) {
      RecordKind kind = RecordKind.valueOf(readString(in));
      table.remove(kind, readString(in));
    }
  }

  /** The flags byte, then the Mailchimp id and the memo when present. */
  private static void writeOptionals(DataOutputStream out, String mailchimpId, String memo) throws IOException {
    out.writeByte((mailchimpId != null ? HAS_MAILCHIMP_ID : 0) | (memo != null ? HAS_MEMO : 0));
    if (mailchimpId != null) {
      writeString(out, mailchimpId);
    }
    if (memo != null) {
      writeString(out, memo);
    }
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > MAX_FRAME) {
      throw new IOException("bad string length " + n);
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
