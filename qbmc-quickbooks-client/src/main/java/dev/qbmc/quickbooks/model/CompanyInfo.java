package dev.qbmc.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.qbmc.quickbooks.internal.QboStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The QBO company profile.
 */
@Value.Immutable
@QboStyle
@JsonSerialize(as = ImmutableCompanyInfo.class)
@JsonDeserialize(as = ImmutableCompanyInfo.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class CompanyInfo {
  CompanyInfo() {}

  /**
   * Company info id.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("Id")
  public abstract Optional<String> id();

  /**
   * Version for optimistic locking.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("SyncToken")
  public abstract Optional<String> syncToken();

  /**
   * Company name.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("CompanyName")
  public abstract Optional<String> companyName();

  /**
   * Legal name.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("LegalName")
  public abstract Optional<String> legalName();

  /**
   * Company address.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("CompanyAddr")
  public abstract Optional<PhysicalAddress> companyAddr();

  /**
   * Address shown to customers.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("CustomerCommunicationAddr")
  public abstract Optional<PhysicalAddress> customerCommunicationAddr();

  /**
   * Legal address.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("LegalAddr")
  public abstract Optional<PhysicalAddress> legalAddr();

  /**
   * Company email.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("Email")
  public abstract Optional<EmailAddress> email();

  /**
   * Email shown to customers.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("CustomerCommunicationEmailAddr")
  public abstract Optional<EmailAddress> customerCommunicationEmailAddr();

  /**
   * Primary phone.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("PrimaryPhone")
  public abstract Optional<TelephoneNumber> primaryPhone();

  /**
   * Web site.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("WebAddr")
  public abstract Optional<WebSiteAddress> webAddr();

  /**
   * Country code of the company (for example {@code US}).
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("Country")
  public abstract Optional<String> country();

  /**
   * Timestamps.
   *
   * @return the value, empty when QBO left it out
   */
  @JsonProperty("MetaData")
  public abstract Optional<MetaData> metaData();

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link CompanyInfo} values. */
  public static final class Builder extends ImmutableCompanyInfo.Builder {
    Builder() {}
  }
}
