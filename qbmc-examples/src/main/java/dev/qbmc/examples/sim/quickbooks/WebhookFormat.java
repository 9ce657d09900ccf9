package dev.qbmc.examples.sim.quickbooks;

/** The payload format of simulated Intuit webhook deliveries. */
public enum WebhookFormat {
  /** The legacy {@code {"eventNotifications":[...]}} object. */
  LEGACY,
  /** The CloudEvents array ({@code specversion 1.0}, {@code type qbo.<entity>.<op>.v1}). */
  CLOUD_EVENTS
}
