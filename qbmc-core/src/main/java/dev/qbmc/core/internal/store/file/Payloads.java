package dev.qbmc.core.internal.store.file;

import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.RecordState;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * Frame payloads (unchanged since the first file format): {@code byte op}, {@code int count}, then
 * {@code count} entries:
 *
 * <ul>
 *   <li>1 = put: per record the kind name, the id, the fingerprint, a flags byte (bit 0: a
 *       Mailchimp id follows, bit 1: a memo follows), then the Mailchimp id and the memo when
 *       present (snapshots are made of put frames);
 *   <li>2 = remove: per record the kind name and the id (written by older versions, still read);
 *   <li>3 = clear kinds: the kind names whose states are all removed;
 *   <li>4 = commit: {@code count} puts as in op 1, then {@code int} removals and that many removals
 *       as in op 2; the puts are applied first, so a key in both ends removed.
 * </ul>
 *
 * Each string is an {@code int length} plus UTF-8 bytes.
 */
final class Payloads {

  static final byte PUT = 1;
  static final byte REMOVE = 2;
  static final byte CLEAR_KINDS = 3;
  static final byte COMMIT = 4;
  static final int HAS_MAILCHIMP_ID = 1;
  static final int HAS_MEMO = 2;

  private Payloads() {}

  /** Receives the operations of a payload, each put with its offset in the payload. */
  interface OpVisitor {
    void put(RecordKind kind, String id, int offset) throws IOException;

    void remove(RecordKind kind, String id) throws IOException;

    void clear(RecordKind kind) throws IOException;
  }

  /** An encoded payload with the offset of each put record in it. */
  record Encoded(byte[] bytes, int length, int[] putOffsets) {}

  /** A byte stream that exposes its buffer (no copy). */
  static final class Bytes extends ByteArrayOutputStream {
    Bytes(int size) {
      super(size);
    }

    byte[] buffer() {
      return buf;
    }
  }

  static Encoded commit(Collection<RecordState> puts, Collection<RecordKey> removals) throws IOException {
    Bytes bytes = new Bytes(64 + puts.size() * 160 + removals.size() * 32);
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeByte(COMMIT);
    out.writeInt(puts.size());
    int[] offsets = new int[puts.size()];
    int i = 0;
    for (RecordState s : puts) {
      offsets[i++] = bytes.size();
      writeRecord(out, s);
    }
    out.writeInt(removals.size());
    for (RecordKey k : removals) {
      writeString(out, k.kind().name());
      writeString(out, k.id());
    }
    return new Encoded(bytes.buffer(), bytes.size(), offsets);
  }

  static Encoded clear(Collection<RecordKind> kinds) throws IOException {
    Bytes bytes = new Bytes(32 + kinds.size() * 16);
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeByte(CLEAR_KINDS);
    out.writeInt(kinds.size());
    for (RecordKind kind : kinds) {
      writeString(out, kind.name());
    }
    return new Encoded(bytes.buffer(), bytes.size(), new int[0]);
  }

  static void writeRecord(DataOutputStream out, RecordState s) throws IOException {
    writeString(out, s.key().kind().name());
    writeString(out, s.key().id());
    writeString(out, s.fingerprint());
    String mailchimpId = s.mailchimpId().orElse(null);
    String memo = s.memo().orElse(null);
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

  /**
   * Visits the operations of a payload whose CRC matched.
   *
   * @throws IOException when it does not parse (a format error, not a torn write)
   */
  static void visit(byte[] payload, OpVisitor visitor) throws IOException {
    ByteBuffer in = ByteBuffer.wrap(payload);
    try {
      byte op = in.get();
      int count = in.getInt();
      if (op == CLEAR_KINDS) {
        for (int i = 0; i < count; i++) {
          visitor.clear(kind(readString(in)));
        }
      } else if (op == PUT) {
        readPuts(in, count, visitor);
      } else if (op == REMOVE) {
        readRemovals(in, count, visitor);
      } else if (op == COMMIT) {
        readPuts(in, count, visitor);
        readRemovals(in, in.getInt(), visitor);
      } else {
        throw new IOException("unknown state operation " + op);
      }
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      throw new IOException("a state frame does not parse (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  private static void readPuts(ByteBuffer in, int count, OpVisitor visitor) throws IOException {
    for (int i = 0; i < count; i++) {
      int at = in.position();
      RecordKind kind = kind(readString(in));
      String id = readString(in);
      skipString(in); // fingerprint
      byte flags = in.get();
      if ((flags & HAS_MAILCHIMP_ID) != 0) {
        skipString(in);
      }
      if ((flags & HAS_MEMO) != 0) {
        skipString(in);
      }
      visitor.put(kind, id, at);
    }
  }

  private static void readRemovals(ByteBuffer in, int count, OpVisitor visitor) throws IOException {
    for (int i = 0; i < count; i++) {
      RecordKind kind = kind(readString(in));
      visitor.remove(kind, readString(in));
    }
  }

  static RecordKind kind(String name) {
    return RecordKind.valueOf(name);
  }

  static String readString(ByteBuffer in) {
    int n = in.getInt();
    if (n < 0 || n > in.remaining()) {
      throw new IllegalArgumentException("bad string length");
    }
    String s = new String(in.array(), in.arrayOffset() + in.position(), n, StandardCharsets.UTF_8);
    in.position(in.position() + n);
    return s;
  }

  private static void skipString(ByteBuffer in) {
    int n = in.getInt();
    if (n < 0 || n > in.remaining()) {
      throw new IllegalArgumentException("bad string length");
    }
    in.position(in.position() + n);
  }
}
