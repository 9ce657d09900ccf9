/**
 * A loopback QuickBooks Online sandbox for one company (realm), following the real API's
 * documented behaviour:
 *
 * <ul>
 *   <li>{@code POST /oauth2/v1/tokens/bearer}: {@code authorization_code} and {@code refresh_token}
 *       grants with HTTP Basic client authentication; every refresh returns a new refresh token and
 *       the used one stops working (immediately by default, or after the configured
 *       {@link QuickBooksSimulator.Builder#refreshTokenGrace(java.time.Duration) grace}, Intuit's is 24 h); a bad code or token
 *       gets HTTP 400 {@code {"error_description":"Token invalid","error":"invalid_grant"}}.
 *       {@code POST /v2/oauth2/tokens/revoke} revokes a grant.</li>
 *   <li>{@code GET|POST /v3/company/{realm}/query}: {@code SELECT * | COUNT(*) FROM Entity [WHERE a AND b]
 *       [ORDERBY f] [STARTPOSITION n] [MAXRESULTS m]} with {@code = != < <= > >= IN LIKE},
 *       backslash-escaped literals, inactive name-list entities hidden unless {@code Active} is
 *       filtered, at most 1000 rows, {@code {"QueryResponse":{}}} past the end.</li>
 *   <li>{@code GET /v3/company/{realm}/{customer|item|invoice|salesreceipt}/{id}}, 610 Fault when
 *       absent; {@code GET .../cdc?entities=&changedSince=} with deleted entities as
 *       {@code status:"Deleted"}; {@code companyinfo/{realm}}; {@code preferences}.</li>
 *   <li>Bearer access tokens checked on every API call: 401 with the lower-case {@code fault}
 *       envelope; at most {@link QuickBooksSimulator.Builder#perMinuteLimit(int)} calls per realm per clock minute and
 *       {@link QuickBooksSimulator.Builder#maxInFlight(int)} concurrent calls, else HTTP 429 with the XML throttle body
 *       (XML even when JSON was asked).</li>
 *   <li>Optional webhooks: every change is queued and {@link QuickBooksSimulator#deliverWebhooks()} POSTs them to the
 *       configured URL with the {@code intuit-signature} header.</li>
 * </ul>
 *
 * <p>Company data comes from a {@link dev.qbmc.examples.sim.quickbooks.CompanyData} ({@link
 * dev.qbmc.examples.sim.quickbooks.GeneratedCompany} computes even a million invoices on demand,
 * never holding them in memory) with an overlay of the changes made while running.
 *
 * <p>Layout: {@link dev.qbmc.examples.sim.quickbooks.QuickBooksSimulator} is the façade (builder,
 * lifecycle, direct access for tests); each resource's routes are one package-private {@link
 * dev.qbmc.examples.sim.RouteGroup} ({@code TokenRoutes}, {@code QueryRoutes} with the parser
 * {@code QboQuery} and evaluator {@code QueryFilter}, {@code CdcRoutes}, {@code EntityRoutes}) over
 * the {@code CompanyStore}, behind one {@code QboGate}; {@code QboResponses} writes QBO's bodies
 * and faults, {@code WebhookDelivery} sends the webhooks, {@code CompanyEdits} shapes the direct
 * methods' writes.
 */
package dev.qbmc.examples.sim.quickbooks;
