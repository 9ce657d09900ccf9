package dev.qbmc.core.internal.store.file;

import java.io.IOException;
import java.nio.file.Path;

/** A state file that was written completely does not read back; names the file and the offset. */
public final class CorruptFileException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The damaged file. */
  private final transient Path file;
  /** The offset of the first damaged byte. */
  private final long offset;

  CorruptFileException(Path file, long offset, String what) {
    super("state file " + file + " is damaged at byte " + offset + ": " + what);
    this.file = file;
    this.offset = offset;
  }

  /**
   * The damaged file.
   *
   * @return its path
   */
  public Path file() {
    return file;
  }

  /**
   * Where the damage starts.
   *
   * @return the byte offset
   */
  public long offset() {
    return offset;
  }
}
