package dev.qbmc.examples.sim;

import java.util.function.Function;

/**
 * What stands between a routed request and its handler: authentication, rate and connection
 * limits, latency and the API's error format. One gate serves every route of a {@link Router}.
 */
@FunctionalInterface
public interface Gate {

  /**
   * Lets a request through to its handler, or answers in its place.
   *
   * @param request the routed request
   * @param handler the route's handler
   * @return the response
   */
  SimResponse pass(SimRequest request, Function<SimRequest, SimResponse> handler);

  /**
   * A gate that always runs the handler (token endpoints, download hosts).
   *
   * @return the open gate
   */
  static Gate open() {
    return (request, handler) -> handler.apply(request);
  }
}
