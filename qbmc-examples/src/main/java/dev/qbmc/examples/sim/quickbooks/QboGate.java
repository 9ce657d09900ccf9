package dev.qbmc.examples.sim.quickbooks;

import dev.qbmc.examples.sim.ConnectionLimit;
import dev.qbmc.examples.sim.Gate;
import dev.qbmc.examples.sim.Latency;
import dev.qbmc.examples.sim.MinuteWindow;
import dev.qbmc.examples.sim.SimRequest;
import dev.qbmc.examples.sim.SimResponse;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The gate of every {@code /v3/company/{realm}} route, in Intuit's order: a valid bearer access
 * token (else 401), for this realm (else 403), within the per-minute limit and the in-flight limit
 * (else 429 with the XML body), then the latency; every answer carries an {@code intuit_tid}.
 */
final class QboGate implements Gate {

  private final String realmId;
  private final OAuthTokens tokens;
  private final MinuteWindow window;
  private final ConnectionLimit inFlight;
  private final Latency latency;
  private final QboResponses responses;

  QboGate(String realmId, OAuthTokens tokens, MinuteWindow window, ConnectionLimit inFlight, Latency latency,
      QboResponses responses) {
    this.realmId = realmId;
    this.tokens = tokens;
    this.window = window;
    this.inFlight = inFlight;
    this.latency = latency;
    this.responses = responses;
  }

  @Override
  public SimResponse pass(SimRequest r, Function<SimRequest, SimResponse> handler) {
    String auth = r.header("Authorization").orElse("");
    Optional<String> tokenRealm = auth.regionMatches(true, 0, "Bearer ", 0, 7)
        ? tokens.realmOf(auth.substring(7).trim()) : Optional.empty();
    if (tokenRealm.isEmpty()) {
      return responses.unauthorized();
    }
    if (!tokenRealm.get().equals(r.param("realm")) || !realmId.equals(r.param("realm"))) {
      return responses.forbidden();
    }
    if (!window.tryCount()) {
      return responses.throttled();
    }
    return inFlight.call(responses::throttled, () -> latency.then(
        () -> handler.apply(r).withHeader("intuit_tid", UUID.randomUUID().toString())));
  }
}
