package dev.qbmc.core.report;

import dev.qbmc.core.internal.QbmcStyle;
import dev.qbmc.core.mapping.SafeText;
import dev.qbmc.core.model.QboEntity;
import org.immutables.value.Value;

/**
 * Something a sync did with a QuickBooks record that is worth telling but is neither a skip nor a
 * failure; for example a sub-customer whose orders were attached to its parent's contact ({@link
 * #ATTACHED_TO_PARENT}).
 */
@Value.Immutable
@QbmcStyle
public abstract class SyncNote {

  /** A job without a usable email, or billed with its parent: its orders go to the parent's contact. */
  public static final String ATTACHED_TO_PARENT = "ATTACHED_TO_PARENT";

  SyncNote() {}

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
   * What happened, as a stable code such as {@link #ATTACHED_TO_PARENT}.
   *
   * @return the code
   */
  public abstract String code();

  /**
   * For a human; never a secret or a full email address.
   *
   * @return the detail
   */
  public abstract String detail();

  /**
   * Creates a note; the id and detail are cleaned ({@link SafeText}) and the detail cut to 1,000
   * characters.
   *
   * @param entityType the QBO entity type
   * @param qboId the QBO id
   * @param code the code
   * @param detail the detail
   * @return the note
   */
  public static SyncNote of(QboEntity entityType, String qboId, String code, String detail) {
    return ImmutableSyncNote.builder()
        .entityType(entityType)
        .qboId(SafeText.clean(qboId))
        .code(code)
        .detail(SafeText.truncateChars(SafeText.clean(detail), SyncFailure.MAX_MESSAGE_LENGTH))
        .build();
  }
}
