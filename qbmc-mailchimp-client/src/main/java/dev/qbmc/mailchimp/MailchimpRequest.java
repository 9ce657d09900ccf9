package dev.qbmc.mailchimp;

import java.util.Objects;
import java.util.Optional;

/**
 * A prepared write: the method, the percent-encoded path (relative to {@code /3.0}) and the JSON
 * body of one request, built by the resource groups ({@code members().prepareUpsert(...)},
 * {@code ecommerce().prepareUpsertOrder(...)}, ...). It either runs directly
 * ({@link MailchimpClient#execute(MailchimpRequest)}, with the client's retries) or becomes one
 * operation of a {@code /batches} request ({@link Batches#operation(MailchimpRequest, String)}), so
 * a caller never writes a Mailchimp path itself. Immutable and thread-safe; {@link #toString()}
 * shows the method and the path template only (paths hold subscriber hashes, bodies hold emails).
 *
 * @param <T> the type of the response body when run directly ({@code Void} for none)
 */
public final class MailchimpRequest<T> {
  private final String method;
  private final ApiPath path;
  private final String body;
  private final Class<T> responseType;
  private final boolean repeatable;

  private MailchimpRequest(String method, ApiPath path, String body, Class<T> responseType, boolean repeatable) {
    this.method = method;
    this.path = path;
    this.body = body;
    this.responseType = responseType;
    this.repeatable = repeatable;
  }

  /**
   * A request whose repetition is harmless when the method is not {@code POST}.
   *
   * @param transport serialises the body with the client's mapper
   */
  static <T> MailchimpRequest<T> of(
      Transport transport, String method, ApiPath path, Object body, Class<T> responseType) {
    return new MailchimpRequest<>(method, path, json(transport, body), responseType, !"POST".equals(method));
  }

  /** A {@code POST} whose repetition is harmless (documented at the call site), retried like a PUT. */
  static <T> MailchimpRequest<T> repeatablePost(Transport transport, ApiPath path, Object body, Class<T> responseType) {
    return new MailchimpRequest<>("POST", path, json(transport, body), responseType, true);
  }

  private static String json(Transport transport, Object body) {
    return body == null ? null : transport.writeString(body);
  }

  /**
   * The HTTP method.
   *
   * @return GET, POST, PUT, PATCH or DELETE
   */
  public String method() {
    return method;
  }

  /**
   * The concrete path relative to {@code /3.0}, every value in it percent-encoded, e.g.
   * {@code /ecommerce/stores/qbo-1/orders/invoice-42}.
   *
   * @return the path
   */
  public String path() {
    return path.path;
  }

  /**
   * The path with placeholders instead of values, e.g.
   * {@code /ecommerce/stores/{store_id}/orders/{order_id}}.
   *
   * @return the path template
   */
  public String pathTemplate() {
    return path.template;
  }

  /**
   * The JSON body, as the client's mapper writes it (absent values omitted).
   *
   * @return the body, empty when the request has none
   */
  public Optional<String> body() {
    return Optional.ofNullable(body);
  }

  /**
   * Whether sending the request twice has the same effect as once (PUT, PATCH, DELETE, and the
   * POSTs documented as repeatable, such as setting tags). Such a request is retried after a server
   * error or a lost response, directly and as a batch operation; any other request only when it was
   * throttled or never sent.
   *
   * @return true when repetition is harmless
   */
  public boolean repeatable() {
    return repeatable;
  }

  Class<T> responseType() {
    return responseType;
  }

  ApiPath apiPath() {
    return path;
  }

  @Override
  public String toString() {
    return "MailchimpRequest{" + method + " " + path.template + "}";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MailchimpRequest<?> r
        && method.equals(r.method)
        && path.path.equals(r.path.path)
        && Objects.equals(body, r.body)
        && responseType.equals(r.responseType)
        && repeatable == r.repeatable;
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, path.path, body, responseType, repeatable);
  }
}
