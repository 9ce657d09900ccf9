package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One condition of a saved segment: a {@code condition_type} the spec enumerates (for example
 * {@code EcommSpent}), its {@code field}, operator {@code op} and {@code value}. The factories build
 * the e-commerce and static-segment conditions with the fields, operators and value types the
 * Marketing API's segment condition schemas list.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableSegmentCondition.class)
@JsonDeserialize(as = ImmutableSegmentCondition.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class SegmentCondition {
  SegmentCondition() {}

  /**
   * Starts a builder.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the condition type, such as {@code EcommPurchased}} */
  @JsonProperty("condition_type")
  public abstract String conditionType();

  /** {@return the field, such as {@code ecomm_purchased}} */
  @JsonProperty("field")
  public abstract String field();

  /** {@return the operator, such as {@code member}} */
  @JsonProperty("op")
  public abstract String op();

  /** {@return the value: text or a number, depending on the condition type; absent for some} */
  @JsonProperty("value")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<Object> value();

  /**
   * Members who have ({@code true}) or have not purchased anything ({@code EcommPurchased}).
   *
   * @param purchased whether they have
   * @return the condition
   */
  public static SegmentCondition purchased(boolean purchased) {
    return builder().conditionType("EcommPurchased").field("ecomm_purchased").op(purchased ? "member" : "notmember")
        .build();
  }

  /**
   * Members who have ({@code true}) or have not purchased from a store ({@code EcommStore}).
   *
   * @param storeId the store id
   * @param purchased whether they have
   * @return the condition
   */
  public static SegmentCondition purchasedFromStore(String storeId, boolean purchased) {
    return builder().conditionType("EcommStore").field("ecomm_store").op(purchased ? "is" : "not").value(storeId)
        .build();
  }

  /**
   * Members who spent more ({@code greater}) or less ({@code less}) than a whole amount across all
   * orders ({@code EcommSpent}, {@code ecomm_spent_all}).
   *
   * @param more true for more than, false for less than
   * @param amount the whole amount in the store's currency
   * @return the condition
   */
  public static SegmentCondition spentInTotal(boolean more, long amount) {
    return builder().conditionType("EcommSpent").field("ecomm_spent_all").op(more ? "greater" : "less").value(amount)
        .build();
  }

  /**
   * Members by their number of orders ({@code EcommNumber}, {@code ecomm_orders}).
   *
   * @param op {@code is}, {@code not}, {@code greater} or {@code less}
   * @param orders the number
   * @return the condition
   */
  public static SegmentCondition orders(String op, long orders) {
    return builder().conditionType("EcommNumber").field("ecomm_orders").op(op).value(orders).build();
  }

  /**
   * Members who bought a product with this title ({@code EcommCategory}, {@code ecomm_prod}).
   *
   * @param op {@code is}, {@code not}, {@code contains}, {@code notcontain}, {@code starts} or {@code ends}
   * @param productTitle the product title
   * @return the condition
   */
  public static SegmentCondition boughtProduct(String op, String productTitle) {
    return builder().conditionType("EcommCategory").field("ecomm_prod").op(op).value(productTitle).build();
  }

  /**
   * Members who are ({@code true}) or are not in a static segment or tag ({@code StaticSegment}).
   *
   * @param segmentId the tag's (static segment's) id
   * @param in whether they are
   * @return the condition
   */
  public static SegmentCondition inStaticSegment(long segmentId, boolean in) {
    return builder().conditionType("StaticSegment").field("static_segment").op(in ? "static_is" : "static_not")
        .value(segmentId).build();
  }

  @Value.Check
  void check() {
    if (conditionType().isBlank() || field().isBlank() || op().isBlank()) {
      throw new IllegalStateException("condition_type, field and op must not be blank");
    }
  }

  /** Builder of {@link SegmentCondition}; {@code build()} throws {@link IllegalStateException} when a required value is missing. */
  public static final class Builder extends ImmutableSegmentCondition.Builder {
    Builder() {}
  }
}
