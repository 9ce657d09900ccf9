package dev.qbmc.examples.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qbmc.core.Qbmc;
import dev.qbmc.core.SyncListener;
import dev.qbmc.core.SyncOptions;
import dev.qbmc.core.SyncPhase;
import dev.qbmc.core.SyncProgress;
import dev.qbmc.core.WebhookResult;
import dev.qbmc.core.model.RecordKind;
import dev.qbmc.core.model.SyncMode;
import dev.qbmc.core.report.SyncReport;
import dev.qbmc.examples.sim.quickbooks.SimEntity;
import dev.qbmc.quickbooks.webhook.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Webhook-triggered syncs never park a worker on a lease: events that arrive while a sync of the
 * connection runs wait, coalesced, and run in one targeted sync after it; more than 1,000 waiting
 * records become one change-feed sync; an executor that refuses the task makes the delivery say
 * {@code QUEUE_FULL}.
 */
class WebhookCoalescingTest {
  private static final String VERIFIER = "verifier-token-for-tests";

  /** A running sync that stops at its customers until released, and the reports of every run. */
  private static final class Gate implements SyncListener {
    final AtomicBoolean armed = new AtomicBoolean();
    final CountDownLatch inSync = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final List<SyncReport> reports = new CopyOnWriteArrayList<>();
    final CountDownLatch afterHostSync = new CountDownLatch(1);

