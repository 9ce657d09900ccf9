package dev.qbmc.examples.cli;

import dev.qbmc.examples.sim.mailchimp.MailchimpSimulator;
import dev.qbmc.examples.sim.quickbooks.QuickBooksSimulator;
import dev.qbmc.examples.sim.quickbooks.SampleCompany;
import dev.qbmc.examples.sim.quickbooks.WebhookFormat;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Both simulators running on loopback with the demo data: the QuickBooks simulator serving
 * {@link SampleCompany}, and the Mailchimp simulator with one audience in which the sample
 * company's {@link SampleCompany#unsubscribedEmails() already unsubscribed addresses} are
 * pre-seeded as {@code unsubscribed}. {@link #environment()} gives the CLI settings that point at
 * them. Close it to stop both servers.
 */
public final class Sandbox implements AutoCloseable {
  /** The name of the pre-created audience. */
  public static final String AUDIENCE_NAME = "Craig's customers (simulated)";

  private final QuickBooksSimulator quickBooks;
  private final MailchimpSimulator mailchimp;
  private final String audienceId;

  private Sandbox(Builder b) {
    QuickBooksSimulator.Builder qboBuilder =
        QuickBooksSimulator.builder().company(SampleCompany.create()).latency(b.latency);
    if (b.webhookUrl != null) {
      qboBuilder.webhooks(b.webhookUrl, b.webhookVerifierToken, WebhookFormat.LEGACY);
    }
    MailchimpSimulator.Builder mcBuilder = MailchimpSimulator.builder().latency(b.latency);
    if (b.synchronousBatches) {
      mcBuilder.batchExecutor(Runnable::run);
    }
    QuickBooksSimulator qbo = qboBuilder.build().start();
    try {
      this.mailchimp = mcBuilder.build().start();
    } catch (RuntimeException e) {
      qbo.close();
      throw e;
    }
    this.quickBooks = qbo;
    this.audienceId = mailchimp.createList(AUDIENCE_NAME);
    for (String email : SampleCompany.unsubscribedEmails()) {
      mailchimp.seedMember(audienceId, email, "unsubscribed");
    }
  }

  /**
   * Starts both simulators with no added latency, batches on a background thread like Mailchimp,
   * and no webhooks.
   *
   * @return the running sandbox
   */
  public static Sandbox start() {
    return builder().start();
  }

  /**
   * Starts both simulators with no added latency and no webhooks.
   *
   * @param latency added to every API call of both simulators (real waiting)
   * @param synchronousBatches see {@link Builder#synchronousBatches(boolean)}
   * @return the running sandbox
   */
  public static Sandbox start(Duration latency, boolean synchronousBatches) {
    return builder().latency(latency).synchronousBatches(synchronousBatches).start();
  }

  /**
   * A builder for a sandbox with latency, synchronous batches or webhooks.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Configures a {@link Sandbox}. */
  public static final class Builder {
    private Duration latency = Duration.ZERO;
    private boolean synchronousBatches;
    private URI webhookUrl;
    private String webhookVerifierToken;

    private Builder() {}

    /**
     * Latency added to every API call of both simulators (real waiting; default none).
     *
     * @param latency zero or more
     * @return this builder
     */
    public Builder latency(Duration latency) {
      Objects.requireNonNull(latency, "latency");
      if (latency.isNegative()) {
        throw new IllegalArgumentException("latency must not be negative");
      }
      this.latency = latency;
      return this;
    }

    /**
     * Whether the Mailchimp simulator runs a {@code /batches} request before answering its {@code
     * POST}, so the first status poll finds it finished (tests then use a sleeper that does not
     * wait); by default batches run on a background thread, like Mailchimp's.
     *
     * @param synchronous true to run batches synchronously
     * @return this builder
     */
    public Builder synchronousBatches(boolean synchronous) {
      this.synchronousBatches = synchronous;
      return this;
    }

    /**
     * Makes the QuickBooks simulator queue a webhook event for every change, delivered (signed
     * with the verifier token, legacy {@code eventNotifications} format) by {@link
     * QuickBooksSimulator#deliverWebhooks()}.
     *
     * @param url the host's webhook endpoint
     * @param verifierToken the Intuit webhook verifier token
     * @return this builder
     */
    public Builder webhooks(URI url, String verifierToken) {
      this.webhookUrl = Objects.requireNonNull(url, "url");
      this.webhookVerifierToken = Objects.requireNonNull(verifierToken, "verifierToken");
      return this;
    }

    /**
     * Starts both simulators and seeds them.
     *
     * @return the running sandbox
     */
    public Sandbox start() {
      return new Sandbox(this);
    }
  }

  /**
   * The QuickBooks Online simulator, for changing the company while it runs.
   *
   * @return the simulator
   */
  public QuickBooksSimulator quickBooks() {
    return quickBooks;
  }

  /**
   * The Mailchimp simulator, for reading back what was synced.
   *
   * @return the simulator
   */
  public MailchimpSimulator mailchimp() {
    return mailchimp;
  }

  /**
   * The id of the pre-created audience.
   *
   * @return the list id
   */
  public String audienceId() {
    return audienceId;
  }

  /**
   * The CLI settings that point at this sandbox, with a freshly minted QuickBooks refresh token
   * (each refresh token works once: the simulator rotates them like Intuit) and {@code
   * QBMC_MARKETING_STATUS=subscribed}. {@code QBMC_STATE_DIR} and {@code QBMC_CONNECTION_ID} are
   * not included.
   *
   * @return the variables, in {@link Setting} order
   */
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(Setting.QBMC_QBO_BASE_URL.name(), quickBooks.baseUrl());
    env.put(Setting.QBMC_QBO_TOKEN_URL.name(), quickBooks.tokenUrl());
    env.put(Setting.QBMC_QBO_REALM_ID.name(), quickBooks.realmId());
    env.put(Setting.QBMC_QBO_CLIENT_ID.name(), quickBooks.clientId());
    env.put(Setting.QBMC_QBO_CLIENT_SECRET.name(), quickBooks.clientSecret());
    env.put(Setting.QBMC_QBO_REFRESH_TOKEN.name(), quickBooks.mintTokens().refreshToken());
    env.put(Setting.QBMC_MAILCHIMP_BASE_URL.name(), mailchimp.baseUrl());
    env.put(Setting.QBMC_MAILCHIMP_API_KEY.name(), mailchimp.apiKey());
    env.put(Setting.QBMC_AUDIENCE_ID.name(), audienceId);
    env.put(Setting.QBMC_MARKETING_STATUS.name(), "subscribed");
    return env;
  }

  /** Stops both simulators. */
  @Override
  public void close() {
    try {
      quickBooks.close();
    } finally {
      mailchimp.close();
    }
  }

  @Override
  public String toString() {
    return "Sandbox[quickBooks=" + quickBooks.baseUrl() + ", mailchimp=" + mailchimp.baseUrl() + "]";
  }
}
