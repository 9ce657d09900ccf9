package dev.qbmc.core.internal.store.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a snapshot file: the header, then put frames of up to {@value #CHUNK} records copied byte
 * for byte from where the index says they are, remembering where each record lands.
 */
final class SnapshotWriter {

  private static final int CHUNK = 10_000;
  private static final int MAX_BODY = 8 * 1024 * 1024;
  private static final dev.qbmc.core.model.RecordKind[] KINDS = dev.qbmc.core.model.RecordKind.values();

  private SnapshotWriter() {}

  /**
   * Writes and forces {@code target} (which must not exist).
   *
   * @param target the new file
   * @param sources the open state files by file number (1 to 3; null when absent)
   * @param sorted the locations of the states to copy, sorted
   * @return the location of each copied state in the new file (file {@code snapshotFile})
   * @throws IOException on failure
   */
  static long[] write(Path target, FileChannel[] sources, long[] sorted, int snapshotFile) throws IOException {
    RecordReader[] readers = new RecordReader[sources.length];
    for (int f = 0; f < sources.length; f++) {
      readers[f] = sources[f] == null ? null : new RecordReader(sources[f], 1 << 18);
    }
    long[] moved = new long[sorted.length];
    try (FileChannel out = FileChannel.open(target,
        java.util.EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
        dev.qbmc.core.internal.store.AtomicFiles.ownerOnlyFile())) {
      Frames.writeFully(out, ByteBuffer.wrap(Frames.HEADER));
      long pos = Frames.HEADER.length;
      Payloads.Bytes body = new Payloads.Bytes(1 << 20);
      int i = 0;
      while (i < sorted.length) {
        body.reset();
        body.write(Payloads.PUT);
        body.write(new byte[4]); // the count, set below
        int count = 0;
        while (i < sorted.length && count < CHUNK && body.size() < MAX_BODY) {
          long l = sorted[i];
          RecordReader r = readers[StateIndex.file(l)];
          if (r == null) {
            throw new IOException("a state points into a missing file " + StateIndex.file(l));
          }
          long at = StateIndex.offset(l);
          int n = r.length(at);
          long offset = pos + Frames.FRAME_HEADER + body.size();
          moved[i] = StateIndex.location(KINDS[StateIndex.kind(l)], snapshotFile, offset);
          r.copy(at, n, body);
          count++;
          i++;
        }
        ByteBuffer.wrap(body.buffer()).putInt(1, count);
        ByteBuffer frame = Frames.frame(body.buffer(), body.size());
        pos += frame.remaining();
        Frames.writeFully(out, frame);
      }
      out.force(true);
    }
    return moved;
  }
}
