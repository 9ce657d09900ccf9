package dev.qbmc.examples.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A response a simulator route produced.
 *
 * @param status HTTP status
 * @param contentType media type, or {@code null} for no body
 * @param body body bytes (empty for none)
 * @param headers extra response headers
 * @param closeConnection true when the server sends nothing and closes the connection instead (a
 *     network fault: the client sees the connection end before a response)
 */
public record SimResponse(int status, String contentType, byte[] body, Map<String, String> headers,
    boolean closeConnection) {

  /**
   * A response that is sent.
   *
   * @param status HTTP status
   * @param contentType media type, or {@code null} for no body
   * @param body body bytes (empty for none)
   * @param headers extra response headers
   */
  public SimResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
    this(status, contentType, body, headers, false);
  }

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
   * A response with a JSON body.
   *
   * @param status HTTP status
   * @param contentType the exact media type the simulated API sends
   * @param body the JSON
   * @return the response
   */
  public static SimResponse json(int status, String contentType, JsonNode body) {
    return new SimResponse(status, contentType, Json.bytes(body), Map.of());
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
   * No response at all: the server closes the connection.
   *
   * @return the marker response
   */
  public static SimResponse closedConnection() {
    return new SimResponse(0, null, new byte[0], Map.of(), true);
  }

  /**
   * This response with one more header.
   *
   * @param name header name
   * @param value header value
   * @return a copy
   */
  public SimResponse withHeader(String name, String value) {
    HashMap<String, String> copy = new HashMap<>(headers);
    copy.put(name, value);
    return new SimResponse(status, contentType, body, Map.copyOf(copy), closeConnection);
  }

  /**
   * This response with another body (same status, media type and headers).
   *
   * @param replacement the body bytes
   * @return a copy
   */
  public SimResponse withBody(byte[] replacement) {
    return new SimResponse(status, contentType, replacement, headers, closeConnection);
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
