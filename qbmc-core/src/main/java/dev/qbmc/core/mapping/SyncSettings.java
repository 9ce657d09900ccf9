package dev.qbmc.core.mapping;

import dev.qbmc.core.internal.QbmcStyle;
import dev.qbmc.core.model.FactTags;
import dev.qbmc.core.model.MarketingStatus;
import org.immutables.value.Value;

/**
 * The settings of one connection that shape the mapping and the plan: the marketing status of new
 * contacts, the import tag, the fact tags, the e-commerce store and the QBO company's home currency.
 */
@Value.Immutable
@QbmcStyle
public abstract class SyncSettings {

  /** The tag qbmc puts on every contact it imports, unless the connection names another. */
  public static final String DEFAULT_TAG = "QuickBooks Online";

  SyncSettings() {}

  /**
   * The status contacts new to the audience get ({@code status_if_new}).
   *
   * @return the marketing status
   */
  public abstract MarketingStatus marketingStatus();

  /**
   * The tag that marks contacts imported from QuickBooks Online.
   *
   * @return the tag; defaults to {@value #DEFAULT_TAG}
   */
  @Value.Default
  public String tag() {
    return DEFAULT_TAG;
  }

  /**
   * The tags kept for QuickBooks facts (open balance, overdue invoice).
   *
   * @return the tags; {@link FactTags#none()} unless set
   */
  @Value.Default
  public FactTags factTags() {
    return FactTags.none();
  }

  /**
   * The id of the connection's Mailchimp e-commerce store.
   *
   * @return the store id
   */
  public abstract String storeId();

  /**
   * The QBO company's home currency, used for transactions without a {@code CurrencyRef}.
   *
   * @return an ISO 4217 code such as {@code USD}
   */
  public abstract String homeCurrency();

  @Value.Check
  void check() {
    if (tag().isBlank()) {
      throw new IllegalArgumentException("tag must not be blank");
    }
    if (storeId().isBlank()) {
      throw new IllegalArgumentException("storeId must not be blank");
    }
    if (!homeCurrency().matches("[A-Z]{3}")) {
      throw new IllegalArgumentException(
          "homeCurrency must be an ISO 4217 code of three upper-case letters");
    }
  }

  /**
   * Starts a builder; {@code marketingStatus}, {@code storeId} and {@code homeCurrency} are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link SyncSettings}; a missing required value fails {@code build()}. */
  public static final class Builder extends ImmutableSyncSettings.Builder {
    Builder() {}
  }
}
