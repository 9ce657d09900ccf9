package dev.qbmc.examples.sim.mailchimp;

import static dev.qbmc.examples.sim.mailchimp.Http.json;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qbmc.examples.sim.LoopbackServer;
import dev.qbmc.examples.sim.RouteGroup;
import dev.qbmc.examples.sim.Router;
import dev.qbmc.examples.sim.SimRequest;
import dev.qbmc.examples.sim.SimResponse;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The login host's OAuth 2.0 endpoints: {@code POST /oauth2/token} (authorization-code grant with
 * single-use codes; 401 {@code invalid_client}, 400 {@code invalid_grant}) and
 * {@code GET /oauth2/metadata} ({@code Authorization: OAuth <token>}; a bad token gets HTTP 200
 * {@code {"error":"invalid_token"}}). The access token issued is the account's API key.
 */
final class LoginRoutes implements RouteGroup {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final Account account;
  private final String clientId;
  private final String clientSecret;
  private final Supplier<String> loginUrl;
  private final Map<String, Boolean> codes = new ConcurrentHashMap<>();

  LoginRoutes(Account account, String clientId, String clientSecret, Supplier<String> loginUrl) {
    this.account = account;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.loginUrl = loginUrl;
  }

  @Override
  public void addTo(Router router) {
    router.add("POST", MailchimpSimulator.OAUTH_TOKEN_PATH, this::token);
    router.add("GET", MailchimpSimulator.OAUTH_METADATA_PATH, this::metadata);
  }

  /** A single-use code, as if the user had approved the app on the consent page. */
  String mintCode() {
    String code = "mc-code-" + Long.toHexString(account.nextSerial()) + HexFormat.of().toHexDigits(System.nanoTime());
    codes.put(code, Boolean.TRUE);
    return code;
  }

  private SimResponse token(SimRequest r) {
    Map<String, String> form = LoopbackServer.parseQuery(r.bodyText());
    if (!clientId.equals(form.get("client_id")) || !clientSecret.equals(form.get("client_secret"))) {
      return json(401, F.objectNode().put("error", "invalid_client").put("error_description", "Invalid client"));
    }
    String code = form.getOrDefault("code", "");
    if (!"authorization_code".equals(form.get("grant_type")) || form.get("redirect_uri") == null
        || codes.remove(code) == null) {
      return json(400, F.objectNode().put("error", "invalid_grant")
          .put("error_description", "Invalid authorization code"));
    }
    return json(200, F.objectNode().put("access_token", account.apiKey).put("expires_in", 0).putNull("scope"));
  }

  private SimResponse metadata(SimRequest r) {
    String auth = r.header("Authorization").orElse("");
    if (!auth.regionMatches(true, 0, "OAuth ", 0, 6) || !auth.substring(6).trim().equals(account.apiKey)) {
      return json(200, F.objectNode().put("error", "invalid_token"));
    }
    String key = account.apiKey;
    String dc = key.substring(key.lastIndexOf('-') + 1);
    String url = loginUrl.get();
    ObjectNode body = F.objectNode().put("dc", dc).put("role", "owner").put("accountname", "Simulated Co")
        .put("user_id", 3_000_001).put("login_url", url).put("api_endpoint", url);
    body.putObject("login").put("email", "owner@example.org").put("login_id", 3_000_001)
        .put("login_name", "owner").put("login_email", "owner@example.org");
    return json(200, body);
  }
}
