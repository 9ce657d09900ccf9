package dev.qbmc.examples.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qbmc.core.Qbmc;
import dev.qbmc.core.model.SyncOutcome;
import dev.qbmc.core.report.SyncReport;
import dev.qbmc.examples.sim.FaultInjector;
import dev.qbmc.examples.sim.quickbooks.GeneratedCompany;
import dev.qbmc.examples.sim.quickbooks.SimEntity;
import dev.qbmc.examples.sim.quickbooks.QuickBooksSimulator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which QBO pages a full read requests, seen by the simulator ({@code STARTPOSITION} of every
 * query, through its fault hook, which serves every query normally): each page once, none past the
 * end but the one that proves the end, also when rows are added or deleted while the read runs.
 */
class FullReadPagingTest {
  private static final Pattern PAGE =
      Pattern.compile("FROM (\\w+) .*STARTPOSITION (\\d+) MAXRESULTS (\\d+)");
  private static final int PAGE_SIZE = 1000;

  private final List<String> statements = new CopyOnWriteArrayList<>();
  private volatile Consumer<String> duringRead = statement -> { };
  private String storeId;
  private final SimulatedWorld world = new SimulatedWorld(
      GeneratedCompany.builder().customers(1000).items(30).invoices(1100).salesReceipts(300).build());

  FullReadPagingTest() {
    world.qbo.faults().onEvery(FaultInjector.route("GET", QuickBooksSimulator.QUERY_PATH),
        (request, normal, sleeper) -> {
          String statement = request.query().get("query");
          statements.add(statement);
          duringRead.accept(statement);
          return normal.apply(request);
        });
  }

  @AfterEach
  void close() {
    world.close();
  }

  @Test
  void fullRead_requestsEveryPageOnce_andNoPagePastTheEnd() {
    SyncReport report = sync();

    assertThat(report.outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
    for (SimEntity entity : SimEntity.values()) {
      List<Long> starts = starts(entity);
      assertThat(starts).as("%s pages requested more than once", entity).doesNotHaveDuplicates();
      assertThat(starts.size())
          .as("%s pages for %d rows (%s)", entity, rows(entity), starts)
          .isEqualTo(pagesFor(rows(entity)));
    }
  }

  @Test
  void fullRead_requestsEveryPageOnce_andLosesNoInvoice_whenInvoicesAreAddedAndDeletedDuringTheRead() {
    java.util.concurrent.atomic.AtomicInteger invoicePages = new java.util.concurrent.atomic.AtomicInteger();
    List<Long> deleted = List.of(5L, 900L);
    duringRead = statement -> {
      if (statement.startsWith("SELECT * FROM Invoice ") && statement.contains("STARTPOSITION ")
          && invoicePages.incrementAndGet() == 2) {
        deleted.forEach(id -> world.qbo.deleteTransaction(SimEntity.INVOICE, Long.toString(id)));
        world.qbo.create(SimEntity.INVOICE, world.qbo.read(SimEntity.INVOICE, "3").orElseThrow());
      }
    };

    SyncReport report = sync();

    assertThat(report.outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
    for (SimEntity entity : SimEntity.values()) {
      assertThat(starts(entity)).as("%s pages requested more than once", entity).doesNotHaveDuplicates();
    }
    // Every invoice that existed for the whole read became an order or was skipped with a reason.
    java.util.Set<String> seen = world.mailchimp.orders(storeId).stream()
        .map(o -> o.path("id").asText()).filter(id -> id.startsWith("invoice-"))
        .map(id -> id.substring("invoice-".length())).collect(Collectors.toCollection(java.util.HashSet::new));
    report.skipped().stream().filter(sk -> sk.entityType() == dev.qbmc.core.model.QboEntity.INVOICE)
        .forEach(sk -> seen.add(sk.qboId()));
    List<String> stable = LongStream.rangeClosed(1, 1100)
        .filter(id -> !GeneratedCompany.isDeleted(id) && !deleted.contains(id))
        .mapToObj(Long::toString).collect(Collectors.toList());
    assertThat(seen).containsAll(stable);
  }

  private SyncReport sync() {
    try (Qbmc qbmc = world.qbmc()) {
      storeId = world.connect(qbmc).storeId();
      statements.clear();
      return qbmc.sync(SimulatedWorld.CONNECTION);
    }
  }

  /**
   * The {@code STARTPOSITION} of every page query for an entity, in request order; reads of the
   * rows between two pages by Id range ({@code Id > 'n'}), which follow rows that moved, are not
   * pages.
   */
  private List<Long> starts(SimEntity entity) {
    return statements.stream()
        .filter(statement -> !statement.contains("Id > "))
        .map(PAGE::matcher)
        .filter(Matcher::find)
        .filter(m -> m.group(1).equals(entity.entityName()))
        .map(m -> Long.parseLong(m.group(2)))
        .collect(Collectors.toList());
  }

  /** Rows a full read of the entity finds (inactive customers and items included). */
  private long rows(SimEntity entity) {
    long count = world.qbo.company().count(entity);
    return LongStream.rangeClosed(1, count)
        .filter(id -> world.qbo.read(entity, Long.toString(id)).isPresent())
        .count();
  }

  /**
   * Pages a sequential reader needs: the full ones and the short (maybe empty) one that proves the
   * end. The sync's pages overlap by one row, which at these sizes takes as many.
   */
  private static long pagesFor(long rows) {
    return rows / PAGE_SIZE + 1;
  }
}
