package dev.qbmc.mailchimp;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.qbmc.mailchimp.model.BatchOperation;
import dev.qbmc.mailchimp.model.EcommerceCustomer;
import dev.qbmc.mailchimp.model.MemberStatus;
import dev.qbmc.mailchimp.model.MemberTagsUpdate;
import dev.qbmc.mailchimp.model.MemberUpsert;
import dev.qbmc.mailchimp.model.Order;
import dev.qbmc.mailchimp.model.OrderLineItem;
import dev.qbmc.mailchimp.model.OrderPatch;
import dev.qbmc.mailchimp.model.Product;
import dev.qbmc.mailchimp.model.ProductVariant;
import dev.qbmc.mailchimp.model.TagChange;
import dev.qbmc.mailchimp.model.TagStatus;
import dev.qbmc.mailchimp.testing.WireMockMailchimpTest;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreparedRequestsTest extends WireMockMailchimpTest {

  @Test
  void aPreparedRequest_runsDirectlyExactlyLikeTheTypedCall() {
    MemberUpsert member = MemberUpsert.builder().emailAddress("$Fan\\@Example.com").statusIfNew(MemberStatus.SUBSCRIBED)
        .build();
    String hash = SubscriberHash.of("$fan\\@example.com");
    WM.stubFor(put("/3.0/lists/abc/members/" + hash).willReturn(okJson(
        "{\"id\":\"" + hash + "\",\"email_address\":\"$fan\\\\@example.com\",\"status\":\"subscribed\"}")));
    MailchimpClient client = client();

    MailchimpRequest<dev.qbmc.mailchimp.model.Member> request = client.members().prepareUpsert("abc", member);
    client.execute(request);
    client.members().upsert("abc", member);

    assertThat(request.method()).isEqualTo("PUT");
    assertThat(request.path()).isEqualTo("/lists/abc/members/" + hash);
    assertThat(request.pathTemplate()).isEqualTo("/lists/{list_id}/members/{subscriber_hash}");
    assertThat(request.repeatable()).isTrue();
    assertThat(request.toString()).doesNotContain("Fan").doesNotContain(hash);
    assertThat(apiRequests()).hasSize(2);
    assertThat(apiRequests().get(0).getBodyAsString()).isEqualTo(apiRequests().get(1).getBodyAsString())
        .isEqualTo(request.body().orElseThrow());
  }

  @Test
  void everyValueInAPath_isPercentEncoded_soNoIdCanChangeThePath() {
    Ecommerce ecommerce = client().ecommerce();
    Product product = Product.builder().id("..").title("t")
        .addVariants(ProductVariant.builder().id("..").title("t").build()).build();

    assertThat(ecommerce.prepareUpsertProduct("qbo 1", product).path())
        .isEqualTo("/ecommerce/stores/qbo%201/products/%2E%2E");
    assertThat(ecommerce.prepareDeleteOrder("s", "a/b?c#d%e").path())
        .isEqualTo("/ecommerce/stores/s/orders/a%2Fb%3Fc%23d%25e");
    assertThat(ecommerce.preparePatchOrder("s", ".", OrderPatch.builder().financialStatus("paid").build()).path())
        .isEqualTo("/ecommerce/stores/s/orders/%2E");
    assertThatThrownBy(() -> ecommerce.prepareDeleteOrder("s", " ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPreparedRequest_becomesTheSameBatchOperation_andKeepsWhetherItIsRepeatable() {
    MailchimpClient client = client();
    MailchimpRequest<Void> tags = client.members().prepareUpdateTags("abc", "ada@example.com",
        MemberTagsUpdate.builder().addTags(TagChange.builder().name("QuickBooks Online").status(TagStatus.ACTIVE).build())
            .build());
    MailchimpRequest<EcommerceCustomer> customer = client.ecommerce().prepareUpsertCustomer("s",
        EcommerceCustomer.builder().id("c1").emailAddress("ada@example.com").optInStatus(true).build());
    MailchimpRequest<Order> order = client.ecommerce().prepareUpsertOrder("s", Order.builder().id("invoice-1")
        .customer(EcommerceCustomer.builder().id("c1").build()).currencyCode("USD").orderTotal(new BigDecimal("10.00"))
        .processedAtForeign(OffsetDateTime.parse("2026-01-02T03:04:05Z"))
        .addLines(OrderLineItem.builder().id("1").productId("p").productVariantId("p").quantity(1)
            .price(new BigDecimal("10.00")).build())
        .build());

    BatchOperation op = client.batches().operation(tags, "t:1");

    assertThat(op.method()).isEqualTo("POST");
    assertThat(op.path()).isEqualTo(tags.path());
    assertThat(op.body()).isEqualTo(tags.body());
    assertThat(op.repeatable()).as("setting a tag twice is harmless").isTrue();
    assertThat(client.batches().operation(customer, "c:1").repeatable()).isTrue();
    assertThat(client.batches().operation("POST", "/ecommerce/stores/s/carts", null, "x").repeatable()).isFalse();
    WM.stubFor(post("/3.0/batches").willReturn(okJson("{\"id\":\"b\",\"status\":\"pending\"}")));
    client.batches().submit(List.of(op, client.batches().operation(customer, "c:1"), client.batches().operation(order, "o:1")));
    assertThat(apiRequests().get(0).getBodyAsString()).doesNotContain("repeatable");
  }

  @Test
  void aRepeatablePost_isRetriedAfterALostResponse_likeAPut() {
    MailchimpClient client = client();
    String path = "/3.0/lists/abc/members/" + SubscriberHash.of("ada@example.com") + "/tags";
    WM.stubFor(post(path).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("ok"));
    WM.stubFor(post(path).inScenario("s").whenScenarioStateIs("ok").willReturn(aResponse().withStatus(204)));

    client.execute(client.members().prepareUpdateTags("abc", "ada@example.com", MemberTagsUpdate.builder()
        .addTags(TagChange.builder().name("t").status(TagStatus.ACTIVE).build()).build()));

    WM.verify(2, postRequestedFor(urlEqualTo(path)));
  }

  @Test
  void aResponseBodyOverTheLimit_isRefusedAsMalformed_whileReading() {
    byte[] huge = new byte[Transport.MAX_RESPONSE_BYTES + 1];
    java.util.Arrays.fill(huge, (byte) ' ');
    WM.stubFor(get("/3.0/lists/abc").willReturn(aResponse().withStatus(200).withBody(huge).withChunkedDribbleDelay(2, 1)));

    // 64 MiB through WireMock can take longer than the usual 10 s on a loaded machine; a timeout
    // would be retried and the test would see two requests instead of the refusal it is about.
    MailchimpClient client = clientBuilder().requestTimeout(Duration.ofMinutes(5)).build();
    assertThatThrownBy(() -> client.audiences().get("abc"))
        .isInstanceOf(MailchimpMalformedResponseException.class)
        .hasMessageContaining("larger than");
    WM.verify(1, getRequestedFor(urlEqualTo("/3.0/lists/abc")));
  }
}
