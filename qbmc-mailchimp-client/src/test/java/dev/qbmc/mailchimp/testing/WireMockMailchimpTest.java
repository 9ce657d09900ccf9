package dev.qbmc.mailchimp.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.qbmc.mailchimp.MailchimpClient;
import dev.qbmc.mailchimp.MailchimpCredentials;
import dev.qbmc.mailchimp.MailchimpRequestEvent;
import dev.qbmc.mailchimp.MailchimpRetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Base of the WireMock tests: a client pointed at WireMock under {@code /3.0}, fake time, recorded listener
 * events, and after every test a check that each request body the client sent is valid against the
 * operation's request schema in the official Mailchimp OpenAPI description.
 */
public abstract class WireMockMailchimpTest {
  /** A syntactically valid API key used by every test; never a real one. */
  public static final String API_KEY = "0123456789abcdef0123456789abcdef-us6";

  /** The WireMock server. */
  @RegisterExtension
  protected static final WireMockExtension WM = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  /** Fake clock and sleeper. */
  protected final FakeTime time = new FakeTime();
  /** Every attempt reported to the listener. */
  protected final List<MailchimpRequestEvent> events = new CopyOnWriteArrayList<>();

  /** {@return a builder for a client against WireMock with fake time and a fixed jitter} */
  protected MailchimpClient.Builder clientBuilder() {
    return MailchimpClient.builder()
        .credentials(MailchimpCredentials.apiKey(API_KEY))
        .baseUri(URI.create(WM.baseUrl() + "/3.0"))
        .clock(time)
        .sleeper(time)
        .random(fixedRandom())
        .requestTimeout(Duration.ofSeconds(10))
        .retryPolicy(MailchimpRetryPolicy.defaults())
        .requestListener(events::add);
  }

  /** {@return a client against WireMock} */
  protected MailchimpClient client() {
    return clientBuilder().build();
  }

  /** {@return request bodies sent to the API, for assertions} */
  protected static List<LoggedRequest> apiRequests() {
    List<LoggedRequest> requests = new ArrayList<>();
    for (ServeEvent e : WM.getAllServeEvents()) {
      if (e.getRequest().getUrl().startsWith("/3.0")) {
        requests.add(0, e.getRequest());
      }
    }
    return requests;
  }

  @AfterEach
  void everyRequestBodyMatchesTheMailchimpSpec() {
    List<String> problems = new ArrayList<>();
    for (LoggedRequest r : apiRequests()) {
      String body = r.getBodyAsString();
      if (body == null || body.isEmpty()) {
        continue;
      }
      String path = r.getUrl().substring("/3.0".length()).replaceAll("\\?.*$", "");
      problems.addAll(MailchimpSpec.get().validate(r.getMethod().getName(), path.isEmpty() ? "/" : path, body));
      if (r.getMethod().getName().equals("POST") && path.equals("/batches")) {
        problems.addAll(operationBodyProblems(body));
      }
    }
    assertThat(problems).as("request bodies invalid against the Mailchimp OpenAPI spec").isEmpty();
  }

  /** Each operation of a {@code /batches} request whose body is a JSON string, validated against its own operation. */
  private static List<String> operationBodyProblems(String batchBody) {
    List<String> problems = new ArrayList<>();
    try {
      for (JsonNode op : new ObjectMapper().readTree(batchBody).path("operations")) {
        if (op.path("body").isTextual()) {
          String path = op.path("path").asText().replaceAll("\\?.*$", "");
          for (String problem : MailchimpSpec.get().validate(op.path("method").asText(), path, op.path("body").asText())) {
            problems.add("batch operation " + op.path("method").asText() + " " + path + ": " + problem);
          }
        }
      }
    } catch (java.io.IOException e) {
      problems.add("batch body is not JSON: " + e.getMessage());
    }
    return problems;
  }

  private static RandomGenerator fixedRandom() {
    return () -> 0L;
  }
}
