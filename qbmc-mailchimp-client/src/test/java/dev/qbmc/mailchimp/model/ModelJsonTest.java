package dev.qbmc.mailchimp.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qbmc.mailchimp.internal.MailchimpJson;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelJsonTest {
  private final ObjectMapper json = MailchimpJson.mapper();

  @Test
  void memberUpsert_whenOptionalValuesAbsent_omitsThemAndNeverSendsStatus() throws Exception {
    MemberUpsert upsert =
        MemberUpsert.builder().emailAddress("ada@example.com").statusIfNew(MemberStatus.UNSUBSCRIBED).build();

    String body = json.writeValueAsString(upsert);

    assertThat(body).isEqualTo("{\"email_address\":\"ada@example.com\",\"status_if_new\":\"unsubscribed\"}");
    assertThat(body).doesNotContain("null").doesNotContain("\"\"").doesNotContain("\"status\"");
  }

  @Test
  void memberUpsert_withMergeValues_writesSnakeCaseAndAddressObject() throws Exception {
    MemberUpsert upsert = MemberUpsert.builder()
        .emailAddress("ada@example.com")
        .statusIfNew(MemberStatus.SUBSCRIBED)
        .putMergeFields("FNAME", MergeValue.text("Ada"))
        .putMergeFields("AGE", MergeValue.number(new BigDecimal("36")))
        .putMergeFields("ADDRESS", MergeValue.address(AddressMergeValue.builder()
            .addr1("1 Main St").city("Springfield").state("IL").zip("62701").build()))
        .timestampSignup(OffsetDateTime.of(2026, 1, 2, 3, 4, 0, 0, ZoneOffset.UTC))
        .build();

    JsonNode node = json.valueToTree(upsert);

    assertThat(node.at("/merge_fields/FNAME").asText()).isEqualTo("Ada");
    assertThat(node.at("/merge_fields/AGE").isNumber()).isTrue();
    assertThat(node.at("/merge_fields/ADDRESS/addr1").asText()).isEqualTo("1 Main St");
    assertThat(node.at("/merge_fields/ADDRESS").has("addr2")).isFalse();
    assertThat(node.at("/merge_fields/ADDRESS").has("country")).isFalse();
    assertThat(node.at("/merge_fields/ADDRESS").size()).isEqualTo(4);
    assertThat(node.get("timestamp_signup").asText()).isEqualTo("2026-01-02T03:04:00+00:00");
  }

  @Test
  void member_whenAddressIsEmptyString_readsEmptyTextAndWhenObject_readsAddress() throws Exception {
    String empty = "{\"id\":\"h\",\"email_address\":\"a@b.co\",\"status\":\"subscribed\","
        + "\"merge_fields\":{\"FNAME\":\"\",\"ADDRESS\":\"\",\"BIRTHDAY\":null},\"interests\":{},\"tags\":[],"
        + "\"last_changed\":\"2015-09-16T19:51:45+00:00\",\"new_field_from_2030\":{\"x\":1}}";
    String full = "{\"id\":\"h\",\"email_address\":\"a@b.co\",\"status\":\"archived\",\"merge_fields\":{\"ADDRESS\":"
        + "{\"addr1\":\"1 Main\",\"addr2\":\"\",\"city\":\"Town\",\"state\":\"CA\",\"zip\":\"90210\",\"country\":\"US\"}}}";

    Member a = json.readValue(empty, Member.class);
    Member b = json.readValue(full, Member.class);

    assertThat(a.mergeFields().get("ADDRESS").isEmpty()).isTrue();
    assertThat(a.mergeFields().get("ADDRESS").address()).isEmpty();
    assertThat(a.mergeFields().get("BIRTHDAY").isEmpty()).isTrue();
    assertThat(a.status()).isEqualTo(MemberStatus.SUBSCRIBED);
    assertThat(a.lastChanged()).contains(OffsetDateTime.of(2015, 9, 16, 19, 51, 45, 0, ZoneOffset.UTC));
    assertThat(b.mergeFields().get("ADDRESS").address()).hasValueSatisfying(addr -> {
      assertThat(addr.city()).isEqualTo("Town");
      assertThat(addr.addr2()).contains("");
      assertThat(addr.isComplete()).isTrue();
    });
    assertThat(b.status()).isEqualTo(MemberStatus.ARCHIVED);
    assertThat(json.readValue("{\"id\":\"h\",\"email_address\":\"a@b.co\",\"status\":\"brand-new\"}", Member.class).status())
        .isEqualTo(MemberStatus.UNKNOWN);
  }

  @Test
  void mergeValue_truncatedText_cutsAt255Utf8BytesWithoutSplittingCharacters() {
    String longUnicode = "é".repeat(200); // 400 bytes
    String emoji = "😀".repeat(70); // 280 bytes

    assertThat(MergeValue.truncatedText(longUnicode).text().orElseThrow())
        .hasSize(127).matches(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 255);
    assertThat(MergeValue.truncatedText(emoji).text().orElseThrow()).isEqualTo("😀".repeat(63));
    assertThat(MergeValue.truncatedText("Zoë").text()).contains("Zoë");
    assertThat(MergeValue.text("x".repeat(1000)).text().orElseThrow()).hasSize(1000);
  }

  @Test
  void mergeValue_unicode_roundTrips() throws Exception {
    MergeValue v = MergeValue.text("Ünïcødé 北京 😀");
    assertThat(json.readValue(json.writeValueAsString(v), MergeValue.class)).isEqualTo(v);
  }

  @Test
  void order_writesMoneyAsPlainDecimalsAndOmitsAbsentTotals() throws Exception {
    Order order = Order.builder()
        .id("invoice-1")
        .customer(EcommerceCustomer.builder().id("qbo-customer-1").build())
        .currencyCode("USD")
        .orderTotal(new BigDecimal("1E+2"))
        .financialStatus("paid")
        .addLines(OrderLineItem.builder().id("1").productId("p").productVariantId("p").quantity(2)
            .price(new BigDecimal("50.00")).build())
        .build();

    JsonNode node = json.valueToTree(order);
    String text = json.writeValueAsString(order);

    assertThat(text).contains("\"order_total\":100").contains("\"price\":50.00");
    assertThat(node.has("tax_total")).isFalse();
    assertThat(node.has("discount_total")).isFalse();
    assertThat(node.has("cancelled_at_foreign")).isFalse();
    assertThat(node.get("customer").size()).isEqualTo(1);
    Order back = json.readValue(text, Order.class);
    assertThat(back.orderTotal()).isEqualByComparingTo("100");
  }

  @Test
  void storePatch_withOnlySyncing_sendsOnlyIsSyncing() throws Exception {
    assertThat(json.writeValueAsString(StorePatch.builder().syncing(true).build())).isEqualTo("{\"is_syncing\":true}");
  }

  @Test
  void batchSubscribeResult_parsesErrorsWithCodes() throws Exception {
    String body = "{\"new_members\":[{\"id\":\"1\",\"email_address\":\"n@x.co\",\"status\":\"subscribed\"}],"
        + "\"updated_members\":[],\"errors\":[{\"email_address\":\"e@x.co\",\"error\":\"e@x.co is already a list member\","
        + "\"error_code\":\"ERROR_CONTACT_EXISTS\",\"field\":\"\",\"field_message\":\"\"}],"
        + "\"total_created\":1,\"total_updated\":0,\"error_count\":1,\"_links\":[]}";

    BatchSubscribeResult r = json.readValue(body, BatchSubscribeResult.class);

    assertThat(r.newMembers()).extracting(Member::emailAddress).containsExactly("n@x.co");
    assertThat(r.errors()).singleElement().satisfies(e -> assertThat(e.isContactExists()).isTrue());
    assertThat(r.totalCreated()).isEqualTo(1);
    assertThat(r.errorCount()).isEqualTo(1);
  }

  @Test
  void batchSubscribeRequest_rejectsMoreThan500AndAlwaysSendsUpdateExisting() throws Exception {
    BatchSubscribeMember m = BatchSubscribeMember.builder().emailAddress("a@b.co").status(MemberStatus.SUBSCRIBED).build();
    assertThatThrownBy(() -> BatchSubscribeRequest.builder().members(java.util.Collections.nCopies(501, m)).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("500");
    assertThat(json.writeValueAsString(BatchSubscribeRequest.builder().addMembers(m).build()))
        .contains("\"update_existing\":false");
  }

  @Test
  void memberUpsert_whenMergeValueEmpty_isRefusedBecauseItWouldErase() {
    assertThatThrownBy(() -> MemberUpsert.builder().emailAddress("a@b.co").statusIfNew(MemberStatus.SUBSCRIBED)
        .putMergeFields("LNAME", MergeValue.text("")).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("LNAME");
  }

  @Test
  void batchSubscribeMember_whenEmailBlankOrMergeValueEmpty_isRefusedLikeMemberUpsert() {
    assertThatThrownBy(() -> BatchSubscribeMember.builder().emailAddress(" ").status(MemberStatus.SUBSCRIBED).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("email_address");
    assertThatThrownBy(() -> BatchSubscribeMember.builder().emailAddress("a@b.co").status(MemberStatus.SUBSCRIBED)
        .putMergeFields("FNAME", MergeValue.text("")).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("FNAME");
  }

  @Test
  void memberUpsert_rejectsArchivedStatusIfNew() {
    assertThatThrownBy(() -> MemberUpsert.builder().emailAddress("a@b.co").statusIfNew(MemberStatus.ARCHIVED).build())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void apiRootAudienceAndBatchStatus_parseRealShapes() throws Exception {
    ApiRoot root = json.readValue("{\"account_id\":\"8d3a3db4d97663a9074efcc16\",\"login_id\":\"1\","
        + "\"account_name\":\"Freddie's Jokes\",\"email\":\"freddie@freddiesjokes.com\",\"role\":\"owner\","
        + "\"member_since\":\"2010-01-01T23:59:59+00:00\",\"pricing_plan_type\":\"monthly\","
        + "\"first_payment\":\"\",\"total_subscribers\":1234,\"industry_stats\":{\"open_rate\":0.1}}", ApiRoot.class);
    Audience audience = json.readValue("{\"id\":\"abc\",\"name\":\"Jokes\",\"stats\":{\"member_count\":42,"
        + "\"unsubscribe_count\":1},\"double_optin\":false}", Audience.class);
    BatchStatus status = json.readValue("{\"id\":\"b1\",\"status\":\"finished\",\"total_operations\":3,"
        + "\"finished_operations\":3,\"errored_operations\":1,\"response_body_url\":\"https://x/y.tar.gz\"}",
        BatchStatus.class);

    assertThat(root.totalSubscribers()).isEqualTo(1234);
    assertThat(root.firstPayment()).isEmpty();
    assertThat(root.pricingPlanType()).contains("monthly");
    assertThat(audience.memberCount()).isEqualTo(42);
    assertThat(status.isFinished()).isTrue();
    assertThat(status.isCompleteSuccess()).isFalse();
    assertThat(json.valueToTree(status).has("finished")).isFalse();
    assertThat(json.valueToTree(status).has("complete_success")).isFalse();
  }

  @Test
  void oauthToken_toString_hidesAccessToken() throws Exception {
    OAuthToken token = json.readValue("{\"access_token\":\"5c6ccc561059aa386da9d112215bae55\",\"token_type\":\"bearer\"}",
        OAuthToken.class);
    assertThat(token.accessToken()).isEqualTo("5c6ccc561059aa386da9d112215bae55");
    assertThat(token.toString()).doesNotContain("5c6ccc561059aa386da9d112215bae55");
  }

  @Test
  void tagsUpdate_writesNameAndStatus() throws Exception {
    MemberTagsUpdate update = MemberTagsUpdate.builder().addTags(TagChange.active("QuickBooks Online")).build();
    assertThat(json.writeValueAsString(update))
        .isEqualTo("{\"tags\":[{\"name\":\"QuickBooks Online\",\"status\":\"active\"}]}");
    assertThat(json.writeValueAsString(Map.of("v", MergeValue.text("")))).isEqualTo("{\"v\":\"\"}");
  }
}
