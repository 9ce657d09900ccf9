package dev.qbmc.core.store;

import dev.qbmc.core.spi.TokenStore;
import dev.qbmc.core.spi.TokenStoreContractTest;

class InMemoryTokenStoreTest extends TokenStoreContractTest {
  @Override
  protected TokenStore createStore() {
    return new InMemoryTokenStore();
  }
}
