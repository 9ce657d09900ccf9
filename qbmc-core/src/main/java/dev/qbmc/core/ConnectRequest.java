package dev.qbmc.core;

import dev.qbmc.core.internal.QbmcStyle;
import dev.qbmc.core.mapping.SafeText;
import dev.qbmc.core.model.ContactLimitPolicy;
import dev.qbmc.core.model.FactTags;
import dev.qbmc.core.model.MarketingStatus;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What {@link Qbmc#connect(ConnectRequest)} binds: one QuickBooks realm to one Mailchimp audience,
 * with the marketing status new contacts get, the tag that marks them as imported, and an optional
 * contact limit. Build with {@link #builder()}.
 */
@Value.Immutable
@QbmcStyle
public abstract class ConnectRequest {

  /** The tag used when none is given. */
  public static final String DEFAULT_TAG = "QuickBooks Online";

  ConnectRequest() {}

  /**
   * The host's id for this connection; tokens must already be stored under it (see the OAuth
   * helpers of {@link Qbmc}).
   *
   * @return the connection id
   */
  public abstract String connectionId();

  /**
   * The QuickBooks company (realm) to connect.
   *
   * @return the realm id
   */
  public abstract String realmId();

  /**
   * The audience to sync to.
   *
   * @return an existing audience or one to create
   */
  public abstract AudienceChoice audience();

  /**
   * The status newly synced contacts get, as {@code status_if_new}: {@code SUBSCRIBED} only when
   * the customers agreed to marketing. Existing contacts keep their status, always.
   *
   * @return the marketing status
   */
  public abstract MarketingStatus marketingStatus();

  /**
   * The tag that marks contacts as imported from QuickBooks Online.
   *
   * @return the tag; {@value #DEFAULT_TAG} unless set
   */
  @Value.Default
  public String tag() {
    return DEFAULT_TAG;
  }

  /**
   * The tags the sync keeps for QuickBooks facts Mailchimp cannot express: an open balance and an
   * overdue invoice. Tag names are cleaned like every text qbmc writes.
   *
   * @return {@link FactTags#defaults()} ({@value FactTags#DEFAULT_OPEN_BALANCE}, {@value
   *     FactTags#DEFAULT_OVERDUE}) unless set; {@link FactTags#none()} keeps neither
   */
  @Value.Default
  public FactTags factTags() {
    return FactTags.defaults();
  }

  /**
   * The most contacts the audience may hold (the account's plan limit), checked before contacts are
   * added.
   *
   * @return the limit, or empty for none
   */
  public abstract Optional<Long> contactLimit();

  /**
   * What a sync does when adding its new contacts would pass the limit.
   *
   * @return the policy; {@link ContactLimitPolicy#STOP_BEFORE_WRITING} unless set
   */
  @Value.Default
  public ContactLimitPolicy contactLimitPolicy() {
    return ContactLimitPolicy.STOP_BEFORE_WRITING;
  }

  /**
   * Whether to replace an existing connection of the same realm to another audience (its
   * e-commerce data is deleted, its contacts are kept).
   *
   * @return false unless set
   */
  @Value.Default
  public boolean replaceExisting() {
    return false;
  }

  @Value.Check
  void check() {
    requireText(connectionId(), "connectionId");
    requireText(realmId(), "realmId");
    requireText(tag(), "tag");
    if (tag().length() > 100) {
      throw new IllegalArgumentException("tag must be at most 100 characters");
    }
    for (java.util.Optional<String> factTag : java.util.List.of(factTags().openBalance(), factTags().overdue())) {
      if (factTag.isPresent() && (factTag.get().equals(tag()) || !SafeText.clean(factTag.get()).equals(factTag.get()))) {
        throw new IllegalArgumentException(
            "a fact tag must differ from the import tag and hold no control, bidi or zero-width characters");
      }
    }
    contactLimit()
        .filter(l -> l < 0)
        .ifPresent(
            l -> {
              throw new IllegalArgumentException("contactLimit must not be negative");
            });
  }

  private static void requireText(String value, String name) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ConnectRequest}; {@code connectionId}, {@code realmId}, {@code audience} and {@code marketingStatus} are required. */
  public static final class Builder extends ImmutableConnectRequest.Builder {
    Builder() {}
  }
}
