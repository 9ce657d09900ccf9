package dev.qbmc.mailchimp;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qbmc.mailchimp.internal.MailchimpJson;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.qbmc.mailchimp.model.BatchSubscribeMember;
import dev.qbmc.mailchimp.model.BatchSubscribeRequest;
import dev.qbmc.mailchimp.model.BatchUpsertResult;
import dev.qbmc.mailchimp.model.MemberStatus;
import dev.qbmc.mailchimp.model.MemberUpsert;
import dev.qbmc.mailchimp.model.MergeValue;
import dev.qbmc.mailchimp.testing.WireMockMailchimpTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchSubscribeTest extends WireMockMailchimpTest {
  @Test
  void upsertAll_with1234Members_makesThreeBatchCallsOfAtMost500() throws Exception {
    List<MemberUpsert> members = IntStream.range(0, 1234).mapToObj(i -> MemberUpsert.builder()
        .emailAddress("customer" + i + "@example.com").statusIfNew(MemberStatus.SUBSCRIBED)
        .putMergeFields("FNAME", MergeValue.text("C" + i)).build()).collect(Collectors.toList());
    for (int from = 0; from < 1234; from += 500) {
      WM.stubFor(post("/3.0/lists/abc")
          .withRequestBody(matchingJsonPath("$.members[0].email_address", equalTo("customer" + from + "@example.com")))
          .willReturn(okJson(created(members.subList(from, Math.min(1234, from + 500)).stream()
              .map(MemberUpsert::emailAddress).toArray(String[]::new)))));
    }

    BatchUpsertResult result = client().members().upsertAll("abc", members);

    List<LoggedRequest> calls = apiRequests();
    assertThat(calls).hasSize(3);
    List<Integer> sizes = new ArrayList<>();
    for (LoggedRequest r : calls) {
      JsonNode body = MailchimpJson.mapper().readTree(r.getBodyAsString());
      sizes.add(body.get("members").size());
      assertThat(body.get("update_existing").asBoolean()).isFalse();
    }
    assertThat(sizes).containsExactly(500, 500, 234);
    assertThat(result.apiCalls()).isEqualTo(3);
  }

  @Test
  void upsertAll_whenMemberExistsUnsubscribed_updatesItByPutWithoutChangingStatus() throws Exception {
    String bobHash = SubscriberHash.of("bob@example.com");
    WM.stubFor(post("/3.0/lists/abc").willReturn(okJson("{\"new_members\":[{\"id\":\"" + SubscriberHash.of("new@example.com")
        + "\",\"email_address\":\"new@example.com\",\"status\":\"subscribed\"}],\"updated_members\":[],"
        + "\"errors\":[{\"email_address\":\"bob@example.com\",\"error\":\"bob@example.com is already a list member, do you "
        + "want to update? please provide update_existing:true in the request body\",\"error_code\":\"ERROR_CONTACT_EXISTS\"},"
        + "{\"email_address\":\"fake@example.com\",\"error\":\"fake@example.com looks fake or invalid, please enter a real "
        + "email address.\",\"error_code\":\"ERROR_GENERIC\"}],"
        + "\"total_created\":1,\"total_updated\":0,\"error_count\":2}")));
    WM.stubFor(put("/3.0/lists/abc/members/" + bobHash).willReturn(okJson("{\"id\":\"" + bobHash
        + "\",\"email_address\":\"bob@example.com\",\"status\":\"unsubscribed\",\"merge_fields\":{\"FNAME\":\"Bob\"}}")));

    BatchUpsertResult result = client().members().upsertAll("abc", List.of(
        member("new@example.com", "New"), member("Bob@Example.com ", "Bob"), member("fake@example.com", "F")));

    assertThat(result.created()).extracting(m -> m.emailAddress()).containsExactly("new@example.com");
    assertThat(result.updated()).singleElement().satisfies(m -> assertThat(m.status()).isEqualTo(MemberStatus.UNSUBSCRIBED));
    assertThat(result.failures()).singleElement().satisfies(f -> {
      assertThat(f.emailAddress()).isEqualTo("fake@example.com");
      assertThat(f.errorCode()).contains("ERROR_GENERIC");
    });
    assertThat(result.apiCalls()).isEqualTo(2);
    LoggedRequest put = apiRequests().get(1);
    assertThat(put.getMethod().getName()).isEqualTo("PUT");
    JsonNode putBody = MailchimpJson.mapper().readTree(put.getBodyAsString());
    assertThat(putBody.has("status")).isFalse();
    assertThat(putBody.get("status_if_new").asText()).isEqualTo("subscribed");
    assertThat(putBody.at("/merge_fields/FNAME").asText()).isEqualTo("Bob");
    for (LoggedRequest r : apiRequests()) {
      assertThat(r.getBodyAsString()).doesNotContain("\"update_existing\":true");
    }
  }

  @Test
  void upsertAll_whenExistingMemberIsInComplianceState_reportsFailureAndContinues() {
    String hash = SubscriberHash.of("gone@example.com");
    WM.stubFor(post("/3.0/lists/abc").willReturn(okJson("{\"new_members\":[],\"updated_members\":[],\"errors\":["
        + "{\"email_address\":\"gone@example.com\",\"error\":\"exists\",\"error_code\":\"ERROR_CONTACT_EXISTS\"}],"
        + "\"total_created\":0,\"total_updated\":0,\"error_count\":1}")));
    WM.stubFor(put("/3.0/lists/abc/members/" + hash).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/problem+json").withBody("{\"type\":\"t\",\"title\":\"Member In Compliance State\","
            + "\"status\":400,\"detail\":\"gone@example.com is in a compliance state due to unsubscribe, bounce, or compliance "
            + "review and cannot be subscribed.\",\"instance\":\"i\"}")));

    BatchUpsertResult result = client().members().upsertAll("abc", List.of(member("gone@example.com", "G")));

    assertThat(result.failures()).singleElement().satisfies(f -> assertThat(f.title()).contains("Member In Compliance State"));
  }

  @Test
  void upsertAll_whenSameEmailTwice_sendsItOnceWithTheLastValues() throws Exception {
    WM.stubFor(post("/3.0/lists/abc").willReturn(okJson(created("a@example.com"))));

    client().members().upsertAll("abc", List.of(member("a@example.com", "First"), member("A@EXAMPLE.COM", "Second")));

    JsonNode body = MailchimpJson.mapper().readTree(apiRequests().get(0).getBodyAsString());
    assertThat(body.get("members")).hasSize(1);
    assertThat(body.at("/members/0/merge_fields/FNAME").asText()).isEqualTo("Second");
  }

  @Test
  void upsertAll_whenAChunkGets503_resendsItBecauseRepeatingIsHarmless() {
    WM.stubFor(post("/3.0/lists/abc").inScenario("s").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
    WM.stubFor(post("/3.0/lists/abc").inScenario("s").whenScenarioStateIs("ok").willReturn(okJson(created("a@example.com"))));

    BatchUpsertResult result = client().members().upsertAll("abc", List.of(member("a@example.com", "A")));

    assertThat(result.failures()).isEmpty();
    WM.verify(2, postRequestedFor(urlEqualTo("/3.0/lists/abc")));
  }

  @Test
  void batchSubscribe_rawCall_whenServerFails_reportsUnknownOutcome() {
    WM.stubFor(post("/3.0/lists/abc").willReturn(aResponse().withStatus(500)));
    BatchSubscribeRequest request = BatchSubscribeRequest.builder().addMembers(BatchSubscribeMember.builder()
        .emailAddress("a@example.com").status(MemberStatus.SUBSCRIBED).build()).build();

    assertThatThrownBy(() -> client().members().batchSubscribe("abc", request))
        .isInstanceOf(MailchimpOutcomeUnknownException.class);
    WM.verify(1, postRequestedFor(urlEqualTo("/3.0/lists/abc")));
  }

  @Test
  void subscribeNew_whenTheAnswerIsIncompleteOrOdd_leavesTheUnaccountedMembersToTheCaller() {
    WM.stubFor(post("/3.0/lists/abc").willReturn(okJson("{\"new_members\":[{\"id\":\"x\",\"email_address\":\"A@example.com\","
        + "\"status\":\"subscribed\"}],\"updated_members\":[],\"errors\":["
        + "{\"error\":\"no address\",\"error_code\":\"ERROR_GENERIC\"},"
        + "{\"email_address\":\"\",\"error\":\"blank address\",\"error_code\":\"ERROR_GENERIC\"},"
        + "{\"email_address\":\"stranger@example.com\",\"error\":\"not asked\",\"error_code\":\"ERROR_GENERIC\"},"
        + "{\"email_address\":\"$fan@example.com\",\"error\":\"$fan@example.com looks fake or invalid\","
        + "\"error_code\":\"ERROR_GENERIC\"}],\"total_created\":1,\"total_updated\":0,\"error_count\":4}")));

    BatchUpsertResult result = client().members().subscribeNew("abc", List.of(
        member("a@example.com", "A"), member("$FAN@example.com", "F"), member("quiet@example.com", "Q")));

    assertThat(result.created()).extracting(m -> m.emailAddress()).containsExactly("A@example.com");
    assertThat(result.failures()).singleElement().satisfies(f -> {
      assertThat(f.emailAddress()).as("the address as the caller gave it").isEqualTo("$FAN@example.com");
      assertThat(f.message()).contains("looks fake");
    });
    assertThat(result.existing()).as("not accounted for: the caller writes it with status_if_new")
        .extracting(MemberUpsert::emailAddress).containsExactly("quiet@example.com");
  }

  private static String created(String... emails) {
    return "{\"new_members\":[" + java.util.Arrays.stream(emails)
        .map(e -> "{\"id\":\"" + SubscriberHash.of(e) + "\",\"email_address\":\"" + e + "\",\"status\":\"subscribed\"}")
        .collect(Collectors.joining(",")) + "],\"updated_members\":[],\"errors\":[],\"total_created\":" + emails.length
        + ",\"total_updated\":0,\"error_count\":0}";
  }

  private static MemberUpsert member(String email, String first) {
    return MemberUpsert.builder().emailAddress(email).statusIfNew(MemberStatus.SUBSCRIBED)
        .putMergeFields("FNAME", MergeValue.text(first)).build();
  }
}
