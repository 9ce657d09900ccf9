package dev.qbmc.core.report;

import dev.qbmc.core.internal.QbmcStyle;
import dev.qbmc.core.mapping.SafeText;
import dev.qbmc.core.model.QboEntity;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An operation of a sync that failed: the record it concerned (when it concerned one), an error
 * code (Mailchimp {@code title}/{@code type}, QBO Fault code, HTTP status, or an exception type) and
 * a message. Messages must never contain a token, secret or full email address; the caller that
 * creates a failure is responsible for passing a sanitised message. Messages are cleaned ({@link
 * SafeText}: no control, bidi or zero-width characters) and cut to {@link #MAX_MESSAGE_LENGTH}.
 */
@Value.Immutable
@QbmcStyle
public abstract class SyncFailure {

  /** Messages longer than this are cut (with an ellipsis) so that reports stay small. */
  public static final int MAX_MESSAGE_LENGTH = 1000;

  SyncFailure() {}

  /**
   * The QBO entity type of the record concerned.
   *
   * @return the type, or empty for a failure not tied to one record (a batch, a read)
   */
  public abstract Optional<QboEntity> entityType();

  /**
   * The QBO id of the record concerned.
   *
   * @return the id, or empty
   */
  public abstract Optional<String> qboId();

  /**
   * A short machine-readable code.
   *
   * @return the code
   */
  public abstract String code();

  /**
   * A human message, at most {@link #MAX_MESSAGE_LENGTH} characters.
   *
   * @return the message
   */
  public abstract String message();

  /**
   * Creates a failure about one record.
   *
   * @param entityType the QBO entity type
   * @param qboId the QBO id
   * @param code the error code
   * @param message the sanitised message
   * @return the failure
   */
  public static SyncFailure of(QboEntity entityType, String qboId, String code, String message) {
    return ImmutableSyncFailure.builder()
        .entityType(entityType)
        .qboId(qboId)
        .code(code)
        .message(truncate(message))
        .build();
  }

  /**
   * Creates a failure not tied to one record.
   *
   * @param code the error code
   * @param message the sanitised message
   * @return the failure
   */
  public static SyncFailure general(String code, String message) {
    return ImmutableSyncFailure.builder().code(code).message(truncate(message)).build();
  }

  /**
   * Creates a failure from optional parts (used when reading a report back).
   *
   * @param entityType the QBO entity type, or null
   * @param qboId the QBO id, or null
   * @param code the error code
   * @param message the message
   * @return the failure
   */
  static SyncFailure ofNullable(QboEntity entityType, String qboId, String code, String message) {
    return ImmutableSyncFailure.builder()
        .entityType(Optional.ofNullable(entityType))
        .qboId(Optional.ofNullable(qboId))
        .code(code)
        .message(truncate(message))
        .build();
  }

  private static String truncate(String message) {
    if (message == null) {
      return null;
    }
    String clean = SafeText.clean(message);
    if (clean.length() > MAX_MESSAGE_LENGTH) {
      return SafeText.truncateChars(clean, MAX_MESSAGE_LENGTH - 1) + "\u2026";
    }
    return clean;
  }
}
