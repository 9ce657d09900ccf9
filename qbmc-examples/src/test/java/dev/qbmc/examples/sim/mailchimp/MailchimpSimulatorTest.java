package dev.qbmc.examples.sim.mailchimp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qbmc.examples.sim.BlockingSleeper;
import dev.qbmc.examples.sim.MutableClock;
import dev.qbmc.examples.sim.TestHttp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MailchimpSimulatorTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T12:00:00Z"));
  private final Queue<Runnable> batchQueue = new ArrayDeque<>();
  private MailchimpSimulator sim;
  private TestHttp http;
  private String listId;

  @AfterEach
  void stop() {
    if (sim != null) {
      sim.close();
    }
  }

  private void start(MailchimpSimulator.Builder builder) {
    sim = builder.clock(clock).batchExecutor(batchQueue::add).build().start();
    http = new TestHttp("Basic " + Base64.getEncoder().encodeToString(("anystring:" + sim.apiKey())
        .getBytes(StandardCharsets.UTF_8)));
    listId = sim.createList("Customers");
  }

  private String member(String email) {
    return sim.baseUrl() + "/lists/" + listId + "/members/" + AudienceList.hash(email);
  }

  private static ObjectNode obj() {
    return TestHttp.JSON.createObjectNode();
  }

  @Test
  void auth_acceptsBasicAndBearer_andRejectsOtherKeysWithProblemJson() {
    start(MailchimpSimulator.builder());
    assertThat(http.send("GET", sim.baseUrl() + "/", null).statusCode()).isEqualTo(200);
    assertThat(new TestHttp("Bearer " + sim.apiKey()).send("GET", sim.baseUrl() + "/", null).statusCode()).isEqualTo(200);
    HttpResponse<String> bad = new TestHttp("Bearer nope-us6").send("GET", sim.baseUrl() + "/lists", null);
    assertThat(bad.statusCode()).isEqualTo(401);
    assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    JsonNode problem = TestHttp.json(bad);
    assertThat(problem.path("title").asText()).isEqualTo("API Key Invalid");
    assertThat(problem.has("type") && problem.has("detail") && problem.has("instance")).isTrue();
    JsonNode list = TestHttp.json(http.send("GET", sim.baseUrl() + "/lists/" + listId, null));
    assertThat(list.path("stats").path("member_count").asInt()).isZero();
    JsonNode merge = TestHttp.json(http.send("GET", sim.baseUrl() + "/lists/" + listId + "/merge-fields", null));
    assertThat(merge.path("merge_fields").findValuesAsText("tag")).containsExactly("FNAME", "LNAME", "ADDRESS", "PHONE");
  }

  @Test
  void put_statusIfNewAppliesOnlyToNewContacts_andUnsubscribedCannotBeResubscribed() {
    start(MailchimpSimulator.builder());
    ObjectNode body = obj().put("email_address", "New.Person@Example.org").put("status_if_new", "subscribed");
    HttpResponse<String> created = http.send("PUT", member("new.person@example.org"), body.toString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    assertThat(TestHttp.json(created).path("status").asText()).isEqualTo("subscribed");

    sim.seedMember(listId, "gone@example.org", "unsubscribed");
    ObjectNode again = obj().put("email_address", "gone@example.org").put("status_if_new", "subscribed");
    again.putObject("merge_fields").put("FNAME", "Gone");
    HttpResponse<String> kept = http.send("PUT", member("gone@example.org"), again.toString());
    assertThat(TestHttp.json(kept).path("status").asText()).isEqualTo("unsubscribed");
    assertThat(sim.member(listId, "gone@example.org").orElseThrow().mergeFields().path("FNAME").asText()).isEqualTo("Gone");

    HttpResponse<String> refused = http.send("PUT", member("gone@example.org"),
        obj().put("email_address", "gone@example.org").put("status", "subscribed").toString());
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(TestHttp.json(refused).path("title").asText()).isEqualTo("Member In Compliance State");
    assertThat(sim.member(listId, "gone@example.org").orElseThrow().status()).isEqualTo("unsubscribed");
  }

  @Test
  void put_refusesForgottenFakeIncompleteAddressAndWrongHash() throws Exception {
    start(MailchimpSimulator.builder());
    sim.forgetEmail(listId, "forgot@example.org");
    HttpResponse<String> forgotten = http.send("PUT", member("forgot@example.org"),
        obj().put("email_address", "forgot@example.org").put("status_if_new", "subscribed").toString());
    assertThat(TestHttp.json(forgotten).path("title").asText()).isEqualTo("Forgotten Email Not Subscribed");

    HttpResponse<String> fake = http.send("PUT", member("bob@example.invalid"),
        obj().put("email_address", "bob@example.invalid").put("status_if_new", "subscribed").toString());
    assertThat(fake.statusCode()).isEqualTo(400);
    assertThat(TestHttp.json(fake).path("title").asText()).isEqualTo("Invalid Resource");
    assertThat(TestHttp.json(fake).path("detail").asText())
        .isEqualTo("bob@example.invalid looks fake or invalid, please enter a real email address.");

    ObjectNode address = obj().put("email_address", "addr@example.org").put("status_if_new", "subscribed");
    address.putObject("merge_fields").putObject("ADDRESS").put("addr1", "1 Main St").put("city", "Tucson");
    HttpResponse<String> incomplete = http.send("PUT", member("addr@example.org"), address.toString());
    JsonNode problem = TestHttp.json(incomplete);
    assertThat(problem.path("detail").asText()).isEqualTo("Your merge fields were invalid.");
    assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("ADDRESS");
    assertThat(problem.path("errors").get(0).path("message").asText()).isEqualTo("Please enter a complete address");

    String caseSensitiveHash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
        .digest("Other@Example.org".getBytes(StandardCharsets.UTF_8)));
    HttpResponse<String> wrongHash = http.send("PUT", sim.baseUrl() + "/lists/" + listId + "/members/"
        + caseSensitiveHash,
        obj().put("email_address", "Other@Example.org").put("status_if_new", "subscribed").toString());
    assertThat(TestHttp.json(wrongHash).path("title").asText()).isEqualTo("Member Exists");

    HttpResponse<String> missing = http.send("GET", member("nobody@example.org"), null);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(TestHttp.json(missing).path("title").asText()).isEqualTo("Resource Not Found");
    assertThat(sim.members(listId)).isEmpty();
  }

  @Test
  void roleBasedAddress_isAllowedAsSingleAddButRefusedOnImport() {
    start(MailchimpSimulator.builder());
    assertThat(http.send("PUT", member("admin@shop.example.org"), obj().put("email_address", "admin@shop.example.org")
        .put("status_if_new", "subscribed").toString()).statusCode()).isEqualTo(200);
    ObjectNode batch = obj();
    batch.putArray("members").addObject().put("email_address", "support@shop.example.org").put("status", "subscribed");
    JsonNode result = TestHttp.json(http.send("POST", sim.baseUrl() + "/lists/" + listId, batch.toString()));
    assertThat(result.path("errors").get(0).path("error_code").asText()).isEqualTo("ERROR_GENERIC");
    assertThat(result.path("errors").get(0).path("error").asText()).contains("looks fake or invalid");
  }

  @Test
  void batchSubscribe_reportsCreatedUpdatedAndErrors_andRefusesMoreThan500() {
    start(MailchimpSimulator.builder());
    sim.seedMember(listId, "existing@example.org", "subscribed");
    ObjectNode body = obj();
    ArrayNode members = body.putArray("members");
    members.addObject().put("email_address", "a@example.org").put("status", "subscribed");
    members.addObject().put("email_address", "existing@example.org").put("status", "subscribed");
    members.addObject().put("email_address", "admin@example.org").put("status", "subscribed");
    JsonNode result = TestHttp.json(http.send("POST", sim.baseUrl() + "/lists/" + listId, body.toString()));
    assertThat(result.path("total_created").asInt()).isEqualTo(1);
    assertThat(result.path("total_updated").asInt()).isZero();
    assertThat(result.path("error_count").asInt()).isEqualTo(2);
    assertThat(result.path("errors").findValuesAsText("error_code")).containsExactly("ERROR_CONTACT_EXISTS", "ERROR_GENERIC");

    body.put("update_existing", true);
    JsonNode second = TestHttp.json(http.send("POST", sim.baseUrl() + "/lists/" + listId, body.toString()));
    assertThat(second.path("total_updated").asInt()).isEqualTo(2);

    ObjectNode tooMany = obj();
    ArrayNode many = tooMany.putArray("members");
    for (int i = 0; i < 501; i++) {
      many.addObject().put("email_address", "p" + i + "@example.org").put("status", "subscribed");
    }
    HttpResponse<String> refused = http.send("POST", sim.baseUrl() + "/lists/" + listId, tooMany.toString());
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(sim.members(listId)).hasSize(2);
  }

  @Test
  void tags_formStaticSegmentsWithMembers() {
    start(MailchimpSimulator.builder());
    sim.seedMember(listId, "t@example.org", "subscribed");
    ObjectNode tags = obj();
    tags.putArray("tags").addObject().put("name", "QuickBooks").put("status", "active");
    assertThat(http.send("POST", member("t@example.org") + "/tags", tags.toString()).statusCode()).isEqualTo(204);
    JsonNode segments = TestHttp.json(http.send("GET", sim.baseUrl() + "/lists/" + listId + "/segments?type=static", null));
    assertThat(segments.path("segments")).hasSize(1);
    JsonNode segment = segments.path("segments").get(0);
    assertThat(segment.path("name").asText()).isEqualTo("QuickBooks");
    assertThat(segment.path("member_count").asInt()).isEqualTo(1);
    JsonNode members = TestHttp.json(http.send("GET", sim.baseUrl() + "/lists/" + listId + "/segments/"
        + segment.path("id").asText() + "/members", null));
    assertThat(members.path("members").get(0).path("email_address").asText()).isEqualTo("t@example.org");
    assertThat(sim.member(listId, "t@example.org").orElseThrow().tags()).containsExactly("QuickBooks");
  }

  @Test
  void ecommerce_customersCreateMembers_ordersNeedProducts_andStoreDeleteKeepsMembers() {
    start(MailchimpSimulator.builder());
    sim.seedMember(listId, "unsub@example.org", "unsubscribed");
    String store = sim.baseUrl() + "/ecommerce/stores";
    assertThat(http.send("POST", store, obj().put("id", "qbo-1").put("list_id", listId).put("name", "QBO")
        .put("currency_code", "USD").put("is_syncing", true).toString()).statusCode()).isEqualTo(200);
    assertThat(http.send("PUT", store + "/qbo-1/customers/c1", obj().put("id", "c1").put("email_address", "buyer@example.org")
        .put("opt_in_status", false).put("first_name", "Bea").toString()).statusCode()).isEqualTo(200);
    assertThat(http.send("PUT", store + "/qbo-1/customers/c2", obj().put("id", "c2").put("email_address", "fan@example.org")
        .put("opt_in_status", true).toString()).statusCode()).isEqualTo(200);
    assertThat(http.send("PUT", store + "/qbo-1/customers/c3", obj().put("id", "c3").put("email_address", "unsub@example.org")
        .put("opt_in_status", true).toString()).statusCode()).isEqualTo(200);
    assertThat(sim.member(listId, "buyer@example.org").orElseThrow().status()).isEqualTo("transactional");
    assertThat(sim.member(listId, "fan@example.org").orElseThrow().status()).isEqualTo("subscribed");
    assertThat(sim.member(listId, "unsub@example.org").orElseThrow().status()).isEqualTo("unsubscribed");

    ObjectNode product = obj().put("id", "p1").put("title", "Pump");
    product.putArray("variants").addObject().put("id", "p1").put("title", "Pump").put("price", 15);
    assertThat(http.send("PUT", store + "/qbo-1/products/p1", product.toString()).statusCode()).isEqualTo(200);

    ObjectNode order = obj().put("id", "o1").put("currency_code", "USD").put("order_total", 30.00);
    order.putObject("customer").put("id", "c1");
    order.putArray("lines").addObject().put("id", "l1").put("product_id", "p1").put("product_variant_id", "p1")
        .put("quantity", 2).put("price", 15.00);
    HttpResponse<String> ok = http.send("PUT", store + "/qbo-1/orders/o1", order.toString());
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(TestHttp.json(ok).path("customer").path("email_address").asText()).isEqualTo("buyer@example.org");
    ((ObjectNode) order.path("lines").get(0)).put("product_id", "nope");
    HttpResponse<String> unknown = http.send("PUT", store + "/qbo-1/orders/o2", order.put("id", "o2").toString());
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(sim.orders("qbo-1")).hasSize(1);
    assertThat(sim.orders("qbo-1").get(0).path("order_total").decimalValue()).isEqualByComparingTo("30.00");
    JsonNode orders = TestHttp.json(http.send("GET", store + "/qbo-1/orders?count=5", null));
    assertThat(orders.path("total_items").asInt()).isEqualTo(1);

    assertThat(http.send("DELETE", store + "/qbo-1", null).statusCode()).isEqualTo(204);
    assertThat(http.send("GET", store + "/qbo-1", null).statusCode()).isEqualTo(404);
    assertThat(sim.stores()).isEmpty();
    assertThat(sim.members(listId)).extracting(MemberView::emailAddress)
        .containsExactlyInAnyOrder("unsub@example.org", "buyer@example.org", "fan@example.org");
  }

  @Test
  void batches_runAsynchronously_andServeTarGzResults() throws IOException {
    start(MailchimpSimulator.builder());
    ObjectNode body = obj();
    ArrayNode ops = body.putArray("operations");
    ops.addObject().put("method", "PUT").put("path", "/lists/" + listId + "/members/" + AudienceList.hash("ok@example.org"))
        .put("operation_id", "op-1")
        .put("body", obj().put("email_address", "ok@example.org").put("status_if_new", "subscribed").toString());
    ops.addObject().put("method", "PUT").put("path", "/lists/" + listId + "/members/" + AudienceList.hash("x@example.invalid"))
        .put("operation_id", "op-2")
        .put("body", obj().put("email_address", "x@example.invalid").put("status_if_new", "subscribed").toString());
    JsonNode submitted = TestHttp.json(http.send("POST", sim.baseUrl() + "/batches", body.toString()));
    assertThat(submitted.path("status").asText()).isEqualTo("pending");
    assertThat(submitted.path("total_operations").asInt()).isEqualTo(2);
    String url = sim.baseUrl() + "/batches/" + submitted.path("id").asText();
    assertThat(TestHttp.json(http.send("GET", url, null)).path("status").asText()).isEqualTo("pending");
    batchQueue.remove().run();
    JsonNode done = TestHttp.json(http.send("GET", url, null));
    assertThat(done.path("status").asText()).isEqualTo("finished");
    assertThat(done.path("finished_operations").asInt()).isEqualTo(2);
    assertThat(done.path("errored_operations").asInt()).isEqualTo(1);
    HttpResponse<byte[]> archive = http.bytes(done.path("response_body_url").asText());
    assertThat(archive.statusCode()).isEqualTo(200);
    Map<String, byte[]> files = untar(archive.body());
    assertThat(files).hasSize(1);
    JsonNode results = TestHttp.JSON.readTree(files.values().iterator().next());
    Map<String, Integer> codes = new LinkedHashMap<>();
    results.forEach(r -> codes.put(r.path("operation_id").asText(), r.path("status_code").asInt()));
    assertThat(codes).containsEntry("op-1", 200).containsEntry("op-2", 400);
    JsonNode inner = TestHttp.JSON.readTree(results.get(0).path("response").asText());
    assertThat(inner.path("email_address").asText()).isEqualTo("ok@example.org");
    assertThat(sim.requestLog().count("BATCH:PUT", "/3.0/lists/{list_id}/members/{subscriber_hash}")).isEqualTo(2);

    ObjectNode objectBody = obj();
    objectBody.putArray("operations").addObject().put("method", "POST").put("path", "/lists/" + listId)
        .putObject("body");
    assertThat(http.send("POST", sim.baseUrl() + "/batches", objectBody.toString()).statusCode()).isEqualTo(400);
  }

  @Test
  void eleventhSimultaneousConnection_gets429ProblemJson() throws Exception {
    BlockingSleeper sleeper = new BlockingSleeper();
    start(MailchimpSimulator.builder().sleeper(sleeper).latency(Duration.ofMillis(5)));
    List<CompletableFuture<HttpResponse<String>>> running = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      running.add(http.sendAsync("GET", sim.baseUrl() + "/lists/" + listId, null));
    }
    assertThat(sleeper.awaitEntered(10)).isTrue();
    HttpResponse<String> eleventh = http.send("GET", sim.baseUrl() + "/lists/" + listId, null);
    assertThat(eleventh.statusCode()).isEqualTo(429);
    assertThat(TestHttp.json(eleventh).path("title").asText()).isEqualTo("Too Many Requests");
    sleeper.releaseAll();
    for (CompletableFuture<HttpResponse<String>> f : running) {
      assertThat(f.get().statusCode()).isEqualTo(200);
    }
    assertThat(sim.requestLog().count("GET", "/3.0/lists/{list_id}")).isEqualTo(11);
  }

  @Test
  void bodilessThrottleOption_answers429WithoutBody() throws Exception {
    BlockingSleeper sleeper = new BlockingSleeper();
    start(MailchimpSimulator.builder().sleeper(sleeper).latency(Duration.ofMillis(5)).maxConnections(1)
        .bodilessThrottle(true));
    CompletableFuture<HttpResponse<String>> first = http.sendAsync("GET", sim.baseUrl() + "/ping", null);
    assertThat(sleeper.awaitEntered(1)).isTrue();
    HttpResponse<String> second = http.send("GET", sim.baseUrl() + "/ping", null);
    assertThat(second.statusCode()).isEqualTo(429);
    assertThat(second.body()).isEmpty();
    sleeper.releaseAll();
    assertThat(first.get().statusCode()).isEqualTo(200);
    assertThat(sim.toString()).doesNotContain(sim.apiKey());
  }

  @Test
  void members_listFiltersByStatusAndSinceLastChanged() {
    start(MailchimpSimulator.builder());
    sim.seedMember(listId, "old@example.org", "subscribed");
    clock.advance(Duration.ofHours(1));
    sim.seedMember(listId, "new@example.org", "unsubscribed");
    JsonNode unsub = TestHttp.json(http.send("GET", sim.baseUrl() + "/lists/" + listId + "/members?status=unsubscribed", null));
    assertThat(unsub.path("total_items").asInt()).isEqualTo(1);
    JsonNode since = TestHttp.json(http.send("GET", sim.baseUrl() + "/lists/" + listId
        + "/members?since_last_changed=2026-03-02T12:30:00%2B00:00&count=1000", null));
    assertThat(since.path("members").findValuesAsText("email_address")).containsExactly("new@example.org");
  }

  private static Map<String, byte[]> untar(byte[] gz) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      byte[] tar = in.readAllBytes();
      int pos = 0;
      while (pos + 512 <= tar.length && tar[pos] != 0) {
        String name = new String(tar, pos, 100, StandardCharsets.US_ASCII).replace("\0", "");
        assertThat(new String(tar, pos + 257, 5, StandardCharsets.US_ASCII)).isEqualTo("ustar");
        long size = Long.parseLong(new String(tar, pos + 124, 11, StandardCharsets.US_ASCII).trim(), 8);
        byte[] content = new byte[(int) size];
        System.arraycopy(tar, pos + 512, content, 0, (int) size);
        files.put(name, content);
        pos += 512 + (int) ((size + 511) / 512) * 512;
      }
    }
    return files;
  }
}
