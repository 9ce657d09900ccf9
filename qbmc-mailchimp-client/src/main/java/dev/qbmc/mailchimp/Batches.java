package dev.qbmc.mailchimp;

import dev.qbmc.mailchimp.model.BatchOperation;
import dev.qbmc.mailchimp.model.BatchOutcome;
import dev.qbmc.mailchimp.model.BatchResult;
import dev.qbmc.mailchimp.model.BatchStatus;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;

/**
 * Batch operations ({@code /batches}): submit many operations in one request, wait for Mailchimp to run
 * them, and read one status and body per operation from the results archive. {@link #run} also
 * resubmits the operations that failed for a passing reason. Obtain from {@link MailchimpClient#batches()}.
 */
public final class Batches {
  /** The wait before the first status poll of a batch of no operations; see {@link #firstPollWait(int)}. */
  public static final Duration FIRST_POLL_WAIT = Duration.ofMillis(100);
  /** The longest wait between status polls. */
  public static final Duration MAX_POLL_INTERVAL = Duration.ofSeconds(30);

  private static final System.Logger LOG = System.getLogger(MailchimpClient.class.getName());

  private final Transport transport;
  private final MailchimpRetryPolicy retry;
  private final DoubleSupplier random;

  Batches(Transport transport, MailchimpRetryPolicy retry, DoubleSupplier random) {
    this.transport = transport;
    this.retry = retry;
    this.random = random;
  }

  /**
   * The wait before the first status poll of a new batch: {@link #FIRST_POLL_WAIT} plus 0.2 ms per
   * operation (Mailchimp runs a few thousand operations a second), so that a small batch is read
   * back at once and a large one is not polled in vain; later polls double the wait up to
   * {@link #MAX_POLL_INTERVAL}.
   *
   * @param operations the number of operations
   * @return the wait
   */
  public static Duration firstPollWait(int operations) {
    return FIRST_POLL_WAIT.plusNanos(200_000L * Math.max(0, operations));
  }

  /**
   * An operation whose body is the JSON form of {@code body} (serialised with the client's mapper, so model
   * values are written exactly as the direct calls write them). Prefer
   * {@link #operation(MailchimpRequest, String)}, which takes the path from the client.
   *
   * @param method GET, POST, PUT, PATCH or DELETE
   * @param path the path relative to {@code /3.0}, values percent-encoded
   * @param body a model value or any Jackson-serialisable object; null for none
   * @param operationId the id to find the result by
   * @return the operation
   * @throws IllegalArgumentException if the body cannot be written as JSON
   * @throws IllegalStateException if the method is not one of the five or the path does not start
   *     with {@code /}
   */
  public BatchOperation operation(String method, String path, Object body, String operationId) {
    BatchOperation.Builder b = BatchOperation.builder().method(method).path(path).operationId(operationId);
    if (body != null) {
      b.body(transport.writeString(body));
    }
    return b.build();
  }

  /**
   * The operation that runs a prepared request inside a batch: same method, path and body, and
   * {@linkplain BatchOperation#repeatable() repeatable} when the request is.
   *
   * @param request the prepared request, e.g. from {@link Members#prepareUpsert}
   * @param operationId the id to find the result by
   * @return the operation
   */
  public BatchOperation operation(MailchimpRequest<?> request, String operationId) {
    Objects.requireNonNull(request, "request");
    return BatchOperation.builder()
        .method(request.method())
        .path(request.path())
        .body(request.body())
        .operationId(operationId)
        .repeatable(request.repeatable())
        .build();
  }

  /**
   * Submits operations ({@code POST /batches}). Not repeated after an unknown outcome (it would run the
   * operations twice).
   *
   * @param operations the operations, at least one
   * @return the new batch's status
   * @throws MailchimpOutcomeUnknownException if the submission's outcome is unknown
   * @throws MailchimpException if the call fails (an error answer, or throttling, a server error or
   *     a connection failure that outlasts the retry policy)
   */
  public BatchStatus submit(List<BatchOperation> operations) {
    Objects.requireNonNull(operations, "operations");
    if (operations.isEmpty()) {
      throw new IllegalArgumentException("at least one operation is required");
    }
    return transport.send("POST", ApiPath.of("/batches"), Map.of("operations", operations), BatchStatus.class);
  }

