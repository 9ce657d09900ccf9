package dev.qbmc.core.internal.service;

import dev.qbmc.core.mapping.SyncSettings;
import dev.qbmc.core.spi.Connection;

/** Derives the pure core's {@link SyncSettings} from a stored {@link Connection}. */
final class Settings {
  private Settings() {}

  static SyncSettings of(Connection connection) {
    return connection.syncSettings();
  }
}
