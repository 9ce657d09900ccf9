package dev.qbmc.examples.cli;

import dev.qbmc.core.Qbmc;
import dev.qbmc.core.QbmcException;
import dev.qbmc.core.SyncOptions;
import dev.qbmc.core.model.SyncOutcome;
import dev.qbmc.core.report.SyncReport;
import dev.qbmc.core.spi.Connection;
import dev.qbmc.core.store.FileStore;
import dev.qbmc.examples.sim.quickbooks.SampleCompany;
import dev.qbmc.mailchimp.MailchimpException;
import dev.qbmc.mailchimp.MailchimpSleeper;
import dev.qbmc.quickbooks.QuickBooksException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The operator CLI, {@code java -jar qbmc-examples/target/qbmc.jar <command>}: connect a
 * QuickBooks Online company to a Mailchimp audience, sync it, look at what was imported and
 * disconnect, against the real APIs or the loopback simulators. Configuration comes from the
 * environment variables of {@link Setting}; state is kept in a {@link FileStore} at {@code
 * QBMC_STATE_DIR}, or in a PostgreSQL database ({@code JdbcStore}) when {@code QBMC_STORE_URL} is
 * set.
 *
 * <p>Exit codes: {@value #OK} success; {@value #FAILED} a sync that did not fully succeed (its
 * report is printed) or an error from an API, the store or the connection's state (one line on
 * stderr); {@value #USAGE} a missing or invalid setting, an unknown command or option (one line on
 * stderr naming it). User errors never print a stack trace.
 *
 * <p>{@code --help} lists the commands and every setting with its default, {@code COMMAND --help}
 * (or {@code help COMMAND}) describes one command, its options and the settings it reads, and
 * {@code --version} prints the version; all three print on stdout and exit {@value #OK}.
 */
public final class QbmcCli {
  /** Exit code of success. */
  public static final int OK = 0;
  /** Exit code of a failed sync or an operational error. */
  public static final int FAILED = 1;
  /** Exit code of a configuration or usage error. */
  public static final int USAGE = 2;

  private final Map<String, String> env;
  private final PrintStream out;
  private final PrintStream err;
  private final Clock clock;
  private final MailchimpSleeper mailchimpSleeper;

  private QbmcCli(Map<String, String> env, PrintStream out, PrintStream err, Clock clock, MailchimpSleeper mailchimpSleeper) {
    this.env = env;
    this.out = out;
    this.err = err;
    this.clock = clock;
    this.mailchimpSleeper = mailchimpSleeper;
  }

  /**
   * Runs the CLI with the process environment and exits with its exit code.
   *
   * @param args the command and its options
   */
  public static void main(String[] args) {
    int code = run(List.of(args), System.getenv(), System.out, System.err);
    System.out.flush();
    System.exit(code);
  }

  /**
   * Runs one command in-process.
   *
   * @param args the command and its options
   * @param env the environment variables to read the configuration from
   * @param out standard output (reports, tables, JSON)
   * @param err standard error (progress, errors)
   * @return the exit code
   */
  public static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    return run(args, env, out, err, MailchimpSleeper.system());
  }

  /**
   * Runs one command in-process with a given Mailchimp sleeper, for tools and tests that
   * embed the CLI (a sleeper that does not wait keeps tests against the simulators fast).
   *
   * @param args the command and its options
   * @param env the environment variables to read the configuration from
   * @param out standard output
   * @param err standard error
   * @param mailchimpSleeper how the Mailchimp clients wait between {@code /batches} polls and
   *     retries
   * @return the exit code
   */
  public static int run(
      List<String> args, Map<String, String> env, PrintStream out, PrintStream err, MailchimpSleeper mailchimpSleeper) {
    Objects.requireNonNull(args, "args");
    QbmcCli cli = new QbmcCli(Map.copyOf(Objects.requireNonNull(env, "env")), Objects.requireNonNull(out, "out"),
        Objects.requireNonNull(err, "err"), Clock.systemUTC(), Objects.requireNonNull(mailchimpSleeper, "mailchimpSleeper"));
    try {
      return cli.dispatch(args);
    } catch (ConfigException | UsageException e) {
      err.println("qbmc: " + e.getMessage());
      return USAGE;
    } catch (QbmcException | QuickBooksException | MailchimpException | IllegalArgumentException
        | UncheckedIOException e) {
      err.println("qbmc: " + oneLine(e));
      return FAILED;
    } catch (RuntimeException e) {
      err.println("qbmc: internal error, please report it: " + oneLine(e));
      e.printStackTrace(err);
      return FAILED;
    }
  }

  private int dispatch(List<String> args) {
    if (args.isEmpty() || Set.of("help", "--help", "-h").contains(args.get(0))) {
      if (args.size() > 1 && args.get(0).equals("help")) {
        return commandHelp(args.get(1));
      }
      (args.isEmpty() ? err : out).println(CliHelp.general());
      return args.isEmpty() ? USAGE : OK;
    }
    if (args.get(0).equals("--version")) {
      out.println(CliHelp.version());
      return OK;
    }
    String command = args.get(0);
    List<String> options = args.subList(1, args.size());
    if (!command.equals("bench") && (options.contains("--help") || options.contains("-h"))) {
      return commandHelp(command);
    }
    switch (command) {
      case "demo":
        allow(Command.DEMO, options);
        return Demo.run(out, err);
      case "simulate":
        allow(Command.SIMULATE, options);
        return simulate();
      case "connect":
        allow(Command.CONNECT, options);
        return connect();
      case "sync":
        allow(Command.SYNC, options);
        return sync(options.contains("--dry-run"), options.contains("--json"));
      case "status":
        allow(Command.STATUS, options);
        return status();
      case "contacts":
        allow(Command.CONTACTS, options);
        return contacts();
      case "disconnect":
        allow(Command.DISCONNECT, options);
        return disconnect(options.contains("--revoke"));
      case "segments":
        return segments(options);
      case "bench":
        return dev.qbmc.examples.bench.SyncBenchmark.run(options, out);
      default:
        throw unknownCommand(command);
    }
  }

  private int commandHelp(String name) {
    Command command = Command.named(name).orElseThrow(() -> unknownCommand(name));
    if (command == Command.BENCH) {
      return dev.qbmc.examples.bench.SyncBenchmark.run(List.of("--help"), out);
    }
    out.println(CliHelp.of(command));
    return OK;
  }

  private static UsageException unknownCommand(String command) {
    return new UsageException("unknown command '" + command
        + "'; commands: demo, simulate, connect, sync, status, contacts, segments, disconnect, bench (see --help)");
  }

  private static void allow(Command command, List<String> options) {
    List<String> known = command.optionNames();
    for (String option : options) {
      if (!known.contains(option)) {
        throw new UsageException("unknown option '" + option + "' for " + command.commandName()
            + (known.isEmpty() ? " (it takes none)" : "; options: " + String.join(" ", known)));
      }
    }
  }

  /** A command's work with the opened store and a {@link Qbmc} built on it. */
  @FunctionalInterface
  private interface StoreWork {
    int run(CliStore store, Qbmc qbmc);
  }

  /**
   * Checks the settings every API command needs, opens the store (which must exist unless {@code
   * creating}), builds the instance, runs the work and closes both.
   */
  private int withQbmc(CliConfig config, boolean creating, StoreWork work) {
    QbmcFactory.checkSettings(config);
    try (CliStore store = CliStore.open(config, creating);
        Qbmc qbmc = QbmcFactory.create(config, store.tokens(), store.state(), new ProgressDisplay(err),
            mailchimpSleeper)) {
      if (!creating) {
        requireConnection(store, config);
      }
      return work.run(store, qbmc);
    }
  }

  private int connect() {
    CliConfig config = CliConfig.fromEnvironment(env);
    QbmcFactory.checkSettings(config);
    Operations.checkConnectSettings(config);
    return withQbmc(config, true, (store, qbmc) -> {
      Connection connection = Operations.connect(qbmc, config, clock);
      Operations.printConnection(connection, out);
      out.println("Connected. Run 'sync' for the first, full sync.");
      return OK;
    });
  }

  private int sync(boolean dryRun, boolean json) {
    CliConfig config = CliConfig.fromEnvironment(env);
    return withQbmc(config, false, (store, qbmc) -> {
      SyncReport report = qbmc.sync(config.connectionId(), SyncOptions.builder().dryRun(dryRun).build());
      if (json) {
        out.println(report.toJson());
      } else {
        ReportTable.print(report, out);
      }
      return report.outcome() == SyncOutcome.SUCCEEDED ? OK : FAILED;
    });
  }

  private int status() {
    CliConfig config = CliConfig.fromEnvironment(env);
    try (CliStore store = CliStore.openForReading(config)) {
      Connection connection = requireConnection(store, config);
      Operations.printConnection(connection, out);
      Operations.printRuns(store.state().recentRuns(config.connectionId(), 5), out);
      return OK;
    }
  }

  private int contacts() {
    CliConfig config = CliConfig.fromEnvironment(env);
    return withQbmc(config, false, (store, qbmc) -> {
      Operations.printContacts(qbmc.importedContacts(config.connectionId()), out);
      return OK;
    });
  }

  private int segments(List<String> args) {
    SegmentCommand.check(args);
    CliConfig config = CliConfig.fromEnvironment(env);
    return withQbmc(config, false, (store, qbmc) -> SegmentCommand.run(args, qbmc, config.connectionId(), out));
  }

  private int disconnect(boolean revoke) {
    CliConfig config = CliConfig.fromEnvironment(env);
    return withQbmc(config, false, (store, qbmc) -> {
      qbmc.disconnect(config.connectionId(), revoke);
      out.printf("Disconnected %s: the e-commerce data was deleted from Mailchimp, the contacts were kept,"
          + " the tokens were forgotten%s.%n", config.connectionId(), revoke ? " and revoked at Intuit" : "");
      return OK;
    });
  }

  private static Connection requireConnection(CliStore store, CliConfig config) {
    Optional<Connection> connection = store.state().connection(config.connectionId());
    return connection.orElseThrow(() -> new UsageException("no connection '" + config.connectionId() + "' in "
        + store.where() + "; run 'connect' first (or set QBMC_CONNECTION_ID / QBMC_STATE_DIR / QBMC_STORE_URL)"));
  }

  private int simulate() {
    // Batches finish before POST /batches answers, so syncs do not wait out Mailchimp's poll interval.
    Sandbox sandbox = Sandbox.builder().synchronousBatches(true).start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sandbox.close();
      stopped.countDown();
    }, "qbmc-simulate-stop"));
    out.println("Simulators running on loopback: the sample company in QuickBooks; in Mailchimp, audience "
        + sandbox.audienceId() + " where " + String.join(", ", SampleCompany.unsubscribedEmails())
        + " is already unsubscribed.");
    out.println("QuickBooks API  " + sandbox.quickBooks().baseUrl());
    out.println("Token endpoint  " + sandbox.quickBooks().tokenUrl());
    out.println("Mailchimp API   " + sandbox.mailchimp().baseUrl());
    out.println();
    out.println("Settings for the other commands (sandbox values, valid only while this runs):");
    List<String> exports = new ArrayList<>();
    sandbox.environment().forEach((name, value) -> exports.add("export " + name + "='" + value + "'"));
    exports.forEach(out::println);
    out.println();
    out.println("Then: java -jar qbmc-examples/target/qbmc.jar connect && java -jar qbmc-examples/target/qbmc.jar sync");
    out.println("The refresh token works once (Intuit rotates them); 'connect' stores its successor. Ctrl-C stops.");
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sandbox.close();
    }
    return OK;
  }

  private static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.replace('\n', ' ').replace('\r', ' ');
  }

  /** A command line that cannot be run: unknown command or option, or no connection to act on. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
