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
import java.util.Base64;
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
 *   <li>{@code GET /login?account=<id>} stands in for the host's sign-in: it starts a session (a
 *       random id in an HttpOnly cookie, the account kept server-side); every route below reads
 *       the signed-in account from it, and the account's id is the qbmc connection id;</li>
 *   <li>{@code GET /connect/quickbooks} redirects the user to Intuit with a signed {@code state}
 *       bound to the session and the account's connection;</li>
 *   <li>{@code GET /oauth/quickbooks/callback} (the app's registered redirect URI) verifies the
 *       state against the same session and connection, exchanges the code and stores the tokens:
 *       {@link Qbmc#completeQuickBooksAuthorization}; a state issued to another session (an
 *       attacker's, planted in a link) is refused;</li>
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
  /** The cookie that carries the session id of the signed-in user. */
  static final String SESSION_COOKIE = "example_session";

  private final Qbmc qbmc;
  private final URI publicBase;
  private final Map<String, String> realmsByConnection = new ConcurrentHashMap<>();
  private final Sessions sessions = new Sessions();

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
    server.createContext("/login", routes::signIn);
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
    Optional<Session> session = sessions.current(exchange); // your framework's signed-in session
    if (session.isEmpty()) {
      respond(exchange, 401, "Sign in first");
      return;
    }
    String connectionId = session.get().accountId(); // from your records, never from the request
    redirect(exchange, qbmc.quickBooksAuthorizationUrl(connectionId, session.get().id())); // signed state
  }

  private void quickBooksCallback(HttpExchange exchange) throws IOException {
    Optional<Session> session = sessions.current(exchange);
    if (session.isEmpty()) {
      respond(exchange, 401, "Sign in first");
      return;
    }
    String connectionId = session.get().accountId();
    URI redirect = publicBase.resolve(exchange.getRequestURI()); // ?code=...&state=...&realmId=...
    try { // the state must have been issued to this very session for this connection
      String realmId = qbmc.completeQuickBooksAuthorization(connectionId, session.get().id(), redirect);
      realmsByConnection.put(connectionId, realmId); // tokens stored
      respond(exchange, 200, "QuickBooks company " + realmId + " authorised. Next: /connect/mailchimp");
    } catch (AuthorizationFailedException e) { // denied consent, forged, expired or another session's state
      respond(exchange, 400, "QuickBooks authorisation failed: " + e.getMessage());
    }
  }
  // quickstart:end

  // quickstart:start oauth-mailchimp
  private void startMailchimp(HttpExchange exchange) throws IOException {
    Optional<Session> session = sessions.current(exchange);
    if (session.isEmpty()) {
      respond(exchange, 401, "Sign in first");
      return;
    }
    redirect(exchange, qbmc.mailchimpAuthorizationUrl(session.get().accountId(), session.get().id()));
  }

  private void mailchimpCallback(HttpExchange exchange) throws IOException {
    Optional<Session> session = sessions.current(exchange);
    if (session.isEmpty()) {
      respond(exchange, 401, "Sign in first");
      return;
    }
    String connectionId = session.get().accountId();
    try {
      qbmc.completeMailchimpAuthorization(connectionId, session.get().id(), publicBase.resolve(exchange.getRequestURI()));
      List<Audience> audiences = qbmc.availableAudiences(connectionId); // let the user choose one
      respond(exchange, 200, "Mailchimp authorised. Audiences: "
          + audiences.stream().map(a -> a.id() + " " + a.name()).collect(Collectors.joining(", ")));
    } catch (QbmcException e) {
      respond(exchange, 400, "Mailchimp authorisation failed: " + e.getMessage());
    }
  }
  // quickstart:end

  /** Stands in for the host's sign-in: a new session for the account named in the query. */
  private void signIn(HttpExchange exchange) throws IOException {
    String account = exchange.getRequestURI().getRawQuery() == null ? "acme"
        : URLDecoder.decode(exchange.getRequestURI().getRawQuery().replaceFirst("^account=", ""), StandardCharsets.UTF_8);
    Session session = sessions.start(account);
    exchange.getResponseHeaders().add("Set-Cookie",
        SESSION_COOKIE + "=" + session.id() + "; Path=/; HttpOnly; Secure; SameSite=Lax");
    respond(exchange, 200, "Signed in as " + account);
  }

  /**
   * A signed-in user's session: its id (random, in an HttpOnly cookie) and the account, whose id
   * is the qbmc connection id in this example.
   *
   * @param id the session id
   * @param accountId the signed-in account
   */
  record Session(String id, String accountId) {}

  /** The host's sessions, kept server-side; a real host uses its web framework's. */
  static final class Sessions {
    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    Session start(String accountId) {
      byte[] id = new byte[32];
      random.nextBytes(id);
      Session session = new Session(Base64.getUrlEncoder().withoutPadding().encodeToString(id), accountId);
      byId.put(session.id(), session);
      return session;
    }

    Optional<Session> current(HttpExchange exchange) {
      return exchange.getRequestHeaders().getOrDefault("Cookie", List.of()).stream()
          .flatMap(header -> HttpCookie.parse("Set-Cookie: " + header).stream())
          .filter(cookie -> cookie.getName().equals(SESSION_COOKIE))
          .map(cookie -> byId.get(cookie.getValue()))
          .filter(Objects::nonNull)
          .findFirst();
    }
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
    String cookie = get(browser, publicBase.resolve("/login?account=acme"), null)
        .headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    HttpResponse<String> toIntuit = get(browser, publicBase.resolve("/connect/quickbooks"), cookie);
    URI intuitConsent = URI.create(toIntuit.headers().firstValue("Location").orElseThrow());
    out.println("1. signed in; /connect/quickbooks redirected to " + intuitConsent.getHost() + intuitConsent.getPath());
    // An attacker signed in to the same app plants a callback link carrying their own state and code.
    String attackerCookie = get(browser, publicBase.resolve("/login?account=mallory"), null)
        .headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    URI attackerConsent = URI.create(get(browser, publicBase.resolve("/connect/quickbooks"), attackerCookie)
        .headers().firstValue("Location").orElseThrow());
    String attackerState = AuthorizationCallback.fromQueryString(attackerConsent.getRawQuery()).state().orElseThrow();
    HttpResponse<String> replayed = get(browser, publicBase.resolve("/oauth/quickbooks/callback?code="
        + sandbox.quickBooks().mintAuthorizationCode() + "&state=" + attackerState + "&realmId="
        + sandbox.quickBooks().realmId()), cookie);
    out.println("2. another session's state is refused in this session with " + replayed.statusCode());
    // The user consents at Intuit, which redirects back with a code, the state and the realm id.
    String intuitState = AuthorizationCallback.fromQueryString(intuitConsent.getRawQuery()).state().orElseThrow();
    HttpResponse<String> quickBooksDone = get(browser, publicBase.resolve("/oauth/quickbooks/callback?code="
        + sandbox.quickBooks().mintAuthorizationCode() + "&state=" + intuitState + "&realmId="
        + sandbox.quickBooks().realmId()), cookie);
    out.println("3. /oauth/quickbooks/callback answered " + quickBooksDone.statusCode() + ": " + quickBooksDone.body());
    HttpResponse<String> forged = get(browser, publicBase.resolve(
        "/oauth/quickbooks/callback?code=x&state=forged&realmId=" + sandbox.quickBooks().realmId()), cookie);
    out.println("4. a forged state is refused with " + forged.statusCode());

    HttpResponse<String> toMailchimp = get(browser, publicBase.resolve("/connect/mailchimp"), cookie);
    URI mailchimpConsent = URI.create(toMailchimp.headers().firstValue("Location").orElseThrow());
    out.println("5. /connect/mailchimp redirected to " + mailchimpConsent.getPath() + " on the login host");
    // The user approves the app at Mailchimp, which redirects back with a code and the state.
    String mailchimpState =
        AuthorizationCallback.fromQueryString(mailchimpConsent.getRawQuery()).state().orElseThrow();
    HttpResponse<String> mailchimpDone = get(browser, publicBase.resolve("/oauth/mailchimp/callback?code="
        + sandbox.mailchimp().mintOAuthCode() + "&state=" + mailchimpState), cookie);
    out.println("6. /oauth/mailchimp/callback answered " + mailchimpDone.statusCode() + ": " + mailchimpDone.body());

    String realmId = routes.realmOf("acme").orElseThrow();
    qbmc.connect(ConnectRequest.builder()
        .connectionId("acme")
        .realmId(realmId)
        .audience(AudienceChoice.existing(qbmc.availableAudiences("acme").get(0).id())) // the user's choice
        .marketingStatus(MarketingStatus.UNSUBSCRIBED)
        .build());
    out.println("7. connected; first sync: " + qbmc.sync("acme").summary());
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
