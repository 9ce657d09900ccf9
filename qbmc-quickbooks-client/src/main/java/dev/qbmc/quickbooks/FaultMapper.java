package dev.qbmc.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Turns an error response into the matching {@link QuickBooksServiceException}: parses
 * {@code Fault}/{@code fault} with {@code Error}/{@code error} entries from JSON or XML bodies
 * (throttling arrives as XML even when JSON was asked for), tolerates empty bodies and HTML pages,
 * and maps by error code first, then by HTTP status (never by numeric code ranges).
 */
final class FaultMapper {
  private static final Pattern TOKEN_AFTER_LABEL =
      Pattern.compile("(?i)((?:access|refresh|bearer)?\\s*token[^:=]{0,20}[:=]\\s*)\\S+");
  private static final Pattern LONG_OPAQUE = Pattern.compile(
          "(?<![A-Za-z0-9_\\-.~+/])(?=[A-Za-z0-9_\\-.~+/]*[0-9])(?=[A-Za-z0-9_\\-.~+/]*[A-Za-z])"
              + "[A-Za-z0-9_\\-.~+/]{24,}");

  private final ObjectMapper mapper;
  private final Clock clock;

  FaultMapper(ObjectMapper mapper, Clock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  /** Parsed fault contents. */
  record Fault(List<QuickBooksError> errors, String type) {}

  /**
   * Maps an error response.
   *
   * @param status HTTP status
   * @param body response body, may be empty
   * @param intuitTid the {@code intuit_tid} header or null
   * @param retryAfter the {@code Retry-After} header or null
   * @param secret the access token sent, scrubbed from every text
   * @return the exception (not thrown)
   */
  QuickBooksServiceException map(
      int status, byte[] body, String intuitTid, String retryAfter, String secret) {
    Fault fault = parse(body, secret);
    return toException(status, fault, intuitTid, retryAfter);
  }

  /**
   * Parses a fault from a body; no errors when the body has none or is not JSON/XML.
   *
   * @param body the body
   * @param secret a value to scrub, may be null
   * @return the fault
   */
  Fault parse(byte[] body, String secret) {
    if (body == null || body.length == 0) {
      return new Fault(List.of(), null);
    }
    String text = new String(body, StandardCharsets.UTF_8).strip();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1).strip();
    }
    try {
      if (text.startsWith("{")) {
        return parseJson(mapper.readTree(text), secret);
      }
      if (text.startsWith("<?xml") || text.startsWith("<IntuitResponse") || text.startsWith("<Fault")) {
        return parseXml(text, secret);
      }
    } catch (Exception e) {
      // Not a parsable fault body (for example an HTML gateway page): fall back to the HTTP status.
    }
    return new Fault(List.of(), null);
  }

  private Fault parseJson(JsonNode root, String secret) {
    JsonNode fault = field(root, "Fault", "fault");
    if (fault == null || !fault.isObject()) {
      return new Fault(List.of(), null);
    }
    List<QuickBooksError> errors = new ArrayList<>();
    JsonNode array = field(fault, "Error", "error");
    if (array != null) {
      for (JsonNode entry : array.isArray() ? array : List.of(array)) {
        errors.add(
            error(
                text(field(entry, "code", "Code")),
                text(field(entry, "Message", "message")),
                text(field(entry, "Detail", "detail")),
                text(field(entry, "element", "Element")),
                secret));
      }
    }
    return new Fault(List.copyOf(errors), text(field(fault, "type", "Type")));
  }

  private Fault parseXml(String xml, String secret) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    DocumentBuilder builder = factory.newDocumentBuilder();
    builder.setErrorHandler(null);
    Document doc = builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    NodeList faults = doc.getElementsByTagNameNS("*", "Fault");
    if (faults.getLength() == 0) {
      return new Fault(List.of(), null);
    }
    Element fault = (Element) faults.item(0);
    List<QuickBooksError> errors = new ArrayList<>();
    NodeList entries = fault.getElementsByTagNameNS("*", "Error");
    for (int i = 0; i < entries.getLength(); i++) {
      Element entry = (Element) entries.item(i);
      errors.add(
          error(
              entry.getAttribute("code"),
              childText(entry, "Message"),
              childText(entry, "Detail"),
              entry.hasAttribute("element") ? entry.getAttribute("element") : childText(entry, "element"),
              secret));
    }
    String type = fault.getAttribute("type");
    return new Fault(List.copyOf(errors), type.isEmpty() ? null : type);
  }

  private static String childText(Element parent, String localName) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && localName.equals(e.getLocalName())) {
        return e.getTextContent();
      }
    }
    return null;
  }

  private static JsonNode field(JsonNode node, String a, String b) {
    if (node == null || !node.isObject()) {
      return null;
    }
    JsonNode value = node.get(a);
    return value != null && !value.isNull() ? value : node.get(b);
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  private static QuickBooksError error(
      String code, String message, String detail, String element, String secret) {
    return QuickBooksError.builder()
        .code(code == null ? "" : code.strip())
        .message(Optional.ofNullable(sanitize(message, secret)))
        .detail(Optional.ofNullable(sanitize(detail, secret)))
        .element(Optional.ofNullable(element).map(String::strip).filter(s -> !s.isEmpty()))
        .build();
  }

  /**
   * Removes token-like content from a text QBO sent back (the 401 detail quotes part of the token).
   *
   * @param text the text or null
   * @param secret the token sent, or null
   * @return the cleaned text, or null
   */
  static String sanitize(String text, String secret) {
    if (text == null) {
      return null;
    }
    String clean = text.strip();
    if (secret != null && !secret.isEmpty()) {
      clean = clean.replace(secret, "[redacted]");
    }
    clean = TOKEN_AFTER_LABEL.matcher(clean).replaceAll("$1[redacted]");
    clean = LONG_OPAQUE.matcher(clean).replaceAll("[redacted]");
    return clean.isEmpty() ? null : clean;
  }

  private QuickBooksServiceException toException(
      int status, Fault fault, String intuitTid, String retryAfter) {
    List<QuickBooksError> errors = fault.errors();
    String type = fault.type();
    if (hasCode(errors, "3001") || status == 429) {
      return new QuickBooksRateLimitException(
          "QuickBooks Online throttled the realm", status, errors, type, intuitTid,
          QuickBooksRetryPolicy.parseRetryAfter(retryAfter, clock.instant()).orElse(null));
    }
    if (hasCode(errors, "3200") || status == 401) {
      return new QuickBooksAuthenticationException(
          "QuickBooks Online refused the access token", status, errors, type, intuitTid);
    }
    if (hasCode(errors, "3100") || status == 403) {
      return new QuickBooksForbiddenException(
          "The app is not authorised for this request in this company", status, errors, type, intuitTid);
    }
    if (hasCode(errors, "610") || status == 404) {
      return new QuickBooksNotFoundException(
          "QuickBooks Online object not found", status, errors, type, intuitTid);
    }
    if (hasCode(errors, "5010")) {
      return new QuickBooksStaleObjectException(
          "QuickBooks Online object changed since it was read", status, errors, type, intuitTid);
    }
    if (hasCode(errors, "10000") || status >= 500) {
      return new QuickBooksServerException(
          "QuickBooks Online failed to process the request", status, errors, type, intuitTid);
    }
    if (status == 400 || (status >= 400 && !errors.isEmpty())) {
      return new QuickBooksValidationException(
          "QuickBooks Online rejected the request", status, errors, type, intuitTid);
    }
    return new QuickBooksServiceException(
        "QuickBooks Online returned an error", status, errors, type, intuitTid);
  }

  private static boolean hasCode(List<QuickBooksError> errors, String code) {
    for (QuickBooksError e : errors) {
      // QBO writes some codes zero-padded in messages (errorCode=003001); the code field is plain.
      if (e.code().equals(code) || e.code().replaceFirst("^0+(?=.)", "").equals(code)) {
        return true;
      }
    }
    return false;
  }

}
