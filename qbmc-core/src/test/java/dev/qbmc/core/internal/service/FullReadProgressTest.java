package dev.qbmc.core.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qbmc.core.SyncPhase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FullReadProgressTest {
  private final List<String> events = new ArrayList<>();
  private final FullReadProgress progress =
      new FullReadProgress((phase, done, total) -> events.add(phase + " " + done + "/" + total));

  @Test
  void eachPhase_isAnnouncedFirst_growsWithoutATotal_andEndsWithItsCountAsTotal() {
    progress.before(SyncPhase.PRODUCTS, 5);
    progress.after();
    progress.before(SyncPhase.PRODUCTS, 2);
    progress.before(SyncPhase.CUSTOMERS, 3); // a chunk shared by items and customers
    progress.after();
    progress.before(SyncPhase.ORDERS, 4);
    progress.after();
    progress.end();

    assertThat(events).containsExactly(
        "PRODUCTS 0/-1", "PRODUCTS 5/-1",
        "PRODUCTS 7/7", "CUSTOMERS 0/-1", "CUSTOMERS 3/-1",
        "CUSTOMERS 3/3", "ORDERS 0/-1", "ORDERS 4/-1",
        "ORDERS 4/4");
  }

  @Test
  void aReadWithoutRows_reportsNothing() {
    progress.before(SyncPhase.PRODUCTS, 0);
    progress.after();
    progress.end();

    assertThat(events).isEmpty();
  }
}
