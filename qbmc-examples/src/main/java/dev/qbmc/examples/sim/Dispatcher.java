package dev.qbmc.examples.sim;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The request path every simulator shares: find the route, count the request in the
 * {@link RequestLog} (under its route template, or {@code (unmatched)}), give the
 * {@link FaultInjector} its chance to replace the response, then run the route's {@link Gate} and
 * handler. Immutable once built; thread-safe.
 */
public final class Dispatcher {

  /**
   * Routes and the gate in front of all of them.
   *
   * @param routes the routes
   * @param gate the gate
   */
  public record Mount(Router routes, Gate gate) {
  }

  private final RequestLog log;
  private final FaultInjector faults;
  private final List<Mount> mounts;
  private final Function<SimRequest, SimResponse> unmatched;

  /**
   * Creates a dispatcher.
   *
   * @param log where requests are counted
   * @param faults the fault hook, consulted for every request
   * @param mounts tried in order; the first router with a matching route serves the request
   * @param unmatched answers a request no route matches
   */
  public Dispatcher(RequestLog log, FaultInjector faults, List<Mount> mounts,
      Function<SimRequest, SimResponse> unmatched) {
    this.log = log;
    this.faults = faults;
    this.mounts = List.copyOf(mounts);
    this.unmatched = unmatched;
  }

  /**
   * Serves one request.
   *
   * @param request the request as received
   * @return the response
   */
  public SimResponse handle(SimRequest request) {
    for (Mount mount : mounts) {
      Optional<Router.Match> match = mount.routes().match(request);
      if (match.isPresent()) {
        SimRequest routed = match.get().request();
        log.record(routed.method(), routed.route());
        return faults.apply(routed, r -> mount.gate().pass(r, match.get().handler()));
      }
    }
    log.record(request.method(), SimRequest.UNMATCHED);
    return faults.apply(request, unmatched);
  }
}
