package dev.qbmc.core.mapping;

import dev.qbmc.core.internal.QbmcStyle;
import dev.qbmc.core.model.MarketingStatus;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What qbmc writes to the audience for one QBO customer: an audience member upserted by subscriber
 * hash with {@code status_if_new} (never {@code status}), merge fields FNAME, LNAME, ADDRESS, PHONE
 * and the import tag. An absent value means "leave Mailchimp's value as it is": empty QBO fields
 * never erase data already in Mailchimp.
 */
@Value.Immutable
@QbmcStyle
public abstract class ContactRecord {

  ContactRecord() {}

  /**
   * The QBO Id of the customer this contact was mapped from.
   *
   * @return the QBO Id
   */
  public abstract String qboCustomerId();

  /**
   * The contact's email address.
   *
   * @return the chosen, valid address
   */
  public abstract ContactEmail email();

  /**
   * The FNAME merge field.
   *
   * @return the first name, if known
   */
  public abstract Optional<String> firstName();

  /**
   * The LNAME merge field.
   *
   * @return the last name, if known
   */
  public abstract Optional<String> lastName();

  /**
   * The ADDRESS merge field; absent when QBO has no complete address (see {@link #notes()}).
   *
   * @return the complete address, if any
   */
  public abstract Optional<PostalAddress> address();

  /**
   * The PHONE merge field.
   *
   * @return the phone number as written in QBO, if any
   */
  public abstract Optional<String> phone();

  /**
   * The import tag put on the contact.
   *
   * @return the tag from the connection's settings
   */
  public abstract String tag();

  /**
   * The status a contact new to the audience gets; sent only as {@code status_if_new}.
   *
   * @return the connection's marketing status
   */
  public abstract MarketingStatus statusIfNew();

  /**
   * What the mapping noted while still syncing the contact, e.g. {@link MappingNote#INCOMPLETE_ADDRESS}.
   * Not part of the fingerprint.
   *
   * @return the notes, possibly empty
   */
  public abstract Set<MappingNote> notes();

  /**
   * When the customer was last updated in QBO ({@code MetaData.LastUpdatedTime}); decides which of
   * several customers sharing an address supplies the contact's data. Not part of the fingerprint.
   *
   * @return the time, if QBO sent it
   */
  public abstract Optional<OffsetDateTime> lastUpdated();

  /**
   * The Mailchimp subscriber hash of {@link #email()}: the contact's identity.
   *
   * @return 32 hex characters
   */
  public String subscriberHash() {
    return email().subscriberHash();
  }

  /**
   * The stable digest of what is written to Mailchimp (email, names, address, phone, tag,
   * {@code status_if_new}); equal for equal contacts whichever QBO customer they came from.
   *
   * @return lower-case hex SHA-256
   */
  @Value.Lazy
  public String fingerprint() {
    Canonical c =
        new Canonical("contact")
            .add("email", email().address())
            .add("fname", firstName())
            .add("lname", lastName())
            .add("phone", phone())
            .add("tag", tag())
            .add("statusIfNew", statusIfNew());
    address()
        .ifPresentOrElse(
            a ->
                c.nested(
                    "address",
                    new Canonical("address")
                        .add("addr1", a.addr1())
                        .add("addr2", a.addr2())
                        .add("city", a.city())
                        .add("state", a.state())
                        .add("zip", a.zip())
                        .add("country", a.country())),
            () -> c.add("address", (String) null));
    return c.fingerprint();
  }

  /**
   * Starts a builder; {@code qboCustomerId}, {@code email}, {@code tag} and {@code statusIfNew} are
   * required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ContactRecord}. */
  public static final class Builder extends ImmutableContactRecord.Builder {
    Builder() {}
  }
}
