package dev.qbmc.examples.host;

import dev.qbmc.core.AudienceChoice;
import dev.qbmc.core.ConnectRequest;
import dev.qbmc.core.Qbmc;
import dev.qbmc.core.model.MarketingStatus;
import dev.qbmc.core.store.JdbcStore;
import dev.qbmc.examples.cli.Sandbox;
import dev.qbmc.quickbooks.oauth.IntuitOAuth;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The {@link ScheduledSyncExample} on several nodes (instances of one host behind a load balancer)
 * sharing one PostgreSQL database: every node opens its own {@link JdbcStore} on the host's {@link
 * DataSource} and runs the same schedule over every connection. The store's lease lets one sync of
 * a connection run at a time across the nodes (the others skip it for the round), the QuickBooks
 * tokens a node refreshes are stored by compare-and-set so every node uses the rotated ones, and a
 * node that dies mid-sync is taken over by another after the lease TTL ({@link
 * Qbmc.Builder#leaseTtl}).
 *
 * <p>{@link #main} runs three nodes in this JVM against the simulators for a few seconds, on the
 * PostgreSQL database given as its argument (or {@code QBMC_STORE_URL}, with {@code
 * QBMC_STORE_USER} and {@code QBMC_STORE_PASSWORD}).
 */
public final class SeveralNodesSyncExample {
  private SeveralNodesSyncExample() {}

  /** One node: its store, its {@link Qbmc} and its schedule. Close it to stop the node. */
  public static final class Node implements AutoCloseable {
    private final String name;
    private final Qbmc qbmc;
    private final ScheduledSyncExample schedule;

    private Node(String name, Qbmc qbmc, ScheduledSyncExample schedule) {
      this.name = name;
      this.qbmc = qbmc;
      this.schedule = schedule;
    }

    /**
     * The node's name.
     *
     * @return the name given to {@link #startNode}
     */
    public String name() {
      return name;
    }

    /**
     * The node's qbmc instance (for connecting, webhooks and the OAuth callbacks, which any node may
     * serve).
     *
     * @return the instance
     */
    public Qbmc qbmc() {
      return qbmc;
    }

    /** Stops the node's schedule, waits for its running syncs, and closes its qbmc instance. */
    @Override
    public void close() {
      try {
        schedule.close();
      } finally {
        qbmc.close();
      }
    }

    @Override
    public String toString() {
      return "Node[" + name + "]";
    }
  }

  /**
   * Starts one node: what every instance of the host runs at start-up.
   *
   * @param nodeName the node's name, part of its lease owner names
   * @param database the host's data source (its pool) on the shared PostgreSQL database
   * @param endpoints the API hosts
   * @param intuit the Intuit OAuth app
   * @param every the delay between schedule rounds
   * @param log receives one line per sync or skip, prefixed with the node's name
   * @return the running node
   */
  public static Node startNode(String nodeName, DataSource database, ApiEndpoints endpoints, IntuitOAuth intuit,
      Duration every, Consumer<String> log) {
    Objects.requireNonNull(log, "log");
    // quickstart:start several-nodes
    JdbcStore store = JdbcStore.builder()
        .dataSource(database) // this node's pool on the shared database; migrations run once, safely
        .build();
    Qbmc qbmc = QbmcSetup.builder(endpoints, intuit, null)
        .tokenStore(store)    // tokens refreshed by one node are read by all (compare-and-set)
        .stateStore(store)    // one lease per connection across all nodes
        .instanceName(nodeName)
        .leaseTtl(Duration.ofMinutes(2)) // a node that dies mid-sync is taken over after this
        .build();
    ScheduledSyncExample schedule = ScheduledSyncExample.start(qbmc, store, every, 2,
        line -> log.accept(nodeName + " " + line)); // the same schedule on every node
    // quickstart:end
    return new Node(nodeName, qbmc, schedule);
  }

  /**
   * Runs three nodes against the simulators for a few seconds.
   *
   * @param args the JDBC URL of an empty PostgreSQL database, unless {@code QBMC_STORE_URL} is set
   * @throws Exception when something fails
   */
  public static void main(String[] args) throws Exception {
    String url = args.length > 0 ? args[0] : System.getenv("QBMC_STORE_URL");
    if (url == null || url.isBlank()) {
      System.err.println("usage: SeveralNodesSyncExample jdbc:postgresql://host:5432/database"
          + " (or set QBMC_STORE_URL; QBMC_STORE_USER and QBMC_STORE_PASSWORD for the login)");
      System.exit(2);
    }
    PGSimpleDataSource database = new PGSimpleDataSource(); // a host would use its pool here
    database.setURL(url);
    String user = System.getenv("QBMC_STORE_USER");
    if (user != null) {
      database.setUser(user);
    }
    String password = System.getenv("QBMC_STORE_PASSWORD");
    if (password != null) {
      database.setPassword(password);
    }
    run(System.out, database, 3, Duration.ofMillis(500), Duration.ofSeconds(6));
  }

  /**
   * Runs the example: starts the simulators and the nodes, connects one connection through the
   * first node, adds an invoice in QuickBooks half way, and stops.
   *
   * @param out where to print
   * @param database the shared database
   * @param nodes how many nodes
   * @param every the delay between rounds
   * @param runFor how long to keep the nodes running
   * @throws InterruptedException when interrupted
   */
  public static void run(PrintStream out, DataSource database, int nodes, Duration every, Duration runFor)
      throws InterruptedException {
    try (Sandbox sandbox = Sandbox.builder().latency(Duration.ofMillis(2)).synchronousBatches(true).start()) {
      ApiEndpoints endpoints = ApiEndpoints.of(sandbox);
      IntuitOAuth intuit = QbmcSetup.intuitOAuth(endpoints, sandbox.quickBooks().clientId(),
          sandbox.quickBooks().clientSecret(), URI.create("http://127.0.0.1/oauth/quickbooks/callback"));
      List<Node> running = new ArrayList<>();
      try {
        for (int i = 1; i <= nodes; i++) {
          running.add(startNode("node-" + i, database, endpoints, intuit, every, line -> out.println("  " + line)));
        }
        Qbmc any = running.get(0).qbmc();
        any.storeQuickBooksRefreshToken("acme", sandbox.quickBooks().realmId(),
            sandbox.quickBooks().mintTokens().refreshToken());
        any.storeMailchimpApiKey("acme", sandbox.mailchimp().apiKey());
        any.connect(ConnectRequest.builder()
            .connectionId("acme")
            .realmId(sandbox.quickBooks().realmId())
            .audience(AudienceChoice.existing(sandbox.audienceId()))
            .marketingStatus(MarketingStatus.SUBSCRIBED)
            .replaceExisting(true) // a database left from an earlier run of the example
            .build());
        Thread.sleep(runFor.toMillis() / 2);
        sandbox.quickBooks().addInvoice("1", "4", 2, new BigDecimal("19.99"));
        out.println("  (added an invoice in QuickBooks)");
        Thread.sleep(runFor.toMillis() / 2);
      } finally {
        for (Node node : running) {
          node.close();
        }
      }
    }
  }
}
