package dev.qbmc.examples.cli;

import dev.qbmc.core.spi.SyncStateStore;
import dev.qbmc.core.spi.TokenStore;
import dev.qbmc.core.store.FileStore;
import dev.qbmc.core.store.JdbcStore;
import java.nio.file.Files;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The store the CLI keeps tokens and state in: a {@link JdbcStore} on the PostgreSQL database of
 * {@code QBMC_STORE_URL} when it is set (one connection per store call from the driver's simple
 * data source: a CLI run makes few calls, so no pool), else a {@link FileStore} in {@code
 * QBMC_STATE_DIR}.
 */
final class CliStore implements AutoCloseable {

  private final TokenStore tokens;
  private final SyncStateStore state;
  private final FileStore file;
  private final String where;

  private CliStore(TokenStore tokens, SyncStateStore state, FileStore file, String where) {
    this.tokens = tokens;
    this.state = state;
    this.file = file;
    this.where = where;
  }

  /**
   * Opens the configured store.
   *
   * @param config the configuration
   * @param creating true for {@code connect}, which may create the state folder; other commands
   *     need an existing one
   * @return the store; close it
   * @throws QbmcCli.UsageException when the state folder does not exist and {@code creating} is false
   */
  static CliStore open(CliConfig config, boolean creating) {
    return open(config, creating, false);
  }

  /**
   * Opens the configured store for reading only ({@code status}): a state folder is opened without
   * its lock ({@link FileStore#openReadOnly}), so this works while another process syncs.
   *
   * @param config the configuration
   * @return the store; close it
   * @throws QbmcCli.UsageException when the state folder does not exist
   */
  static CliStore openForReading(CliConfig config) {
    return open(config, false, true);
  }

  private static CliStore open(CliConfig config, boolean creating, boolean readOnly) {
    if (config.storeUrl().isPresent()) {
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setURL(config.storeUrl().get());
      config.storeUser().ifPresent(ds::setUser);
      config.storePassword().ifPresent(ds::setPassword);
      ds.setApplicationName("qbmc-cli");
      JdbcStore store = JdbcStore.builder().dataSource(ds).build();
      return new CliStore(store, store, null, "the database of QBMC_STORE_URL");
    }
    if (!creating && !Files.isDirectory(config.stateDir())) {
      throw new QbmcCli.UsageException("no connection '" + config.connectionId() + "': " + config.stateDir()
          + " does not exist; run 'connect' first (or set QBMC_STATE_DIR or QBMC_STORE_URL)");
    }
    FileStore store = readOnly ? FileStore.openReadOnly(config.stateDir()) : FileStore.open(config.stateDir());
    return new CliStore(store, store, store, config.stateDir().toString());
  }

  TokenStore tokens() {
    return tokens;
  }

  SyncStateStore state() {
    return state;
  }

  /** Where the state is, for messages (never the URL: it may carry a password). */
  String where() {
    return where;
  }

  @Override
  public void close() {
    if (file != null) {
      file.close();
    }
  }
}
