package dev.qbmc.mailchimp;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qbmc.mailchimp.model.EcommerceAddress;
import dev.qbmc.mailchimp.model.EcommerceCustomer;
import dev.qbmc.mailchimp.model.Order;
import dev.qbmc.mailchimp.model.OrderLineItem;
import dev.qbmc.mailchimp.model.OrderPatch;
import dev.qbmc.mailchimp.model.Product;
import dev.qbmc.mailchimp.model.ProductVariant;
import dev.qbmc.mailchimp.model.Store;
import dev.qbmc.mailchimp.model.StoreCreate;
import dev.qbmc.mailchimp.model.StorePatch;
import dev.qbmc.mailchimp.testing.WireMockMailchimpTest;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EcommerceTest extends WireMockMailchimpTest {
  private static final String STORE = "{\"id\":\"qbo-123\",\"list_id\":\"abc\",\"name\":\"Craig's Design\","
      + "\"currency_code\":\"USD\",\"is_syncing\":true}";

  @Test
  void stores_createGetPatchDelete() {
    WM.stubFor(post("/3.0/ecommerce/stores").willReturn(okJson(STORE)));
    WM.stubFor(get("/3.0/ecommerce/stores/qbo-123").willReturn(okJson(STORE)));
    WM.stubFor(patch(urlEqualTo("/3.0/ecommerce/stores/qbo-123")).willReturn(okJson(STORE.replace("true", "false"))));
    WM.stubFor(delete("/3.0/ecommerce/stores/qbo-123").willReturn(noContent()));
    WM.stubFor(delete("/3.0/ecommerce/stores/gone").willReturn(aResponse().withStatus(404)
        .withBody("{\"title\":\"Resource Not Found\",\"status\":404,\"detail\":\"x\",\"type\":\"t\",\"instance\":\"i\"}")));
    Ecommerce ecommerce = client().ecommerce();

    Store created = ecommerce.createStore(StoreCreate.builder().id("qbo-123").listId("abc").name("Craig's Design")
        .currencyCode("USD").syncing(true).platform("QuickBooks Online").build());
    Store patched = ecommerce.patchStore("qbo-123", StorePatch.builder().syncing(false).build());

    assertThat(created.syncing()).contains(true);
    assertThat(ecommerce.findStore("qbo-123")).isPresent();
    assertThat(patched.syncing()).contains(false);
    assertThat(ecommerce.deleteStore("qbo-123")).isTrue();
    assertThat(ecommerce.deleteStore("gone")).isFalse();
    assertThat(apiRequests().get(1).getBodyAsString()).isEqualTo("{\"is_syncing\":false}");
  }

  @Test
  void customerProductAndOrder_upsertByPut() {
    WM.stubFor(put(urlPathMatching("/3.0/ecommerce/stores/qbo-123/customers/.*"))
        .willReturn(okJson("{\"id\":\"cust-58\",\"email_address\":\"ada@example.com\",\"opt_in_status\":false}")));
    WM.stubFor(put(urlPathMatching("/3.0/ecommerce/stores/qbo-123/products/.*"))
        .willReturn(okJson("{\"id\":\"item-5\",\"title\":\"Rock Fountain\",\"variants\":[]}")));
    WM.stubFor(put(urlPathMatching("/3.0/ecommerce/stores/qbo-123/orders/.*"))
        .willReturn(okJson("{\"id\":\"invoice-130\",\"customer\":{\"id\":\"cust-58\"},\"currency_code\":\"USD\","
            + "\"order_total\":275.00,\"lines\":[]}")));
    WM.stubFor(patch(urlPathMatching("/3.0/ecommerce/stores/qbo-123/orders/.*"))
        .willReturn(okJson("{\"id\":\"invoice-130\",\"customer\":{\"id\":\"cust-58\"},\"currency_code\":\"USD\","
            + "\"order_total\":275.00,\"financial_status\":\"cancelled\"}")));
    WM.stubFor(delete(urlPathMatching("/3.0/ecommerce/stores/qbo-123/(orders|products)/.*")).willReturn(noContent()));
    Ecommerce ecommerce = client().ecommerce();

    ecommerce.upsertCustomer("qbo-123", EcommerceCustomer.builder().id("cust-58").emailAddress("ada@example.com")
        .optInStatus(false).firstName("Ada").address(EcommerceAddress.builder().address1("1 Main").city("Town")
            .provinceCode("CA").postalCode("94000").countryCode("US").build()).build());
    ecommerce.upsertProduct("qbo-123", Product.builder().id("item-5").title("Rock Fountain")
        .addVariants(ProductVariant.builder().id("item-5").title("Rock Fountain").sku("RF-1")
            .price(new BigDecimal("275.00")).build()).build());
    Order.Builder order = Order.builder().id("invoice-130").customer(EcommerceCustomer.builder().id("cust-58").build())
        .currencyCode("USD").orderTotal(new BigDecimal("275.00")).taxTotal(new BigDecimal("20.00"))
        .discountTotal(new BigDecimal("5.00")).financialStatus("pending")
        .processedAtForeign(OffsetDateTime.of(2026, 11, 1, 9, 30, 0, 0, ZoneOffset.ofHours(-8)));
    for (int i = 1; i <= 5; i++) {
      order.addLines(OrderLineItem.builder().id(Integer.toString(i)).productId("item-5").productVariantId("item-5")
          .quantity(i).price(new BigDecimal("10.50")).build());
    }
    ecommerce.upsertOrder("qbo-123", order.build());
    ecommerce.patchOrder("qbo-123", "invoice-130", OrderPatch.builder().financialStatus("cancelled")
        .cancelledAtForeign(OffsetDateTime.of(2026, 11, 2, 0, 0, 0, 0, ZoneOffset.UTC)).build());

    assertThat(ecommerce.deleteOrder("qbo-123", "invoice-130")).isTrue();
    assertThat(ecommerce.deleteProduct("qbo-123", "item-5")).isTrue();
    String orderBody = apiRequests().get(2).getBodyAsString();
    assertThat(orderBody).contains("\"processed_at_foreign\":\"2026-11-01T09:30:00-08:00\"")
        .contains("\"order_total\":275.00").doesNotContain("shipping_total").doesNotContain("null");
    assertThat(apiRequests().get(3).getBodyAsString())
        .isEqualTo("{\"financial_status\":\"cancelled\",\"cancelled_at_foreign\":\"2026-11-02T00:00:00+00:00\"}");
  }

  @Test
  void upsertCustomer_withoutOptInStatus_isRefusedBeforeSending() {
    assertThatThrownBy(() -> client().ecommerce().upsertCustomer("s", EcommerceCustomer.builder().id("c").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("opt_in_status");
    assertThatThrownBy(() -> EcommerceCustomer.builder().id("x".repeat(51)).build())
        .isInstanceOf(IllegalStateException.class);
  }
}
