package dev.qbmc.core;

/**
 * The QuickBooks company (realm) is already connected to another audience or under another
 * connection id. Connect again with {@code replaceExisting(true)} to replace that connection.
 */
public final class RealmAlreadyConnectedException extends QbmcException {
  private static final long serialVersionUID = 1L;

  private final String realmId;
  private final String existingConnectionId;
  private final String existingAudienceId;

  /**
   * Creates the exception.
   *
   * @param realmId the QBO realm
   * @param existingConnectionId the connection that holds the realm
   * @param existingAudienceId the audience that connection syncs to
   */
  public RealmAlreadyConnectedException(
      String realmId, String existingConnectionId, String existingAudienceId) {
    super(
        "QuickBooks realm "
            + realmId
            + " is already connected to audience "
            + existingAudienceId
            + " (connection '"
            + existingConnectionId
            + "'); pass replaceExisting(true) to replace that connection");
    this.realmId = realmId;
    this.existingConnectionId = existingConnectionId;
    this.existingAudienceId = existingAudienceId;
  }

  /**
   * The QBO realm.
   *
   * @return the realm id
   */
  public String realmId() {
    return realmId;
  }

  /**
   * The connection that already holds the realm.
   *
   * @return its id
   */
  public String existingConnectionId() {
    return existingConnectionId;
  }

  /**
   * The audience the existing connection syncs to.
   *
   * @return the Mailchimp list id
   */
  public String existingAudienceId() {
    return existingAudienceId;
  }
}
