package dev.qbmc.examples.sim;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a {@link FaultInjector} does to a request instead of (or around) serving it normally.
 * The factories cover the failures a client must survive: an error response, a connection that
 * ends without a response, a response slower than the client's timeout, and a malformed body.
 */
@FunctionalInterface
public interface Fault {

  /**
   * Produces the faulty response.
   *
   * @param request the routed request
   * @param normal serves the request as the simulator normally would (gate, limits and all)
   * @param sleeper the simulator's sleeper, for delays
   * @return the response to send
   * @throws InterruptedException when a delay is interrupted (the request then gets an empty 503)
   */
  SimResponse apply(SimRequest request, Function<SimRequest, SimResponse> normal, Sleeper sleeper)
      throws InterruptedException;

  /**
   * Answers with a fixed response and does not serve the request (nothing changes on the
   * simulator's side), e.g. {@code SimResponse.text(503, "text/plain", "down").withHeader("Retry-After", "2")}.
   *
   * @param response the response
   * @return the fault
   */
  static Fault respond(SimResponse response) {
    Objects.requireNonNull(response, "response");
    return (request, normal, sleeper) -> response;
  }

  /**
   * Closes the connection without a response and does not serve the request.
   *
   * @return the fault
   */
  static Fault closeConnection() {
    return (request, normal, sleeper) -> SimResponse.closedConnection();
  }

  /**
   * Waits, then serves the request normally; a delay longer than the client's timeout makes the
   * client give up while the simulator still applies the request.
   *
   * @param delay how long, through the simulator's {@link Sleeper}
   * @return the fault
   */
  static Fault delay(Duration delay) {
    Duration d = Latency.requireNonNegative(delay);
    return (request, normal, sleeper) -> {
      sleeper.sleep(d);
      return normal.apply(request);
    };
  }

  /**
   * Serves the request normally, then cuts the body to its first half (a malformed JSON body with
   * the normal status and headers; an empty body stays empty).
   *
   * @return the fault
   */
  static Fault truncateBody() {
    return (request, normal, sleeper) -> {
      SimResponse response = normal.apply(request);
      return response.withBody(Arrays.copyOf(response.body(), response.body().length / 2));
    };
  }
}
