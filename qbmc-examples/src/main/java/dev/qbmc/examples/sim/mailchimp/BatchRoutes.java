package dev.qbmc.examples.sim.mailchimp;

import static dev.qbmc.examples.sim.mailchimp.Http.blank;
import static dev.qbmc.examples.sim.mailchimp.Http.found;
import static dev.qbmc.examples.sim.mailchimp.Http.ok;
import static dev.qbmc.examples.sim.mailchimp.MailchimpSimulator.ROOT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qbmc.examples.sim.FaultInjector;
import dev.qbmc.examples.sim.Json;
import dev.qbmc.examples.sim.RequestLog;
import dev.qbmc.examples.sim.RouteGroup;
import dev.qbmc.examples.sim.Router;
import dev.qbmc.examples.sim.SimRequest;
import dev.qbmc.examples.sim.SimResponse;
import dev.qbmc.examples.sim.TarGzWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Batch operations: {@code POST|GET /3.0/batches}, {@code GET|DELETE /3.0/batches/{batch_id}}. A
 * batch runs on the executor ({@code pending -> started -> finished}), each operation through the
 * API routes (without authentication or connection limit, in import mode, counted in the request
 * log as {@code BATCH:<method>}, offered to the simulator's batch operation faults); its results are
 * a tar.gz of JSON files of at most 500 results, served by {@link #results()} on the download host.
 * An operation's path is percent-decoded like a request's.
 */
final class BatchRoutes implements RouteGroup {

  /** Path prefix of result archives on the download host. */
  static final String RESULTS_PREFIX = "/batch-results/";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final int RESULTS_PER_FILE = 500;

  private static final class BatchJob {
    final String id;
    final Instant submittedAt;
    final int total;
    volatile String status = "pending";
    final AtomicInteger finished = new AtomicInteger();
    final AtomicInteger errored = new AtomicInteger();
    volatile Instant completedAt;
    volatile byte[] results;

    BatchJob(String id, Instant submittedAt, int total) {
      this.id = id;
      this.submittedAt = submittedAt;
      this.total = total;
    }
  }

  private final Account account;
  private final Router api;
  private final RequestLog log;
  private final FaultInjector operationFaults;
  private final Executor executor;
  private final Supplier<Optional<String>> host;
  private final Map<String, BatchJob> batches = new ConcurrentHashMap<>();

  /**
   * Creates the batch routes.
   *
   * @param api the API routes operations run through
   * @param operationFaults faults for the operations run inside batches
   * @param host the base URL of the running server, empty when stopped
   */
  BatchRoutes(Account account, Router api, RequestLog log, FaultInjector operationFaults, Executor executor,
      Supplier<Optional<String>> host) {
    this.account = account;
    this.api = api;
    this.log = log;
    this.operationFaults = operationFaults;
    this.executor = executor;
    this.host = host;
  }

  @Override
  public void addTo(Router router) {
    router.add("POST", ROOT + "/batches", this::postBatch);
    router.add("GET", ROOT + "/batches", this::getBatches);
    router.add("GET", ROOT + "/batches/{batch_id}", r -> ok(batchJson(found(batches.get(r.param("batch_id"))))));
    router.add("DELETE", ROOT + "/batches/{batch_id}", r -> Http.deleted(batches.remove(r.param("batch_id"))));
  }

  /** The result archive downloads, {@code GET /batch-results/{file}} (no authentication). */
  RouteGroup results() {
    return router -> router.add("GET", RESULTS_PREFIX + "{file}", this::batchResults);
  }

  private SimResponse postBatch(SimRequest r) {
    ObjectNode body = Http.body(r);
    JsonNode ops = body.path("operations");
    if (!ops.isArray()) {
      throw ApiProblem.invalidFields(blank("operations"));
    }
    int index = 0;
    for (JsonNode op : ops) {
      if (!op.path("method").isTextual() || !op.path("path").isTextual()) {
        throw ApiProblem.invalidFields(new ApiProblem.FieldError("operations.item:" + index,
            "Each operation needs a method and a path"));
      }
      if (op.has("body") && !op.get("body").isTextual()) {
        throw ApiProblem.invalidFields(new ApiProblem.FieldError("operations.item:" + index + ".body",
            "Schema describes string, " + op.get("body").getNodeType().name().toLowerCase(Locale.ROOT)
                + " found instead"));
      }
      index++;
    }
    BatchJob job = new BatchJob(account.newId(), account.now(), ops.size());
    batches.put(job.id, job);
    List<JsonNode> operations = new ArrayList<>();
    ops.forEach(operations::add);
    executor.execute(() -> run(job, operations));
    return ok(batchJson(job));
  }

  private void run(BatchJob job, List<JsonNode> operations) {
    job.status = "started";
    ArrayNode results = F.arrayNode();
    for (JsonNode op : operations) {
      SimResponse response = runOperation(op);
      ObjectNode result = results.addObject();
      result.put("status_code", response.status());
      result.put("operation_id", op.path("operation_id").asText(null));
      result.put("response", response.bodyText());
      if (response.status() >= 400) {
        job.errored.incrementAndGet();
      }
      job.finished.incrementAndGet();
    }
    TarGzWriter tar = new TarGzWriter(account.now().getEpochSecond());
    int file = 0;
    for (int from = 0; from < results.size() || file == 0; from += RESULTS_PER_FILE, file++) {
      ArrayNode chunk = F.arrayNode();
      for (int i = from; i < Math.min(results.size(), from + RESULTS_PER_FILE); i++) {
        chunk.add(results.get(i));
      }
      tar.add(job.id + "-" + file + ".json", Json.bytes(chunk));
    }
    job.results = tar.finish();
    job.completedAt = account.now();
    job.status = "finished";
  }

  private SimResponse runOperation(JsonNode op) {
    String method = op.path("method").asText().toUpperCase(Locale.ROOT);
    String path = decoded(op.path("path").asText());
    Map<String, String> params = new LinkedHashMap<>();
    op.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
    byte[] body = op.path("body").asText("").getBytes(StandardCharsets.UTF_8);
    SimRequest request = SimRequest.of(method, ROOT + (path.startsWith("/") ? path : "/" + path), params,
        Map.of(Http.BATCH_HEADER, List.of("1")), body);
    Optional<Router.Match> match = api.match(request);
    log.record("BATCH:" + method, match.map(m -> m.request().route()).orElse(SimRequest.UNMATCHED));
    try {
      SimResponse response = operationFaults.apply(match.map(Router.Match::request).orElse(request),
          r -> match.isPresent() ? Http.serve(match.get().handler(), r) : Http.problem(ApiProblem.notFound()));
      return response.closeConnection() ? internalError() : response;
    } catch (RuntimeException e) {
      return internalError();
    }
  }

  private static SimResponse internalError() {
    return Http.problem(new ApiProblem(500, "Internal Server Error", "An unexpected error occurred.", List.of()));
  }

  /** The path with percent-escapes decoded, as the server decodes a request's; as given when not a URI path. */
  private static String decoded(String path) {
    try {
      String decoded = new URI(path).getPath();
      return decoded == null ? path : decoded;
    } catch (URISyntaxException e) {
      return path;
    }
  }

  private ObjectNode batchJson(BatchJob job) {
    ObjectNode node = F.objectNode();
    node.put("id", job.id);
    node.put("status", job.status);
    node.put("total_operations", job.total);
    node.put("finished_operations", job.finished.get());
    node.put("errored_operations", job.errored.get());
    node.put("submitted_at", job.submittedAt.toString());
    node.put("completed_at", job.completedAt == null ? "" : job.completedAt.toString());
    Optional<String> base = host.get();
    node.put("response_body_url", job.results == null || base.isEmpty() ? ""
        : base.get() + RESULTS_PREFIX + job.id + ".tar.gz");
    return node;
  }

  private SimResponse getBatches(SimRequest r) {
    Http.Paging p = Http.paging(r);
    ObjectNode out = F.objectNode();
    ArrayNode array = out.putArray("batches");
    p.page(batches.values().stream().sorted(Comparator.comparing((BatchJob b) -> b.id)))
        .forEach(b -> array.add(batchJson(b)));
    out.put("total_items", batches.size());
    return ok(out);
  }

  private SimResponse batchResults(SimRequest r) {
    String file = r.param("file");
    BatchJob job = file.endsWith(".tar.gz") ? batches.get(file.substring(0, file.length() - ".tar.gz".length())) : null;
    if (job == null || job.results == null) {
      return SimResponse.text(404, "application/xml", "<Error><Code>NoSuchKey</Code></Error>");
    }
    return new SimResponse(200, "application/x-gzip", job.results, Map.of());
  }
}
