package dev.qbmc.core.store;

import dev.qbmc.core.spi.SyncStateStore;
import dev.qbmc.core.spi.SyncStateStoreContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The whole contract again with a tiny compaction threshold, so that snapshots are exercised. */
class FileStoreSmallCompactionTest extends SyncStateStoreContractTest {

  @TempDir Path dir;

  private FileStore open() {
    return FileStore.builder().directory(dir).compactionThresholdBytes(1024).build();
  }

  @Override
  protected SyncStateStore createStore() {
    return open();
  }

  @Override
  protected SyncStateStore reopen(SyncStateStore store) {
    ((FileStore) store).close();
    return open();
  }

  @Override
  protected void dispose(SyncStateStore store) {
    ((FileStore) store).close();
  }
}
