package dev.qbmc.examples.host;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.qbmc.core.AudienceChoice;
import dev.qbmc.core.AuthorizationFailedException;
import dev.qbmc.core.ConnectRequest;
import dev.qbmc.core.Qbmc;
import dev.qbmc.core.QbmcException;
import dev.qbmc.core.model.MarketingStatus;
import dev.qbmc.core.store.InMemorySyncStateStore;
import dev.qbmc.core.store.InMemoryTokenStore;
import dev.qbmc.examples.cli.Sandbox;
import dev.qbmc.mailchimp.MailchimpOAuth;
import dev.qbmc.mailchimp.model.Audience;
import dev.qbmc.quickbooks.oauth.AuthorizationCallback;
import dev.qbmc.quickbooks.oauth.IntuitOAuth;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Handling both OAuth callbacks in a web backend, with the JDK's {@link HttpServer}:
 *
 * <ul>
 *   <li>{@code GET /connect/quickbooks?connection=<id>} remembers the connection id in a cookie and
 *       redirects the user to Intuit with a signed {@code state};</li>
 *   <li>{@code GET /oauth/quickbooks/callback} (the app's registered redirect URI) verifies the
 *       state, exchanges the code and stores the tokens: {@link
 *       Qbmc#completeQuickBooksAuthorization};</li>
 *   <li>{@code GET /connect/mailchimp} and {@code GET /oauth/mailchimp/callback} do the same for
 *       Mailchimp ({@link Qbmc#completeMailchimpAuthorization}) and then list the account's
 *       audiences for the user to choose from.</li>
 * </ul>
 *
 * <p>{@link #main} runs it against the simulators: it starts a {@link Sandbox}, serves the routes
 * on loopback and plays the user's browser through both consents (the simulated Intuit and
 * Mailchimp login hosts "consent" by minting a code), then connects and syncs once.
 */
public final class OAuthCallbacksExample {
  /** The cookie that carries the connection id between the redirect and the callback. */
  static final String CONNECTION_COOKIE = "qbmc_connection";

  private final Qbmc qbmc;
  private final URI publicBase;
  private final Map<String, String> realmsByConnection = new ConcurrentHashMap<>();

  private OAuthCallbacksExample(Qbmc qbmc, URI publicBase) {
    this.qbmc = qbmc;
    this.publicBase = publicBase;
  }

  /**
   * Registers the four routes on a server.
   *
   * @param server the server
   * @param qbmc the qbmc instance (built with an {@code oauthStateKey})
   * @param publicBase the server's public base URL, e.g. {@code https://app.example.com}
   * @return the example, to read the realms the users authorised
   */
  public static OAuthCallbacksExample register(HttpServer server, Qbmc qbmc, URI publicBase) {
    OAuthCallbacksExample routes = new OAuthCallbacksExample(Objects.requireNonNull(qbmc, "qbmc"),
        Objects.requireNonNull(publicBase, "publicBase"));
    server.createContext("/connect/quickbooks", routes::startQuickBooks);
    server.createContext("/oauth/quickbooks/callback", routes::quickBooksCallback);
    server.createContext("/connect/mailchimp", routes::startMailchimp);
    server.createContext("/oauth/mailchimp/callback", routes::mailchimpCallback);
    return routes;
  }

  /**
   * The QuickBooks realm a connection's user authorised.
   *
   * @param connectionId the connection
   * @return the realm id, or empty before the callback
   */
  public Optional<String> realmOf(String connectionId) {
    return Optional.ofNullable(realmsByConnection.get(connectionId));
  }

  // quickstart:start oauth
  private void startQuickBooks(HttpExchange exchange) throws IOException {
    String connectionId = queryParameter(exchange, "connection"); // in a real app: the signed-in account's id
    exchange.getResponseHeaders().add("Set-Cookie",
        CONNECTION_COOKIE + "=" + connectionId + "; Path=/; HttpOnly; Secure; SameSite=Lax");
    redirect(exchange, qbmc.quickBooksAuthorizationUrl(connectionId)); // signed, expiring state
  }

  private void quickBooksCallback(HttpExchange exchange) throws IOException {
    String connectionId = connectionOf(exchange);
    URI redirect = publicBase.resolve(exchange.getRequestURI()); // ?code=...&state=...&realmId=...
    try {
      String realmId = qbmc.completeQuickBooksAuthorization(connectionId, redirect); // tokens stored
      realmsByConnection.put(connectionId, realmId);
      respond(exchange, 200, "QuickBooks company " + realmId + " authorised. Next: /connect/mailchimp");
    } catch (AuthorizationFailedException e) { // denied consent, forged or expired state
      respond(exchange, 400, "QuickBooks authorisation failed: " + e.getMessage());
    }
  }
  // quickstart:end

  // quickstart:start oauth-mailchimp
  private void startMailchimp(HttpExchange exchange) throws IOException {
    redirect(exchange, qbmc.mailchimpAuthorizationUrl(connectionOf(exchange)));
  }

  private void mailchimpCallback(HttpExchange exchange) throws IOException {
    String connectionId = connectionOf(exchange);
    try {
      qbmc.completeMailchimpAuthorization(connectionId, publicBase.resolve(exchange.getRequestURI()));
      List<Audience> audiences = qbmc.availableAudiences(connectionId); // let the user choose one
      respond(exchange, 200, "Mailchimp authorised. Audiences: "
          + audiences.stream().map(a -> a.id() + " " + a.name()).collect(Collectors.joining(", ")));
    } catch (QbmcException e) {
      respond(exchange, 400, "Mailchimp authorisation failed: " + e.getMessage());
    }
  }
  // quickstart:end

  private static String queryParameter(HttpExchange exchange, String name) {
    String query = exchange.getRequestURI().getRawQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
          return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
      }
    }
    return "default";
  }

  private static String connectionOf(HttpExchange exchange) {
    return exchange.getRequestHeaders().getOrDefault("Cookie", List.of()).stream()
        .flatMap(header -> HttpCookie.parse("Set-Cookie: " + header).stream())
        .filter(cookie -> cookie.getName().equals(CONNECTION_COOKIE))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse("default");
  }

  private static void redirect(HttpExchange exchange, URI location) throws IOException {
    exchange.getResponseHeaders().add("Location", location.toString());
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  private static void respond(HttpExchange exchange, int status, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /**
   * Runs the routes against the simulators and plays the user's browser.
   *
   * @param args ignored
   * @throws Exception when something fails
   */
  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  /**
   * Runs the example: connects the sandbox company through the QuickBooks callback, then the
   * audience, and syncs once.
   *
   * @param out where to print
   * @return the realm the simulated user authorised
   * @throws Exception when something fails
   */
  public static String run(PrintStream out) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    URI publicBase = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    byte[] stateKey = new byte[32];
    new SecureRandom().nextBytes(stateKey); // in production: a fixed secret shared by all instances
    try (Sandbox sandbox = Sandbox.builder().synchronousBatches(true).start()) {
      ApiEndpoints endpoints = ApiEndpoints.of(sandbox);
      IntuitOAuth intuit = QbmcSetup.intuitOAuth(endpoints, sandbox.quickBooks().clientId(),
          sandbox.quickBooks().clientSecret(), publicBase.resolve("/oauth/quickbooks/callback"));
      MailchimpOAuth mailchimpOAuth = MailchimpOAuth.builder()
          .clientId(sandbox.mailchimp().oauthClientId())
          .clientSecret(sandbox.mailchimp().oauthClientSecret())
          .redirectUri(publicBase.resolve("/oauth/mailchimp/callback"))
          .loginBaseUri(URI.create(sandbox.mailchimp().loginUrl())) // default https://login.mailchimp.com
          .build();
      try (Qbmc qbmc = QbmcSetup.builder(endpoints, intuit, mailchimpOAuth)
          .tokenStore(new InMemoryTokenStore())
          .stateStore(new InMemorySyncStateStore())
          .oauthStateKey(stateKey)
          .build()) {
        OAuthCallbacksExample routes = register(server, qbmc, publicBase);
        server.start();
        try {
          return playBrowser(out, publicBase, sandbox, qbmc, routes);
        } finally {
          server.stop(0);
        }
      }
    }
  }

  /** What the user's browser does: both consents, then the host connects and syncs. */
  private static String playBrowser(PrintStream out, URI publicBase, Sandbox sandbox, Qbmc qbmc,
      OAuthCallbacksExample routes) throws IOException, InterruptedException {
    HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    HttpResponse<String> toIntuit = get(browser, publicBase.resolve("/connect/quickbooks?connection=acme"), null);
    URI intuitConsent = URI.create(toIntuit.headers().firstValue("Location").orElseThrow());
    String cookie = toIntuit.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    out.println("1. /connect/quickbooks redirected to " + intuitConsent.getHost() + intuitConsent.getPath());
    // The user consents at Intuit, which redirects back with a code, the state and the realm id.
    String intuitState = AuthorizationCallback.fromQueryString(intuitConsent.getRawQuery()).state().orElseThrow();
    HttpResponse<String> quickBooksDone = get(browser, publicBase.resolve("/oauth/quickbooks/callback?code="
        + sandbox.quickBooks().mintAuthorizationCode() + "&state=" + intuitState + "&realmId="
        + sandbox.quickBooks().realmId()), cookie);
    out.println("2. /oauth/quickbooks/callback answered " + quickBooksDone.statusCode() + ": " + quickBooksDone.body());
    HttpResponse<String> forged = get(browser, publicBase.resolve(
        "/oauth/quickbooks/callback?code=x&state=forged&realmId=" + sandbox.quickBooks().realmId()), cookie);
    out.println("3. a forged state is refused with " + forged.statusCode());

    HttpResponse<String> toMailchimp = get(browser, publicBase.resolve("/connect/mailchimp"), cookie);
    URI mailchimpConsent = URI.create(toMailchimp.headers().firstValue("Location").orElseThrow());
    out.println("4. /connect/mailchimp redirected to " + mailchimpConsent.getPath() + " on the login host");
    // The user approves the app at Mailchimp, which redirects back with a code and the state.
    String mailchimpState =
        AuthorizationCallback.fromQueryString(mailchimpConsent.getRawQuery()).state().orElseThrow();
    HttpResponse<String> mailchimpDone = get(browser, publicBase.resolve("/oauth/mailchimp/callback?code="
        + sandbox.mailchimp().mintOAuthCode() + "&state=" + mailchimpState), cookie);
    out.println("5. /oauth/mailchimp/callback answered " + mailchimpDone.statusCode() + ": " + mailchimpDone.body());

    String realmId = routes.realmOf("acme").orElseThrow();
    qbmc.connect(ConnectRequest.builder()
        .connectionId("acme")
        .realmId(realmId)
        .audience(AudienceChoice.existing(qbmc.availableAudiences("acme").get(0).id())) // the user's choice
        .marketingStatus(MarketingStatus.UNSUBSCRIBED)
        .build());
    out.println("6. connected; first sync: " + qbmc.sync("acme").summary());
    return realmId;
  }

  private static HttpResponse<String> get(HttpClient browser, URI uri, String cookie)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri);
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
