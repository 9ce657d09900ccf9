package dev.qbmc.examples.cli;

import java.util.List;

/**
 * The environment variables the operator CLI reads, with what each one is for, its default and the
 * commands that read it. The names are fixed and documented in the README's "Configuration" table
 * and in {@code --help}.
 */
public enum Setting {
  /** Folder of the file store that keeps tokens, connections and sync state. */
  QBMC_STATE_DIR("folder of the file store (tokens, connection, sync state)", "./.qbmc",
      false, "connect", "sync", "status", "contacts", "segments", "disconnect"),
  /** JDBC URL of a PostgreSQL database to keep the state in instead of the file store. */
  QBMC_STORE_URL("PostgreSQL jdbc:postgresql://host:port/db for the state, not QBMC_STATE_DIR", null, false, "connect", "sync", "status", "contacts", "segments", "disconnect"),
  /** The database user. */
  QBMC_STORE_USER("user for QBMC_STORE_URL", null,
      false, "connect", "sync", "status", "contacts", "segments", "disconnect"),
  /** The database password. */
  QBMC_STORE_PASSWORD("password for QBMC_STORE_URL", null,
      false, "connect", "sync", "status", "contacts", "segments", "disconnect"),
  /** The connection id used in the stores. */
  QBMC_CONNECTION_ID("id of the connection in the store", "default",
      false, "connect", "sync", "status", "contacts", "segments", "disconnect"),
  /** QuickBooks Online API host. */
  QBMC_QBO_BASE_URL("QuickBooks Online API host, without /v3", "https://quickbooks.api.intuit.com",
      false, "connect", "sync", "contacts", "segments", "disconnect"),
  /** Intuit OAuth token endpoint. */
  QBMC_QBO_TOKEN_URL("Intuit OAuth 2.0 token endpoint", "https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer",
      false, "connect", "sync", "contacts", "segments", "disconnect"),
  /** The QuickBooks company (realm) id. */
  QBMC_QBO_REALM_ID("QuickBooks company (realm) id", null,
      true, "connect"),
  /** Intuit app client id. */
  QBMC_QBO_CLIENT_ID("Intuit app client id", null,
      true, "connect", "sync", "contacts", "segments", "disconnect"),
  /** Intuit app client secret. */
  QBMC_QBO_CLIENT_SECRET("Intuit app client secret", null,
      true, "connect", "sync", "contacts", "segments", "disconnect"),
  /** A QuickBooks refresh token for the realm. */
  QBMC_QBO_REFRESH_TOKEN("QuickBooks refresh token for the realm", null,
      true, "connect"),
  /** An optional current QuickBooks access token. */
  QBMC_QBO_ACCESS_TOKEN("current QuickBooks access token (optional)", null,
      false, "connect"),
  /** Mailchimp API root. */
  QBMC_MAILCHIMP_BASE_URL("Mailchimp API root including /3.0", "https://<dc>.api.mailchimp.com/3.0",
      false, "connect", "sync", "contacts", "segments", "disconnect"),
  /** Mailchimp API key. */
  QBMC_MAILCHIMP_API_KEY("Mailchimp API key (key-usN)", null,
      true, "connect"),
  /** The Mailchimp audience (list) id. */
  QBMC_AUDIENCE_ID("Mailchimp audience (list) id to sync to", null,
      true, "connect"),
  /** The status new contacts get. */
  QBMC_MARKETING_STATUS("status new contacts get: subscribed or unsubscribed", null,
      true, "connect"),
  /** The import tag. */
  QBMC_TAG("tag marking imported contacts", "QuickBooks Online",
      false, "connect"),
  /** The open-balance tag. */
  QBMC_OPEN_BALANCE_TAG("tag on contacts whose customer has an open balance; 'off' for none", "QuickBooks open balance",
      false, "connect"),
  /** The overdue tag. */
  QBMC_OVERDUE_TAG("tag on contacts with an overdue invoice; 'off' for none", "QuickBooks overdue",
      false, "connect"),
  /** The audience's contact limit. */
  QBMC_CONTACT_LIMIT("most contacts the audience may hold (plan limit)", null,
      false, "connect");

  private final String meaning;
  private final String defaultValue;
  private final boolean required;
  private final List<String> commands;

  Setting(String meaning, String defaultValue, boolean required, String... commands) {
    this.meaning = meaning;
    this.defaultValue = defaultValue;
    this.required = required;
    this.commands = List.of(commands);
  }

  /**
   * What the setting is for, in a few words.
   *
   * @return the description
   */
  public String meaning() {
    return meaning;
  }

  /**
   * The value used when the variable is not set, as documented (for display).
   *
   * @return the default, or null when there is none
   */
  public String defaultValue() {
    return defaultValue;
  }

  /**
   * Whether every command that reads the setting needs it set (it has no default then).
   *
   * @return true when required
   */
  public boolean required() {
    return required;
  }

  /**
   * The commands that read the setting, in the order of {@code --help}.
   *
   * @return the command names, for example {@code connect}
   */
  public List<String> commands() {
    return commands;
  }
}
