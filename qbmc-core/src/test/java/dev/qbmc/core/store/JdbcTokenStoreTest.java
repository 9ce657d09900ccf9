package dev.qbmc.core.store;

import dev.qbmc.core.spi.TokenStore;
import dev.qbmc.core.spi.TokenStoreContractTest;
import dev.qbmc.core.testing.PostgresDatabaseExtension;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The TokenStore contract on a real PostgreSQL: a fresh schema per test, reopen = a new store. */
class JdbcTokenStoreTest extends TokenStoreContractTest {

  @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();
  private static final AtomicInteger SCHEMAS = new AtomicInteger();

  private String schema;

  @Override
  protected TokenStore createStore() {
    schema = "tokens_" + SCHEMAS.incrementAndGet();
    return open();
  }

  @Override
  protected TokenStore reopen(TokenStore store) {
    return open();
  }

  private JdbcStore open() {
    return JdbcStore.builder().dataSource(DB.dataSource()).schema(schema).build();
  }
}
