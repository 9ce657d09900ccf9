package dev.qbmc.mailchimp.testing;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Proves the spec check used after every WireMock test really rejects invalid bodies. */
class MailchimpSpecTest {
  private final MailchimpSpec spec = MailchimpSpec.get();

  @Test
  void validate_whenPutMemberLacksStatusIfNew_reportsIt() {
    assertThat(spec.validate("PUT", "/lists/abc/members/3e3417d7ef77d5932a6734b916515ed5",
        "{\"email_address\":\"ada@example.com\"}")).anyMatch(m -> m.contains("status_if_new"));
  }

  @Test
  void validate_whenStatusIsNotInEnum_reportsIt() {
    assertThat(spec.validate("POST", "/lists/abc",
        "{\"members\":[{\"email_address\":\"a@b.co\",\"status\":\"bogus\"}],\"update_existing\":false}")).isNotEmpty();
  }

  @Test
  void validate_whenOrderLineQuantityIsText_reportsIt() {
    assertThat(spec.validate("PUT", "/ecommerce/stores/s/orders/o1",
        "{\"id\":\"o1\",\"lines\":[{\"id\":\"1\",\"quantity\":\"two\"}]}")).isNotEmpty();
  }

  @Test
  void validate_whenBodyIsValid_reportsNothing_andPicksLiteralOverTemplatedPaths() {
    assertThat(spec.validate("PUT", "/lists/abc/members/h",
        "{\"email_address\":\"ada@example.com\",\"status_if_new\":\"subscribed\"}")).isEmpty();
    assertThat(spec.template("GET", "/search-members")).contains("/search-members");
    assertThat(spec.template("POST", "/lists/abc")).contains("/lists/{list_id}");
  }

  @Test
  void validate_mergeValues_followTheDocumentedShapesNotTheSpecsObjectType() {
    String path = "/lists/abc/members/h";
    assertThat(spec.validate("PUT", path, "{\"email_address\":\"a@b.co\",\"status_if_new\":\"subscribed\","
        + "\"merge_fields\":{\"FNAME\":\"Ada\",\"AGE\":3,\"ADDRESS\":{\"addr1\":\"1 Main\",\"city\":\"X\","
        + "\"state\":\"CA\",\"zip\":\"1\"}}}")).isEmpty();
    assertThat(spec.validate("PUT", path, "{\"email_address\":\"a@b.co\",\"status_if_new\":\"subscribed\","
        + "\"merge_fields\":{\"ADDRESS\":{\"addr1\":\"1 Main\"}}}")).isNotEmpty();
  }

  @Test
  void validate_segmentConditions_followTheirConditionTypes() {
    String ok = "{\"name\":\"Big spenders\",\"options\":{\"match\":\"all\",\"conditions\":["
        + "{\"condition_type\":\"StaticSegment\",\"field\":\"static_segment\",\"op\":\"static_is\",\"value\":10001},"
        + "{\"condition_type\":\"EcommStore\",\"field\":\"ecomm_store\",\"op\":\"is\",\"value\":\"qbo-1\"},"
        + "{\"condition_type\":\"EcommSpent\",\"field\":\"ecomm_spent_all\",\"op\":\"greater\",\"value\":500},"
        + "{\"condition_type\":\"EcommNumber\",\"field\":\"ecomm_orders\",\"op\":\"greater\",\"value\":2},"
        + "{\"condition_type\":\"EcommCategory\",\"field\":\"ecomm_prod\",\"op\":\"is\",\"value\":\"Cake\"},"
        + "{\"condition_type\":\"EcommPurchased\",\"field\":\"ecomm_purchased\",\"op\":\"member\"}]}}";
    assertThat(spec.validate("POST", "/lists/abc/segments", ok)).isEmpty();
    assertThat(spec.validate("PATCH", "/lists/abc/segments/42", ok)).isEmpty();

    String spentAsText = ok.replace("\"value\":500", "\"value\":\"500\"");
    String wrongField = ok.replace("ecomm_orders", "ecomm_spent_all");
    String wrongOp = ok.replace("\"op\":\"member\"", "\"op\":\"is\"");
    String unknownType = ok.replace("EcommCategory", "EcommWish");
    String noType = ok.replace("\"condition_type\":\"EcommPurchased\",", "");
    for (String bad : java.util.List.of(spentAsText, wrongField, wrongOp, unknownType, noType)) {
      assertThat(spec.validate("POST", "/lists/abc/segments", bad)).as(bad).isNotEmpty();
    }
  }

  @Test
  void bundledExtract_equalsTheSharedSpec_whereverBothExist() {
    Optional<MailchimpSpec> shared = MailchimpSpec.shared();
    assumeTrue(shared.isPresent(), "shared/specs/mailchimp/openapi.yaml not present; nothing to compare");
    MailchimpSpec bundled = MailchimpSpec.bundled();

    assertThat(bundled.requestSchemas()).isNotEmpty();
    java.util.List<String> differing = new java.util.ArrayList<>();
    bundled.requestSchemas().forEach((operation, schema) -> {
      if (!schema.equals(shared.get().requestSchemas().get(operation))) {
        differing.add(operation);
      }
    });
    assertThat(differing).as("operations whose request schema differs from the shared spec").isEmpty();
  }

  @Test
  void bundledExtract_validatesOnItsOwn() {
    MailchimpSpec bundled = MailchimpSpec.bundled();
    assertThat(bundled.validate("PUT", "/lists/abc/members/h", "{\"email_address\":\"a@b.co\"}")).isNotEmpty();
    assertThat(bundled.validate("PATCH", "/ecommerce/stores/s", "{\"is_syncing\":true}")).isEmpty();
  }
}
