package dev.qbmc.examples.sim.quickbooks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qbmc.examples.sim.SimResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

/**
 * The response shapes of the QBO API: bodies with the {@code time} stamp, the capitalised
 * {@code Fault} of the API itself, the lower-case {@code fault} envelope of Intuit's gateway
 * (401, 403) and the XML throttle body (429, XML even when JSON was asked).
 */
final class QboResponses {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String JSON_TYPE = "application/json;charset=UTF-8";
  private static final String THROTTLE_XML = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      + "<IntuitResponse time=\"%s\" xmlns=\"http://schema.intuit.com/finance/v3\">\n"
      + "  <Fault type=\"SERVICE\">\n"
      + "    <Error code=\"3001\">\n"
      + "      <Message>message=ThrottleExceeded; errorCode=003001; statusCode=429</Message>\n"
      + "      <Detail>The request limit was reached.  Try again later</Detail>\n"
      + "    </Error>\n"
      + "  </Fault>\n"
      + "</IntuitResponse>\n";

  private final Clock clock;
  private final ZoneId zone;

  QboResponses(Clock clock, ZoneId zone) {
    this.clock = clock;
    this.zone = zone;
  }

  static SimResponse json(int status, ObjectNode body) {
    return SimResponse.json(status, JSON_TYPE, body);
  }

  static SimResponse jsonText(int status, String body) {
    return SimResponse.text(status, JSON_TYPE, body);
  }

  /** HTTP 200 with the body stamped with the response {@code time}. */
  SimResponse ok(ObjectNode root) {
    root.put("time", now());
    return json(200, root);
  }

  /**
   * HTTP 200 {@code {"QueryResponse": <object>, "time": ...}} around an already serialised
   * {@code QueryResponse} object.
   */
  SimResponse okQueryResponse(byte[] queryResponse) {
    byte[] head = "{\"QueryResponse\":".getBytes(StandardCharsets.UTF_8);
    byte[] tail = (",\"time\":\"" + now() + "\"}").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + queryResponse.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(queryResponse, 0, body, head.length, queryResponse.length);
    System.arraycopy(tail, 0, body, head.length + queryResponse.length, tail.length);
    return new SimResponse(200, JSON_TYPE, body, Map.of());
  }

  /** HTTP 400 with a {@code ValidationFault}. */
  SimResponse fault(String message, String detail, String code, String element) {
    ObjectNode root = F.objectNode();
    ObjectNode fault = root.putObject("Fault");
    ObjectNode error = fault.putArray("Error").addObject();
    error.put("Message", message);
    error.put("Detail", detail);
    error.put("code", code);
    if (element != null) {
      error.put("element", element);
    }
    fault.put("type", "ValidationFault");
    root.put("time", now());
    return json(400, root);
  }

  SimResponse unauthorized() {
    return gatewayFault(401, "message=AuthenticationFailed; errorCode=003200; statusCode=401",
        "Token expired: access token missing, invalid or expired", "3200", "AUTHENTICATION")
        .withHeader("WWW-Authenticate", "Bearer realm=\"Intuit\", error=\"invalid_token\"");
  }

  SimResponse forbidden() {
    return gatewayFault(403, "message=ApplicationAuthorizationFailed; errorCode=003100; statusCode=403",
        "ApplicationAuthorizationFailed", "3100", "SERVICE");
  }

  SimResponse throttled() {
    return SimResponse.text(429, "application/xml", String.format(THROTTLE_XML, now()));
  }

  private SimResponse gatewayFault(int status, String message, String detail, String code, String type) {
    ObjectNode root = F.objectNode();
    root.putNull("warnings");
    root.putNull("intuitObject");
    ObjectNode fault = root.putObject("fault");
    ObjectNode error = fault.putArray("error").addObject();
    error.put("message", message);
    error.put("detail", detail);
    error.put("code", code);
    error.putNull("element");
    fault.put("type", type);
    root.putNull("report");
    root.putNull("queryResponse");
    root.putArray("batchItemResponse");
    root.putArray("attachableResponse");
    root.putNull("syncErrorResponse");
    root.putNull("requestId");
    root.put("time", clock.millis());
    root.putNull("status");
    root.putArray("cdcresponse");
    return json(status, root);
  }

  private String now() {
    return QboTime.response(clock.instant(), zone);
  }
}
