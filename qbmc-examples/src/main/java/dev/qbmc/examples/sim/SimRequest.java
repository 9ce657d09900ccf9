package dev.qbmc.examples.sim;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request as a simulator route sees it.
 *
 * @param method upper-case HTTP method
 * @param path decoded request path
 * @param query decoded query parameters (first value of each name)
 * @param headers request headers with lower-case names
 * @param body raw body bytes (empty when none)
 * @param route the template of the route that matched, e.g. {@code /3.0/lists/{list_id}}, or
 *     {@link #UNMATCHED} (also before routing)
 * @param pathParams values of the route template's {@code {placeholders}}
 */
public record SimRequest(String method, String path, Map<String, String> query,
    Map<String, List<String>> headers, byte[] body, String route, Map<String, String> pathParams) {

  /** The {@link #route()} of a request no route matched; the request-log key of such requests. */
  public static final String UNMATCHED = "(unmatched)";

  /**
   * A request as it arrives, before routing.
   *
   * @param method upper-case HTTP method
   * @param path decoded request path
   * @param query decoded query parameters
   * @param headers headers with lower-case names
   * @param body raw body bytes
   * @return the request with route {@link #UNMATCHED} and no path parameters
   */
  public static SimRequest of(String method, String path, Map<String, String> query,
      Map<String, List<String>> headers, byte[] body) {
    return new SimRequest(method, path, query, headers, body, UNMATCHED, Map.of());
  }

  /**
   * The body decoded as UTF-8.
   *
   * @return the body text
   */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * First value of a header.
   *
   * @param name header name, any case
   * @return the value if present
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * A path parameter of the matched route.
   *
   * @param name placeholder name without braces
   * @return its value
   */
  public String param(String name) {
    return pathParams.get(name);
  }

  /**
   * This request as matched by a route.
   *
   * @param template the route template
   * @param params the matched placeholders
   * @return a copy
   */
  public SimRequest routed(String template, Map<String, String> params) {
    return new SimRequest(method, path, query, headers, body, template, Map.copyOf(params));
  }

  /**
   * This request with other headers.
   *
   * @param replacement headers with lower-case names
   * @return a copy
   */
  public SimRequest withHeaders(Map<String, List<String>> replacement) {
    return new SimRequest(method, path, query, Map.copyOf(replacement), body, route, pathParams);
  }
}
