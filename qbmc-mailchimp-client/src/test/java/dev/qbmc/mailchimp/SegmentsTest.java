package dev.qbmc.mailchimp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qbmc.mailchimp.model.Segment;
import dev.qbmc.mailchimp.model.SegmentCondition;
import dev.qbmc.mailchimp.model.SegmentCreate;
import dev.qbmc.mailchimp.model.SegmentMatch;
import dev.qbmc.mailchimp.model.SegmentOptions;
import dev.qbmc.mailchimp.testing.WireMockMailchimpTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Saved segments and empty tags; every body is checked against the spec's condition types after each test. */
class SegmentsTest extends WireMockMailchimpTest {

  private static final String SEGMENT_JSON = "{\"id\":42,\"name\":\"Big spenders\",\"member_count\":7,\"type\":\"saved\","
      + "\"list_id\":\"abc\",\"options\":{\"match\":\"all\",\"conditions\":[{\"condition_type\":\"StaticSegment\","
      + "\"field\":\"static_segment\",\"op\":\"static_is\",\"value\":10001},{\"condition_type\":\"EcommSpent\","
      + "\"field\":\"ecomm_spent_all\",\"op\":\"greater\",\"value\":500}]}}";

  private static SegmentCreate bigSpenders() {
    return SegmentCreate.saved("Big spenders", SegmentOptions.all(List.of(
        SegmentCondition.inStaticSegment(10001, true),
        SegmentCondition.purchasedFromStore("qbo-1", true),
        SegmentCondition.spentInTotal(true, 500),
        SegmentCondition.orders("greater", 2),
        SegmentCondition.boughtProduct("is", "Wedding cake"),
        SegmentCondition.purchased(false))));
  }

  @Test
  void create_postsTheConditionsAsTheSpecListsThem_andReadsTheSegment() {
    WM.stubFor(post("/3.0/lists/abc/segments").willReturn(okJson(SEGMENT_JSON)));

    Segment created = client().segments().create("abc", bigSpenders());

    assertThat(created.id()).isEqualTo(42);
    assertThat(created.memberCount()).isEqualTo(7);
    assertThat(created.options().orElseThrow().conditions()).hasSize(2);
    assertThat(created.options().orElseThrow().conditions().get(0).value()).contains(10001);
    assertThat(apiRequests().get(0).getBodyAsString()).isEqualTo("{\"name\":\"Big spenders\",\"options\":{\"match\":\"all\","
        + "\"conditions\":[{\"condition_type\":\"StaticSegment\",\"field\":\"static_segment\",\"op\":\"static_is\",\"value\":10001},"
        + "{\"condition_type\":\"EcommStore\",\"field\":\"ecomm_store\",\"op\":\"is\",\"value\":\"qbo-1\"},"
        + "{\"condition_type\":\"EcommSpent\",\"field\":\"ecomm_spent_all\",\"op\":\"greater\",\"value\":500},"
        + "{\"condition_type\":\"EcommNumber\",\"field\":\"ecomm_orders\",\"op\":\"greater\",\"value\":2},"
        + "{\"condition_type\":\"EcommCategory\",\"field\":\"ecomm_prod\",\"op\":\"is\",\"value\":\"Wedding cake\"},"
        + "{\"condition_type\":\"EcommPurchased\",\"field\":\"ecomm_purchased\",\"op\":\"notmember\"}]}}");
  }

  @Test
  void update_patchesTheSegment() {
    WM.stubFor(patch("/3.0/lists/abc/segments/42").willReturn(okJson(SEGMENT_JSON)));

    client().segments().update("abc", 42, bigSpenders());

    assertThat(apiRequests().get(0).getMethod().getName()).isEqualTo("PATCH");
    assertThat(events.get(0).pathTemplate()).isEqualTo("/lists/{list_id}/segments/{segment_id}");
  }

  @Test
  void saved_pagesTheSavedSegments_andFindSavedMatchesTheNameIgnoringCase() {
    WM.stubFor(get(urlPathEqualTo("/3.0/lists/abc/segments")).withQueryParam("type", equalTo("saved"))
        .willReturn(okJson("{\"segments\":[" + SEGMENT_JSON + "],\"total_items\":1}")));

    assertThat(client().segments().saved("abc")).extracting(Segment::name).containsExactly("Big spenders");
    assertThat(client().segments().findSaved("abc", " big SPENDERS ")).map(Segment::id).contains(42L);
    assertThat(client().segments().findSaved("abc", "Other")).isEmpty();
  }

  @Test
  void get_andDelete_byId_aMissingSegmentDeletesAsFalse() {
    WM.stubFor(get("/3.0/lists/abc/segments/42").willReturn(okJson(SEGMENT_JSON)));
    WM.stubFor(delete("/3.0/lists/abc/segments/42").willReturn(noContent()));
    WM.stubFor(delete("/3.0/lists/abc/segments/43").willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/problem+json")
        .withBody("{\"type\":\"t\",\"title\":\"Resource Not Found\",\"status\":404,\"detail\":\"d\",\"instance\":\"i\"}")));

    assertThat(client().segments().get("abc", 42).options().orElseThrow().match()).isEqualTo(SegmentMatch.ALL);
    assertThat(client().segments().delete("abc", 42)).isTrue();
    assertThat(client().segments().delete("abc", 43)).isFalse();
  }

  @Test
  void tagsCreate_makesAnEmptyStaticSegment() {
    WM.stubFor(post("/3.0/lists/abc/segments").willReturn(okJson(
        "{\"id\":10002,\"name\":\"QuickBooks overdue\",\"member_count\":0,\"type\":\"static\"}")));

    Segment tag = client().tags().create("abc", " QuickBooks overdue ");

    assertThat(tag.id()).isEqualTo(10002);
    assertThat(apiRequests().get(0).getBodyAsString()).isEqualTo("{\"name\":\"QuickBooks overdue\",\"static_segment\":[]}");
  }

  @Test
  void findProduct_readsAProduct_orIsEmptyWhenTheStoreHasNone() {
    WM.stubFor(get("/3.0/ecommerce/stores/s/products/7").willReturn(okJson(
        "{\"id\":\"7\",\"title\":\"Wedding cake\",\"variants\":[{\"id\":\"7\",\"title\":\"Wedding cake\"}]}")));
    WM.stubFor(get("/3.0/ecommerce/stores/s/products/8").willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/problem+json")
        .withBody("{\"type\":\"t\",\"title\":\"Resource Not Found\",\"status\":404,\"detail\":\"d\",\"instance\":\"i\"}")));

    assertThat(client().ecommerce().findProduct("s", "7")).hasValueSatisfying(p -> assertThat(p.title()).isEqualTo("Wedding cake"));
    assertThat(client().ecommerce().findProduct("s", "8")).isEmpty();
  }

  @Test
  void segmentCreate_refusesABlankNameOrBothConditionsAndAddresses() {
    assertThatThrownBy(() -> SegmentCreate.saved(" ", SegmentOptions.all(List.of()))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> SegmentCreate.builder().name("x").staticSegment(List.of())
        .options(SegmentOptions.all(List.of())).build()).isInstanceOf(IllegalStateException.class);
  }
}
