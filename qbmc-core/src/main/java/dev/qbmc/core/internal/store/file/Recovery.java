package dev.qbmc.core.internal.store.file;

import dev.qbmc.core.internal.store.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites the damaged state files of a connection folder keeping every valid frame: a scan
 * resynchronises on the next frame magic whose frame passes its CRC, so one damaged frame costs
 * that frame only. Files of the first format cannot be resynchronised and are left alone.
 */
public final class Recovery {

  /** What recovering one file did. */
  public record FileResult(Path file, long framesKept, long framesLost, long bytesDropped, boolean rewritten) {}

  private Recovery() {}

  /**
   * Recovers the state files of one connection folder (which nobody may have open).
   *
   * @param dir the connection folder
   * @return one result per state file present
   * @throws IOException on I/O failure
   */
  public static List<FileResult> recover(Path dir) throws IOException {
    List<FileResult> out = new ArrayList<>();
    for (String name : List.of(StateFiles.SNAPSHOT, StateFiles.JOURNAL_OLD, StateFiles.JOURNAL)) {
      Path file = dir.resolve(name);
      if (Files.exists(file)) {
        out.add(recoverFile(file));
      }
    }
    return out;
  }

  private static FileResult recoverFile(Path file) throws IOException {
    List<byte[]> frames = new ArrayList<>();
    FrameScanner.Result r;
    long size;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      size = ch.size();
      r = FrameScanner.scan(file, ch, false, (offset, payload) -> frames.add(payload));
    }
    long tail = size - r.end();
    // Bytes skipped inside the file plus a torn tail (which a torn append leaves: not a lost frame).
    long dropped = r.bytesLost() + Math.max(0, tail);
    if (!r.version2() || dropped == 0) {
      return new FileResult(file, r.frames(), 0, 0, false);
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".recovered");
    Files.deleteIfExists(tmp);
    try (FileChannel ch = FileChannel.open(tmp,
        java.util.EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), AtomicFiles.ownerOnlyFile())) {
      Frames.writeFully(ch, ByteBuffer.wrap(Frames.HEADER));
      for (byte[] payload : frames) {
        Frames.writeFully(ch, Frames.frame(payload, payload.length));
      }
      ch.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    AtomicFiles.forceDirectory(file.getParent());
    return new FileResult(file, r.frames(), r.framesLost(), dropped, true);
  }
}
