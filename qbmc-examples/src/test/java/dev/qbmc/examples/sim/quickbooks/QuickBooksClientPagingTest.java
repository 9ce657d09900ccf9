package dev.qbmc.examples.sim.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qbmc.examples.sim.FaultInjector;
import dev.qbmc.quickbooks.AccessTokenProvider;
import dev.qbmc.quickbooks.EntityType;
import dev.qbmc.quickbooks.Paging;
import dev.qbmc.quickbooks.Query;
import dev.qbmc.quickbooks.QuickBooksClient;
import dev.qbmc.quickbooks.model.Invoice;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The QuickBooks client's parallel paging against the simulator's generated company: the same rows
 * as sequential paging, every page requested once, and no row that exists for the whole read lost
 * or doubled while invoices are added and deleted.
 */
class QuickBooksClientPagingTest {
  private static final Pattern START = Pattern.compile("^SELECT \\* FROM Invoice ORDERBY Id STARTPOSITION (\\d+) ");

  private final List<String> statements = new CopyOnWriteArrayList<>();
  private volatile Consumer<String> duringRead = statement -> { };
  private final QuickBooksSimulator sim = QuickBooksSimulator.builder()
      .company(GeneratedCompany.builder().customers(20).items(5).invoices(5200).salesReceipts(0).build())
      .build()
      .start();
  private final QuickBooksClient client = QuickBooksClient.builder()
      .baseUri(URI.create(sim.baseUrl()))
      .realmId(sim.realmId())
      .accessTokenProvider(AccessTokenProvider.ofStatic(sim.mintTokens().accessToken()))
      .build();

  QuickBooksClientPagingTest() {
    // The fault hook sees every query and serves it normally.
    sim.faults().onEvery(FaultInjector.route("GET", QuickBooksSimulator.QUERY_PATH), (request, normal, sleeper) -> {
      String statement = request.query().get("query");
      statements.add(statement);
      duringRead.accept(statement);
      return normal.apply(request);
    });
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private List<Long> read(Paging paging) {
    try (Stream<Invoice> rows = client.query(Query.select(EntityType.INVOICE).orderBy("Id"), paging)) {
      return rows.map(i -> Long.parseLong(i.id())).collect(Collectors.toList());
    }
  }

  private List<Long> pageStarts() {
    return statements.stream().map(START::matcher).filter(Matcher::find)
        .map(m -> Long.parseLong(m.group(1))).collect(Collectors.toList());
  }

  @Test
  void maxPageSize_pagesEveryQueryByAtMostThatManyRows_sequentialAndParallel() {
    QuickBooksClient small = QuickBooksClient.builder()
        .baseUri(URI.create(sim.baseUrl()))
        .realmId(sim.realmId())
        .accessTokenProvider(AccessTokenProvider.ofStatic(sim.mintTokens().accessToken()))
        .maxPageSize(500)
        .build();
    long count = small.count(Query.select(EntityType.INVOICE));
    List<Long> all = read(Paging.sequential());
    statements.clear();

    List<Long> sequential;
    try (Stream<Invoice> rows = small.query(Query.select(EntityType.INVOICE).orderBy("Id"), Paging.sequential())) {
      sequential = rows.map(i -> Long.parseLong(i.id())).collect(Collectors.toList());
    }
    assertThat(sequential).containsExactlyElementsOf(all);
    assertThat(statements).hasSize((int) (count / 500) + 1).allSatisfy(s -> assertThat(s).endsWith("MAXRESULTS 500"));
    statements.clear();

    List<Long> parallel;
    try (Stream<Invoice> rows = small.query(Query.select(EntityType.INVOICE).orderBy("Id").pageSize(800),
        Paging.parallel(3).expectedRows(count))) {
      parallel = rows.map(i -> Long.parseLong(i.id())).collect(Collectors.toList());
    }
    assertThat(parallel).containsExactlyElementsOf(all);
    assertThat(statements).allSatisfy(s -> assertThat(s).endsWith("MAXRESULTS 500"));
    assertThat(small.queryPage(Query.select(EntityType.INVOICE).orderBy("Id"), 1)).hasSize(500);
  }

  @Test
  void parallelPaging_readsWhatSequentialPagingReads_eachPageOnce() {
    long count = client.count(Query.select(EntityType.INVOICE));
    List<Long> sequential = read(Paging.sequential());
    statements.clear();

    List<Long> parallel = read(Paging.parallel(4).expectedRows(count));

    assertThat(parallel).hasSize((int) count).containsExactlyElementsOf(sequential);
    // 5,070 invoices (every 40th id is a deleted gap), pages overlapping by one row.
    assertThat(pageStarts()).doesNotHaveDuplicates()
        .containsExactlyInAnyOrder(1L, 1000L, 1999L, 2998L, 3997L, 4996L);
  }

  @Test
  void parallelPaging_losesAndDoublesNoRow_whileInvoicesAreAddedAndDeleted() {
    long count = client.count(Query.select(EntityType.INVOICE));
    Set<Long> deleted = Set.of(5L, 6L, 1500L, 2500L, 2501L);
    duringRead = statement -> {
      if (statement.contains("STARTPOSITION 1999 ")) {
        deleted.forEach(id -> sim.deleteTransaction(SimEntity.INVOICE, Long.toString(id)));
        sim.addInvoice("1", "1", 1, java.math.BigDecimal.TEN);
      }
    };

    List<Long> ids = read(Paging.parallel(4).expectedRows(count));

    assertThat(ids).doesNotHaveDuplicates().isSorted();
    List<Long> stable = java.util.stream.LongStream.rangeClosed(1, 5200)
        .filter(id -> !GeneratedCompany.isDeleted(id) && !deleted.contains(id))
        .boxed().collect(Collectors.toList());
    assertThat(ids).containsAll(stable);
    assertThat(pageStarts()).doesNotHaveDuplicates();
  }
}
