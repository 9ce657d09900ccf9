package dev.qbmc.core.store;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link FileStore#recover} did: how many valid journal and snapshot frames it kept, how many
 * damaged ones it dropped, and which connections lost states and therefore had their cursor reset
 * (their next sync reads everything again and rewrites what differs).
 *
 * @param framesKept valid frames kept, over every state file
 * @param framesLost damaged frames dropped (each a commit's states, or up to 10,000 states of a
 *     snapshot); a torn tail left by a crash is not counted
 * @param bytesDropped bytes removed, damaged regions and torn tails
 * @param filesRewritten the state files that were rewritten
 * @param connectionsReset the connection ids whose cursor was deleted because frames were lost
 * @param unreadable files the recovery could not repair (a damaged {@code connection.json}, a
 *     damaged state file of the first format): fix or delete them by hand
 */
public record FileStoreRecovery(
    long framesKept,
    long framesLost,
    long bytesDropped,
    List<Path> filesRewritten,
    List<String> connectionsReset,
    List<Path> unreadable) {

  /**
   * Copies the lists.
   *
   * @param framesKept valid frames kept
   * @param framesLost damaged frames dropped
   * @param bytesDropped bytes removed
   * @param filesRewritten the rewritten files
   * @param connectionsReset the connections whose cursor was deleted
   * @param unreadable files left alone
   */
  public FileStoreRecovery {
    filesRewritten = List.copyOf(filesRewritten);
    connectionsReset = List.copyOf(connectionsReset);
    unreadable = List.copyOf(unreadable);
  }

  /**
   * Whether any state was lost.
   *
   * @return true when {@link #framesLost()} is positive
   */
  public boolean lostStates() {
    return framesLost > 0;
  }
}
