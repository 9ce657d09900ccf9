package dev.qbmc.examples.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qbmc.core.Qbmc;
import dev.qbmc.core.report.SyncReport;
import dev.qbmc.core.store.JdbcStore;
import dev.qbmc.core.testing.PostgresDatabaseExtension;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A sync on a {@link JdbcStore} sends a bounded number of SQL statements per chunk, whatever the
 * chunk's size: states are read and written per chunk, the run gate asks once per Mailchimp write
 * request, the lease is renewed by time. Counted through a data source that counts every executed
 * statement of the real PostgreSQL driver.
 */
class JdbcStatementsPerChunkTest {

  @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();

  private static final Set<String> EXECUTES = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch",
      "executeLargeUpdate", "executeLargeBatch");

  @Test
  void aFullSync_sendsABoundedNumberOfStatementsPerChunk_notPerRecord() {
    AtomicLong statements = new AtomicLong();
    JdbcStore store = JdbcStore.builder().dataSource(counting(DB.dataSource(), statements)).build();
    try (SimulatedWorld world = new SimulatedWorld();
        Qbmc qbmc = world.qbmc(b -> b.chunkSize(10).stateStore(store).tokenStore(store))) {
      world.connect(qbmc);
      long before = statements.get();
      SyncReport small = qbmc.sync(SimulatedWorld.CONNECTION);
      long perSmallChunks = statements.get() - before;
      assertThat(small.failures()).isEmpty();
      long records = small.totals().total();
      assertThat(records).isGreaterThan(30);

      // The same records again in chunks 5 times as large: a per-record store call would cost the
      // same statements; a per-chunk one about a fifth.
      store.clearSyncState(SimulatedWorld.CONNECTION);
      try (Qbmc bigChunks = world.qbmc(b -> b.chunkSize(50).stateStore(store).tokenStore(store))) {
        long start = statements.get();
        SyncReport big = bigChunks.sync(SimulatedWorld.CONNECTION);
        long perBigChunks = statements.get() - start;
        assertThat(big.failures()).isEmpty();
        assertThat(big.totals().total()).isEqualTo(records);
        long smallChunks = (records + 9) / 10;
        assertThat(perSmallChunks).as("statements in %d chunks of 10 (%d records)", smallChunks, records)
            .isLessThanOrEqualTo(40 + 12 * smallChunks);
        assertThat(perBigChunks).as("statements with chunks of 50 vs 10").isLessThan(perSmallChunks / 2);
        System.out.printf("statements: %d records, chunks of 10: %d, chunks of 50: %d%n", records, perSmallChunks,
            perBigChunks);
      }
    }
  }

  /** The data source, counting every statement executed through its connections. */
  private static DataSource counting(DataSource real, AtomicLong statements) {
    return proxy(DataSource.class, real, statements);
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, T real, AtomicLong statements) {
    InvocationHandler handler = (self, method, args) -> {
      if (real instanceof Statement && EXECUTES.contains(method.getName())) {
        statements.incrementAndGet();
      }
      Object result;
      try {
        result = method.invoke(real, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      if (result instanceof Connection c && method.getReturnType() == Connection.class) {
        return proxy(Connection.class, c, statements);
      }
      if (result instanceof Statement s && Statement.class.isAssignableFrom(method.getReturnType())) {
        return proxy((Class<Statement>) method.getReturnType(), s, statements);
      }
      return result;
    };
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
  }
}
