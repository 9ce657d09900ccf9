package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.immutables.value.Value;

/** The account described by the API root {@code GET /}: identity, owner, plan and subscriber count. */
@Value.Immutable
@JsonSerialize(as = ImmutableApiRoot.class)
@JsonDeserialize(as = ImmutableApiRoot.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class ApiRoot {
  ApiRoot() {}

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the Mailchimp account id} */
  @JsonProperty("account_id")
  public abstract String accountId();

  /** {@return the account (organisation) name} */
  @JsonProperty("account_name")
  public abstract String accountName();

  /** {@return the login id of the user whose credential is in use, if returned} */
  @JsonProperty("login_id")
  public abstract Optional<String> loginId();

  /** {@return the account email address} */
  @JsonProperty("email")
  public abstract String email();

  /** {@return the user's first name, if set} */
  @JsonProperty("first_name")
  public abstract Optional<String> firstName();

  /** {@return the user's last name, if set} */
  @JsonProperty("last_name")
  public abstract Optional<String> lastName();

  /** {@return the user name, if returned} */
  @JsonProperty("username")
  public abstract Optional<String> username();

  /** {@return the user's role (owner, admin, manager, ...), which bounds what the credential may do} */
  @JsonProperty("role")
  public abstract Optional<String> role();

  /** {@return the plan type: {@code monthly}, {@code pay_as_you_go} or {@code forever_free}} */
  @JsonProperty("pricing_plan_type")
  public abstract Optional<String> pricingPlanType();

  /** {@return the date of the first payment, if any} */
  @JsonProperty("first_payment")
  public abstract Optional<OffsetDateTime> firstPayment();

  /** {@return when the account was created, if returned} */
  @JsonProperty("member_since")
  public abstract Optional<OffsetDateTime> memberSince();

  /** {@return the account time zone, if set} */
  @JsonProperty("account_timezone")
  public abstract Optional<String> accountTimezone();

  /** {@return the account industry, if set} */
  @JsonProperty("account_industry")
  public abstract Optional<String> accountIndustry();

  /** {@return whether the legacy Pro add-on is enabled, if returned} */
  @JsonProperty("pro_enabled")
  public abstract Optional<Boolean> proEnabled();

  /** {@return the total number of subscribers across all audiences} */
  @JsonProperty("total_subscribers")
  @Value.Default
  public long totalSubscribers() {
    return 0;
  }

  /** Builder of {@link ApiRoot}. */
  public static final class Builder extends ImmutableApiRoot.Builder {
    Builder() {}
  }
}
