package dev.qbmc.quickbooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.qbmc.quickbooks.model.Customer;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link QuickBooksClient#query(Query, Paging)} with parallel pages against a WireMock QBO whose
 * rows change while the read runs. Pages of 10 rows, so the overlap of one row is visible:
 * positions 1, 10, 19, 28...
 */
class ParallelPagingTest {
  private static final Pattern STARTPOSITION = Pattern.compile("STARTPOSITION (\\d+) ");
  private static final String REALM = "123145";
  private static final int PAGE = 10;

  private final PagedCustomers customers = new PagedCustomers();
  private final WireMockServer server = new WireMockServer(
      WireMockConfiguration.options().dynamicPort().containerThreads(40).extensions(customers));

  @BeforeEach
  void start() {
    server.start();
    server.stubFor(get(urlPathEqualTo("/v3/company/" + REALM + "/query"))
        .willReturn(aResponse().withHeader("Content-Type", "application/json")
            .withTransformers(PagedCustomers.NAME)));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private QuickBooksClient client(UnaryOperator<QuickBooksClient.Builder> options) {
    return options.apply(QuickBooksClient.builder()
            .baseUri(URI.create("http://localhost:" + server.port()))
            .realmId(REALM)
            .accessTokenProvider(AccessTokenProvider.ofStatic("test-access-token"))
            .httpClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()))
        .build();
  }

  private List<Long> read(Paging paging) {
    return read(client(b -> b), paging);
  }

  private static List<Long> read(QuickBooksClient client, Paging paging) {
    try (Stream<Customer> rows =
        client.query(Query.select(EntityType.CUSTOMER).orderBy("Id").pageSize(PAGE), paging)) {
      return rows.map(c -> Long.parseLong(c.id())).collect(Collectors.toList());
    }
  }

  private static List<Long> range(long from, long to) {
    return LongStream.rangeClosed(from, to).boxed().collect(Collectors.toList());
  }

  /** Positions of pages 0..last: each page starts at the previous page's last row. */
  private static List<Integer> overlappingStarts(int pages) {
    List<Integer> starts = new ArrayList<>();
    for (int k = 0; k < pages; k++) {
      starts.add(1 + k * (PAGE - 1));
    }
    return starts;
  }

