package dev.qbmc.mailchimp;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qbmc.mailchimp.model.AddressMergeValue;
import dev.qbmc.mailchimp.model.Member;
import dev.qbmc.mailchimp.model.MemberPatch;
import dev.qbmc.mailchimp.model.MemberStatus;
import dev.qbmc.mailchimp.model.MemberTagsUpdate;
import dev.qbmc.mailchimp.model.MemberUpsert;
import dev.qbmc.mailchimp.model.MergeValue;
import dev.qbmc.mailchimp.model.TagChange;
import dev.qbmc.mailchimp.testing.WireMockMailchimpTest;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MembersTest extends WireMockMailchimpTest {
  private static final String HASH = "3e3417d7ef77d5932a6734b916515ed5";
  private static final String MEMBER_JSON = "{\"id\":\"" + HASH + "\",\"email_address\":\"ada@example.com\","
      + "\"status\":\"unsubscribed\",\"merge_fields\":{\"FNAME\":\"Ada\",\"ADDRESS\":\"\"},\"list_id\":\"abc\"}";

  @Test
  void upsert_whenEmailUpperCaseAndPadded_putsToNormalisedHashWithStatusIfNewOnly() {
    WM.stubFor(put("/3.0/lists/abc/members/" + HASH).willReturn(okJson(MEMBER_JSON)));

    Member m = client().members().upsert("abc", MemberUpsert.builder()
        .emailAddress("  Ada@Example.COM ")
        .statusIfNew(MemberStatus.SUBSCRIBED)
        .putMergeFields("FNAME", MergeValue.text("Ada"))
        .build());

    assertThat(m.status()).isEqualTo(MemberStatus.UNSUBSCRIBED);
    String body = apiRequests().get(0).getBodyAsString();
    assertThat(body).contains("\"status_if_new\":\"subscribed\"").doesNotContain("\"status\"");
    assertThat(body).doesNotContain("LNAME").doesNotContain("null");
    assertThat(events.get(0).pathTemplate()).isEqualTo("/lists/{list_id}/members/{subscriber_hash}");
  }

  @Test
  void upsert_withUnicodeAndOverLongValues_sendsThemIntactOrTruncatedAsAsked() {
    WM.stubFor(put(urlPathMatching("/3.0/lists/abc/members/.*")).willReturn(okJson(MEMBER_JSON)));
    String longName = "Ö".repeat(300);

    client().members().upsert("abc", MemberUpsert.builder()
        .emailAddress("zoë@exämple.com")
        .statusIfNew(MemberStatus.UNSUBSCRIBED)
        .putMergeFields("FNAME", MergeValue.text("Zoë 北京 😀"))
        .putMergeFields("LNAME", MergeValue.truncatedText(longName))
        .putMergeFields("ADDRESS", MergeValue.address(AddressMergeValue.builder().addr1("Königsallee 1")
            .city("Düsseldorf").state("NRW").zip("40212").country("DE").build()))
        .build());

    String body = apiRequests().get(0).getBodyAsString();
    assertThat(body).contains("Zoë 北京 😀").contains("Königsallee 1").contains("\"LNAME\":\"" + "Ö".repeat(127) + "\"");
    assertThat(apiRequests().get(0).getUrl()).endsWith("/members/" + SubscriberHash.of("ZOË@exämple.com"));
  }

  @Test
  void find_whenNotOnList_isEmpty_andWhenOn_readsEmptyAddress() {
    WM.stubFor(get("/3.0/lists/abc/members/" + HASH).willReturn(okJson(MEMBER_JSON)));
    WM.stubFor(get("/3.0/lists/abc/members/" + SubscriberHash.of("nobody@example.com")).willReturn(aResponse()
        .withStatus(404).withHeader("Content-Type", "application/problem+json").withBody("{\"type\":\"x\","
            + "\"title\":\"Resource Not Found\",\"status\":404,\"detail\":\"The requested resource could not be found.\","
            + "\"instance\":\"i\"}")));

    assertThat(client().members().find("abc", "nobody@example.com")).isEmpty();
    assertThat(client().members().find("abc", "ADA@example.com")).hasValueSatisfying(m ->
        assertThat(m.mergeFields().get("ADDRESS").isEmpty()).isTrue());
  }

  @Test
  void patch_sendsOnlyGivenValues() {
    WM.stubFor(patch(urlPathEqualTo("/3.0/lists/abc/members/" + HASH)).willReturn(okJson(MEMBER_JSON)));

    client().members().patch("abc", "ada@example.com", MemberPatch.builder().language("fr").build());

    assertThat(apiRequests().get(0).getBodyAsString()).isEqualTo("{\"language\":\"fr\"}");
  }

  @Test
  void searchByEmail_returnsExactMatches() {
    WM.stubFor(get(urlPathEqualTo("/3.0/search-members")).withQueryParam("query", equalTo("ada@example.com"))
        .withQueryParam("list_id", equalTo("abc"))
        .willReturn(okJson("{\"exact_matches\":{\"members\":[" + MEMBER_JSON + "],\"total_items\":1},"
            + "\"full_search\":{\"members\":[],\"total_items\":0}}")));

    assertThat(client().members().searchByEmail("abc", " ADA@example.com")).extracting(Member::id).containsExactly(HASH);
  }

  @Test
  void updateTags_postsTagsAndAccepts204() {
    WM.stubFor(post("/3.0/lists/abc/members/" + HASH + "/tags").willReturn(noContent()));

    client().members().updateTags("abc", "ada@example.com",
        MemberTagsUpdate.builder().addTags(TagChange.active("QuickBooks Online"), TagChange.inactive("old")).build());

    assertThat(apiRequests().get(0).getBodyAsString())
        .isEqualTo("{\"tags\":[{\"name\":\"QuickBooks Online\",\"status\":\"active\"},{\"name\":\"old\",\"status\":\"inactive\"}]}");
  }

  @Test
  void updateTagsByHash_postsToTheHashGiven_andRefusesWhatIsNotAHash() {
    WM.stubFor(post("/3.0/lists/abc/members/" + HASH + "/tags").willReturn(noContent()));

    client().members().updateTagsByHash("abc", HASH,
        MemberTagsUpdate.builder().addTags(TagChange.inactive("QuickBooks overdue")).build());

    assertThat(apiRequests().get(0).getBodyAsString())
        .isEqualTo("{\"tags\":[{\"name\":\"QuickBooks overdue\",\"status\":\"inactive\"}]}");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> client().members().updateTagsByHash("abc",
        "ada@example.com", MemberTagsUpdate.builder().addTags(TagChange.active("x")).build()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void changedSince_sendsSinceLastChangedAndPages() {
    WM.stubFor(get(urlPathEqualTo("/3.0/lists/abc/members"))
        .withQueryParam("since_last_changed", equalTo("2026-11-01T10:00:00+00:00"))
        .willReturn(okJson("{\"members\":[" + MEMBER_JSON + "],\"total_items\":1}")));

    List<Member> changed = client().members().changedSince("abc", Instant.parse("2026-11-01T10:00:00Z"))
        .collect(Collectors.toList());

    assertThat(changed).hasSize(1);
  }

  @Test
  void recentlyChanged_sortsByLastChangedDescending() {
    WM.stubFor(get(urlPathEqualTo("/3.0/lists/abc/members")).withQueryParam("sort_field", equalTo("last_changed"))
        .withQueryParam("sort_dir", equalTo("DESC")).withQueryParam("count", equalTo("20"))
        .willReturn(okJson("{\"members\":[" + MEMBER_JSON + "],\"total_items\":57}")));

    assertThat(client().members().recentlyChanged("abc", 20)).hasSize(1);
  }

  @Test
  void tags_findStaticSegmentByNameAndListItsMembers() {
    WM.stubFor(get(urlPathEqualTo("/3.0/lists/abc/segments")).withQueryParam("type", equalTo("static"))
        .willReturn(okJson("{\"segments\":[{\"id\":7,\"name\":\"VIP\",\"member_count\":1,\"type\":\"static\"},"
            + "{\"id\":9,\"name\":\"QuickBooks Online\",\"member_count\":1,\"type\":\"static\"}],\"total_items\":2}")));
    WM.stubFor(get(urlPathEqualTo("/3.0/lists/abc/segments/9/members"))
        .willReturn(okJson("{\"members\":[" + MEMBER_JSON + "],\"total_items\":1}")));

    assertThat(client().tags().find("abc", "quickbooks online")).hasValueSatisfying(s -> assertThat(s.id()).isEqualTo(9));
    assertThat(client().tags().membersWithTag("abc", "QuickBooks Online").map(Member::id)).containsExactly(HASH);
    assertThat(client().tags().membersWithTag("abc", "missing")).isEmpty();
  }
}