    @Override
    public void onProgress(SyncProgress progress) {
      if (progress.phase() == SyncPhase.CUSTOMERS && armed.compareAndSet(true, false)) {
        inSync.countDown();
        try {
          release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    @Override
    public void onFinished(SyncReport report) {
      reports.add(report);
      if (reports.size() >= 3) { // the first sync, the blocked one, then the webhook-triggered one
        afterHostSync.countDown();
      }
    }
  }

  private static WebhookResult deliver(Qbmc qbmc, String realm, List<String> customerIds, int second) {
    String entities = customerIds.stream()
        .map(id -> "{\"name\":\"Customer\",\"id\":\"" + id + "\",\"operation\":\"Update\",\"lastUpdated\":"
            + "\"2026-03-02T10:00:" + String.format("%02d", second) + ".000Z\"}")
        .collect(Collectors.joining(","));
    byte[] body = ("{\"eventNotifications\":[{\"realmId\":\"" + realm + "\",\"dataChangeEvent\":{\"entities\":["
        + entities + "]}}]}").getBytes(StandardCharsets.UTF_8);
    return qbmc.handleWebhook(Map.of("intuit-signature", List.of(WebhookVerifier.of(VERIFIER).signatureOf(body))), body);
  }

  @Test
  void eventsDuringARunningSync_waitWithoutParkingAWorker_andRunOnceAfterIt_coalesced() throws Exception {
    Gate gate = new Gate();
    ExecutorService webhookWorker = Executors.newSingleThreadExecutor();
    ExecutorService host = Executors.newSingleThreadExecutor();
    try (SimulatedWorld world = new SimulatedWorld();
        Qbmc qbmc = world.qbmc(b -> b.executor(webhookWorker).listener(gate))) {
      world.connect(qbmc);
      assertThat(qbmc.sync(SimulatedWorld.CONNECTION).failures()).isEmpty();
      List<String> customers = world.state.streamStates(SimulatedWorld.CONNECTION, RecordKind.CUSTOMER)
          .map(s -> s.key().id()).sorted().limit(3).toList();
      customers.forEach(id -> world.qbo.update(SimEntity.CUSTOMER, id, c -> c.put("FamilyName", "Webhooked")));
      gate.armed.set(true);
      Future<SyncReport> running = host.submit(() ->
          qbmc.sync(SimulatedWorld.CONNECTION, SyncOptions.builder().forceFullRead(true).build()));
      assertThat(gate.inSync.await(60, TimeUnit.SECONDS)).isTrue();

      String realm = world.qbo.realmId();
      List<WebhookResult> results = List.of(
          deliver(qbmc, realm, List.of(customers.get(0), customers.get(1)), 1),
          deliver(qbmc, realm, List.of(customers.get(1), customers.get(2)), 2),
          deliver(qbmc, realm, List.of(customers.get(0)), 3));
      webhookWorker.submit(() -> { }).get(60, TimeUnit.SECONDS); // the only worker is free, not parked

      assertThat(results).allSatisfy(r -> {
        assertThat(r.ignoredRealms()).isEmpty();
        assertThat(r.scheduledEvents()).isPositive();
      });
      assertThat(gate.reports).as("nothing ran beside the running sync").hasSize(1);
      gate.release.countDown();
      assertThat(running.get(60, TimeUnit.SECONDS).failures()).isEmpty();
      assertThat(gate.afterHostSync.await(60, TimeUnit.SECONDS)).isTrue();
      webhookWorker.submit(() -> { }).get(60, TimeUnit.SECONDS);

      List<SyncReport> webhookRuns = gate.reports.stream().filter(r -> r.mode() == SyncMode.WEBHOOK).toList();
      assertThat(webhookRuns).as("one targeted sync of the coalesced records").hasSize(1);
      assertThat(webhookRuns.get(0).countsFor(dev.qbmc.core.model.QboEntity.CUSTOMER).total()).isEqualTo(3);
      assertThat(webhookRuns.get(0).failures()).isEmpty();
    } finally {
      webhookWorker.shutdownNow();
      host.shutdownNow();
    }
  }

  @Test
  void overAThousandWaitingRecords_becomeOneChangeFeedSync() throws Exception {
    Gate gate = new Gate();
    ExecutorService webhookWorker = Executors.newSingleThreadExecutor();
    ExecutorService host = Executors.newSingleThreadExecutor();
    try (SimulatedWorld world = new SimulatedWorld();
        Qbmc qbmc = world.qbmc(b -> b.executor(webhookWorker).listener(gate))) {
      world.connect(qbmc);
      assertThat(qbmc.sync(SimulatedWorld.CONNECTION).failures()).isEmpty();
      gate.armed.set(true);
      Future<SyncReport> running = host.submit(() ->
          qbmc.sync(SimulatedWorld.CONNECTION, SyncOptions.builder().forceFullRead(true).build()));
      assertThat(gate.inSync.await(60, TimeUnit.SECONDS)).isTrue();

      List<String> ids = IntStream.rangeClosed(1, 1_001).mapToObj(i -> "9" + i).toList();
      WebhookResult result = deliver(qbmc, world.qbo.realmId(), ids, 1);
      webhookWorker.submit(() -> { }).get(60, TimeUnit.SECONDS);
      gate.release.countDown();
      running.get(60, TimeUnit.SECONDS);
      assertThat(gate.afterHostSync.await(60, TimeUnit.SECONDS)).isTrue();
      webhookWorker.submit(() -> { }).get(60, TimeUnit.SECONDS);

      assertThat(result.scheduledEvents()).isEqualTo(1_001);
      assertThat(gate.reports).extracting(SyncReport::mode)
          .containsExactly(SyncMode.FULL, SyncMode.FULL, SyncMode.INCREMENTAL);
    } finally {
      webhookWorker.shutdownNow();
      host.shutdownNow();
    }
  }

  @Test
  void anExecutorThatRefusesTheTask_makesTheDeliverySayQueueFull() {
    try (SimulatedWorld world = new SimulatedWorld();
        Qbmc qbmc = world.qbmc(b -> b.executor(task -> {
          throw new RejectedExecutionException("full");
        }))) {
      world.connect(qbmc);

      WebhookResult result = deliver(qbmc, world.qbo.realmId(), List.of("1"), 1);

      assertThat(result.scheduledEvents()).isZero();
      assertThat(result.ignoredRealms()).containsEntry(world.qbo.realmId(), "QUEUE_FULL");
    }
  }
}
