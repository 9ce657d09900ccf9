package dev.qbmc.quickbooks;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * A WireMock transformer that answers {@code SELECT * FROM Customer ... ORDERBY Id STARTPOSITION s
 * MAXRESULTS m} from a live set of customer Ids, as QBO does: the rows in Id order (honouring
 * {@code Id > 'a'} and {@code Id < 'b'}), {@code {"QueryResponse":{}}} past the end. Rows can be
 * added and deleted while a read runs, and a hook sees every statement before it is answered.
 */
final class PagedCustomers implements ResponseTransformerV2 {
  static final String NAME = "paged-customers";
  private static final Pattern PAGE = Pattern.compile("STARTPOSITION (\\d+) MAXRESULTS (\\d+)");
  private static final Pattern AFTER = Pattern.compile("Id > '(\\d+)'");
  private static final Pattern BEFORE = Pattern.compile("Id < '(\\d+)'");

  final ConcurrentSkipListSet<Long> ids = new ConcurrentSkipListSet<>();
  /** Rows answered as something the model cannot read (a number instead of an object). */
  final Set<Long> unreadable = ConcurrentHashMap.newKeySet();
  /** Rows answered with a blank {@code Id}. */
  final Set<Long> blankId = ConcurrentHashMap.newKeySet();
  /** Every statement answered, in arrival order. */
  final List<String> statements = new CopyOnWriteArrayList<>();
  volatile Consumer<String> beforeAnswer = statement -> { };
  volatile Consumer<String> afterAnswer = statement -> { };
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  void rows(long from, long to) {
    LongStream.rangeClosed(from, to).forEach(ids::add);
  }

  /** The {@code STARTPOSITION} of every offset page requested (keyset reads of a hole excluded). */
  List<Integer> pageStarts() {
    return statements.stream()
        .filter(s -> !s.contains("Id > "))
        .map(PAGE::matcher)
        .filter(Matcher::find)
        .map(m -> Integer.parseInt(m.group(1)))
        .collect(Collectors.toList());
  }

  /** Statements that read a hole between two pages by Id range. */
  List<String> holeReads() {
    return statements.stream().filter(s -> s.contains("Id > ")).collect(Collectors.toList());
  }

  /** The most requests this server was answering at once. */
  int maxInFlight() {
    return maxInFlight.get();
  }

  @Override
  public Response transform(Response response, ServeEvent event) {
    String statement = event.getRequest().queryParameter("query").firstValue();
    statements.add(statement);
    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try {
      beforeAnswer.accept(statement);
      Response answer = answer(response, statement);
      afterAnswer.accept(statement);
      return answer;
    } finally {
      inFlight.decrementAndGet();
    }
  }

  /** The {@code COUNT(*)} statements answered. */
  List<String> counts() {
    return statements.stream().filter(s -> s.contains("COUNT(*)")).collect(Collectors.toList());
  }

  private Response answer(Response response, String statement) {
    if (statement.startsWith("SELECT COUNT(*)")) {
      return Response.Builder.like(response).but()
          .body("{\"QueryResponse\":{\"totalCount\":" + ids.size() + "},\"time\":\"2026-03-02T10:00:00Z\"}")
          .build();
    }
    Matcher page = PAGE.matcher(statement);
    if (!page.find()) {
      throw new IllegalArgumentException("not a page query: " + statement);
    }
    int start = Integer.parseInt(page.group(1));
    int max = Integer.parseInt(page.group(2));
    long after = bound(AFTER, statement, Long.MIN_VALUE);
    long before = bound(BEFORE, statement, Long.MAX_VALUE);
    List<Long> rows = ids.stream()
        .filter(id -> id > after && id < before)
        .skip(start - 1L)
        .limit(max)
        .collect(Collectors.toList());
    String body = rows.isEmpty()
        ? "{\"QueryResponse\":{},\"time\":\"2026-03-02T10:00:00Z\"}"
        : "{\"QueryResponse\":{\"Customer\":["
            + rows.stream().map(id -> unreadable.contains(id) ? "7"
                    : "{\"Id\":\"" + (blankId.contains(id) ? "" : id) + "\",\"DisplayName\":\"C" + id + "\"}")
                .collect(Collectors.joining(","))
            + "],\"startPosition\":" + start + ",\"maxResults\":" + rows.size()
            + "},\"time\":\"2026-03-02T10:00:00Z\"}";
    return Response.Builder.like(response).but().body(body).build();
  }

  private static long bound(Pattern pattern, String statement, long otherwise) {
    Matcher m = pattern.matcher(statement);
    return m.find() ? Long.parseLong(m.group(1)) : otherwise;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }
}
