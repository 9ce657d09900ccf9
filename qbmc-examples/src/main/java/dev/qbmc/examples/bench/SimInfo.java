package dev.qbmc.examples.bench;

/**
 * Where the simulators of one benchmark run listen and how to authenticate to them (sandbox values
 * only: the simulators accept nothing else).
 */
record SimInfo(
    String qboBaseUrl,
    String qboTokenUrl,
    String qboRevokeUrl,
    String realmId,
    String qboClientId,
    String qboClientSecret,
    String mailchimpBaseUrl,
    String mailchimpApiKey,
    String listId) {

  @Override
  public String toString() {
    return "SimInfo[qbo=" + qboBaseUrl + ", realm=" + realmId + ", mailchimp=" + mailchimpBaseUrl + ", list=" + listId
        + "]";
  }
}
