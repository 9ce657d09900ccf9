/**
 * A loopback Mailchimp Marketing API v3.0 for one account, following the documented behaviour (not
 * any client's assumptions). Routes under {@code /3.0}:
 *
 * <ul>
 *   <li>{@code GET /}, {@code GET /ping}; lists {@code GET|POST /lists}, {@code GET /lists/{id}}
 *       (with {@code stats.member_count}); {@code GET /lists/{id}/merge-fields} (FNAME, LNAME,
 *       ADDRESS, PHONE).</li>
 *   <li>Members: {@code GET /lists/{id}/members} ({@code status}, {@code since_last_changed},
 *       {@code count}, {@code offset}), {@code POST}, and {@code GET|PUT|PATCH|DELETE
 *       /lists/{id}/members/{hash}}. {@code status_if_new} applies only to new contacts;
 *       {@code status:"subscribed"} on an unsubscribed or cleaned member is refused with
 *       {@code Member In Compliance State}; forgotten addresses get {@code Forgotten Email Not
 *       Subscribed}; fake addresses (bad syntax or a configured domain suffix, default
 *       {@code .invalid}) and, on imports, role-based addresses get {@code Invalid Resource "...
 *       looks fake or invalid..."}; an incomplete ADDRESS gets {@code Invalid Resource} with
 *       {@code errors[{field:"ADDRESS"}]}; a path hash that is not the MD5 of the lower-cased
 *       address gets {@code Member Exists}.</li>
 *   <li>Batch subscribe {@code POST /lists/{id}} (at most 500 members, {@code update_existing});
 *       tags {@code POST /lists/{id}/members/{hash}/tags}; static tag segments
 *       {@code GET /lists/{id}/segments} and {@code GET /lists/{id}/segments/{segment_id}/members}.</li>
 *   <li>E-commerce {@code /ecommerce/stores[/{store_id}]} (POST, GET, PATCH, DELETE: deleting a
 *       store removes its customers, products and orders, never an audience member); customers
 *       (PUT creates or updates the audience member: a new contact becomes {@code subscribed} when
 *       {@code opt_in_status} is true, else {@code transactional}; an existing member's status is
 *       never changed); products (PUT/POST/GET/DELETE with variants); orders (PUT/POST/PATCH/GET/DELETE;
 *       unknown products, variants or customers are refused).</li>
 *   <li>{@code POST /batches} (operation bodies are JSON strings), run on the configured executor
 *       ({@code pending -> started -> finished}); {@code GET /batches/{id}} with counts and a
 *       {@code response_body_url} serving a tar.gz of JSON result files.</li>
 * </ul>
 *
 * <p>Errors are {@code application/problem+json}; problem titles and details are Mailchimp's. The
 * login host's OAuth endpoints are described at {@link
 * dev.qbmc.examples.sim.mailchimp.MailchimpSimulator#loginUrl()}.
 *
 * <p>Layout: {@link dev.qbmc.examples.sim.mailchimp.MailchimpSimulator} is the façade (builder,
 * lifecycle, direct access to the account for tests); each resource's routes are one
 * package-private {@link dev.qbmc.examples.sim.RouteGroup} ({@code AccountRoutes},
 * {@code ListRoutes}, {@code MergeFieldRoutes}, {@code MemberRoutes}, {@code BatchSubscribeRoutes},
 * {@code TagRoutes}, {@code SegmentRoutes}, {@code StoreRoutes}, {@code CustomerRoutes},
 * {@code ProductRoutes}, {@code OrderRoutes}, {@code BatchRoutes}, {@code LoginRoutes}) over the
 * shared {@code Account} state, assembled by {@code MailchimpApi} behind one {@code MailchimpGate}.
 */
package dev.qbmc.examples.sim.mailchimp;
