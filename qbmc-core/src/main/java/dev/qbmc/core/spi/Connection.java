package dev.qbmc.core.spi;

import dev.qbmc.core.internal.QbmcStyle;
import dev.qbmc.core.mapping.SyncSettings;
import dev.qbmc.core.model.ConnectionStatus;
import dev.qbmc.core.model.ContactLimitPolicy;
import dev.qbmc.core.model.FactTags;
import dev.qbmc.core.model.MarketingStatus;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A connection: one QuickBooks Online realm bound to one Mailchimp audience, with its e-commerce
 * store and its settings. Stored by {@link SyncStateStore}; tokens are kept apart, in the {@link
 * TokenStore}.
 */
@Value.Immutable
@QbmcStyle
public abstract class Connection {

  /** The tag given to imported contacts unless the host chooses another. */
  public static final String DEFAULT_TAG = SyncSettings.DEFAULT_TAG;

  Connection() {}

  /**
   * The host's id of this connection; also names its folder in the file store.
   *
   * @return a non-blank id
   */
  public abstract String connectionId();

  /**
   * The QuickBooks Online company id.
   *
   * @return the realm id
   */
  public abstract String realmId();

  /**
   * The Mailchimp audience (list) id.
   *
   * @return the audience id
   */
  public abstract String audienceId();

  /**
   * The Mailchimp e-commerce store id of this connection.
   *
   * @return the store id
   */
  public abstract String storeId();

  /**
   * The status newly added contacts get ({@code status_if_new}).
   *
   * @return the marketing status
   */
  public abstract MarketingStatus marketingStatus();

  /**
   * The tag that marks contacts imported from QuickBooks Online.
   *
   * @return the tag; {@value #DEFAULT_TAG} unless set
   */
  @Value.Default
  public String tag() {
    return DEFAULT_TAG;
  }

  /**
   * The tags kept for QuickBooks facts (open balance, overdue invoice).
   *
   * @return the tags; {@link FactTags#defaults()} unless set (also for connections stored before
   *     fact tags existed)
   */
  @Value.Default
  public FactTags factTags() {
    return FactTags.defaults();
  }

  /**
   * The company's home currency (ISO 4217), used for orders without a currency.
   *
   * @return for example {@code USD}
   */
  public abstract String homeCurrency();

  /**
   * The maximum number of contacts the audience may hold, as configured by the host.
   *
   * @return the limit, or empty for none
   */
  public abstract Optional<Long> contactLimit();

  /**
   * What a sync does when adding contacts would exceed {@link #contactLimit()}.
   *
   * @return the policy; {@link ContactLimitPolicy#STOP_BEFORE_WRITING} unless set
   */
  @Value.Default
  public ContactLimitPolicy contactLimitPolicy() {
    return ContactLimitPolicy.STOP_BEFORE_WRITING;
  }

  /**
   * The lifecycle state.
   *
   * @return the status
   */
  public abstract ConnectionStatus status();

  /**
   * When the connection was created.
   *
   * @return the instant
   */
  public abstract Instant createdAt();

  /**
   * When the connection was last changed.
   *
   * @return the instant
   */
  public abstract Instant updatedAt();

  /**
   * Whether a full sync has completed since the connection was (re)created; until then syncs are
   * full syncs.
   *
   * @return true after the first completed full sync
   */
  @Value.Default
  public boolean fullSyncDone() {
    return false;
  }

  @Value.Check
  void check() {
    requireNotBlank(connectionId(), "connectionId");
    requireNotBlank(realmId(), "realmId");
    requireNotBlank(audienceId(), "audienceId");
    requireNotBlank(storeId(), "storeId");
    requireNotBlank(tag(), "tag");
    if (!homeCurrency().matches("[A-Z]{3}")) {
      throw new IllegalArgumentException(
          "homeCurrency must be an ISO 4217 code of three upper-case letters");
    }
    if (contactLimit().isPresent() && contactLimit().get() < 0) {
      throw new IllegalArgumentException("contactLimit must not be negative");
    }
    if (updatedAt().isBefore(createdAt())) {
      throw new IllegalArgumentException("updatedAt must not be before createdAt");
    }
  }

