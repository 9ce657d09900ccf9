package dev.qbmc.core.store;

import dev.qbmc.core.spi.SyncStateStore;
import dev.qbmc.core.spi.SyncStateStoreContractTest;

class InMemorySyncStateStoreTest extends SyncStateStoreContractTest {
  @Override
  protected SyncStateStore createStore() {
    return new InMemorySyncStateStore();
  }
}
