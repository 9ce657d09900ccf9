package dev.qbmc.quickbooks.webhook;

import java.util.Locale;

/** What happened to the entity. */
public enum WebhookOperation {
  /** Created. */
  CREATE,
  /** Updated (including made inactive). */
  UPDATE,
  /** Deleted. */
  DELETE,
  /** Merged into another entity; the merged-away id is in {@link WebhookEvent#deletedId()}. */
  MERGE,
  /** Voided (transactions). */
  VOID,
  /** Emailed (transactions). */
  EMAILED,
  /** An operation this SDK does not know. */
  UNKNOWN;

  /**
   * Maps a legacy operation ({@code Create}) or CloudEvents verb ({@code created}).
   *
   * @param text the text, may be null
   * @return the operation, {@link #UNKNOWN} when not recognised
   */
  public static WebhookOperation fromText(String text) {
    if (text == null) {
      return UNKNOWN;
    }
    switch (text.toLowerCase(Locale.ROOT)) {
      case "create":
      case "created":
        return CREATE;
      case "update":
      case "updated":
        return UPDATE;
      case "delete":
      case "deleted":
        return DELETE;
      case "merge":
      case "merged":
        return MERGE;
      case "void":
      case "voided":
        return VOID;
      case "emailed":
      case "email":
        return EMAILED;
      default:
        return UNKNOWN;
    }
  }
}
