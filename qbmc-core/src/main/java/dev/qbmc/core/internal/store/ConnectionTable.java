package dev.qbmc.core.internal.store;

import dev.qbmc.core.model.ConnectionStatus;
import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.RecordState;
import dev.qbmc.core.spi.Checkpoint;
import dev.qbmc.core.spi.Connection;
import dev.qbmc.core.spi.Lease;
import dev.qbmc.core.spi.SyncCursor;
import dev.qbmc.core.spi.SyncRunRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Everything the embedded stores hold in memory for one connection (the file store uses it for all
 * but the record states, which it keeps in {@code file.StateFiles}). Record states are kept per
 * kind in a compact form (id to one packed array of fingerprint and Mailchimp id) to save heap. Not thread-safe: the
 * stores lock around it.
 */
public final class ConnectionTable {

  /**
   * A stored record state without its key, packed into one array to save heap (about 80 bytes per
   * state less than two strings and a holder): {@code int fingerprint length, fingerprint UTF-8,
   * Mailchimp id UTF-8} where a length of {@code -1 - n} marks "no Mailchimp id". A state with a
   * memo starts with the byte {@code 0x7f} instead (no plain header does: fingerprints are short),
   * then {@code int fingerprint length, int Mailchimp id length (-1: none), fingerprint, Mailchimp
   * id, memo}.
   */
  private static final class Entry {
    private static final byte WITH_MEMO = 0x7f;

    private Entry() {}

    static byte[] pack(String fingerprint, String mailchimpId, String memo) {
      byte[] fp = fingerprint.getBytes(StandardCharsets.UTF_8);
      byte[] mc = mailchimpId == null ? new byte[0] : mailchimpId.getBytes(StandardCharsets.UTF_8);
      if (memo != null) {
        byte[] m = memo.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[9 + fp.length + mc.length + m.length];
        out[0] = WITH_MEMO;
        putInt(out, 1, fp.length);
        putInt(out, 5, mailchimpId == null ? -1 : mc.length);
        System.arraycopy(fp, 0, out, 9, fp.length);
        System.arraycopy(mc, 0, out, 9 + fp.length, mc.length);
        System.arraycopy(m, 0, out, 9 + fp.length + mc.length, m.length);
        return out;
      }
      byte[] out = new byte[4 + fp.length + mc.length];
      putInt(out, 0, mailchimpId == null ? -1 - fp.length : fp.length);
      System.arraycopy(fp, 0, out, 4, fp.length);
      System.arraycopy(mc, 0, out, 4 + fp.length, mc.length);
      return out;
    }

    private static void putInt(byte[] e, int at, int value) {
      e[at] = (byte) (value >>> 24);
      e[at + 1] = (byte) (value >>> 16);
      e[at + 2] = (byte) (value >>> 8);
      e[at + 3] = (byte) value;
    }

    private static int getInt(byte[] e, int at) {
      return (e[at] & 0xff) << 24 | (e[at + 1] & 0xff) << 16 | (e[at + 2] & 0xff) << 8 | (e[at + 3] & 0xff);
    }

    static String fingerprint(byte[] e) {
      if (e[0] == WITH_MEMO) {
        return new String(e, 9, getInt(e, 1), StandardCharsets.UTF_8);
      }
      int h = getInt(e, 0);
      int len = h < 0 ? -1 - h : h;
      return new String(e, 4, len, StandardCharsets.UTF_8);
    }

    static String mailchimpId(byte[] e) {
      if (e[0] == WITH_MEMO) {
        int mc = getInt(e, 5);
        return mc < 0 ? null : new String(e, 9 + getInt(e, 1), mc, StandardCharsets.UTF_8);
      }
      int h = getInt(e, 0);
      if (h < 0) {
        return null;
      }
      return new String(e, 4 + h, e.length - 4 - h, StandardCharsets.UTF_8);
    }

    static String memo(byte[] e) {
      if (e[0] != WITH_MEMO) {
        return null;
      }
      int from = 9 + getInt(e, 1) + Math.max(0, getInt(e, 5));
      return new String(e, from, e.length - from, StandardCharsets.UTF_8);
    }

    static RecordState state(RecordKey key, byte[] e) {
      return RecordState.of(key, fingerprint(e), mailchimpId(e), memo(e));
    }
  }

  private final Map<RecordKind, HashMap<String, byte[]>> states = new EnumMap<>(RecordKind.class);
  private Connection connection;
  private SyncCursor cursor;
  private Lease lease;
  private long lastLeaseToken;
  private final Map<String, SyncRunRecord> runs = new LinkedHashMap<>();

  /**
   * The connection.
   *
   * @return the connection, or null
   */
  public Connection connection() {
    return connection;
  }

  /**
   * Sets the connection.
   *
   * @param connection the connection
   */
  public void connection(Connection connection) {
    this.connection = connection;
  }

  /**
   * The cursor.
   *
   * @return the cursor, or null
   */
  public SyncCursor cursor() {
    return cursor;
  }