  /**
   * The status of a batch ({@code GET /batches/{batch_id}}); also refreshes the 10-minute results URL.
   *
   * @param batchId the batch id
   * @return the status
   * @throws MailchimpException if the call fails (an error answer, or throttling, a server error or
   *     a connection failure that outlasts the retry policy)
   */
  public BatchStatus get(String batchId) {
    return transport.get(ApiPath.of("/batches/{batch_id}", batchId), Map.of(), BatchStatus.class);
  }

  /**
   * Reads the status now and, until the batch is {@code finished}, polls again with the client's
   * sleeper: first after {@link #firstPollWait(int)} for its {@code total_operations}, then doubling
   * up to {@link #MAX_POLL_INTERVAL}.
   *
   * @param batchId the batch id
   * @param timeout the overall deadline, measured with the client's clock
   * @return the finished status (which may report errored operations)
   * @throws MailchimpBatchTimeoutException if it has not finished by the deadline
   * @throws MailchimpException if the call fails (an error answer, or throttling, a server error or
   *     a connection failure that outlasts the retry policy)
   */
  public BatchStatus awaitFinished(String batchId, Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    Instant deadline = deadline(timeout);
    BatchStatus status = get(batchId);
    return status.isFinished() ? status
        : await(batchId, status, firstPollWait(status.totalOperations()), deadline, timeout);
  }

