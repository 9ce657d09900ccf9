package dev.qbmc.core.internal.store.file;

import dev.qbmc.core.internal.store.AtomicFiles;
import dev.qbmc.core.internal.store.FolderNames;
import dev.qbmc.core.internal.store.StoreJson;
import dev.qbmc.core.spi.Connection;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/** Reads the {@code connection.json} files of a store's connection folders when it opens. */
public final class ConnectionFiles {

  /** The connection file's name in a connection folder. */
  public static final String CONNECTION = "connection.json";

  private static final System.Logger LOG = System.getLogger("dev.qbmc.core.store.FileStore");

  private ConnectionFiles() {}

  /**
   * Loads every connection. A {@code connection.json} that does not read back is logged and
   * remembered in {@code damaged} (by connection id, decoded from the folder name), so that it does
   * not keep the other connections from opening.
   *
   * @param connectionsDir the connections folder
   * @param tighten whether to tighten each connection folder's permissions to owner only
   * @param loaded receives each connection read
   * @param damaged receives the damaged files
   * @throws IOException if a folder or file cannot be read
   */
  public static void loadAll(
      Path connectionsDir, boolean tighten, Consumer<Connection> loaded, Map<String, Path> damaged)
      throws IOException {
    if (!Files.isDirectory(connectionsDir)) {
      return;
    }
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(connectionsDir)) {
      for (Path dir : dirs) {
        if (!Files.isDirectory(dir)) {
          continue;
        }
        if (tighten) {
          StoreFolder.tighten(dir, true);
        }
        Path connectionFile = dir.resolve(CONNECTION);
        byte[] bytes = AtomicFiles.readIfExists(connectionFile);
        if (bytes == null) {
          continue; // tokens only, or an emptied folder
        }
        try {
          // Loading also reads the connection's other small files: a damaged one skips it too.
          loaded.accept(StoreJson.connection(StoreJson.parse(bytes)));
        } catch (IOException | RuntimeException e) {
          String id = FolderNames.decode(dir.getFileName().toString());
          damaged.put(id == null ? dir.getFileName().toString() : id, connectionFile);
          LOG.log(System.Logger.Level.ERROR, "file store: " + connectionFile + " is damaged ("
              + e.getClass().getSimpleName() + "); connection skipped, the others open");
        }
      }
    }
  }
}
