package dev.qbmc.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.qbmc.core.model.ConnectionStatus;
import dev.qbmc.core.model.MarketingStatus;
import dev.qbmc.core.model.Provider;
import dev.qbmc.core.model.RecordKey;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.RecordState;
import dev.qbmc.core.spi.Checkpoint;
import dev.qbmc.core.spi.Connection;
import dev.qbmc.core.spi.Lease;
import dev.qbmc.core.spi.StoredTokens;
import dev.qbmc.core.spi.SyncCursor;
import dev.qbmc.core.spi.SyncStateStoreContractTest;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStoreTest {

  private static final Instant T0 = Instant.parse("2026-11-27T01:00:00Z");

  @TempDir Path dir;

  private static RecordState state(String id, String fingerprint) {
    return RecordState.of(RecordKey.of(RecordKind.CUSTOMER, id), fingerprint, "mc-" + id);
  }

  private static Connection connection(String id) {
    return SyncStateStoreContractTest.connection(id, "realm-1");
  }

  /** Commits under a lease of owner "test", saving the connection first when it is new. */
  static void commit(FileStore store, String connectionId, Checkpoint checkpoint) {
    if (store.connection(connectionId).isEmpty()) {
      store.saveConnection(connection(connectionId));
    }
    Lease lease =
        store.currentLease(connectionId)
            .filter(l -> l.owner().equals("test"))
            .orElseGet(() -> store.tryAcquireLease(connectionId, "test", Duration.ofDays(1), T0).orElseThrow());
    assertThat(store.commit(lease, checkpoint)).isTrue();
  }

  private static void put(FileStore store, String connectionId, List<RecordState> states) {
    commit(store, connectionId, Checkpoint.builder().addAllPuts(states).build());
  }

  private static void remove(FileStore store, String connectionId, List<RecordKey> keys) {
    commit(store, connectionId, Checkpoint.builder().addAllRemovals(keys).build());
  }

  private static Map<String, String> fingerprints(FileStore store) {
    try (Stream<RecordState> s = store.streamStates("acme", RecordKind.CUSTOMER)) {
      return s.collect(Collectors.toMap(r -> r.key().id(), RecordState::fingerprint));
    }
  }

  private Path journal() {
    return dir.resolve("connections/acme/states.journal");
  }

  private static void truncateBy(Path file, long bytes) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate(ch.size() - bytes);
    }
  }

  @Test
  void memos_surviveCompactionIntoTheSnapshot() throws IOException {
    RecordKey contact = RecordKey.of(RecordKind.CONTACT, "h1");
    try (FileStore store = FileStore.builder().directory(dir).compactionThresholdBytes(1024).backgroundCompaction(false)
        .build()) {
      put(store, "acme", List.of(RecordState.of(contact, "fp", "h1", "1|ta1|B|")));
      for (int i = 0; i < 50; i++) { // outgrow the threshold: the states move into the snapshot
        put(store, "acme", List.of(state(Integer.toString(i), "f" + i)));
      }
    }
    try (FileStore store = FileStore.builder().directory(dir).build()) {
      assertThat(store.states("acme", List.of(contact)).get(contact).memo()).contains("1|ta1|B|");
      assertThat(store.states("acme", List.of(RecordKey.of(RecordKind.CUSTOMER, "3"))).values())
          .allSatisfy(s -> assertThat(s.memo()).isEmpty());
    }
    assertThat(Files.size(dir.resolve("connections/acme/states.snapshot"))).isPositive();
  }

  @Test
  void aConnectionWrittenBeforeFactTagsExisted_getsTheDefaultTags() throws IOException {
    try (FileStore store = FileStore.open(dir)) {
      store.saveConnection(connection());
    }
    Path file = dir.resolve("connections/acme/connection.json");
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode tree =
        (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(file.toFile());
    assertThat(tree.has("factTags")).isTrue();
    tree.remove("factTags");
    json.writeValue(file.toFile(), tree);

    try (FileStore store = FileStore.open(dir)) {
      assertThat(store.connection("acme").orElseThrow().factTags())
          .isEqualTo(dev.qbmc.core.model.FactTags.defaults());
    }
  }

  @Test
  void aJournalWrittenBeforeMemosExisted_readsBack() throws IOException {
    // op 1 (put), 2 records: kind, id, fingerprint, boolean "has Mailchimp id", Mailchimp id
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
    out.writeByte(1);
    out.writeInt(2);
    for (String[] r : new String[][] {{"CUSTOMER", "1", "f1", "mc-1"}, {"ITEM", "2", "f2", null}}) {
      for (int i = 0; i < 3; i++) {
        byte[] b = r[i].getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
      }
      out.writeBoolean(r[3] != null);
      if (r[3] != null) {
        byte[] b = r[3].getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
      }
    }
    byte[] payload = bytes.toByteArray();
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(payload);
    java.nio.ByteBuffer frame = java.nio.ByteBuffer.allocate(8 + payload.length);
    frame.putInt(payload.length).putInt((int) crc.getValue()).put(payload);
    Files.createDirectories(journal().getParent());
    Files.write(journal(), frame.array());

    try (FileStore store = FileStore.open(dir)) {
      RecordKey customer = RecordKey.of(RecordKind.CUSTOMER, "1");
      RecordKey item = RecordKey.of(RecordKind.ITEM, "2");
      Map<RecordKey, RecordState> got = store.states("acme", List.of(customer, item));
      assertThat(got.get(customer)).isEqualTo(RecordState.of(customer, "f1", "mc-1"));
      assertThat(got.get(item)).isEqualTo(RecordState.of(item, "f2", null));
    }
  }

  @Test
  void killedBetweenTwoWrites_truncatedMidEntry_reopensWithTheLastCommittedState() throws IOException {
    try (FileStore store = FileStore.open(dir)) {
      put(store, "acme", List.of(state("1", "a1"), state("2", "a2"), state("3", "a3")));
      put(store, "acme", List.of(state("2", "b2"), state("4", "b4")));
    }
    truncateBy(journal(), 7); // the process died while appending the second checkpoint

    try (FileStore store = FileStore.open(dir)) {
      assertThat(fingerprints(store)).containsOnly(
          Map.entry("1", "a1"), Map.entry("2", "a2"), Map.entry("3", "a3"));
      put(store, "acme", List.of(state("5", "c5")));
    }
    try (FileStore store = FileStore.open(dir)) {
      assertThat(fingerprints(store)).containsOnly(
          Map.entry("1", "a1"), Map.entry("2", "a2"), Map.entry("3", "a3"), Map.entry("5", "c5"));
    }
  }

  @Test
  void aLeaseOfAnEarlierOpen_isTakenOverAtOnce_andItsHolderIsFencedOut() {
    Lease dead;
    try (FileStore store = FileStore.open(dir)) {
      store.saveConnection(connection("acme"));
      dead = store.tryAcquireLease("acme", "crashed", Duration.ofMinutes(10), T0).orElseThrow();
      // the process dies here: the lease is never released
    }
    try (FileStore store = FileStore.open(dir)) {
      assertThat(store.currentLease("acme")).contains(dead);
      Lease next = store.tryAcquireLease("acme", "next", Duration.ofMinutes(10), T0.plusSeconds(1)).orElseThrow();
      assertThat(next.token()).isGreaterThan(dead.token());
      assertThat(store.currentLease("acme")).contains(next);
      assertThat(store.commit(dead, Checkpoint.builder().addPuts(state("1", "late")).build())).isFalse();
      assertThat(store.renewLease(dead, Duration.ofMinutes(10), T0.plusSeconds(2))).isEmpty();
      assertThat(store.tryAcquireLease("acme", "third", Duration.ofMinutes(10), T0.plusSeconds(2)))
          .as("a lease of this open is exclusive until it expires")
          .isEmpty();
      assertThat(store.countStates("acme", RecordKind.CUSTOMER)).isZero();
    }
    try (FileStore store = FileStore.open(dir)) {
      Lease later = store.tryAcquireLease("acme", "later", Duration.ofMinutes(10), T0.plusSeconds(3)).orElseThrow();
      assertThat(later.token()).isGreaterThan(dead.token() + 1);
    }
  }

  @Test
  void killedPartWayThroughACommit_reopensWithAPrefix_neverACursorAheadOfItsStates() throws IOException {
    Path cursorFile = dir.resolve("connections/acme/cursor.json");
    Path connectionFile = dir.resolve("connections/acme/connection.json");
    byte[] firstCursor;
    byte[] firstConnection;
    try (FileStore store = FileStore.open(dir)) {
      commit(store, "acme", Checkpoint.builder().addPuts(state("1", "a1")).cursor(SyncCursor.of(T0, T0)).build());
      firstCursor = Files.readAllBytes(cursorFile);
      firstConnection = Files.readAllBytes(connectionFile);
      commit(store, "acme", Checkpoint.builder()
          .addPuts(state("1", "b1"), state("2", "b2"))
          .cursor(SyncCursor.of(T0.plusSeconds(60), T0))
          .fullSyncDoneAt(T0.plusSeconds(61))
          .build());
    }
    // Killed after the states frame, before cursor.json and connection.json were replaced.
    Files.write(cursorFile, firstCursor);
    Files.write(connectionFile, firstConnection);
    try (FileStore store = FileStore.open(dir)) {
      assertThat(fingerprints(store)).containsOnly(Map.entry("1", "b1"), Map.entry("2", "b2"));
      assertThat(store.cursor("acme")).contains(SyncCursor.of(T0, T0));
      assertThat(store.connection("acme").orElseThrow().fullSyncDone()).isFalse();
    }
    // Killed while appending the states frame: neither states nor cursor moved.
    truncateBy(journal(), 5);
    try (FileStore store = FileStore.open(dir)) {
      assertThat(fingerprints(store)).containsOnly(Map.entry("1", "a1"));
      assertThat(store.cursor("acme")).contains(SyncCursor.of(T0, T0));
    }
  }

  @Test
  void killedDuringTheFrameHeader_orWithAFlippedByte_dropsOnlyTheDamagedTail() throws IOException {
    try (FileStore store = FileStore.open(dir)) {
      put(store, "acme", List.of(state("1", "a1")));
      remove(store, "acme", List.of(RecordKey.of(RecordKind.CUSTOMER, "1")));
      put(store, "acme", List.of(state("2", "b2")));
    }
    byte[] bytes = Files.readAllBytes(journal());
    bytes[bytes.length - 3] ^= 0x5a; // damage the last frame's payload: its CRC no longer matches
    Files.write(journal(), bytes);
    Files.write(journal(), new byte[] {0, 0, 1}, StandardOpenOption.APPEND); // and a torn header
    try (FileStore store = FileStore.open(dir)) {
      assertThat(fingerprints(store)).isEmpty(); // put 1, remove 1 survive; put 2 was not committed
    }
    assertThat(Files.size(journal())).isLessThan(bytes.length);
  }

  @Test
  void checkpoint_appendsOnlyTheChangedStates() throws IOException {
    try (FileStore store = FileStore.open(dir)) {
      put(store, "acme",
          IntStream.range(0, 5000).mapToObj(i -> state("c" + i, "f" + i)).toList());
      long before = Files.size(journal());
      put(store, "acme", List.of(state("c7", "changed")));
      long appended = Files.size(journal()) - before;
      assertThat(appended).isLessThan(100);
    }
  }

  @Test
  void compaction_writesASnapshotAndEmptiesTheJournal_andReopensIdentically() throws IOException {
    // Compaction in the foreground: with a background compaction the journal's final size depends on
    // how far the compaction thread got, which a busy machine makes vary.
    List<RecordState> all = IntStream.range(0, 3000).mapToObj(i -> state("c" + i, "f" + i)).toList();
    try (FileStore store = FileStore.builder().directory(dir).compactionThresholdBytes(16 * 1024).backgroundCompaction(false).build()) {
      for (int i = 0; i < all.size(); i += 100) {
        put(store, "acme", all.subList(i, i + 100));
      }
      remove(store, "acme", List.of(RecordKey.of(RecordKind.CUSTOMER, "c0")));
    }
    Path snapshot = dir.resolve("connections/acme/states.snapshot");
    assertThat(snapshot).exists();
    assertThat(Files.size(journal())).isLessThan(Files.size(snapshot));
    Files.write(dir.resolve("connections/acme/states.snapshot.tmp"), new byte[] {1, 2, 3});
    try (FileStore store = FileStore.open(dir)) {
      assertThat(store.countStates("acme", RecordKind.CUSTOMER)).isEqualTo(2999);
      assertThat(fingerprints(store)).containsEntry("c2999", "f2999").doesNotContainKey("c0");
    }
  }

  @Test
  void killedBetweenSnapshotRenameAndJournalTruncation_replaysTheOldJournalToTheSameState()
      throws IOException {
    try (FileStore store = FileStore.open(dir)) {
      put(store, "acme", List.of(state("1", "a1"), state("2", "a2"), state("3", "a3")));
      remove(store, "acme", List.of(RecordKey.of(RecordKind.CUSTOMER, "2")));
      put(store, "acme", List.of(state("1", "b1")));
      remove(store, "acme", List.of(RecordKey.of(RecordKind.CUSTOMER, "3")));
      put(store, "acme", List.of(state("3", "c3")));
      put(store, "acme", IntStream.range(10, 60).mapToObj(i -> state("x" + i, "x")).toList());
      remove(store, "acme", IntStream.range(10, 60).mapToObj(i -> RecordKey.of(RecordKind.CUSTOMER, "x" + i)).toList());
    }
    byte[] oldJournal = Files.readAllBytes(journal());
    assertThat(oldJournal.length).isGreaterThan(1024);
    try (FileStore store = FileStore.builder().directory(dir).compactionThresholdBytes(1024).build()) {
      put(store, "acme", List.of(state("1", "b1"))); // appends, then compacts
    }
    assertThat(dir.resolve("connections/acme/states.snapshot")).exists();
    assertThat(Files.size(journal())).as("an empty journal: just its header").isEqualTo(8);
    // The crash: the snapshot was renamed into place, but the journal was not truncated.
    Files.write(journal(), oldJournal);
    try (FileStore store = FileStore.open(dir)) {
      assertThat(fingerprints(store)).containsOnly(Map.entry("1", "b1"), Map.entry("3", "c3"));
    }
  }

  @Test
  void killedDuringABackgroundCompaction_reopensWithSnapshotOldJournalAndJournal(@TempDir Path other)
      throws IOException {
    try (FileStore store = FileStore.open(dir)) {
      put(store, "acme", List.of(state("1", "a1"), state("2", "a2")));
      remove(store, "acme", List.of(RecordKey.of(RecordKind.CUSTOMER, "2")));
    }
    // The rotation happened (journal renamed to .old); the snapshot was never written ...
    Files.move(journal(), journal().resolveSibling("states.journal.old"));
    // ... and a later checkpoint went to the new journal.
    try (FileStore store = FileStore.open(other)) {
      put(store, "acme", List.of(state("2", "b2"), state("1", "b1")));
    }
    Files.copy(other.resolve("connections/acme/states.journal"), journal());

    try (FileStore store = FileStore.open(dir)) {
      assertThat(fingerprints(store)).containsOnly(Map.entry("1", "b1"), Map.entry("2", "b2"));
    }
    assertThat(journal().resolveSibling("states.journal.old")).doesNotExist();
    assertThat(journal().resolveSibling("states.snapshot")).exists();
    try (FileStore store = FileStore.open(dir)) {
      assertThat(fingerprints(store)).containsOnly(Map.entry("1", "b1"), Map.entry("2", "b2"));
    }
  }

  @Test
  void backgroundCompaction_keepsAcceptingCheckpointsAndLosesNothing() {
    List<RecordState> all = IntStream.range(0, 20_000).mapToObj(i -> state("c" + i, "f" + i)).toList();
    try (FileStore store = FileStore.builder().directory(dir).compactionThresholdBytes(64 * 1024).build()) {
      for (int i = 0; i < all.size(); i += 500) {
        put(store, "acme", all.subList(i, i + 500));
        put(store, "acme", List.of(state("c" + i, "changed")));
      }
    }
    try (FileStore store = FileStore.open(dir)) {
      Map<String, String> got = fingerprints(store);
      assertThat(got).hasSize(20_000).containsEntry("c500", "changed").containsEntry("c501", "f501");
    }
  }

  @Test
  void damagedSnapshot_failsWithATypedException() throws IOException {
    try (FileStore store = FileStore.builder().directory(dir).compactionThresholdBytes(1024).build()) {
      put(store, "acme", IntStream.range(0, 500).mapToObj(i -> state("c" + i, "f" + i)).toList());
    }
    Path snapshot = dir.resolve("connections/acme/states.snapshot");
    truncateBy(snapshot, 3);
    try (FileStore store = FileStore.open(dir)) {
      assertThatThrownBy(() -> store.countStates("acme", RecordKind.CUSTOMER))
          .isInstanceOf(StoreCorruptedException.class)
          .hasMessageContaining("states.snapshot");
    }
  }

  @Test
  void tokenFiles_areReadableByTheOwnerOnly() throws IOException {
    assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
    try (FileStore store = FileStore.open(dir)) {
      store.compareAndSet("acme", Provider.QUICKBOOKS, 0,
          StoredTokens.builder().accessToken("at-secret").refreshToken("rt-secret").build());
      store.compareAndSet("acme", Provider.QUICKBOOKS, 1,
          StoredTokens.builder().accessToken("at-secret-2").refreshToken("rt-secret-2").build());
    }
    Path tokens = dir.resolve("connections/acme/tokens-quickbooks.json");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens.getParent())))
        .isEqualTo("rwx------");
    assertThat(Files.readString(tokens)).contains("rt-secret-2").doesNotContain("rt-secret\"");
    try (Stream<Path> files = Files.list(tokens.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
    try (FileStore store = FileStore.open(dir)) {
      store.deleteAll("acme");
    }
    assertThat(Files.readString(tokens)).doesNotContain("secret").contains("\"deleted\"");
  }

  @Test
  void damagedTokenFile_failsWithoutQuotingTheSecret() throws IOException {
    try (FileStore store = FileStore.open(dir)) {
      store.compareAndSet("acme", Provider.MAILCHIMP, 0,
          StoredTokens.builder().accessToken("mc-secret-key-us6").build());
    }
    Path tokens = dir.resolve("connections/acme/tokens-mailchimp.json");
    String json = Files.readString(tokens);
    Files.writeString(tokens, json.substring(0, json.indexOf("mc-secret") + 12));
    try (FileStore store = FileStore.open(dir)) {
      assertThatThrownBy(() -> store.load("acme", Provider.MAILCHIMP))
          .isInstanceOf(StoreCorruptedException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
    }
  }

  @Test
  void twoStoresOnOneFolder_theSecondFailsUntilTheFirstCloses() {
    FileStore first = FileStore.open(dir);
    put(first, "acme", List.of(state("1", "a1")));
    assertThatThrownBy(() -> FileStore.open(dir))
        .isInstanceOf(StoreLockedException.class)
        .hasMessageContaining("already open");
    put(first, "acme", List.of(state("2", "a2")));
    first.close();
    try (FileStore second = FileStore.open(dir)) {
      assertThat(second.countStates("acme", RecordKind.CUSTOMER)).isEqualTo(2);
    }
  }

  @Test
  void anotherProcess_cannotOpenALockedFolder() throws Exception {
    try (FileStore store = FileStore.open(dir)) {
      put(store, "acme", List.of(state("1", "a1")));
      Process child =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp", System.getProperty("java.class.path"),
                  OpenStoreMain.class.getName(), dir.toString())
              .redirectErrorStream(true)
              .start();
      String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(child.waitFor()).as(output).isEqualTo(3);
      assertThat(store.countStates("acme", RecordKind.CUSTOMER)).isEqualTo(1);
    }
  }

  /** Run in a child JVM: exits 3 when the store is locked, 0 when it opened. */
  static final class OpenStoreMain {
    public static void main(String[] args) {
      try (FileStore store = FileStore.open(Path.of(args[0]))) {
        System.exit(0);
      } catch (StoreLockedException e) {
        System.exit(3);
      }
    }
  }

  @Test
  void closedStore_refusesCalls_andClosingTwiceIsHarmless() {
    FileStore store = FileStore.open(dir);
    store.close();
    store.close();
    assertThatThrownBy(() -> store.countStates("acme", RecordKind.CUSTOMER))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void unusualConnectionIds_stayInsideTheStoreFolder() {
    String id = "../../etc/passwd \u00fc";
    Connection c =
        Connection.builder()
            .connectionId(id)
            .realmId("9130")
            .audienceId("list1")
            .storeId("store1")
            .marketingStatus(MarketingStatus.SUBSCRIBED)
            .homeCurrency("CAD")
            .status(ConnectionStatus.CONNECTED)
            .createdAt(T0)
            .updatedAt(T0)
            .build();
    try (FileStore store = FileStore.open(dir)) {
      store.saveConnection(c);
      put(store, id, List.of(state("1", "a1")));
    }
    try (FileStore store = FileStore.open(dir);
        Stream<Path> folders = listConnections()) {
      assertThat(store.connection(id)).contains(c);
      assertThat(folders.map(p -> p.getFileName().toString())).allMatch(n -> n.startsWith("~"));
    }
  }

  private static Connection connection() {
    return Connection.builder().connectionId("acme").realmId("9130").audienceId("list1").storeId("store1")
        .marketingStatus(MarketingStatus.SUBSCRIBED).homeCurrency("USD").status(ConnectionStatus.CONNECTED)
        .createdAt(T0).updatedAt(T0).factTags(dev.qbmc.core.model.FactTags.none()).build();
  }

  private Stream<Path> listConnections() {
    try {
      return Files.list(dir.resolve("connections"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void seenEvents_areBoundedAndSurviveReopenAndATornLastLine() throws IOException {
    StoreLimits limits = StoreLimits.builder().maxEventsPerScope(3).build();
    try (FileStore store = FileStore.builder().directory(dir).limits(limits).build()) {
      for (String id : List.of("e1", "e2", "e3", "e4")) {
        assertThat(store.markEventSeen("realm-1", id, T0)).isTrue();
      }
    }
    Path log = dir.resolve("events/realm-1.log");
    Files.writeString(log, "17", StandardOpenOption.APPEND); // a crash mid-line
    try (FileStore store = FileStore.builder().directory(dir).limits(limits).build()) {
      assertThat(store.markEventSeen("realm-1", "e4", T0.plusSeconds(1))).isFalse();
      assertThat(store.markEventSeen("realm-1", "e2", T0.plusSeconds(1))).isFalse();
      assertThat(store.markEventSeen("realm-1", "e1", T0.plusSeconds(1))).as("oldest forgotten").isTrue();
    }
  }

  @Test
  void reads_ofAnUnknownConnection_createNoFiles() throws IOException {
    try (FileStore store = FileStore.open(dir)) {
      assertThat(store.countStates("ghost", RecordKind.CUSTOMER)).isZero();
      assertThat(store.states("ghost", List.of(RecordKey.of(RecordKind.CUSTOMER, "1")))).isEmpty();
      assertThat(store.cursor("ghost")).isEmpty();
      assertThat(store.load("ghost", Provider.QUICKBOOKS)).isEmpty();
    }
    assertThat(dir.resolve("connections/ghost")).doesNotExist();
  }

  @Test
  void toString_namesTheFolderOnly() {
    try (FileStore store = FileStore.open(dir)) {
      store.compareAndSet("acme", Provider.MAILCHIMP, 0, StoredTokens.builder().accessToken("k-us6").build());
      assertThat(store.toString()).contains(dir.getFileName().toString()).doesNotContain("k-us6");
    }
  }
}
