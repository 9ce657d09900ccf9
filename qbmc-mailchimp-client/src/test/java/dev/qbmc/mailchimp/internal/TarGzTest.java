package dev.qbmc.mailchimp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class TarGzTest {

  @Test
  void forEachFile_streamsEveryFile_andSkipsWhatTheReaderLeaves() throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("a.json", "A".repeat(700).getBytes(StandardCharsets.UTF_8));
    files.put("b.json", "bee".getBytes(StandardCharsets.UTF_8));
    List<String> read = new ArrayList<>();

    TarGz.forEachFile(new ByteArrayInputStream(TarGz.write(files)), 1_000, 10_000, (name, content) ->
        read.add(name + "=" + new String(content.readNBytes(3), StandardCharsets.UTF_8)));

    assertThat(read).containsExactly("a.json=AAA", "b.json=bee");
  }

  @Test
  void aFileOverTheFileLimit_isRefused() throws IOException {
    byte[] archive = TarGz.write(Map.of("a.json", new byte[2_000]));

    assertThatThrownBy(() -> TarGz.forEachFile(new ByteArrayInputStream(archive), 1_000, 1_000_000, (n, c) -> {}))
        .isInstanceOf(IOException.class).hasMessageContaining("larger than 1000");
  }

  @Test
  void aGzipBomb_stopsAtTheArchiveLimit_withoutReadingOn() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      byte[] ones = new byte[1 << 16];
      java.util.Arrays.fill(ones, (byte) '1');
      for (int i = 0; i < 256; i++) { // 16 MiB of non-zero bytes: not a tar header, never a zero block
        out.write(ones);
      }
    }
    assertThat(bytes.size()).isLessThan(100_000);

    assertThatThrownBy(() -> TarGz.forEachFile(new ByteArrayInputStream(bytes.toByteArray()), 1_000, 4_096,
        (n, c) -> {}))
        .isInstanceOf(IOException.class);
  }

  @Test
  void aDirectoryEntryClaimingGigabytes_endsAsTruncated_withoutAllocating() throws IOException {
    byte[] header = new byte[512];
    System.arraycopy("dir/".getBytes(StandardCharsets.US_ASCII), 0, header, 0, 4);
    byte[] size = String.format("%011o", 8L * 1024 * 1024 * 1024).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(size, 0, header, 124, size.length);
    header[156] = '5';
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(header);
    }

    assertThatThrownBy(() -> TarGz.forEachFile(new ByteArrayInputStream(bytes.toByteArray()), 1_000,
        Long.MAX_VALUE, (n, c) -> {}))
        .isInstanceOf(IOException.class).hasMessageContaining("truncated");
  }
}
