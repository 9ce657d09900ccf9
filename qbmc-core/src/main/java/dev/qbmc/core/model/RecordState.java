package dev.qbmc.core.model;

import dev.qbmc.core.internal.QbmcStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What qbmc remembers of one record after Mailchimp confirmed its write: the fingerprint of the
 * mapped record (an unchanged fingerprint means nothing to write) and the id the record has in
 * Mailchimp, if any.
 */
@Value.Immutable
@QbmcStyle
public abstract class RecordState {

  RecordState() {}

  /**
   * The record this state belongs to.
   *
   * @return the key
   */
  public abstract RecordKey key();

  /**
   * A stable digest of the mapped record as last written to Mailchimp.
   *
   * @return the fingerprint; never blank
   */
  public abstract String fingerprint();

  /**
   * The record's id in Mailchimp (subscriber hash, e-commerce customer, product or order id).
   *
   * @return the id, or empty when the record has none
   */
  public abstract Optional<String> mailchimpId();

  @Value.Check
  void check() {
    if (fingerprint().isBlank()) {
      throw new IllegalArgumentException("fingerprint must not be blank");
    }
  }

  /**
   * Creates a state.
   *
   * @param key the record
   * @param fingerprint the digest of the mapped record
   * @param mailchimpId the record's Mailchimp id, or null when it has none
   * @return the state
   */
  public static RecordState of(RecordKey key, String fingerprint, String mailchimpId) {
    return ImmutableRecordState.builder()
        .key(key)
        .fingerprint(fingerprint)
        .mailchimpId(Optional.ofNullable(mailchimpId))
        .build();
  }
}