  /** The one wait loop: sleeps, polls, doubles the wait; throws at the deadline. */
  private BatchStatus await(String batchId, BatchStatus status, Duration firstWait, Instant deadline, Duration timeout) {
    Duration wait = firstWait;
    while (!status.isFinished()) {
      Duration left = Duration.between(transport.clock.instant(), deadline);
      if (left.isNegative() || left.isZero()) {
        throw new MailchimpBatchTimeoutException("batch " + batchId + " not finished within " + timeout
            + " (status " + status.status() + ", " + status.finishedOperations() + "/" + status.totalOperations()
            + ")", status);
      }
      try {
        transport.sleeper.sleep(wait.compareTo(left) < 0 ? wait : left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new MailchimpTransportException("interrupted while waiting for batch " + batchId, e, false);
      }
      status = get(batchId);
      wait = wait.multipliedBy(2).compareTo(MAX_POLL_INTERVAL) > 0 ? MAX_POLL_INTERVAL : wait.multipliedBy(2);
    }
    return status;
  }

  private Instant deadline(Duration timeout) {
    Instant now = transport.clock.instant();
    return timeout.compareTo(Duration.between(now, Instant.MAX)) >= 0 ? Instant.MAX : now.plus(timeout);
  }

  /**
   * Downloads and reads the results archive of a finished batch: a gzipped tar of JSON files, each an array
   * of {@code {status_code, operation_id, response}} where {@code response} is a JSON document as a string.
   * The archive URL is fetched without the Mailchimp credential. The download is bounded (64 MiB), and
   * the archive is decompressed and parsed as a stream within 32 MiB per file and 128 MiB in all.
   *
   * @param status a finished status with a {@code response_body_url}
   * @return one result per operation, in archive order
   * @throws NullPointerException if the status is null
   * @throws MailchimpMalformedResponseException if the status has no usable results URL (absent, not
   *     a URL, not HTTPS), or the archive cannot be read or exceeds a limit
   * @throws MailchimpException if the call fails (an error answer, or throttling, a server error or
   *     a connection failure that outlasts the retry policy)
   */
  public List<BatchResult> results(BatchStatus status) {
    Objects.requireNonNull(status, "status");
    String url = status.responseBodyUrl().filter(u -> !u.isBlank()).orElseThrow(() ->
        new MailchimpMalformedResponseException("batch " + status.id() + " has no response_body_url", null));
    URI uri;
    try {
      uri = Urls.requireHttps(URI.create(url.strip()), "response_body_url", true);
    } catch (IllegalArgumentException e) {
      throw new MailchimpMalformedResponseException("the response_body_url of batch " + status.id()
          + " is not an HTTPS URL", e);
    }
    return BatchResultsArchive.read(transport.download(uri));
  }

  /**
   * Submits, waits for and reads a batch, then resubmits the operations that failed for a passing
   * reason, in follow-up batches after the retry policy's backoff, up to its
   * {@link MailchimpRetryPolicy#maxAttempts() maxAttempts} batches in all and within the same
   * deadline: throttled operations (429), and, when {@linkplain BatchOperation#repeatable()
   * repeatable}, operations answered with a server error (5xx) or missing from the results. An
   * operation's result is its last attempt's. A follow-up that cannot be submitted or does not finish
   * in time ends the retries; the earlier results stand.
   *
   * @param operations the operations; give each a distinct {@code operation_id} (operations without
   *     one, or sharing one, are not resubmitted)
   * @param timeout the overall deadline for Mailchimp to finish
   * @return the outcome; with errored operations it is a partial success, see {@link BatchOutcome#failed()}
   * @throws MailchimpOutcomeUnknownException if the first request was sent but its outcome is unknown
   *     (not retried)
   * @throws MailchimpBatchTimeoutException if Mailchimp has not finished the first batch by the
   *     deadline (the batch may still finish)
   * @throws MailchimpMalformedResponseException if the first batch's results cannot be read
   * @throws MailchimpException if the call fails (an error answer, or throttling, a server error or
   *     a connection failure that outlasts the retry policy)
   */
  public BatchOutcome run(List<BatchOperation> operations, Duration timeout) {
    return run(operations, timeout, () -> true);
  }

  /**
   * {@link #run(List, Duration)}, asking {@code mayResubmit} before each follow-up batch: when it
   * answers false (the caller may write no more, e.g. its work was cancelled), no follow-up is
   * submitted and the results so far stand.
   *
   * @param operations the operations; give each a distinct {@code operation_id}
   * @param timeout the overall deadline for Mailchimp to finish
   * @param mayResubmit asked before each follow-up batch, on the calling thread
   * @return the outcome; with errored operations it is a partial success, see {@link BatchOutcome#failed()}
   * @throws MailchimpOutcomeUnknownException if the first request was sent but its outcome is unknown
   *     (not retried)
   * @throws MailchimpBatchTimeoutException if Mailchimp has not finished the first batch by the
   *     deadline (the batch may still finish)
   * @throws MailchimpMalformedResponseException if the first batch's results cannot be read
   * @throws MailchimpException if the call fails (an error answer, or throttling, a server error or
   *     a connection failure that outlasts the retry policy)
   */
  public BatchOutcome run(List<BatchOperation> operations, Duration timeout, BooleanSupplier mayResubmit) {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(mayResubmit, "mayResubmit");
    Instant deadline = deadline(timeout);
    BatchStatus finished = runOnce(operations, deadline, timeout);
    List<BatchResult> first = finished.totalOperations() == 0 ? List.of() : results(finished);
    BatchFollowUps followUps = new BatchFollowUps(operations, first);
    for (int attempt = 1; attempt < retry.maxAttempts() && followUps.hasRetries(); attempt++) {
      try {
        transport.sleeper.sleep(retry.backoff(attempt, random.getAsDouble()));
        if (!mayResubmit.getAsBoolean()) {
          break;
        }
        List<BatchOperation> again = followUps.retries();
        LOG.log(System.Logger.Level.DEBUG, () -> "resubmitting " + again.size() + " batch operations");
        finished = runOnce(again, deadline, timeout);
        followUps.answer(finished.totalOperations() == 0 ? List.of() : results(finished));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (MailchimpAuthenticationException e) {
        throw e;
      } catch (MailchimpException e) {
        LOG.log(System.Logger.Level.DEBUG, () -> "follow-up batch failed, keeping earlier results: " + e);
        break;
      }
    }
    return BatchOutcome.builder().status(finished).results(followUps.results()).build();
  }

  private BatchStatus runOnce(List<BatchOperation> operations, Instant deadline, Duration timeout) {
    BatchStatus submitted = submit(operations);
    return await(submitted.id(), submitted, firstPollWait(operations.size()), deadline, timeout);
  }

  /**
   * Stops a running batch or deletes a finished one's results ({@code DELETE /batches/{batch_id}}).
   *
   * @param batchId the batch id
   * @return true if deleted, false if it did not exist
   * @throws MailchimpException if the call fails (an error answer, or throttling, a server error or
   *     a connection failure that outlasts the retry policy)
   */
  public boolean delete(String batchId) {
    try {
      transport.sendNoContent("DELETE", ApiPath.of("/batches/{batch_id}", batchId), null);
      return true;
    } catch (MailchimpNotFoundException e) {
      return false;
    }
  }

  static List<BatchResult> parseResults(byte[] archive) {
    return BatchResultsArchive.read(archive);
  }
}