  private static CountDownLatch latch(int count) {
    return new CountDownLatch(count);
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(20, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the other page was never answered");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Changes the rows just before the page at {@code start} is answered, once the pages at {@code
   * answeredFirst} have been answered (all are in flight together), so the order is certain.
   */
  /**
   * Makes the change when page {@code start} is asked for, once the pages {@code answeredFirst} are
   * answered; every other later offset page is answered after the change, so which pages saw the
   * company before it does not depend on thread timing.
   */
  private void changeBeforeAnswering(int start, List<Integer> answeredFirst, Runnable change) {
    CountDownLatch answered = latch(answeredFirst.size());
    CountDownLatch changed = latch(1);
    customers.afterAnswer = statement -> {
      if (answeredFirst.contains(offsetPage(statement))) {
        answered.countDown();
      }
    };
    customers.beforeAnswer = statement -> {
      int page = offsetPage(statement);
      if (page == start) {
        await(answered);
        change.run();
        changed.countDown();
      } else if (page > start && !answeredFirst.contains(page)) {
        await(changed);
      }
    };
  }

  /** The {@code STARTPOSITION} of an offset page query, or -1 for a count or a read by Id range. */
  private static int offsetPage(String statement) {
    Matcher m = STARTPOSITION.matcher(statement);
    return statement.contains("Id > ") || !m.find() ? -1 : Integer.parseInt(m.group(1));
  }

  @Test
  void parallelRead_handsOutEveryRowOnceInIdOrder_andRequestsEveryPageOnce() {
    customers.rows(1, 95);

    List<Long> ids = read(Paging.parallel(4).expectedRows(95));

    assertThat(ids).containsExactlyElementsOf(range(1, 95));
    // 95 rows in pages of 10 overlapping by 1: 1..10, 10..19, ..., 82..91, 91..95 (short: the end).
    assertThat(customers.pageStarts()).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(overlappingStarts(11));
    assertThat(customers.holeReads()).isEmpty();
  }

  @Test
  void parallelRead_ofAnExactMultipleOfThePageSize_endsWithTheOverlapRowAlone() {
    customers.rows(1, 91);

    assertThat(read(Paging.parallel(3).expectedRows(91))).containsExactlyElementsOf(range(1, 91));
    assertThat(customers.pageStarts()).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(overlappingStarts(11));
  }

  @Test
  void parallelRead_withoutACount_startsWithOnePage_andOverrunsTheEndByLessThanTheWindow() {
    customers.rows(1, 7);
    assertThat(read(Paging.parallel(4))).containsExactlyElementsOf(range(1, 7));
    assertThat(customers.pageStarts()).containsExactly(1);

    customers.statements.clear();
    customers.rows(8, 95);
    assertThat(read(Paging.parallel(4))).containsExactlyElementsOf(range(1, 95));
    assertThat(customers.pageStarts()).doesNotHaveDuplicates().hasSizeBetween(11, 11 + 3)
        .containsAll(overlappingStarts(11));
  }

  @Test
  void countingRead_ofOneOrTwoPages_makesNoCount_andRequestsNoPagePastTheEnd() {
    customers.rows(1, 7);
    assertThat(read(Paging.parallel(4).countingRows())).containsExactlyElementsOf(range(1, 7));
    assertThat(customers.statements).hasSize(1);

    customers.statements.clear();
    customers.rows(8, 10); // an exact page: the overlap row alone ends the read
    assertThat(read(Paging.parallel(4).countingRows())).containsExactlyElementsOf(range(1, 10));
    assertThat(customers.pageStarts()).containsExactly(1, 10);
    assertThat(customers.counts()).isEmpty();

    customers.statements.clear();
    customers.rows(11, 18);
    assertThat(read(Paging.parallel(4).countingRows())).containsExactlyElementsOf(range(1, 18));
    assertThat(customers.pageStarts()).containsExactly(1, 10);
    assertThat(customers.counts()).isEmpty();
  }

  @Test
  void countingRead_ofManyPages_countsOnceAfterTwoFullPages_andRequestsEveryPageOnce() {
    customers.rows(1, 95);

    List<Long> ids = read(Paging.parallel(4).countingRows());

    assertThat(ids).containsExactlyElementsOf(range(1, 95));
    assertThat(customers.counts()).containsExactly("SELECT COUNT(*) FROM Customer");
    assertThat(customers.pageStarts()).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(overlappingStarts(11));
    // The first two pages go out alone, the count with the third.
    assertThat(customers.statements.subList(0, 2)).allMatch(s -> s.contains("STARTPOSITION"));
    assertThat(customers.statements.indexOf("SELECT COUNT(*) FROM Customer")).isBetween(2, 3);
  }

  @Test
  void countingRead_goesOnPastTheCount_whenRowsAreAddedDuringTheRead() {
    customers.rows(1, 45);
    customers.beforeAnswer = statement -> {
      if (statement.startsWith("SELECT COUNT(*)")) {
        customers.rows(46, 80);
        customers.ids.remove(3L);
      }
    };

    List<Long> ids = read(Paging.parallel(4).countingRows());

    List<Long> expected = range(1, 80);
    expected.remove(3L);
    assertThat(ids).containsSubsequence(1L, 2L).containsAll(expected).doesNotHaveDuplicates().isSorted();
    assertThat(customers.pageStarts()).doesNotHaveDuplicates();
    assertThat(customers.counts()).hasSize(1);
  }

  @Test
  void parallelRead_goesOnPastTheCount_whenRowsAreAddedDuringTheRead() {
    customers.rows(1, 45);
    customers.beforeAnswer = statement -> {
      if (statement.contains("STARTPOSITION 1 ")) {
        customers.rows(46, 80);
      }
    };

    assertThat(read(Paging.parallel(4).expectedRows(45))).containsExactlyElementsOf(range(1, 80));
    // Past the 5 announced pages the read requests pages as full ones come back, so it may overrun
    // the end by up to 3 (the window less one).
    assertThat(customers.pageStarts()).doesNotHaveDuplicates().hasSizeBetween(9, 9 + 3)
        .containsAll(overlappingStarts(9));
  }

  @Test
  void parallelRead_readsTheRowsThatMovedBackAcrossAPageBoundary_whenRowsBeforeItAreDeleted() {
    customers.rows(1, 60);
    changeBeforeAnswering(19, List.of(1, 10), () -> List.of(3L, 4L, 5L).forEach(customers.ids::remove));

    List<Long> ids = read(Paging.parallel(3).expectedRows(60));

    // Page 10..19 was answered before the deletion, page 19.. after it (Ids 22..31): 20 and 21
    // moved back across the boundary. Sequential offset paging would never read them.
    assertThat(ids).containsExactlyElementsOf(range(1, 60));
    assertThat(customers.holeReads()).containsExactly(
        "SELECT * FROM Customer WHERE Id > '19' AND Id < '22' ORDERBY Id STARTPOSITION 1 MAXRESULTS 10");
    assertThat(customers.pageStarts()).doesNotHaveDuplicates();
  }

  @Test
  void parallelRead_readsTheRestById_whenDeletionsEmptyThePageAfterTheLastFullOne() {
    customers.rows(1, 25);
    changeBeforeAnswering(19, List.of(1, 10), () -> range(1, 10).forEach(customers.ids::remove));

    assertThat(read(Paging.parallel(3).expectedRows(25))).containsExactlyElementsOf(range(1, 25));
    assertThat(customers.holeReads()).containsExactly(
        "SELECT * FROM Customer WHERE Id > '19' ORDERBY Id STARTPOSITION 1 MAXRESULTS 10");
  }

  @Test
  void parallelRead_handsOutOnce_theRowsThatMovedForwardIntoAnEarlierPage() {
    customers.rows(1, 40);
    changeBeforeAnswering(10, List.of(1, 19), () -> customers.ids.remove(3L));

    // Page 19.. (Ids 19..28) was answered before the deletion, page 10.. (Ids 11..20) after it.
    assertThat(read(Paging.parallel(3).expectedRows(40))).containsExactlyElementsOf(range(1, 40));
    assertThat(customers.pageStarts()).doesNotHaveDuplicates();
  }

  @Test
  void parallelRead_countsUnreadableRowsAsRows_andHandsOutRowsWithoutAnId() {
    customers.rows(1, 35);
    customers.unreadable.addAll(List.of(10L, 19L));
    customers.blankId.add(25L);

    List<String> ids;
    try (Stream<Customer> rows = client(b -> b).query(
        Query.select(EntityType.CUSTOMER).orderBy("Id").pageSize(PAGE), Paging.parallel(3).expectedRows(35))) {
      ids = rows.map(Customer::id).collect(Collectors.toList());
    }

    List<String> expected = new ArrayList<>();
    range(1, 35).stream().filter(id -> id != 10 && id != 19)
        .forEach(id -> expected.add(id == 25 ? "" : Long.toString(id)));
    assertThat(ids).as("a page whose unreadable row was dropped is still a full page")
        .containsExactlyElementsOf(expected);
  }

  @Test
  void parallelRead_keepsTheAnnouncedPagesInFlightTogether() {
    customers.rows(1, 95);
    CountDownLatch fourArrived = latch(4);
    customers.beforeAnswer = statement -> {
      fourArrived.countDown();
      await(fourArrived);
    };

    assertThat(read(Paging.parallel(4).expectedRows(95))).containsExactlyElementsOf(range(1, 95));
    assertThat(customers.maxInFlight()).isEqualTo(4);
  }

  @Test
  void parallelRead_staysWithinTheClientsLimitOfRequestsInFlight() {
    customers.rows(1, 95);
    CountDownLatch twoArrived = latch(2);
    customers.beforeAnswer = statement -> {
      twoArrived.countDown();
      await(twoArrived);
    };

    QuickBooksClient limited = client(b -> b.maxConcurrentRequests(2));
    assertThat(read(limited, Paging.parallel(4).expectedRows(95))).containsExactlyElementsOf(range(1, 95));
    assertThat(customers.maxInFlight()).isEqualTo(2);
  }

  @Test
  void parallelRead_throwsAFailedPageWhenItsTurnComes() {
    customers.rows(1, 95);
    server.stubFor(get(urlPathEqualTo("/v3/company/" + REALM + "/query"))
        .withQueryParam("query", containing("STARTPOSITION 28 "))
        .atPriority(1)
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
            .withBody("{\"Fault\":{\"Error\":[{\"Message\":\"Invalid query\",\"Detail\":\"QueryValidationError\","
                + "\"code\":\"4001\"}],\"type\":\"ValidationFault\"},\"time\":\"2026-03-02T10:00:00Z\"}")));
    List<Long> seen = new ArrayList<>();
    QuickBooksClient client = client(b -> b);

    assertThatThrownBy(() -> {
      try (Stream<Customer> rows = client.query(
          Query.select(EntityType.CUSTOMER).pageSize(PAGE), Paging.parallel(4).expectedRows(95))) {
        rows.forEach(c -> seen.add(Long.parseLong(c.id())));
      }
    }).isInstanceOf(QuickBooksServiceException.class);
    assertThat(seen).containsExactlyElementsOf(range(1, 28));
  }

