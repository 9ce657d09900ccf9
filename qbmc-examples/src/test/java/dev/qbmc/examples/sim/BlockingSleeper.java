package dev.qbmc.examples.sim;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** A sleeper that parks every caller until released, and lets the test wait until N callers entered. */
public final class BlockingSleeper implements Sleeper {
  private final Semaphore entered = new Semaphore(0);
  private final CountDownLatch release = new CountDownLatch(1);

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    entered.release();
    release.await(30, TimeUnit.SECONDS);
  }

  public boolean awaitEntered(int callers) throws InterruptedException {
    return entered.tryAcquire(callers, 30, TimeUnit.SECONDS);
  }

  public void releaseAll() {
    release.countDown();
  }
}
