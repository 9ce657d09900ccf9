package dev.qbmc.core.model;

import dev.qbmc.core.internal.QbmcStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What qbmc remembers of one record after Mailchimp confirmed its write: the fingerprint of the
 * mapped record (an unchanged fingerprint means nothing to write), the id the record has in
 * Mailchimp, if any, and a short memo the planner keeps between syncs (for a contact: which customer
 * represents it and which fact tags it carries).
 *
 * <p>Stores keep all three as they are; a store written before memos existed reads back states
 * without one.
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

  /**
   * What the planner remembers of the record beyond its fingerprint, in a form of its own; opaque to
   * stores.
   *
   * @return the memo, at most {@value #MAX_MEMO_LENGTH} characters, or empty
   */
  public abstract Optional<String> memo();

  /** The longest memo a state may carry. */
  public static final int MAX_MEMO_LENGTH = 4096;

  @Value.Check
  void check() {
    if (fingerprint().isBlank()) {
      throw new IllegalArgumentException("fingerprint must not be blank");
    }
    if (memo().isPresent() && (memo().get().isEmpty() || memo().get().length() > MAX_MEMO_LENGTH)) {
      throw new IllegalArgumentException("a memo must hold 1 to " + MAX_MEMO_LENGTH + " characters");
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
    return of(key, fingerprint, mailchimpId, null);
  }

  /**
   * Creates a state with a memo.
   *
   * @param key the record
   * @param fingerprint the digest of the mapped record
   * @param mailchimpId the record's Mailchimp id, or null when it has none
   * @param memo the planner's memo, or null for none
   * @return the state
   * @throws IllegalArgumentException if the fingerprint is blank or the memo empty or too long
   */
  public static RecordState of(RecordKey key, String fingerprint, String mailchimpId, String memo) {
    return ImmutableRecordState.builder()
        .key(key)
        .fingerprint(fingerprint)
        .mailchimpId(Optional.ofNullable(mailchimpId))
        .memo(Optional.ofNullable(memo))
        .build();
  }
}
