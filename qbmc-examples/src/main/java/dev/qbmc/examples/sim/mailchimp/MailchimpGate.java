package dev.qbmc.examples.sim.mailchimp;

import dev.qbmc.examples.sim.ConnectionLimit;
import dev.qbmc.examples.sim.Gate;
import dev.qbmc.examples.sim.Latency;
import dev.qbmc.examples.sim.SimRequest;
import dev.qbmc.examples.sim.SimResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * The gate of every {@code /3.0} route, in Mailchimp's order: the simultaneous-connection limit
 * (429), the latency, the API key (HTTP Basic with the key as password, or {@code Bearer <key>};
 * 401), then the route, whose {@link ApiProblem}s become problem+json.
 */
final class MailchimpGate implements Gate {

  private final String apiKey;
  private final ConnectionLimit connections;
  private final Latency latency;
  private final boolean bodilessThrottle;

  MailchimpGate(String apiKey, ConnectionLimit connections, Latency latency, boolean bodilessThrottle) {
    this.apiKey = apiKey;
    this.connections = connections;
    this.latency = latency;
    this.bodilessThrottle = bodilessThrottle;
  }

  @Override
  public SimResponse pass(SimRequest request, Function<SimRequest, SimResponse> handler) {
    return connections.call(this::throttled, () -> latency.then(() -> authorized(request)
        ? Http.serve(handler, request)
        : Http.problem(new ApiProblem(401, "API Key Invalid",
            "Your API key may be invalid, or you've attempted to access the wrong datacenter.", List.of()))));
  }

  private SimResponse throttled() {
    return bodilessThrottle ? SimResponse.empty(429) : Http.problem(new ApiProblem(429, "Too Many Requests",
        "You have exceeded the limit of " + connections.max() + " simultaneous connections.", List.of()));
  }

  private boolean authorized(SimRequest r) {
    String auth = r.header("Authorization").orElse("");
    if (auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return auth.substring(7).trim().equals(apiKey);
    }
    if (auth.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon >= 0 && decoded.substring(colon + 1).equals(apiKey);
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    return false;
  }
}
