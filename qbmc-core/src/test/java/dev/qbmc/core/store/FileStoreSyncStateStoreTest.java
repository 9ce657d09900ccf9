package dev.qbmc.core.store;

import dev.qbmc.core.spi.SyncStateStore;
import dev.qbmc.core.spi.SyncStateStoreContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class FileStoreSyncStateStoreTest extends SyncStateStoreContractTest {

  @TempDir Path dir;

  @Override
  protected SyncStateStore createStore() {
    return FileStore.open(dir);
  }

  @Override
  protected SyncStateStore reopen(SyncStateStore store) {
    ((FileStore) store).close();
    return FileStore.open(dir);
  }

  @Override
  protected void dispose(SyncStateStore store) {
    ((FileStore) store).close();
  }
}
