package dev.qbmc.core.internal.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.qbmc.quickbooks.AccessTokenProvider;
import dev.qbmc.quickbooks.EntityType;
import dev.qbmc.quickbooks.Query;
import dev.qbmc.quickbooks.QuickBooksClient;
import dev.qbmc.quickbooks.model.Customer;
import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelPagesTest {
  private static final Pattern PAGE = Pattern.compile("STARTPOSITION (\\d+) MAXRESULTS (\\d+)");

  /** Serves customers 1..rows in Id order, paged as QBO does (an empty QueryResponse past the end). */
  private static final class Customers implements ResponseTransformerV2 {
    volatile int rows;

    @Override
    public Response transform(Response response, ServeEvent event) {
      Matcher m = PAGE.matcher(event.getRequest().queryParameter("query").firstValue());
      m.find();
      int start = Integer.parseInt(m.group(1));
      int max = Integer.parseInt(m.group(2));
      String body = IntStream.rangeClosed(start, Math.min(rows, start + max - 1))
          .mapToObj(i -> "{\"Id\":\"" + i + "\",\"DisplayName\":\"C" + i + "\"}")
          .collect(Collectors.joining(","));
      String json = body.isEmpty() ? "{\"QueryResponse\":{},\"time\":\"2026-03-02T10:00:00Z\"}"
          : "{\"QueryResponse\":{\"Customer\":[" + body + "],\"startPosition\":" + start + "},\"time\":\"2026-03-02T10:00:00Z\"}";
      return Response.Builder.like(response).but().body(json).build();
    }

    @Override
    public String getName() {
      return "customers";
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }
  }

  private final Customers customers = new Customers();
  private final WireMockServer qbo = new WireMockServer(wireMockConfig().dynamicPort().extensions(customers));

  private List<String> read(int counted) {
    qbo.start();
    qbo.stubFor(get(urlPathEqualTo("/v3/company/123/query")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withTransformers("customers")));
    QuickBooksClient client = QuickBooksClient.builder().baseUri(URI.create(qbo.baseUrl())).realmId("123")
        .accessTokenProvider(AccessTokenProvider.ofStatic("token")).build();
    Query<Customer> query = Query.select(EntityType.CUSTOMER).orderBy("Id").pageSize(10);
    try (Stream<Customer> rows = ParallelPages.rows(client, query, counted, 4)) {
      return rows.map(Customer::id).toList();
    }
  }

  @AfterEach
  void stop() {
    qbo.stop();
  }

  @Test
  void everyRow_comesBackOnceAndInOrder() {
    customers.rows = 95;
    assertThat(read(95)).containsExactlyElementsOf(IntStream.rangeClosed(1, 95).mapToObj(Integer::toString).toList());
    qbo.verify(10, getRequestedFor(urlPathEqualTo("/v3/company/123/query")));
  }

  @Test
  void rowsAddedSinceTheCount_areStillRead_pageByPage() {
    customers.rows = 43;
    assertThat(read(20)).hasSize(43).last().isEqualTo("43");
  }

  @Test
  void rowsDeletedSinceTheCount_endTheReadEarly() {
    customers.rows = 12;
    assertThat(read(60)).hasSize(12);
  }

  @Test
  void anExactMultipleOfThePageSize_endsWithOneEmptyPage() {
    customers.rows = 30;
    assertThat(read(30)).hasSize(30);
    qbo.verify(4, getRequestedFor(urlPathEqualTo("/v3/company/123/query")));
  }
}
