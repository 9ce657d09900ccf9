package dev.qbmc.core.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qbmc.core.spi.Lease;
import dev.qbmc.core.store.InMemorySyncStateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The heartbeat against the in-memory store, on a clock the test moves. */
class HeartbeatTest {
  private static final Duration TTL = Duration.ofMinutes(1);

  private static final class MovedClock extends Clock {
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-02T10:00:00Z"));

    void advance(Duration d) {
      now.updateAndGet(t -> t.plus(d));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }

  private final MovedClock clock = new MovedClock();
  private final InMemorySyncStateStore store = new InMemorySyncStateStore();

  private Heartbeat heartbeat() {
    Lease lease = store.tryAcquireLease("c", "run", TTL, clock.instant()).orElseThrow();
    return new Heartbeat(store, lease, TTL, clock);
  }

  @Test
  void renewsOnlyOnceAThirdOfTheTtlPassed_andKeepsTheLeaseForManyTtls() {
    Heartbeat heartbeat = heartbeat();
    assertThat(heartbeat.beat()).as("just acquired").isFalse();
    clock.advance(Duration.ofSeconds(19));
    assertThat(heartbeat.beat()).isFalse();
    for (int i = 0; i < 30; i++) {
      clock.advance(Duration.ofSeconds(20));
      assertThat(heartbeat.beat()).isTrue();
      assertThat(store.tryAcquireLease("c", "other", TTL, clock.instant())).isEmpty();
    }
    assertThat(heartbeat.lost()).isFalse();
    assertThat(heartbeat.lease().expiresAt()).isEqualTo(clock.instant().plus(TTL));
  }

  @Test
  void aRenewalRefused_becauseTheLeaseWasTakenOver_marksItLostForGood() {
    Heartbeat heartbeat = heartbeat();
    clock.advance(TTL.plusSeconds(1));
    assertThat(store.tryAcquireLease("c", "other", TTL, clock.instant())).isPresent();

    assertThat(heartbeat.beat()).isFalse();
    assertThat(heartbeat.lost()).isTrue();
    clock.advance(TTL);
    assertThat(heartbeat.beat()).isFalse();
    assertThat(heartbeat.lost()).isTrue();
  }

  @Test
  void afterRenewUntil_itRenewsNoMore_soTheLeaseExpires() {
    Heartbeat heartbeat = heartbeat();
    heartbeat.renewUntil(clock.instant().plusSeconds(30));
    clock.advance(Duration.ofSeconds(25));
    assertThat(heartbeat.beat()).isTrue();
    clock.advance(Duration.ofSeconds(25));
    assertThat(heartbeat.beat()).isFalse();
    clock.advance(TTL);
    assertThat(store.tryAcquireLease("c", "disconnect", TTL, clock.instant())).isPresent();
  }
}
