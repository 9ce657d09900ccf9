package dev.qbmc.examples.services;

import dev.qbmc.examples.sim.Fault;
import dev.qbmc.examples.sim.FaultInjector;
import dev.qbmc.examples.sim.SimResponse;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The fault kinds of the sweep: what each does to the one request it hits, and which requests it
 * applies to (every request of its API, or only the {@code /batches} requests it is about).
 */
enum SweepFaults {
  QBO_500(Api.QBO, qboError(500, "Internal Server Error")),
  QBO_503(Api.QBO, qboError(503, "Service Unavailable")),
  QBO_429_THROTTLE(Api.QBO, w -> Fault.respond(throttled())),
  QBO_429_THROTTLE_RETRY_AFTER(Api.QBO,
      w -> Fault.respond(throttled().withHeader("Retry-After", "30"))),
  QBO_401_EXPIRED_TOKEN(Api.QBO, w -> (request, normal, sleeper) -> {
    w.qbo.expireAccessTokens();
    return normal.apply(request);
  }),
  QBO_RESET(Api.QBO, w -> Fault.closeConnection()),
  QBO_TIMEOUT(Api.QBO, w -> readTimeout()),
  QBO_MALFORMED_JSON(Api.QBO, w -> Fault.truncateBody()),
  MC_500(Api.MAILCHIMP, mailchimpError(500, "Internal Server Error")),
  MC_503(Api.MAILCHIMP, mailchimpError(503, "Service Unavailable")),
  MC_429(Api.MAILCHIMP, mailchimpError(429, "Too Many Requests")),
  MC_RESET(Api.MAILCHIMP, w -> Fault.closeConnection()),
  MC_TIMEOUT(Api.MAILCHIMP, w -> readTimeout()),
  MC_MALFORMED_200(Api.MAILCHIMP, w -> malformedOk()),
  /** Every operation of the batch this {@code POST /batches} submits fails once (429, 500 or 503). */
  MC_BATCH_OPERATIONS_ERRORED(Api.MAILCHIMP, SweepFaults::postBatch, w -> (request, normal, sleeper) -> {
    FaultInjector operations = w.mailchimp.batchOperationFaults();
    operations.onEvery(r -> true, (op, serve, s) -> operationError(op.path()));
    try {
      return normal.apply(request);
    } finally {
      operations.clear();
    }
  }),
  /** The batch this {@code POST /batches} submits is accepted and stays {@code pending} for ever. */
  MC_BATCH_STUCK_PENDING(Api.MAILCHIMP, SweepFaults::postBatch, w -> (request, normal, sleeper) -> {
    w.holdNextBatch.set(true);
    try {
      return normal.apply(request);
    } finally {
      w.holdNextBatch.set(false);
    }
  }),
  /** The results archive is cut in half. */
  MC_RESULTS_ARCHIVE_TRUNCATED(Api.MAILCHIMP, route -> route.startsWith("GET /batch-results/"),
      w -> Fault.truncateBody());

  /** Which simulator a fault is injected into. */
  enum Api { QBO, MAILCHIMP }

  private static final String THROTTLE_XML = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      + "<IntuitResponse time=\"2026-03-02T02:00:00.000-08:00\" xmlns=\"http://schema.intuit.com/finance/v3\">\n"
      + "  <Fault type=\"SERVICE\">\n"
      + "    <Error code=\"3001\">\n"
      + "      <Message>message=ThrottleExceeded; errorCode=003001; statusCode=429</Message>\n"
      + "      <Detail>The request limit was reached.  Try again later</Detail>\n"
      + "    </Error>\n"
      + "  </Fault>\n"
      + "</IntuitResponse>\n";

  final Api api;
  private final Predicate<String> appliesTo;
  private final Function<SweepWorld, Fault> fault;

  SweepFaults(Api api, Function<SweepWorld, Fault> fault) {
    this(api, route -> true, fault);
  }

  SweepFaults(Api api, Predicate<String> appliesTo, Function<SweepWorld, Fault> fault) {
    this.api = api;
    this.appliesTo = appliesTo;
    this.fault = fault;
  }

  /** Whether the fault means something for a request of this route ({@code "METHOD template"}). */
  boolean appliesTo(String route) {
    return appliesTo.test(route);
  }

  /** The fault, acting on the world's simulators. */
  Fault in(SweepWorld world) {
    return fault.apply(world);
  }

  private static boolean postBatch(String route) {
    return route.equals("POST /3.0/batches");
  }

  /** Serves the request, then marks the response so that {@link TimeoutHttpClient} times out. */
  static Fault readTimeout() {
    return (request, normal, sleeper) -> normal.apply(request).withHeader(TimeoutHttpClient.MARKER, "1");
  }

  /** Serves the request, then answers 200 with its body cut in half (or a bare brace when empty). */
  private static Fault malformedOk() {
    return (request, normal, sleeper) -> {
      SimResponse served = normal.apply(request);
      byte[] body = served.body();
      byte[] cut = body.length < 2 ? new byte[] {'{'} : java.util.Arrays.copyOf(body, body.length / 2);
      String type = served.contentType() == null ? "application/json" : served.contentType();
      return new SimResponse(200, type, cut, served.headers());
    };
  }

  private static SimResponse throttled() {
    return SimResponse.text(429, "application/xml", THROTTLE_XML);
  }

  private static Function<SweepWorld, Fault> qboError(int status, String title) {
    return w -> Fault.respond(SimResponse.text(status, "application/json",
        "{\"Fault\":{\"Error\":[{\"Message\":\"" + title + "\",\"Detail\":\"try again\",\"code\":\"" + status
            + "\"}],\"type\":\"SystemFault\"},\"time\":\"2026-03-02T02:00:00.000-08:00\"}"));
  }

  private static Function<SweepWorld, Fault> mailchimpError(int status, String title) {
    return w -> Fault.respond(problem(status, title));
  }

  private static SimResponse operationError(String path) {
    int[] statuses = {429, 500, 503};
    int status = statuses[Math.floorMod(path.hashCode(), statuses.length)];
    return problem(status, status == 429 ? "Too Many Requests" : status == 500 ? "Internal Server Error"
        : "Service Unavailable");
  }

  private static SimResponse problem(int status, String title) {
    return SimResponse.text(status, "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"" + title
        + "\",\"status\":" + status + ",\"detail\":\"try again\",\"instance\":\"sweep\"}");
  }
}
