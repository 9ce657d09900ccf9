package dev.qbmc.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.qbmc.core.model.Provider;
import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.RecordState;
import dev.qbmc.core.spi.Checkpoint;
import dev.qbmc.core.spi.StoredTokens;
import dev.qbmc.core.spi.SyncCursor;
import dev.qbmc.core.spi.SyncRunRecord;
import dev.qbmc.core.spi.SyncStateStoreContractTest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged files, folder upkeep and the read-only open of {@link FileStore}. */
class FileStoreDurabilityTest {

  private static final Instant T0 = Instant.parse("2026-11-27T01:00:00Z");
  private static final int FRAME_MAGIC = 0xFB7146C9;

  @TempDir Path dir;

  private static RecordState state(int i) {
    return RecordState.of(RecordKey.of(RecordKind.CUSTOMER, "c" + i), "f" + i, "mc-" + i);
  }

  private Path journal(String folder) {
    return dir.resolve("connections").resolve(folder).resolve("states.journal");
  }

  /** Commits 300 states in 3 frames of 100 and a cursor. */
  private void writeThreeFrames() {
    try (FileStore store = FileStore.open(dir)) {
      for (int frame = 0; frame < 3; frame++) {
        int from = frame * 100;
        FileStoreTest.commit(store, "acme", Checkpoint.builder()
            .addAllPuts(IntStream.range(from, from + 100).mapToObj(FileStoreDurabilityTest::state).toList())
            .cursor(SyncCursor.of(T0.plusSeconds(frame), T0))
            .build());
      }
    }
  }

  /** The offsets of the frames of a version-2 state file. */
  private static List<Integer> frameOffsets(byte[] file) {
    List<Integer> out = new ArrayList<>();
    ByteBuffer b = ByteBuffer.wrap(file);
    int at = 8;
    while (at + 12 <= file.length && b.getInt(at) == FRAME_MAGIC) {
      out.add(at);
      at += 12 + b.getInt(at + 4);
    }
    return out;
  }

  @Test
  void aFlippedBitMidJournal_failsTheOpenWithFileAndOffset_andRecoverKeepsEveryOtherFrame() throws IOException {
    writeThreeFrames();
    byte[] bytes = Files.readAllBytes(journal("acme"));
    List<Integer> frames = frameOffsets(bytes);
    assertThat(frames).hasSize(3);
    int damagedAt = frames.get(1);
    bytes[damagedAt + 40] ^= 0x04; // one bit in the second frame's payload
    Files.write(journal("acme"), bytes);

    try (FileStore store = FileStore.open(dir)) {
      assertThatThrownBy(() -> store.countStates("acme", RecordKind.CUSTOMER))
          .isInstanceOf(StoreCorruptedException.class)
          .hasMessageContaining("states.journal")
          .hasMessageContaining("byte " + damagedAt);
    }
    assertThat(Files.readAllBytes(journal("acme"))).as("nothing was cut off").isEqualTo(bytes);

    FileStoreRecovery report = FileStore.recover(dir);
    assertThat(report.framesLost()).isEqualTo(1);
    assertThat(report.framesKept()).isEqualTo(2);
    assertThat(report.connectionsReset()).containsExactly("acme");
    try (FileStore store = FileStore.open(dir)) {
      assertThat(store.countStates("acme", RecordKind.CUSTOMER)).isEqualTo(200);
      assertThat(store.states("acme", List.of(state(0).key(), state(150).key(), state(299).key())))
          .containsOnlyKeys(state(0).key(), state(299).key());
      assertThat(store.cursor("acme")).as("the next sync reads everything again").isEmpty();
    }
  }

  @Test
  void aGarbageLengthField_allocatesNothing_andIsReportedLikeAnyDamage() throws IOException {
    writeThreeFrames();
    byte[] bytes = Files.readAllBytes(journal("acme"));
    int second = frameOffsets(bytes).get(1);
    ByteBuffer.wrap(bytes).putInt(second + 4, Integer.MAX_VALUE - 7);
    Files.write(journal("acme"), bytes);

    try (FileStore store = FileStore.open(dir)) {
      assertThatThrownBy(() -> store.countStates("acme", RecordKind.CUSTOMER))
          .isInstanceOf(StoreCorruptedException.class)
          .hasMessageContaining("byte " + second);
    }
    assertThat(FileStore.recover(dir).framesLost()).isEqualTo(1);
    try (FileStore store = FileStore.open(dir)) {
      assertThat(store.countStates("acme", RecordKind.CUSTOMER)).isEqualTo(200);
    }
  }

