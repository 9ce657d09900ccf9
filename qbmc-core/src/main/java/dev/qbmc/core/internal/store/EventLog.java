package dev.qbmc.core.internal.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * The seen webhook event ids of one scope on disk: an append-only text file, one line {@code
 * <epoch millis> <base64url event id>} per event, rewritten (atomically) when it holds twice as
 * many lines as remembered ids. A torn last line is ignored on open.
 */
public final class EventLog implements AutoCloseable {

  private final Path file;
  private final SeenEvents seen;
  private final boolean fsync;
  private FileChannel channel;
  private int lines;

  /**
   * Opens (or creates) a log.
   *
   * @param file the file
   * @param seen the table to load into (empty)
   * @param fsync whether appends are forced to disk
   * @throws IOException on failure
   */
  public EventLog(Path file, SeenEvents seen, boolean fsync) throws IOException {
    this.file = file;
    this.seen = seen;
    this.fsync = fsync;
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int space = line.indexOf(' ');
        if (space <= 0) {
          continue;
        }
        try {
          Instant at = Instant.ofEpochMilli(Long.parseLong(line.substring(0, space)));
          String id = new String(Base64.getUrlDecoder().decode(line.substring(space + 1)),
              StandardCharsets.UTF_8);
          seen.restore(id, at);
          lines++;
        } catch (IllegalArgumentException e) {
          // a torn or damaged line: ignore it
        }
      }
    }
    rewrite();
  }

  /**
   * Marks an event as seen and appends it.
   *
   * @param eventId the event id
   * @param now the current time
   * @return true when new
   * @throws IOException on failure
   */
  public boolean mark(String eventId, Instant now) throws IOException {
    if (!seen.mark(eventId, now)) {
      return false;
    }
    String line = now.toEpochMilli() + " "
        + Base64.getUrlEncoder().withoutPadding().encodeToString(eventId.getBytes(StandardCharsets.UTF_8))
        + "\n";
    ByteBuffer buf = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
    while (buf.hasRemaining()) {
      channel.write(buf);
    }
    if (fsync) {
      channel.force(false);
    }
    if (++lines > 2 * Math.max(seen.entries().size(), 64)) {
      rewrite();
    }
    return true;
  }

  private void rewrite() throws IOException {
    if (channel != null) {
      channel.close();
    }
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Instant> e : seen.entries().entrySet()) {
      sb.append(e.getValue().toEpochMilli()).append(' ')
          .append(Base64.getUrlEncoder().withoutPadding()
              .encodeToString(e.getKey().getBytes(StandardCharsets.UTF_8)))
          .append('\n');
    }
    AtomicFiles.write(file, sb.toString().getBytes(StandardCharsets.UTF_8), false, fsync);
    lines = seen.entries().size();
    channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
