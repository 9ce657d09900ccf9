package dev.qbmc.core.internal.store.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/** Replaced channels stay open while a stream may still read them. */
final class RetiredChannels {
  private final List<FileChannel> channels = new ArrayList<>();
  private int streams;

  synchronized void streamOpened() {
    streams++;
  }

  synchronized void streamClosed() {
    if (--streams == 0) {
      channels.forEach(RetiredChannels::closeQuietly);
      channels.clear();
    }
  }

  synchronized void retire(FileChannel ch) {
    if (ch == null) {
      return;
    }
    if (streams == 0) {
      closeQuietly(ch);
    } else {
      channels.add(ch);
    }
  }

  synchronized void closeAll() {
    channels.forEach(RetiredChannels::closeQuietly);
    channels.clear();
  }

  static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // nothing left to do
      }
    }
  }
}
