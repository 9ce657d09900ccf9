package dev.qbmc.core.model;

/** The lifecycle state of a connection between one QBO realm and one Mailchimp audience. */
public enum ConnectionStatus {
  /** Syncs and webhooks are processed. */
  CONNECTED,
  /** Updates are paused by the host; syncs and webhooks are refused until resumed. */
  PAUSED,
  /** Disconnected: tokens removed, e-commerce store deleted; syncs and webhooks are refused. */
  DISCONNECTED,
  /** A token was revoked or expired ({@code invalid_grant}); the host must reconnect. */
  NEEDS_REAUTHORIZATION
}