  /**
   * Sets the cursor.
   *
   * @param cursor the cursor
   */
  public void cursor(SyncCursor cursor) {
    this.cursor = cursor;
  }

  /**
   * The stored lease.
   *
   * @return the lease, or null
   */
  public Lease lease() {
    return lease;
  }

  /**
   * Sets or clears the lease; remembers its token so that tokens keep increasing.
   *
   * @param lease the lease, or null
   */
  public void lease(Lease lease) {
    this.lease = lease;
    if (lease != null) {
      lastLeaseToken = Math.max(lastLeaseToken, lease.token());
    }
  }

  /**
   * The last lease token handed out.
   *
   * @return the token, 0 if none
   */
  public long lastLeaseToken() {
    return lastLeaseToken;
  }

  /**
   * Restores the last lease token (loading from disk).
   *
   * @param token the token
   */
  public void lastLeaseToken(long token) {
    lastLeaseToken = Math.max(lastLeaseToken, token);
  }

  /**
   * Whether a fenced write under {@code held} is allowed: the stored lease is the one held (same
   * token and owner; expiry is not checked) and the connection exists with status {@link
   * ConnectionStatus#CONNECTED}.
   *
   * @param held the lease the writer holds
   * @return true when the write may proceed
   */
  public boolean admits(Lease held) {
    return LeaseTable.isHeld(lease, held)
        && connection != null
        && connection.status() == ConnectionStatus.CONNECTED;
  }

  /**
   * The connection as a checkpoint's end of the first full sync leaves it.
   *
   * @param at when the first full sync finished
   * @return the connection with {@code fullSyncDone} set and {@code updatedAt} = {@code at}
   * @throws IllegalStateException if there is no connection
   */
  public Connection withFullSyncDone(Instant at) {
    if (connection == null) {
      throw new IllegalStateException("no connection");
    }
    return Connection.builder().from(connection).fullSyncDone(true).updatedAt(at).build();
  }

  /**
   * Applies a checkpoint's record states: the puts in order, then the removals (a key in both ends
   * removed).
   *
   * @param checkpoint the checkpoint
   */
  public void applyStates(Checkpoint checkpoint) {
    checkpoint.puts().forEach(this::put);
    checkpoint.removals().forEach(k -> remove(k.kind(), k.id()));
  }

  /**
   * Applies a whole checkpoint: states, cursor, the end of the first full sync and the run.
   *
   * @param checkpoint the checkpoint
   * @param keepRuns how many runs to keep
   */
  public void apply(Checkpoint checkpoint, int keepRuns) {
    applyStates(checkpoint);
    checkpoint.cursor().ifPresent(this::cursor);
    checkpoint.fullSyncDoneAt().ifPresent(at -> connection(withFullSyncDone(at)));
    checkpoint.run().ifPresent(r -> recordRun(r, keepRuns));
  }

  /** Forgets the cursor only (the file store keeps record states in its state files). */
  public void clearCursor() {
    cursor = null;
  }

  /** Forgets the cursor and every record state. */
  public void clearSyncState() {
    cursor = null;
    for (RecordKind kind : RecordKind.values()) {
      clear(kind);
    }
  }

  /**
   * Whether nothing but record states is stored (no connection, cursor, lease or run).
   *
   * @return true when empty
   */
  public boolean isEmpty() {
    return connection == null && cursor == null && lease == null && runs.isEmpty() && countAll() == 0;
  }

  /** Creates an empty table. */
  public ConnectionTable() {
    for (RecordKind kind : RecordKind.values()) {
      states.put(kind, new HashMap<>());
    }
  }

  /**
   * Looks states up.
   *
   * @param keys the keys
   * @return the states found
   */
  public Map<RecordKey, RecordState> get(Collection<RecordKey> keys) {
    Map<RecordKey, RecordState> found = new HashMap<>();
    for (RecordKey key : keys) {
      Args.notNull(key, "key");
      byte[] e = states.get(key.kind()).get(key.id());
      if (e != null) {
        found.put(key, Entry.state(key, e));
      }
    }
    return found;
  }

  /**
   * Stores a state.
   *
   * @param state the state
   */
  public void put(RecordState state) {
    states
        .get(state.key().kind())
        .put(state.key().id(),
            Entry.pack(state.fingerprint(), state.mailchimpId().orElse(null), state.memo().orElse(null)));
  }

  /**
   * Stores a state from its parts (journal replay).
   *
   * @param kind the kind
   * @param id the id
   * @param fingerprint the fingerprint
   * @param mailchimpId the Mailchimp id, or null
   * @param memo the memo, or null
   */
  public void put(RecordKind kind, String id, String fingerprint, String mailchimpId, String memo) {
    states.get(kind).put(id, Entry.pack(fingerprint, mailchimpId, memo));
  }

  /**
   * Removes every state of a kind.
   *
   * @param kind the kind
   */
  public void clear(RecordKind kind) {
    states.put(kind, new HashMap<>());
  }

