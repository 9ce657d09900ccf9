package dev.qbmc.examples.sim.quickbooks;

import dev.qbmc.examples.sim.ConnectionLimit;
import dev.qbmc.examples.sim.Dispatcher;
import dev.qbmc.examples.sim.FaultInjector;
import dev.qbmc.examples.sim.Gate;
import dev.qbmc.examples.sim.Latency;
import dev.qbmc.examples.sim.MinuteWindow;
import dev.qbmc.examples.sim.RequestLog;
import dev.qbmc.examples.sim.RouteGroup;
import dev.qbmc.examples.sim.Router;
import dev.qbmc.examples.sim.SimRequest;
import dev.qbmc.examples.sim.SimResponse;
import java.time.Clock;
import java.util.List;

/**
 * Every route group of the simulated QuickBooks Online, assembled: the OAuth endpoints without a
 * gate, the {@code /v3/company/{realm}} routes behind the {@link QboGate}, a plain 404 for anything
 * else. A new resource is one more {@link RouteGroup} in the list below.
 */
final class QuickBooksApi {

  /**
   * The app and company the API serves.
   *
   * @param realmId the company's realm
   * @param clientId the OAuth client id
   * @param clientSecret the OAuth client secret
   */
  record App(String realmId, String clientId, String clientSecret) {
  }

  private final Dispatcher dispatcher;

  QuickBooksApi(App app, CompanyStore store, OAuthTokens tokens, Clock clock, MinuteWindow window, int maxInFlight,
      Latency latency, RequestLog log, FaultInjector faults) {
    QboResponses responses = new QboResponses(clock, store.base().zone());
    Router open = new Router();
    new TokenRoutes(app.clientId(), app.clientSecret(), tokens).addTo(open);
    Router api = new Router();
    List.of(new QueryRoutes(store, responses), new CdcRoutes(store, responses), new EntityRoutes(store, responses))
        .forEach(group -> group.addTo(api));
    Gate gate = new QboGate(app.realmId(), tokens, window, new ConnectionLimit(maxInFlight), latency, responses);
    this.dispatcher = new Dispatcher(log, faults,
        List.of(new Dispatcher.Mount(open, Gate.open()), new Dispatcher.Mount(api, gate)),
        r -> SimResponse.text(404, "text/plain", "Not Found"));
  }

  SimResponse handle(SimRequest request) {
    return dispatcher.handle(request);
  }
}
