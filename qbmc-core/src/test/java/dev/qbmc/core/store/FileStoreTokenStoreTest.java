package dev.qbmc.core.store;

import dev.qbmc.core.spi.TokenStore;
import dev.qbmc.core.spi.TokenStoreContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class FileStoreTokenStoreTest extends TokenStoreContractTest {

  @TempDir Path dir;

  @Override
  protected TokenStore createStore() {
    return FileStore.open(dir);
  }

  @Override
  protected TokenStore reopen(TokenStore store) {
    ((FileStore) store).close();
    return FileStore.open(dir);
  }

  @Override
  protected void dispose(TokenStore store) {
    ((FileStore) store).close();
  }
}
