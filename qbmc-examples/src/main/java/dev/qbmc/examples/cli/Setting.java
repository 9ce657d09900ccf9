package dev.qbmc.examples.cli;

/**
 * The environment variables the operator CLI reads, with what each one is for. The names are
 * fixed and documented in the README's "Configuration" table.
 */
public enum Setting {
  /** Folder of the file store that keeps tokens, connections and sync state. */
  QBMC_STATE_DIR("folder of the file store (tokens, connection, sync state)", "./.qbmc"),
  /** The connection id used in the stores. */
  QBMC_CONNECTION_ID("id of the connection in the store", "default"),
  /** QuickBooks Online API host. */
  QBMC_QBO_BASE_URL("QuickBooks Online API host, without /v3", "https://quickbooks.api.intuit.com"),
  /** Intuit OAuth token endpoint. */
  QBMC_QBO_TOKEN_URL("Intuit OAuth 2.0 token endpoint", "https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer"),
  /** The QuickBooks company (realm) id. */
  QBMC_QBO_REALM_ID("QuickBooks company (realm) id", null),
  /** Intuit app client id. */
  QBMC_QBO_CLIENT_ID("Intuit app client id", null),
  /** Intuit app client secret. */
  QBMC_QBO_CLIENT_SECRET("Intuit app client secret", null),
  /** A QuickBooks refresh token for the realm. */
  QBMC_QBO_REFRESH_TOKEN("QuickBooks refresh token for the realm", null),
  /** An optional current QuickBooks access token. */
  QBMC_QBO_ACCESS_TOKEN("current QuickBooks access token (optional)", null),
  /** Mailchimp API root. */
  QBMC_MAILCHIMP_BASE_URL("Mailchimp API root including /3.0", "https://<dc>.api.mailchimp.com/3.0"),
  /** Mailchimp API key. */
  QBMC_MAILCHIMP_API_KEY("Mailchimp API key (key-usN)", null),
  /** The Mailchimp audience (list) id. */
  QBMC_AUDIENCE_ID("Mailchimp audience (list) id to sync to", null),
  /** The status new contacts get. */
  QBMC_MARKETING_STATUS("status new contacts get: subscribed or unsubscribed", null),
  /** The import tag. */
  QBMC_TAG("tag marking imported contacts", "QuickBooks Online"),
  /** The audience's contact limit. */
  QBMC_CONTACT_LIMIT("most contacts the audience may hold (plan limit)", null);

  private final String meaning;
  private final String defaultValue;

  Setting(String meaning, String defaultValue) {
    this.meaning = meaning;
    this.defaultValue = defaultValue;
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
}
