package dev.qbmc.core;

import dev.qbmc.core.mapping.SafeText;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One rule of a segment {@link Qbmc#createSegment} builds from the data a connection synced. Every
 * segment is limited to the connection's imported contacts (its import tag); a purchase rule also to
 * contacts who bought in the connection's e-commerce store. The rules of one segment must all hold.
 *
 * <p>Mailchimp evaluates the purchase rules from the orders qbmc wrote ({@code EcommStore}, {@code
 * EcommSpent}, {@code EcommNumber}, {@code EcommCategory} conditions; amounts are whole units of the
 * store's currency, counted over all the audience's stores as Mailchimp does); the fact rules name
 * the tags the sync keeps ({@link dev.qbmc.core.model.FactTags}).
 */
public final class SegmentRule {

  /** What a rule selects. */
  public enum Kind {
    /** Bought in the connection's store. */
    PURCHASED,
    /** Never bought in the connection's store. */
    NEVER_PURCHASED,
    /** Spent more than a whole amount in total. */
    SPENT_MORE_THAN,
    /** Spent less than a whole amount in total (and bought in the store). */
    SPENT_LESS_THAN,
    /** Placed at least a number of orders. */
    ORDERS_AT_LEAST,
    /** Bought the product with a title. */
    BOUGHT_ITEM,
    /** Bought the product synced from a QuickBooks item (its title is looked up). */
    BOUGHT_ITEM_WITH_ID,
    /** Carries the connection's open-balance tag. */
    OPEN_BALANCE,
    /** Carries the connection's overdue tag. */
    OVERDUE,
    /** Carries a tag. */
    TAGGED
  }

  private static final int MAX_TEXT = 255;

  private final Kind kind;
  private final Long number;
  private final String text;

  private SegmentRule(Kind kind, Long number, String text) {
    this.kind = kind;
    this.number = number;
    this.text = text;
  }

  /**
   * Contacts who bought in the connection's store.
   *
   * @return the rule
   */
  public static SegmentRule purchased() {
    return new SegmentRule(Kind.PURCHASED, null, null);
  }

  /**
   * Contacts who never bought in the connection's store.
   *
   * @return the rule
   */
  public static SegmentRule neverPurchased() {
    return new SegmentRule(Kind.NEVER_PURCHASED, null, null);
  }

  /**
   * Contacts who spent more than an amount in total ({@code ecomm_spent_all} greater).
   *
   * @param wholeAmount the amount in whole units of the store's currency, at least 0
   * @return the rule
   * @throws IllegalArgumentException if the amount is negative
   */
  public static SegmentRule spentMoreThan(long wholeAmount) {
    return new SegmentRule(Kind.SPENT_MORE_THAN, notNegative(wholeAmount), null);
  }

  /**
   * Contacts who bought but spent less than an amount in total ({@code ecomm_spent_all} less).
   *
   * @param wholeAmount the amount in whole units of the store's currency, at least 1
   * @return the rule
   * @throws IllegalArgumentException if the amount is below 1
   */
  public static SegmentRule spentLessThan(long wholeAmount) {
    if (wholeAmount < 1) {
      throw new IllegalArgumentException("spentLessThan needs an amount of at least 1");
    }
    return new SegmentRule(Kind.SPENT_LESS_THAN, wholeAmount, null);
  }

  /**
   * Contacts with at least a number of orders ({@code ecomm_orders} greater than n - 1).
   *
   * @param orders the number, at least 1
   * @return the rule
   * @throws IllegalArgumentException if the number is below 1
   */
  public static SegmentRule ordersAtLeast(int orders) {
    if (orders < 1) {
      throw new IllegalArgumentException("ordersAtLeast needs at least 1 order");
    }
    return new SegmentRule(Kind.ORDERS_AT_LEAST, (long) orders, null);
  }

  /**
   * Contacts who bought the product with this title: the QuickBooks item's {@code Name} as qbmc
   * wrote it ({@code ecomm_prod} is).
   *
   * @param productTitle the title; cleaned like the product titles qbmc writes
   * @return the rule
   * @throws IllegalArgumentException if the title is blank
   */
  public static SegmentRule boughtItem(String productTitle) {
    return new SegmentRule(Kind.BOUGHT_ITEM, null, text(productTitle, "productTitle"));
  }

  /**
   * Contacts who bought the product synced from a QuickBooks item; its title is read from the
   * connection's store when the segment is created.
   *
   * @param qboItemId the QuickBooks item {@code Id}
   * @return the rule
   * @throws IllegalArgumentException if the id is blank
   */
  public static SegmentRule boughtItemWithId(String qboItemId) {
    return new SegmentRule(Kind.BOUGHT_ITEM_WITH_ID, null, text(qboItemId, "qboItemId"));
  }

  /**
   * Contacts whose customer has an open balance (the connection's open-balance tag).
   *
   * @return the rule
   */
  public static SegmentRule openBalance() {
    return new SegmentRule(Kind.OPEN_BALANCE, null, null);
  }

  /**
   * Contacts with an overdue invoice (the connection's overdue tag).
   *
   * @return the rule
   */
  public static SegmentRule overdue() {
    return new SegmentRule(Kind.OVERDUE, null, null);
  }

  /**
   * Contacts carrying a tag.
   *
   * @param tag the tag name
   * @return the rule
   * @throws IllegalArgumentException if the tag is blank
   */
  public static SegmentRule tagged(String tag) {
    return new SegmentRule(Kind.TAGGED, null, text(tag, "tag"));
  }

  /**
   * What the rule selects.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The amount or count of a {@code SPENT_*} or {@code ORDERS_AT_LEAST} rule.
   *
   * @return the number, if the rule has one
   */
  public OptionalLong number() {
    return number == null ? OptionalLong.empty() : OptionalLong.of(number);
  }

  /**
   * The title, item id or tag of a {@code BOUGHT_*} or {@code TAGGED} rule.
   *
   * @return the text, if the rule has one
   */
  public Optional<String> text() {
    return Optional.ofNullable(text);
  }

  /**
   * Whether the rule is about purchases in the connection's store.
   *
   * @return true for every kind but the tag rules
   */
  public boolean isPurchaseRule() {
    return kind != Kind.OPEN_BALANCE && kind != Kind.OVERDUE && kind != Kind.TAGGED;
  }

  /**
   * Equal when kind and values are.
   *
   * @param other another object
   * @return whether equal
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof SegmentRule r && kind == r.kind && Objects.equals(number, r.number)
        && Objects.equals(text, r.text);
  }

  /**
   * A hash of kind and values.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(kind, number, text);
  }

  /**
   * For example {@code SPENT_MORE_THAN 500} or {@code BOUGHT_ITEM "Wedding cake"}.
   *
   * @return a short description
   */
  @Override
  public String toString() {
    return kind + (number != null ? " " + number : "") + (text != null ? " \"" + text + "\"" : "");
  }

  private static long notNegative(long amount) {
    if (amount < 0) {
      throw new IllegalArgumentException("the amount must not be negative");
    }
    return amount;
  }

  private static String text(String value, String name) {
    Objects.requireNonNull(value, name);
    String clean = SafeText.truncate(SafeText.clean(value), MAX_TEXT);
    if (clean.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return clean;
  }
}