  @Test
  void aTornTail_isDiscardedOnOpen_andThePreviousCommitStaysIntact() throws IOException {
    writeThreeFrames();
    byte[] bytes = Files.readAllBytes(journal("acme"));
    int third = frameOffsets(bytes).get(2);
    // the crash came while the third frame was being appended; its length field is garbage too
    byte[] torn = java.util.Arrays.copyOf(bytes, third + 30);
    ByteBuffer.wrap(torn).putInt(third + 4, 0x7fff0000);
    Files.write(journal("acme"), torn);

    try (FileStore store = FileStore.open(dir)) {
      assertThat(store.countStates("acme", RecordKind.CUSTOMER)).isEqualTo(200);
      FileStoreTest.commit(store, "acme", Checkpoint.builder().addPuts(state(500)).build());
    }
    byte[] after = Files.readAllBytes(journal("acme"));
    List<Integer> frames = frameOffsets(after);
    assertThat(frames).as("the torn bytes were cut off before the next append").hasSize(3);
    assertThat(frames.get(2)).isEqualTo(third);
    try (FileStore store = FileStore.open(dir)) {
      assertThat(store.countStates("acme", RecordKind.CUSTOMER)).isEqualTo(201);
    }
  }

  @Test
  void aDamagedConnectionFile_doesNotKeepTheOtherConnectionsFromOpening() throws IOException {
    try (FileStore store = FileStore.open(dir)) {
      store.saveConnection(SyncStateStoreContractTest.connection("acme", "realm-1"));
      store.saveConnection(SyncStateStoreContractTest.connection("globex", "realm-2"));
    }
    Path damaged = dir.resolve("connections/acme/connection.json");
    Files.writeString(damaged, "{\"connectionId\": \"acme\", \"realm");

    try (FileStore store = FileStore.open(dir)) {
      assertThat(store.connections()).extracting(c -> c.connectionId()).containsExactly("globex");
      assertThat(store.damagedConnections()).containsOnlyKeys("acme");
      assertThatThrownBy(() -> store.connection("acme"))
          .isInstanceOf(StoreCorruptedException.class)
          .hasMessageContaining("connection.json");
      store.saveConnection(SyncStateStoreContractTest.connection("acme", "realm-1")); // repaired
      assertThat(store.connection("acme")).isPresent();
    }
    assertThat(FileStore.recover(dir).unreadable()).isEmpty();
  }

