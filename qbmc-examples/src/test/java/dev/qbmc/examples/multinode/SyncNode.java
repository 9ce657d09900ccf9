package dev.qbmc.examples.multinode;

import dev.qbmc.core.Qbmc;
import dev.qbmc.core.SyncAlreadyRunningException;
import dev.qbmc.core.SyncOptions;
import dev.qbmc.core.report.SyncReport;
import dev.qbmc.core.store.JdbcStore;
import dev.qbmc.examples.host.ApiEndpoints;
import dev.qbmc.examples.host.QbmcSetup;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One node of a multi-node host, run as its own JVM by {@link NodeProcess}: its own {@link
 * JdbcStore} over its own PostgreSQL driver {@code DataSource}, its own {@link Qbmc} built like the
 * host examples, talking to simulators that run in the test's JVM. It reads commands from stdin
 * and answers one line each on stdout:
 *
 * <ul>
 *   <li>{@code sync} (refused at once when another node holds the lease) and {@code sync-wait
 *       <millis>} (waits for the lease up to that long): {@code DONE <outcome> <mode> <runId>},
 *       {@code REFUSED} or {@code ERROR <type> <message>};
 *   <li>{@code quit}: closes everything and exits.
 * </ul>
 *
 * <p>Arguments are {@code key=value}: {@code name}, {@code store} (JDBC URL), {@code user}, {@code
 * qbo}, {@code tokens}, {@code revoke}, {@code mailchimp}, {@code clientId}, {@code clientSecret},
 * {@code connection}, {@code leaseTtlMillis}, {@code chunkSize}.
 */
public final class SyncNode {
  private SyncNode() {}

  /**
   * Runs the node until {@code quit} or the end of stdin.
   *
   * @param args {@code key=value} settings
   * @throws Exception when the node cannot start
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> a = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      a.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(a.get("store"));
    ds.setUser(a.get("user"));
    ds.setApplicationName("qbmc-node-" + a.get("name"));
    ds.setConnectTimeout(10);
    ds.setSocketTimeout(120);
    JdbcStore store = JdbcStore.builder().dataSource(ds).build();
    ApiEndpoints endpoints = ApiEndpoints.of(URI.create(a.get("qbo")), URI.create(a.get("tokens")),
        URI.create(a.get("revoke")), URI.create(a.get("mailchimp")));
    String connectionId = a.get("connection");
    try (Qbmc qbmc = QbmcSetup.builder(endpoints, QbmcSetup.intuitOAuth(endpoints, a.get("clientId"),
            a.get("clientSecret"), URI.create("http://127.0.0.1/callback")), null)
        .tokenStore(store)
        .stateStore(store)
        .instanceName("node-" + a.get("name"))
        .leaseTtl(Duration.ofMillis(Long.parseLong(a.get("leaseTtlMillis"))))
        .chunkSize(Integer.parseInt(a.get("chunkSize")))
        .build()) {
      out.println("READY");
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
        out.println(run(qbmc, connectionId, line.trim()));
      }
    }
  }

  private static String run(Qbmc qbmc, String connectionId, String command) {
    try {
      SyncReport report;
      if (command.equals("sync")) {
        report = qbmc.sync(connectionId);
      } else if (command.startsWith("sync-wait ")) {
        Duration wait = Duration.ofMillis(Long.parseLong(command.substring("sync-wait ".length())));
        report = qbmc.sync(connectionId, SyncOptions.builder().waitForLease(wait).build());
      } else {
        return "ERROR unknown command: " + command;
      }
      return "DONE " + report.outcome() + " " + report.mode() + " " + report.runId();
    } catch (SyncAlreadyRunningException e) {
      return "REFUSED";
    } catch (RuntimeException e) { // ConnectionNotActiveException among others
      return "ERROR " + e.getClass().getSimpleName() + " " + String.valueOf(e.getMessage()).replace('\n', ' ');
    }
  }
}
