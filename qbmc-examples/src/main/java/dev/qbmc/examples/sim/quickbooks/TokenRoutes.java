package dev.qbmc.examples.sim.quickbooks;

import static dev.qbmc.examples.sim.quickbooks.QboResponses.jsonText;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qbmc.examples.sim.Json;
import dev.qbmc.examples.sim.LoopbackServer;
import dev.qbmc.examples.sim.RouteGroup;
import dev.qbmc.examples.sim.Router;
import dev.qbmc.examples.sim.SimRequest;
import dev.qbmc.examples.sim.SimResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Intuit's OAuth 2.0 endpoints, authenticated with HTTP Basic client credentials:
 * {@code POST /oauth2/v1/tokens/bearer} ({@code authorization_code} and rotating
 * {@code refresh_token} grants; HTTP 400 {@code invalid_grant} for a bad code or token) and
 * {@code POST /v2/oauth2/tokens/revoke} (revokes the grant of an access or refresh token).
 */
final class TokenRoutes implements RouteGroup {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final String clientId;
  private final String clientSecret;
  private final OAuthTokens tokens;

  TokenRoutes(String clientId, String clientSecret, OAuthTokens tokens) {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.tokens = tokens;
  }

  @Override
  public void addTo(Router router) {
    router.add("POST", QuickBooksSimulator.TOKEN_PATH, this::token);
    router.add("POST", QuickBooksSimulator.REVOKE_PATH, this::revoke);
  }

  private SimResponse token(SimRequest r) {
    if (!clientAuthenticated(r)) {
      return jsonText(401, "{\"error\":\"invalid_client\"}");
    }
    Map<String, String> form = LoopbackServer.parseQuery(r.bodyText());
    Optional<TokenPair> pair;
    switch (form.getOrDefault("grant_type", "")) {
      case "authorization_code":
        pair = tokens.exchangeCode(form.get("code"));
        break;
      case "refresh_token":
        pair = tokens.refresh(form.get("refresh_token"));
        break;
      default:
        return jsonText(400, "{\"error\":\"unsupported_grant_type\"}");
    }
    if (pair.isEmpty()) {
      return jsonText(400, "{\"error_description\":\"Token invalid\",\"error\":\"invalid_grant\"}");
    }
    ObjectNode body = F.objectNode();
    body.put("token_type", "bearer");
    body.put("expires_in", OAuthTokens.ACCESS_TOKEN_SECONDS);
    body.put("refresh_token", pair.get().refreshToken());
    body.put("x_refresh_token_expires_in", OAuthTokens.REFRESH_TOKEN_SECONDS);
    body.put("access_token", pair.get().accessToken());
    return QboResponses.json(200, body).withHeader("Cache-Control", "no-cache, no-store");
  }

  private SimResponse revoke(SimRequest r) {
    if (!clientAuthenticated(r)) {
      return jsonText(401, "{\"error\":\"invalid_client\"}");
    }
    String token = Json.tryParse(r.body()).map(n -> n.path("token").asText(null)).orElse(null);
    if (token == null) {
      return jsonText(400, "{\"error\":\"invalid_request\"}");
    }
    tokens.revoke(token);
    return SimResponse.empty(200);
  }

  private boolean clientAuthenticated(SimRequest r) {
    String auth = r.header("Authorization").orElse("");
    if (!auth.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
      return decoded.equals(clientId + ":" + clientSecret);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
