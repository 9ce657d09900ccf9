package dev.qbmc.examples.sim.mailchimp;

import dev.qbmc.examples.sim.ConnectionLimit;
import dev.qbmc.examples.sim.Dispatcher;
import dev.qbmc.examples.sim.FaultInjector;
import dev.qbmc.examples.sim.Gate;
import dev.qbmc.examples.sim.Latency;
import dev.qbmc.examples.sim.RequestLog;
import dev.qbmc.examples.sim.RouteGroup;
import dev.qbmc.examples.sim.Router;
import dev.qbmc.examples.sim.SimRequest;
import dev.qbmc.examples.sim.SimResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Every route group of the simulated Mailchimp, assembled: the {@code /3.0} routes behind the
 * {@link MailchimpGate}, the login host's OAuth routes and the batch-result downloads without one. A new
 * resource is one more {@link RouteGroup} in the list below.
 */
final class MailchimpApi {

  /** Settings of the gate. */
  record Limits(int maxConnections, boolean bodilessThrottle) {
  }

  final ListRoutes lists;
  final LoginRoutes login;
  private final Dispatcher dispatcher;

  MailchimpApi(Account account, Limits limits, Latency latency, RequestLog log, FaultInjector faults,
      FaultInjector batchOperationFaults, Executor batchExecutor, LoginRoutes login, Supplier<Optional<String>> host) {
    this.login = login;
    this.lists = new ListRoutes(account);
    Router api = new Router();
    CustomerRoutes customers = new CustomerRoutes(account);
    BatchRoutes batches = new BatchRoutes(account, api, log, batchOperationFaults, batchExecutor, host);
    List.of(new AccountRoutes(account), lists, new MergeFieldRoutes(account), new MemberRoutes(account),
        new BatchSubscribeRoutes(account), new TagRoutes(account), new SegmentRoutes(account),
        new StoreRoutes(account), customers, new ProductRoutes(account), new OrderRoutes(account, customers),
        batches).forEach(group -> group.addTo(api));
    Router open = new Router();
    List.of(batches.results(), login).forEach(group -> group.addTo(open));
    MailchimpGate gate = new MailchimpGate(account.apiKey, new ConnectionLimit(limits.maxConnections()), latency,
        limits.bodilessThrottle());
    this.dispatcher = new Dispatcher(log, faults,
        List.of(new Dispatcher.Mount(open, Gate.open()), new Dispatcher.Mount(api, gate)),
        r -> gate.pass(r, x -> Http.problem(api.knowsPath(x.path()) || open.knowsPath(x.path())
            ? new ApiProblem(405, "Method Not Allowed", "The requested method and resource are not compatible.",
                List.of())
            : ApiProblem.notFound())));
  }

  /** Serves a request from a client; a client cannot mark its request as a batch operation. */
  SimResponse handle(SimRequest incoming) {
    Map<String, List<String>> headers = new HashMap<>(incoming.headers());
    headers.remove(Http.BATCH_HEADER);
    return dispatcher.handle(incoming.withHeaders(headers));
  }
}
