package dev.qbmc.core.store;

import dev.qbmc.core.spi.SyncStateStore;
import dev.qbmc.core.spi.SyncStateStoreContractTest;
import dev.qbmc.core.testing.PostgresDatabaseExtension;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SyncStateStore contract on a real PostgreSQL: a fresh schema per test, reopen = a new store. */
class JdbcSyncStateStoreTest extends SyncStateStoreContractTest {

  @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();
  private static final AtomicInteger SCHEMAS = new AtomicInteger();

  private String schema;

  @Override
  protected SyncStateStore createStore() {
    schema = "contract_" + SCHEMAS.incrementAndGet();
    return open();
  }

  @Override
  protected SyncStateStore reopen(SyncStateStore store) {
    return open();
  }

  private JdbcStore open() {
    return JdbcStore.builder().dataSource(DB.dataSource()).schema(schema).build();
  }
}
