package dev.qbmc.core.internal.store.file;

import dev.qbmc.core.internal.store.AtomicFiles;
import dev.qbmc.core.internal.store.StoreJson;
import dev.qbmc.core.internal.store.StoreJson.TokenFile;
import dev.qbmc.core.model.Provider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The token files of a connection folder ({@code tokens-<provider>.json}, owner only). Failures
 * are thrown as they come (I/O or parse errors); the store maps them to its own exceptions, without
 * the parser's message, since a token file holds secrets.
 */
public final class TokenFiles {

  private TokenFiles() {}

  /**
   * The token file of a provider.
   *
   * @param connectionDir the connection folder
   * @param provider the provider
   * @return the file's path
   */
  public static Path path(Path connectionDir, Provider provider) {
    return connectionDir.resolve("tokens-" + provider.name().toLowerCase(Locale.ROOT) + ".json");
  }

  /**
   * Reads a token file.
   *
   * @param file the file
   * @return its content, or null when it does not exist
   * @throws IOException if it cannot be read or parsed
   */
  public static TokenFile read(Path file) throws IOException {
    byte[] bytes = AtomicFiles.readIfExists(file);
    return bytes == null ? null : StoreJson.tokens(StoreJson.parse(bytes));
  }

  /**
   * Replaces a token file atomically (owner only), creating its folder if needed.
   *
   * @param file the file
   * @param content the new content
   * @param fsync whether to force the file to disk
   * @throws IOException if it cannot be written
   */
  public static void write(Path file, TokenFile content, boolean fsync) throws IOException {
    AtomicFiles.createOwnerOnlyDirectories(file.getParent());
    AtomicFiles.write(file, StoreJson.bytes(StoreJson.tokens(content)), true, fsync);
  }
}
