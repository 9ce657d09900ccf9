package dev.qbmc.examples.sim;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A response a simulator route produced.
 *
 * @param status HTTP status
 * @param contentType media type, or {@code null} for no body
 * @param body body bytes (empty for none)
 * @param headers extra response headers
 */
public record SimResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

  /**
   * A response with a UTF-8 text body.
   *
   * @param status HTTP status
   * @param contentType media type
   * @param text body text
   * @return the response
   */
  public static SimResponse text(int status, String contentType, String text) {
    return new SimResponse(status, contentType, text.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  /**
   * A response without a body.
   *
   * @param status HTTP status
   * @return the response
   */
  public static SimResponse empty(int status) {
    return new SimResponse(status, null, new byte[0], Map.of());
  }

  /**
   * This response with one more header.
   *
   * @param name header name
   * @param value header value
   * @return a copy
   */
  public SimResponse withHeader(String name, String value) {
    java.util.HashMap<String, String> copy = new java.util.HashMap<>(headers);
    copy.put(name, value);
    return new SimResponse(status, contentType, body, Map.copyOf(copy));
  }

  /**
   * The body decoded as UTF-8.
   *
   * @return the body text
   */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
