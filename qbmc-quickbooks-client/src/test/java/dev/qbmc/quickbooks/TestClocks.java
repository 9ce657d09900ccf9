package dev.qbmc.quickbooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** A settable clock and a sleeper that only records and advances that clock (no real waiting). */
final class TestClocks {
  private TestClocks() {}

  static final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;

    MutableClock(Instant start) {
      this.now = new AtomicReference<>(start);
    }

    void advance(Duration d) {
      now.updateAndGet(i -> i.plus(d));
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

  static final class RecordingSleeper implements QuickBooksSleeper {
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final MutableClock clock;

    RecordingSleeper(MutableClock clock) {
      this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) {
      sleeps.add(duration);
      if (clock != null) {
        clock.advance(duration);
      }
    }
  }
}