  /**
   * Removes a state.
   *
   * @param kind the kind
   * @param id the id
   */
  public void remove(RecordKind kind, String id) {
    states.get(kind).remove(id);
  }

  /**
   * Streams the states of one kind as they are now. Only the references to the ids and packed
   * entries are copied (16 bytes per state; entries are never mutated, only replaced), and each
   * {@link RecordState} is created as the stream reaches it, so streaming a million states does
   * not build a million values at once.
   *
   * @param kind the kind
   * @return a lazy stream over a point-in-time copy
   */
  public Stream<RecordState> snapshot(RecordKind kind) {
    HashMap<String, byte[]> map = states.get(kind);
    String[] ids = new String[map.size()];
    byte[][] entries = new byte[map.size()][];
    int i = 0;
    for (Map.Entry<String, byte[]> e : map.entrySet()) {
      ids[i] = e.getKey();
      entries[i++] = e.getValue();
    }
    return IntStream.range(0, ids.length)
        .mapToObj(
            j -> Entry.state(RecordKey.of(kind, ids[j]), entries[j]));
  }

  /**
   * Copies the references to every id and packed entry (16 bytes per state; entries are never
   * mutated, only replaced), so that a snapshot can be written without holding the store's lock.
   *
   * @return the point-in-time copy
   */
  public RawCopy copyRaw() {
    Map<RecordKind, String[]> ids = new EnumMap<>(RecordKind.class);
    Map<RecordKind, byte[][]> entries = new EnumMap<>(RecordKind.class);
    for (Map.Entry<RecordKind, HashMap<String, byte[]>> k : states.entrySet()) {
      HashMap<String, byte[]> map = k.getValue();
      String[] i = new String[map.size()];
      byte[][] e = new byte[map.size()][];
      int n = 0;
      for (Map.Entry<String, byte[]> entry : map.entrySet()) {
        i[n] = entry.getKey();
        e[n++] = entry.getValue();
      }
      ids.put(k.getKey(), i);
      entries.put(k.getKey(), e);
    }
    return new RawCopy(ids, entries);
  }

  /** A point-in-time copy of all states, readable from any thread. */
  public static final class RawCopy {
    private final Map<RecordKind, String[]> ids;
    private final Map<RecordKind, byte[][]> entries;

    private RawCopy(Map<RecordKind, String[]> ids, Map<RecordKind, byte[][]> entries) {
      this.ids = ids;
      this.entries = entries;
    }

    /**
     * Visits every copied state.
     *
     * @param visitor receives kind, id, fingerprint, Mailchimp id (or null), memo (or null)
     */
    public void forEach(RawVisitor visitor) {
      for (Map.Entry<RecordKind, String[]> k : ids.entrySet()) {
        String[] i = k.getValue();
        byte[][] e = entries.get(k.getKey());
        for (int n = 0; n < i.length; n++) {
          visitor.visit(k.getKey(), i[n], Entry.fingerprint(e[n]), Entry.mailchimpId(e[n]), Entry.memo(e[n]));
        }
      }
    }
  }

  /** Receives raw states. */
  @FunctionalInterface
  public interface RawVisitor {
    /**
     * Visits one state.
     *
     * @param kind the kind
     * @param id the id
     * @param fingerprint the fingerprint
     * @param mailchimpId the Mailchimp id, or null
     * @param memo the memo, or null
     */
    void visit(RecordKind kind, String id, String fingerprint, String mailchimpId, String memo);
  }

  /**
   * Counts states of a kind.
   *
   * @param kind the kind
   * @return the count
   */
  public long count(RecordKind kind) {
    return states.get(kind).size();
  }

  /**
   * Counts all states.
   *
   * @return the count
   */
  public long countAll() {
    long n = 0;
    for (HashMap<String, byte[]> m : states.values()) {
      n += m.size();
    }
    return n;
  }

  /**
   * Records a run, keeping the most recent {@code keep} by start time.
   *
   * @param run the run
   * @param keep how many to keep
   */
  public void recordRun(SyncRunRecord run, int keep) {
    runs.put(run.runId(), run);
    if (runs.size() > keep) {
      List<SyncRunRecord> sorted = recent(Integer.MAX_VALUE);
      runs.clear();
      for (SyncRunRecord r : sorted.subList(0, keep)) {
        runs.put(r.runId(), r);
      }
    }
  }

  /**
   * The most recent runs, newest start first.
   *
   * @param limit the maximum
   * @return the runs
   */
  public List<SyncRunRecord> recent(int limit) {
    List<SyncRunRecord> sorted = new ArrayList<>(runs.values());
    sorted.sort(
        Comparator.comparing(SyncRunRecord::startedAt)
            .reversed()
            .thenComparing(SyncRunRecord::runId));
    return sorted.size() > limit ? new ArrayList<>(sorted.subList(0, limit)) : sorted;
  }
}
