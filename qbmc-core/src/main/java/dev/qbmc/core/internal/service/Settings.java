package dev.qbmc.core.internal.service;

import dev.qbmc.core.mapping.SyncSettings;
import dev.qbmc.core.spi.Connection;

/** Derives the pure core's {@link SyncSettings} from a stored {@link Connection}. */
final class Settings {
  private Settings() {}

  static SyncSettings of(Connection connection) {
    return SyncSettings.builder()
        .marketingStatus(connection.marketingStatus())
        .tag(connection.tag())
        .storeId(connection.storeId())
        .homeCurrency(connection.homeCurrency())
        .build();
  }
}
