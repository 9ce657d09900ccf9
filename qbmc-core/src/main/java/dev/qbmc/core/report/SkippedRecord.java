package dev.qbmc.core.report;

import dev.qbmc.core.internal.QbmcStyle;
import dev.qbmc.core.mapping.SafeText;
import dev.qbmc.core.model.QboEntity;
import dev.qbmc.core.model.SkipReason;
import java.util.Optional;
import org.immutables.value.Value;

/** A QuickBooks record that a sync did not write, and why. */
@Value.Immutable
@QbmcStyle
public abstract class SkippedRecord {

  SkippedRecord() {}

  /**
   * The QBO entity type.
   *
   * @return the type
   */
  public abstract QboEntity entityType();

  /**
   * The QBO {@code Id} of the record.
   *
   * @return the id
   */
  public abstract String qboId();

  /**
   * The reason code.
   *
   * @return the reason
   */
  public abstract SkipReason reason();

  /**
   * More detail for a human (for example Mailchimp's error detail); never a secret or a full email
   * address.
   *
   * @return the detail, or empty
   */
  public abstract Optional<String> detail();

  /**
   * Creates a skipped record without detail.
   *
   * @param entityType the QBO entity type
   * @param qboId the QBO id
   * @param reason the reason
   * @return the record
   */
  public static SkippedRecord of(QboEntity entityType, String qboId, SkipReason reason) {
    return of(entityType, qboId, reason, null);
  }

  /**
   * Creates a skipped record; the id and detail are cleaned ({@link SafeText}: no control, bidi or
   * zero-width characters) and the detail cut to 1,000 characters.
   *
   * @param entityType the QBO entity type
   * @param qboId the QBO id
   * @param reason the reason
   * @param detail more detail, or null
   * @return the record
   */
  public static SkippedRecord of(
      QboEntity entityType, String qboId, SkipReason reason, String detail) {
    return ImmutableSkippedRecord.builder()
        .entityType(entityType)
        .qboId(SafeText.clean(qboId))
        .reason(reason)
        .detail(Optional.ofNullable(detail)
            .map(d -> SafeText.truncateChars(SafeText.clean(d), SyncFailure.MAX_MESSAGE_LENGTH)))
        .build();
  }
}
