package dev.qbmc.examples.sim;

import java.nio.charset.StandardCharsets;
import java.util.List;
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
 * @param pathParams values of the route template's {@code {placeholders}}
 */
public record SimRequest(String method, String path, Map<String, String> query,
    Map<String, List<String>> headers, byte[] body, Map<String, String> pathParams) {

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
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
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
   * This request with the given path parameters.
   *
   * @param params the matched placeholders
   * @return a copy
   */
  public SimRequest withPathParams(Map<String, String> params) {
    return new SimRequest(method, path, query, headers, body, params);
  }
}
