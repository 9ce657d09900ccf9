package dev.qbmc.core.report;

import dev.qbmc.core.internal.QbmcStyle;
import dev.qbmc.core.model.Provider;
import org.immutables.value.Value;

/**
 * How many calls a sync made to one endpoint of one API. Endpoints are method plus path template
 * (for example {@code PUT /lists/{list_id}/members/{subscriber_hash}} or {@code GET /query}), so
 * the list stays short whatever the number of records.
 */
@Value.Immutable(builder = false)
@QbmcStyle
public abstract class ApiCallCount {

  ApiCallCount() {}

  /**
   * The API called.
   *
   * @return the provider
   */
  @Value.Parameter
  public abstract Provider api();

  /**
   * The endpoint (method and path template).
   *
   * @return the endpoint
   */
  @Value.Parameter
  public abstract String endpoint();

  /**
   * The number of HTTP requests made, retries included.
   *
   * @return a positive count
   */
  @Value.Parameter
  public abstract long calls();

  /**
   * Creates a count.
   *
   * @param api the API
   * @param endpoint the endpoint
   * @param calls the number of calls
   * @return the count
   */
  public static ApiCallCount of(Provider api, String endpoint, long calls) {
    return ImmutableApiCallCount.of(api, endpoint, calls);
  }
}