  @Test
  void looseFolderPermissions_areTightenedOnOpen() throws IOException {
    assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
    try (FileStore store = FileStore.open(dir)) {
      store.compareAndSet("acme", Provider.QUICKBOOKS, 0,
          StoredTokens.builder().accessToken("at").refreshToken("rt").build());
    }
    Path folder = dir.resolve("connections/acme");
    Path tokens = folder.resolve("tokens-quickbooks.json");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(tokens, PosixFilePermissions.fromString("rw-r--r--"));

    try (FileStore store = FileStore.open(dir)) {
      assertThat(store.load("acme", Provider.QUICKBOOKS)).isPresent();
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens))).isEqualTo("rw-------");
  }

  @Test
  void idsDifferingOnlyByCase_getFoldersThatDifferInMoreThanCase() throws IOException {
    try (FileStore store = FileStore.open(dir)) {
      FileStoreTest.commit(store, "Acme", Checkpoint.builder().addPuts(state(1)).build());
      FileStoreTest.commit(store, "acme", Checkpoint.builder().addPuts(state(2)).build());
      FileStoreTest.commit(store, "ACME", Checkpoint.builder().addPuts(state(3)).build());
    }
    List<String> names;
    try (Stream<Path> folders = Files.list(dir.resolve("connections"))) {
      names = folders.map(p -> p.getFileName().toString()).toList();
    }
    assertThat(names).hasSize(3);
    assertThat(names.stream().map(n -> n.toLowerCase(java.util.Locale.ROOT)).distinct()).hasSize(3);
    try (FileStore store = FileStore.open(dir)) {
      assertThat(store.states("Acme", List.of(state(1).key(), state(2).key()))).containsOnlyKeys(state(1).key());
      assertThat(store.states("acme", List.of(state(1).key(), state(2).key()))).containsOnlyKeys(state(2).key());
    }
  }

  @Test
  void aFolderOfTheFirstLayout_isRenamedAndItsFilesMigrated() throws IOException {
    try (FileStore store = FileStore.open(dir)) {
      FileStoreTest.commit(store, "Acme", Checkpoint.builder().addPuts(state(1)).build());
    }
    // what the first layout wrote for "Acme": its plain id as the folder name
    Path encoded;
    try (Stream<Path> folders = Files.list(dir.resolve("connections"))) {
      encoded = folders.findFirst().orElseThrow();
    }
    Files.move(encoded, dir.resolve("connections/Acme"));
    try (FileStore store = FileStore.open(dir)) {
      assertThat(store.connection("Acme")).isPresent();
      assertThat(store.countStates("Acme", RecordKind.CUSTOMER)).isEqualTo(1);
    }
    assertThat(dir.resolve("connections/Acme")).doesNotExist();
    assertThat(encoded).isDirectory();
  }

  @Test
  void aReadOnlyOpen_readsWhileAWriterHoldsTheLock_andRefusesWrites() {
    try (FileStore writer = FileStore.open(dir)) {
      FileStoreTest.commit(writer, "acme", Checkpoint.builder()
          .addAllPuts(IntStream.range(0, 50).mapToObj(FileStoreDurabilityTest::state).toList())
          .run(SyncRunRecord.builder().runId("r1").startedAt(T0).build())
          .build());
      try (FileStore reader = FileStore.openReadOnly(dir)) {
        assertThat(reader.connection("acme")).isPresent();
        assertThat(reader.recentRuns("acme", 5)).extracting(SyncRunRecord::runId).containsExactly("r1");
        assertThat(reader.countStates("acme", RecordKind.CUSTOMER)).isEqualTo(50);
        assertThatThrownBy(() -> reader.saveConnection(SyncStateStoreContractTest.connection("x", "r")))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("read-only");
        FileStoreTest.commit(writer, "acme", Checkpoint.builder().addPuts(state(99)).build());
      }
      assertThat(writer.countStates("acme", RecordKind.CUSTOMER)).isEqualTo(51);
    }
  }

  @Test
  void aStreamOpenedBeforeCompactions_readsThePointInTimeStatesToItsEnd() {
    for (boolean background : new boolean[] {false, true}) {
      Path folder = dir.resolve("bg-" + background);
      try (FileStore store = FileStore.builder().directory(folder).compactionThresholdBytes(4096)
          .backgroundCompaction(background).build()) {
        FileStoreTest.commit(store, "acme", Checkpoint.builder()
            .addAllPuts(IntStream.range(0, 2000).mapToObj(FileStoreDurabilityTest::state).toList()).build());
        List<String> seen = new ArrayList<>();
        try (Stream<RecordState> stream = store.streamStates("acme", RecordKind.CUSTOMER)) {
          java.util.Iterator<RecordState> it = stream.iterator();
          for (int i = 0; i < 10; i++) {
            seen.add(it.next().fingerprint());
          }
          for (int round = 0; round < 20; round++) { // each outgrows the threshold: compactions
            FileStoreTest.commit(store, "acme", Checkpoint.builder()
                .addAllPuts(IntStream.range(0, 100).mapToObj(i -> RecordState.of(state(i).key(), "new", null)).toList())
                .addRemovals(state(1000 + round).key())
                .build());
          }
          it.forEachRemaining(s -> seen.add(s.fingerprint()));
        }
        assertThat(seen).as("background " + background).hasSize(2000).doesNotContain("new");
        assertThat(store.countStates("acme", RecordKind.CUSTOMER)).isEqualTo(1980);
      }
      try (FileStore store = FileStore.open(folder)) {
        assertThat(store.states("acme", List.of(state(5).key())).get(state(5).key()).fingerprint()).isEqualTo("new");
        assertThat(store.countStates("acme", RecordKind.CUSTOMER)).isEqualTo(1980);
      }
    }
  }

  @Test
  void aJournalOfTheFirstFormat_isReadReadOnlyAsIs_andRewrittenOnTheFirstWritableOpen() throws IOException {
    // The first format: frames of int length, int crc32(payload), payload; no header, no marker.
    java.io.ByteArrayOutputStream payload = new java.io.ByteArrayOutputStream();
    java.io.DataOutputStream out = new java.io.DataOutputStream(payload);
    out.writeByte(4); // commit
    out.writeInt(2);
    for (String id : List.of("c1", "c2")) {
      for (String part : List.of("CUSTOMER", id, "f-" + id)) {
        out.writeInt(part.length());
        out.writeBytes(part);
      }
      out.writeByte(0); // flags: no Mailchimp id, no memo
    }
    out.writeInt(0); // no removals
    byte[] body = payload.toByteArray();
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(body);
    byte[] legacy = ByteBuffer.allocate(8 + body.length).putInt(body.length).putInt((int) crc.getValue()).put(body).array();
    try (FileStore store = FileStore.open(dir)) {
      store.saveConnection(SyncStateStoreContractTest.connection("acme", "realm-1"));
    }
    Files.write(journal("acme"), legacy);

    try (FileStore reader = FileStore.openReadOnly(dir)) {
      assertThat(reader.countStates("acme", RecordKind.CUSTOMER)).isEqualTo(2);
    }
    assertThat(Files.readAllBytes(journal("acme"))).as("a read-only open changes nothing").isEqualTo(legacy);
    try (FileStore store = FileStore.open(dir)) {
      RecordKey c2 = RecordKey.of(RecordKind.CUSTOMER, "c2");
      assertThat(store.states("acme", List.of(c2)).get(c2).fingerprint()).isEqualTo("f-c2");
    }
    byte[] header = java.util.Arrays.copyOf(Files.readAllBytes(journal("acme").resolveSibling("states.snapshot")), 8);
    assertThat(new String(header, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("qbmcSF2\n");
    try (FileStore store = FileStore.open(dir)) {
      assertThat(store.countStates("acme", RecordKind.CUSTOMER)).isEqualTo(2);
    }
  }
}
