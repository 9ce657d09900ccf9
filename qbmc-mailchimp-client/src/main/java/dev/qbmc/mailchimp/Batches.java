package dev.qbmc.mailchimp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.qbmc.mailchimp.internal.TarGz;
import dev.qbmc.mailchimp.model.BatchOperation;
import dev.qbmc.mailchimp.model.BatchOutcome;
import dev.qbmc.mailchimp.model.BatchResult;
import dev.qbmc.mailchimp.model.BatchStatus;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Batch operations ({@code /batches}): submit many operations in one request, wait for Mailchimp to run
 * them, and read one status and body per operation from the results archive. Obtain from
 * {@link MailchimpClient#batches()}.
 */
public final class Batches {
  /** The first wait between status polls; it doubles up to {@link #MAX_POLL_INTERVAL}. */
  public static final Duration FIRST_POLL_INTERVAL = Duration.ofSeconds(5);
  /** The longest wait between status polls. */
  public static final Duration MAX_POLL_INTERVAL = Duration.ofSeconds(60);

  private final Transport transport;

  Batches(Transport transport) {
    this.transport = transport;
  }

  /**
   * An operation whose body is the JSON form of {@code body} (serialised with the client's mapper, so model
   * values are written exactly as the direct calls write them).
   *
   * @param method GET, POST, PUT, PATCH or DELETE
   * @param path the path relative to {@code /3.0}
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
      try {
        b.body(transport.json.writeValueAsString(body));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("body of operation " + operationId + " cannot be written as JSON", e);
      }
    }
    return b.build();
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
   * Polls until the batch is {@code finished}, waiting with the client's sleeper from 5 s doubling to 60 s.
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
    Instant deadline = transport.clock.instant().plus(timeout);
    Duration interval = FIRST_POLL_INTERVAL;
    while (true) {
      BatchStatus status = get(batchId);
      if (status.isFinished()) {
        return status;
      }
      Duration left = Duration.between(transport.clock.instant(), deadline);
      if (left.isNegative() || left.isZero()) {
        throw new MailchimpBatchTimeoutException("batch " + batchId + " not finished within " + timeout + " (status "
            + status.status() + ", " + status.finishedOperations() + "/" + status.totalOperations() + ")", status);
      }
      try {
        transport.sleeper.sleep(interval.compareTo(left) < 0 ? interval : left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new MailchimpTransportException("interrupted while waiting for batch " + batchId, e, false);
      }
      interval = interval.multipliedBy(2).compareTo(MAX_POLL_INTERVAL) > 0 ? MAX_POLL_INTERVAL : interval.multipliedBy(2);
    }
  }

  /**
   * Downloads and reads the results archive of a finished batch: a gzipped tar of JSON files, each an array
   * of {@code {status_code, operation_id, response}} where {@code response} is a JSON document as a string.
   * The archive URL is fetched without the Mailchimp credential.
   *
   * @param status a finished status with a {@code response_body_url}
   * @return one result per operation, in archive order
   * @throws IllegalArgumentException if the status has no results URL
   * @throws NullPointerException if the status is null
   * @throws MailchimpMalformedResponseException if the archive cannot be read
   * @throws MailchimpException if the call fails (an error answer, or throttling, a server error or
   *     a connection failure that outlasts the retry policy)
   */
  public List<BatchResult> results(BatchStatus status) {
    Objects.requireNonNull(status, "status");
    String url = status.responseBodyUrl().filter(u -> !u.isBlank())
        .orElseThrow(() -> new IllegalArgumentException("batch " + status.id() + " has no response_body_url yet"));
    return parseResults(transport.download(URI.create(url)));
  }

  /**
   * Submits, waits for and reads a batch.
   *
   * @param operations the operations
   * @param timeout the overall deadline for Mailchimp to finish
   * @return the outcome; with errored operations it is a partial success, see {@link BatchOutcome#failed()}
   * @throws MailchimpOutcomeUnknownException if the request was sent but its outcome is unknown
   *     (not retried)
   * @throws MailchimpBatchTimeoutException if Mailchimp has not finished by the deadline (the batch
   *     may still finish)
   * @throws MailchimpMalformedResponseException if the results archive cannot be read
   * @throws MailchimpException if the call fails (an error answer, or throttling, a server error or
   *     a connection failure that outlasts the retry policy)
   */
  public BatchOutcome run(List<BatchOperation> operations, Duration timeout) {
    BatchStatus submitted = submit(operations);
    BatchStatus finished = awaitFinished(submitted.id(), timeout);
    List<BatchResult> results = finished.totalOperations() == 0 ? List.of() : results(finished);
    return BatchOutcome.builder().status(finished).results(results).build();
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
    List<BatchResult> results = new ArrayList<>();
    try {
      for (Map.Entry<String, byte[]> file : TarGz.regularFiles(archive).entrySet()) {
        if (!file.getKey().endsWith(".json")) {
          continue;
        }
        JsonNode array = dev.qbmc.mailchimp.internal.MailchimpJson.mapper().readTree(file.getValue());
        if (!array.isArray()) {
          throw new IOException(file.getKey() + " is not a JSON array");
        }
        for (JsonNode r : array) {
          JsonNode response = r.path("response");
          String body = response.isTextual() ? response.asText() : response.isMissingNode() || response.isNull() ? ""
              : response.toString();
          JsonNode id = r.get("operation_id");
          results.add(BatchResult.builder()
              .statusCode(r.path("status_code").asInt())
              .operationId(id == null || id.isNull() ? Optional.empty() : Optional.of(id.asText()))
              .body(body)
              .build());
        }
      }
    } catch (IOException e) {
      throw new MailchimpMalformedResponseException("could not read the batch results archive", e);
    }
    return List.copyOf(results);
  }
}
