package dev.qbmc.mailchimp;

import dev.qbmc.mailchimp.model.BatchOperation;
import dev.qbmc.mailchimp.model.BatchResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bookkeeping of {@link Batches#run}: the latest result of every operation, and which operations
 * a follow-up batch should resubmit (throttled; or repeatable and answered with a server error or
 * not at all). Only operations with a distinct {@code operation_id} are tracked.
 */
final class BatchFollowUps {
  private final Map<String, BatchOperation> byId = new LinkedHashMap<>();
  private final Map<String, BatchResult> latest = new LinkedHashMap<>();
  private final List<BatchResult> untracked = new ArrayList<>();
  private List<BatchOperation> retries = List.of();

  BatchFollowUps(List<BatchOperation> operations, List<BatchResult> results) {
    Map<String, Integer> uses = new HashMap<>();
    for (BatchOperation op : operations) {
      op.operationId().ifPresent(id -> uses.merge(id, 1, Integer::sum));
    }
    for (BatchOperation op : operations) {
      op.operationId().filter(id -> uses.get(id) == 1).ifPresent(id -> byId.put(id, op));
    }
    answer(operations, results, true);
  }

  /**
   * Takes the results of a follow-up batch, which was made of {@link #retries()}.
   *
   * @param results its results
   */
  void answer(List<BatchResult> results) {
    answer(retries, results, false);
  }

  private void answer(List<BatchOperation> asked, List<BatchResult> results, boolean first) {
    Map<String, BatchResult> answered = new HashMap<>();
    for (BatchResult result : results) {
      String id = result.operationId().orElse(null);
      if (id != null && byId.containsKey(id) && !answered.containsKey(id)) {
        answered.put(id, result);
        latest.put(id, result);
      } else if (first) {
        untracked.add(result);
      }
    }
    List<BatchOperation> again = new ArrayList<>();
    for (BatchOperation op : asked) {
      String id = op.operationId().orElse(null);
      if (id == null || !byId.containsKey(id)) {
        continue;
      }
      BatchResult result = answered.get(id);
      boolean transientFailure = result == null
          ? op.repeatable()
          : result.statusCode() == 429 || ((result.statusCode() >= 500 || result.statusCode() == 0) && op.repeatable());
      if (transientFailure) {
        again.add(op);
      }
    }
    retries = List.copyOf(again);
  }

  boolean hasRetries() {
    return !retries.isEmpty();
  }

  /** The operations to resubmit. */
  List<BatchOperation> retries() {
    return retries;
  }

  /** One result per answered operation (its latest), then the results of untracked operations. */
  List<BatchResult> results() {
    List<BatchResult> all = new ArrayList<>(latest.values());
    all.addAll(untracked);
    return List.copyOf(all);
  }
}