  private static void requireNotBlank(String value, String name) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  /**
   * The settings the pure mapping needs from this connection.
   *
   * @return marketing status, tag, store id and home currency as {@link SyncSettings}
   */
  public SyncSettings syncSettings() {
    return SyncSettings.builder()
        .marketingStatus(marketingStatus())
        .tag(tag())
        .factTags(factTags())
        .storeId(storeId())
        .homeCurrency(homeCurrency())
        .build();
  }

  /**
   * Returns a copy with another status and update time.
   *
   * @param status the new status
   * @param now the update time
   * @return the changed connection
   */
  public Connection withStatus(ConnectionStatus status, Instant now) {
    return builder().from(this).status(status).updatedAt(now).build();
  }

  /**
   * Starts a builder. Required: connectionId, realmId, audienceId, storeId, marketingStatus,
   * homeCurrency, status, createdAt, updatedAt.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return ImmutableConnection.builder();
  }

  /**
   * Builds a {@link Connection}. Build fails with {@link IllegalStateException} when a required
   * attribute is missing and {@link IllegalArgumentException} when one is invalid.
   */
  public interface Builder {
    /**
     * Copies every attribute of an existing connection.
     *
     * @param instance the connection
     * @return this builder
     */
    Builder from(Connection instance);

    /**
     * Sets the connection id.
     *
     * @param connectionId the id
     * @return this builder
     */
    Builder connectionId(String connectionId);

    /**
     * Sets the fact tags (default {@link FactTags#defaults()}).
     *
     * @param factTags the tags
     * @return this builder
     */
    Builder factTags(FactTags factTags);

    /**
     * Sets the QBO realm id.
     *
     * @param realmId the realm id
     * @return this builder
     */
    Builder realmId(String realmId);

    /**
     * Sets the Mailchimp audience id.
     *
     * @param audienceId the audience id
     * @return this builder
     */
    Builder audienceId(String audienceId);

    /**
     * Sets the e-commerce store id.
     *
     * @param storeId the store id
     * @return this builder
     */
    Builder storeId(String storeId);

    /**
     * Sets the status of new contacts.
     *
     * @param marketingStatus the status
     * @return this builder
     */
    Builder marketingStatus(MarketingStatus marketingStatus);

    /**
     * Sets the import tag.
     *
     * @param tag the tag
     * @return this builder
     */
    Builder tag(String tag);

    /**
     * Sets the home currency.
     *
     * @param homeCurrency ISO 4217 code
     * @return this builder
     */
    Builder homeCurrency(String homeCurrency);

    /**
     * Sets the contact limit.
     *
     * @param contactLimit the limit
     * @return this builder
     */
    Builder contactLimit(long contactLimit);

    /**
     * Sets or clears the contact limit.
     *
     * @param contactLimit the limit, or empty for none
     * @return this builder
     */
    Builder contactLimit(Optional<Long> contactLimit);

    /**
     * Sets the contact-limit policy.
     *
     * @param contactLimitPolicy the policy
     * @return this builder
     */
    Builder contactLimitPolicy(ContactLimitPolicy contactLimitPolicy);

    /**
     * Sets the status.
     *
     * @param status the status
     * @return this builder
     */
    Builder status(ConnectionStatus status);

    /**
     * Sets the creation time.
     *
     * @param createdAt the instant
     * @return this builder
     */
    Builder createdAt(Instant createdAt);

    /**
     * Sets the update time.
     *
     * @param updatedAt the instant
     * @return this builder
     */
    Builder updatedAt(Instant updatedAt);

    /**
     * Sets whether a full sync has completed.
     *
     * @param fullSyncDone the flag
     * @return this builder
     */
    Builder fullSyncDone(boolean fullSyncDone);

    /**
     * Builds the connection.
     *
     * @return the connection
     */
    Connection build();
  }
}
