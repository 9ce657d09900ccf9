package dev.qbmc.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The operating-system account the throwaway PostgreSQL cluster runs as. PostgreSQL's {@code initdb}
 * and server refuse to run as root ("initdb: cannot be run as root"), and CI runs the build as root.
 * So: as a normal user (a laptop), the cluster runs as that user; as root, its processes are started
 * under an unprivileged account through {@code setpriv} (util-linux; {@code runuser} as a fallback),
 * by default {@code nobody}, or the account named by the environment variable {@code
 * QBMC_TEST_POSTGRES_USER}; the cluster's folder is handed to that account. No installation, no
 * password, no change to the machine.
 */
final class ServerAccount {

  /** Names the unprivileged account used when the tests run as root. */
  static final String ACCOUNT_VARIABLE = "QBMC_TEST_POSTGRES_USER";

  private final String name;
  private final int uid;
  private final int gid;
  private final List<String> prefix;

  private ServerAccount(String name, int uid, int gid, List<String> prefix) {
    this.name = name;
    this.uid = uid;
    this.gid = gid;
    this.prefix = List.copyOf(prefix);
  }

  /**
   * The account for this JVM: itself unless it runs as root.
   *
   * @param scratch a writable folder (to learn the effective user id from a new file's owner)
   * @return the account
   */
  static ServerAccount detect(Path scratch) {
    if (System.getProperty("os.name").toLowerCase().startsWith("windows")) {
      return new ServerAccount(System.getProperty("user.name"), -1, -1, List.of());
    }
    int myUid = effectiveUid(scratch);
    if (myUid != 0) {
      return new ServerAccount(System.getProperty("user.name"), myUid, -1, List.of());
    }
    String account = Optional.ofNullable(System.getenv(ACCOUNT_VARIABLE)).filter(s -> !s.isBlank()).orElse("nobody");
    int uid = idOf(account, "-u");
    int gid = idOf(account, "-g");
    if (uid == 0) {
      throw new IllegalStateException(ACCOUNT_VARIABLE + " names root; PostgreSQL needs an unprivileged account");
    }
    Optional<Path> setpriv = executable("setpriv");
    if (setpriv.isPresent()) {
      return new ServerAccount(
          account,
          uid,
          gid,
          List.of(setpriv.get().toString(), "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--"));
    }
    Optional<Path> runuser = executable("runuser");
    if (runuser.isPresent()) {
      return new ServerAccount(account, uid, gid, List.of(runuser.get().toString(), "-u", account, "--"));
    }
    throw new IllegalStateException(
        "the tests run as root, and PostgreSQL refuses to run as root; neither setpriv nor runuser"
            + " (util-linux) is installed to start it as the unprivileged account '"
            + account
            + "': install util-linux or run the build as a normal user");
  }

  /**
   * Whether the cluster runs under another account than the JVM's.
   *
   * @return true when the JVM runs as root
   */
  boolean isSwitched() {
    return !prefix.isEmpty();
  }

  /**
   * A command run as this account.
   *
   * @param command the program and its arguments
   * @return the command, prefixed when the account is switched
   */
  List<String> command(List<String> command) {
    List<String> all = new ArrayList<>(prefix);
    all.addAll(command);
    return all;
  }

  /**
   * Hands a folder the JVM created to this account (when switched).
   *
   * @param folder the folder
   * @throws IOException if the owner cannot be changed
   */
  void own(Path folder) throws IOException {
    if (isSwitched()) {
      Files.setAttribute(folder, "unix:uid", uid);
      Files.setAttribute(folder, "unix:gid", gid);
    }
  }

  @Override
  public String toString() {
    return isSwitched() ? name + " (uid " + uid + ", the tests run as root)" : name;
  }

  private static int effectiveUid(Path scratch) {
    try {
      Path probe = Files.createTempFile(scratch, "uid-", ".probe");
      try {
        return (Integer) Files.getAttribute(probe, "unix:uid");
      } finally {
        Files.delete(probe);
      }
    } catch (IOException | UnsupportedOperationException e) {
      throw new IllegalStateException("cannot tell which user the tests run as", e);
    }
  }

  private static int idOf(String account, String flag) {
    try {
      Process p = new ProcessBuilder("id", flag, account).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(
            "the tests run as root, and PostgreSQL refuses to run as root; the unprivileged account '"
                + account
                + "' to run it as does not exist ("
                + out
                + "): create it or name another one in "
                + ACCOUNT_VARIABLE);
      }
      return Integer.parseInt(out);
    } catch (IOException e) {
      throw new IllegalStateException("cannot look up the account '" + account + "' with id", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static Optional<Path> executable(String program) {
    List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
    dirs.addAll(List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin"));
    return dirs.stream()
        .filter(d -> !d.isBlank())
        .map(d -> Path.of(d, program))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
