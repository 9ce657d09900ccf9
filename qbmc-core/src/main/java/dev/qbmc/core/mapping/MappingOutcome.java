package dev.qbmc.core.mapping;

import dev.qbmc.core.model.QboEntity;
import dev.qbmc.core.model.SkipReason;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of mapping one QBO record: either the mapped record, or the reason it is skipped. No
 * record is dropped silently.
 *
 * @param <T> the mapped record type
 */
public final class MappingOutcome<T> {

  private final QboEntity entityType;
  private final String qboId;
  private final T record;
  private final SkipReason skipReason;
  private final String detail;

  private MappingOutcome(
      QboEntity entityType, String qboId, T record, SkipReason skipReason, String detail) {
    this.entityType = Objects.requireNonNull(entityType, "entityType");
    this.qboId = Objects.requireNonNull(qboId, "qboId");
    this.record = record;
    this.skipReason = skipReason;
    this.detail = detail;
  }

  /**
   * A record that was mapped.
   *
   * @param entityType the QBO entity type
   * @param qboId the QBO Id
   * @param record the mapped record
   * @param <T> the record type
   * @return the outcome
   */
  public static <T> MappingOutcome<T> mapped(QboEntity entityType, String qboId, T record) {
    return new MappingOutcome<>(entityType, qboId, Objects.requireNonNull(record, "record"), null, "");
  }

  /**
   * A record that is skipped.
   *
   * @param entityType the QBO entity type
   * @param qboId the QBO Id ({@code ""} when the record had none)
   * @param reason why it is skipped
   * @param detail a human-readable explanation without a full email address
   * @param <T> the record type it would have become
   * @return the outcome
   */
  public static <T> MappingOutcome<T> skipped(
      QboEntity entityType, String qboId, SkipReason reason, String detail) {
    return new MappingOutcome<>(
        entityType, qboId, null, Objects.requireNonNull(reason, "reason"),
        Objects.requireNonNull(detail, "detail"));
  }

  /**
   * The QBO entity type.
   *
   * @return the type
   */
  public QboEntity entityType() {
    return entityType;
  }

  /**
   * The QBO Id of the record ({@code ""} for a record without one, which is always skipped).
   *
   * @return the QBO Id
   */
  public String qboId() {
    return qboId;
  }

  /**
   * The mapped record.
   *
   * @return the record, present unless skipped
   */
  public Optional<T> record() {
    return Optional.ofNullable(record);
  }

  /**
   * Why the record is skipped.
   *
   * @return the reason, present exactly when {@link #record()} is empty
   */
  public Optional<SkipReason> skipReason() {
    return Optional.ofNullable(skipReason);
  }

  /**
   * A human-readable explanation of a skip; never a full email address.
   *
   * @return the detail, {@code ""} for a mapped record
   */
  public String detail() {
    return detail;
  }

  /**
   * Whether the record was mapped.
   *
   * @return true when {@link #record()} is present
   */
  public boolean isMapped() {
    return record != null;
  }

  /**
   * A short description: type, id and either "mapped" or the skip reason.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return entityType.qboName() + " " + qboId + ": " + (record != null ? "mapped" : skipReason + " (" + detail + ")");
  }
}