  @Test
  void closingAParallelRead_stopsRequestingPages() {
    customers.rows(1, 95);
    QuickBooksClient client = client(b -> b);
    Stream<Customer> rows =
        client.query(Query.select(EntityType.CUSTOMER).pageSize(PAGE), Paging.parallel(4).expectedRows(95));
    Iterator<Customer> it = rows.iterator();
    assertThat(it.next().id()).isEqualTo("1");

    rows.close();

    int requested = customers.pageStarts().size();
    assertThat(requested).isLessThanOrEqualTo(5);
    assertThat(it.hasNext()).isFalse();
  }

  @Test
  void sequentialPaging_isWhatQueryDoes() {
    customers.rows(1, 25);

    assertThat(read(Paging.sequential())).containsExactlyElementsOf(range(1, 25));
    assertThat(customers.pageStarts()).containsExactly(1, 11, 21);
  }

  @Test
  void parallelPaging_refusesAnotherOrderAndSinglePageRows() {
    QuickBooksClient client = client(b -> b);
    assertThatThrownBy(() -> client.query(
        Query.select(EntityType.CUSTOMER).orderBy("DisplayName"), Paging.parallel(2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ORDERBY DisplayName");
    assertThatThrownBy(() -> client.query(Query.select(EntityType.CUSTOMER).pageSize(1), Paging.parallel(2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("page size");
    assertThat(customers.statements).isEmpty();
  }

  @Test
  void countingRows_replacesTheRowHint_andAppliesToParallelPagingOnly() {
    assertThat(Paging.parallel(4).expectedRows(10).countingRows().expectedRows()).isEmpty();
    assertThat(Paging.parallel(4).countingRows().expectedRows(10).countsRows()).isFalse();
    assertThat(Paging.parallel(4).countingRows()).isEqualTo(Paging.parallel(4).countingRows())
        .isNotEqualTo(Paging.parallel(4)).hasToString("Paging{parallel, pagesInFlight=4, countingRows}");
    assertThatThrownBy(() -> Paging.sequential().countingRows()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void paging_checksItsArguments() {
    assertThatThrownBy(() -> Paging.parallel(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Paging.parallel(Paging.MAX_PAGES_IN_FLIGHT + 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Paging.parallel(2).expectedRows(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Paging.sequential().expectedRows(5)).isInstanceOf(IllegalStateException.class);
    assertThat(Paging.parallel(3).expectedRows(7)).isEqualTo(Paging.parallel(3).expectedRows(7))
        .hasSameHashCodeAs(Paging.parallel(3).expectedRows(7))
        .hasToString("Paging{parallel, pagesInFlight=3, expectedRows=7}");
    assertThat(Paging.parallel(3).expectedRows()).isEmpty();
  }

  @Test
  void pageArithmetic_overlapsOneRow() {
    assertThat(ParallelPager.startPosition(0, 1000)).isEqualTo(1);
    assertThat(ParallelPager.startPosition(1, 1000)).isEqualTo(1000);
    assertThat(ParallelPager.lastPageIndex(0, 1000)).isZero();
    assertThat(ParallelPager.lastPageIndex(999, 1000)).isZero();
    assertThat(ParallelPager.lastPageIndex(1000, 1000)).isEqualTo(1);
    assertThat(ParallelPager.lastPageIndex(100_000, 1000)).isEqualTo(100);
    assertThat(ParallelPager.lastPageIndex(1_000_000, 1000) + 1).isEqualTo(1002);
    assertThat(ParallelPager.compareIds("9", "10")).isNegative();
    assertThat(ParallelPager.compareIds("010", "10")).isZero();
    assertThat(ParallelPager.compareIds("a", "b")).isNegative();
  }
}
