package dev.qbmc.examples.cli;

import dev.qbmc.core.ConnectRequest;
import dev.qbmc.core.mapping.SafeText;
import dev.qbmc.core.model.FactTags;
import dev.qbmc.core.model.MarketingStatus;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The operator CLI's configuration, parsed from environment variables (see {@link Setting}).
 * Every variable that is set is checked when parsing, so an invalid value is reported before
 * anything runs; a variable that a command needs but that is not set is reported by the {@code
 * require...} accessor the command calls. Blank values count as not set. {@link #toString()} never
 * shows a secret.
 */
public final class CliConfig {
  private static final Pattern REALM_ID = Pattern.compile("[A-Za-z0-9]{1,64}");
  private static final Pattern CONNECTION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern API_KEY = Pattern.compile("[^\\s]+-[a-z]+[0-9]+");
  private static final Pattern STORE_URL = Pattern.compile("jdbc:postgresql://[^\\s/]+/[^\\s]+");

  private final Path stateDir;
  private final String storeUrl;
  private final String storeUser;
  private final String storePassword;
  private final String connectionId;
  private final URI quickBooksBaseUrl;
  private final URI quickBooksTokenUrl;
  private final String realmId;
  private final String clientId;
  private final String clientSecret;
  private final String refreshToken;
  private final String accessToken;
  private final URI mailchimpBaseUrl;
  private final String mailchimpApiKey;
  private final String audienceId;
  private final MarketingStatus marketingStatus;
  private final String tag;
  private final Long contactLimit;
  private final FactTags factTags;

  private CliConfig(Map<String, String> env) {
    this.stateDir = path(env, Setting.QBMC_STATE_DIR).orElse(Path.of(".qbmc"));
    this.storeUrl = matching(env, Setting.QBMC_STORE_URL, STORE_URL,
        "must be a PostgreSQL JDBC URL, jdbc:postgresql://host[:port]/database").orElse(null);
    this.storeUser = text(env, Setting.QBMC_STORE_USER).orElse(null);
    this.storePassword = text(env, Setting.QBMC_STORE_PASSWORD).orElse(null);
    this.connectionId = matching(env, Setting.QBMC_CONNECTION_ID, CONNECTION_ID,
        "must be 1 to 64 letters, digits, '.', '_' or '-'").orElse("default");
    this.quickBooksBaseUrl = url(env, Setting.QBMC_QBO_BASE_URL).orElse(null);
    this.quickBooksTokenUrl = url(env, Setting.QBMC_QBO_TOKEN_URL).orElse(null);
    this.realmId = matching(env, Setting.QBMC_QBO_REALM_ID, REALM_ID, "must be letters and digits only")
        .orElse(null);
    this.clientId = text(env, Setting.QBMC_QBO_CLIENT_ID).orElse(null);
    this.clientSecret = text(env, Setting.QBMC_QBO_CLIENT_SECRET).orElse(null);
    this.refreshToken = text(env, Setting.QBMC_QBO_REFRESH_TOKEN).orElse(null);
    this.accessToken = text(env, Setting.QBMC_QBO_ACCESS_TOKEN).orElse(null);
    this.mailchimpBaseUrl = url(env, Setting.QBMC_MAILCHIMP_BASE_URL).orElse(null);
    this.mailchimpApiKey = matching(env, Setting.QBMC_MAILCHIMP_API_KEY, API_KEY,
        "must be a Mailchimp API key ending with its data centre, like -us6").orElse(null);
    this.audienceId = text(env, Setting.QBMC_AUDIENCE_ID).orElse(null);
    this.marketingStatus = text(env, Setting.QBMC_MARKETING_STATUS).map(CliConfig::marketingStatus).orElse(null);
    String tagValue = text(env, Setting.QBMC_TAG).orElse(ConnectRequest.DEFAULT_TAG);
    if (tagValue.length() > 100) {
      throw new ConfigException(Setting.QBMC_TAG, "must be at most 100 characters");
    }
    this.tag = tagValue;
    this.contactLimit = text(env, Setting.QBMC_CONTACT_LIMIT).map(CliConfig::contactLimit).orElse(null);
    String open = factTag(env, Setting.QBMC_OPEN_BALANCE_TAG, FactTags.DEFAULT_OPEN_BALANCE);
    String overdue = factTag(env, Setting.QBMC_OVERDUE_TAG, FactTags.DEFAULT_OVERDUE);
    if (open != null && open.equals(overdue)) {
      throw new ConfigException(Setting.QBMC_OVERDUE_TAG, "must differ from QBMC_OPEN_BALANCE_TAG");
    }
    this.factTags = FactTags.of(open, overdue);
  }

  /** A fact tag: the default when unset, none for {@code off}, at most 100 clean characters. */
  private static String factTag(Map<String, String> env, Setting setting, String defaultName) {
    Optional<String> value = text(env, setting);
    if (value.isEmpty()) {
      return defaultName;
    }
    if (value.get().equalsIgnoreCase("off")) {
      return null;
    }
    if (value.get().length() > FactTags.MAX_LENGTH || !SafeText.clean(value.get()).equals(value.get())) {
      throw new ConfigException(setting, "must be at most 100 characters without control or bidi characters");
    }
    return value.get();
  }

  /**
   * {@link Setting#QBMC_OPEN_BALANCE_TAG} and {@link Setting#QBMC_OVERDUE_TAG}.
   *
   * @return the fact tags (defaults {@value FactTags#DEFAULT_OPEN_BALANCE} and {@value
   *     FactTags#DEFAULT_OVERDUE}; {@code off} leaves one out)
   */
  public FactTags factTags() {
    return factTags;
  }

  /**
   * Parses the configuration.
   *
   * @param env the environment, for example {@code System.getenv()}
   * @return the configuration
   * @throws ConfigException when a variable that is set has an invalid value
   */
  public static CliConfig fromEnvironment(Map<String, String> env) {
    return new CliConfig(Objects.requireNonNull(env, "env"));
  }

  /**
   * {@link Setting#QBMC_STATE_DIR}.
   *
   * @return the state folder (default {@code ./.qbmc})
   */
  public Path stateDir() {
    return stateDir;
  }

  /**
   * {@link Setting#QBMC_STORE_URL}: when set, the state is kept in this PostgreSQL database instead
   * of the file store.
   *
   * @return the JDBC URL, or empty for the file store
   */
  public Optional<String> storeUrl() {
    return Optional.ofNullable(storeUrl);
  }

  /**
   * {@link Setting#QBMC_STORE_USER}.
   *
   * @return the database user, or empty
   */
  public Optional<String> storeUser() {
    return Optional.ofNullable(storeUser);
  }

  /**
   * {@link Setting#QBMC_STORE_PASSWORD}.
   *
   * @return the database password, or empty
   */
  public Optional<String> storePassword() {
    return Optional.ofNullable(storePassword);
  }

  /**
   * {@link Setting#QBMC_CONNECTION_ID}.
   *
   * @return the connection id (default {@code default})
   */
  public String connectionId() {
    return connectionId;
  }

  /**
   * {@link Setting#QBMC_QBO_BASE_URL}.
   *
   * @return the QBO API host, or empty for Intuit's production host
   */
  public Optional<URI> quickBooksBaseUrl() {
    return Optional.ofNullable(quickBooksBaseUrl);
  }

  /**
   * {@link Setting#QBMC_QBO_TOKEN_URL}.
   *
   * @return the token endpoint, or empty for Intuit's
   */
  public Optional<URI> quickBooksTokenUrl() {
    return Optional.ofNullable(quickBooksTokenUrl);
  }

  /**
   * {@link Setting#QBMC_QBO_REALM_ID}, required.
   *
   * @return the realm id
   * @throws ConfigException when not set
   */
  public String requireRealmId() {
    return require(realmId, Setting.QBMC_QBO_REALM_ID);
  }

  /**
   * {@link Setting#QBMC_QBO_CLIENT_ID}, required.
   *
   * @return the client id
   * @throws ConfigException when not set
   */
  public String requireClientId() {
    return require(clientId, Setting.QBMC_QBO_CLIENT_ID);
  }

  /**
   * {@link Setting#QBMC_QBO_CLIENT_SECRET}, required.
   *
   * @return the client secret
   * @throws ConfigException when not set
   */
  public String requireClientSecret() {
    return require(clientSecret, Setting.QBMC_QBO_CLIENT_SECRET);
  }

  /**
   * {@link Setting#QBMC_QBO_REFRESH_TOKEN}, required.
   *
   * @return the refresh token
   * @throws ConfigException when not set
   */
  public String requireRefreshToken() {
    return require(refreshToken, Setting.QBMC_QBO_REFRESH_TOKEN);
  }

  /**
   * {@link Setting#QBMC_QBO_ACCESS_TOKEN}.
   *
   * @return the access token, or empty
   */
  public Optional<String> accessToken() {
    return Optional.ofNullable(accessToken);
  }

  /**
   * {@link Setting#QBMC_MAILCHIMP_BASE_URL}.
   *
   * @return the Mailchimp API root, or empty for the data centre of the API key
   */
  public Optional<URI> mailchimpBaseUrl() {
    return Optional.ofNullable(mailchimpBaseUrl);
  }

  /**
   * {@link Setting#QBMC_MAILCHIMP_API_KEY}, required.
   *
   * @return the API key
   * @throws ConfigException when not set
   */
  public String requireMailchimpApiKey() {
    return require(mailchimpApiKey, Setting.QBMC_MAILCHIMP_API_KEY);
  }

  /**
   * {@link Setting#QBMC_AUDIENCE_ID}, required.
   *
   * @return the audience id
   * @throws ConfigException when not set
   */
  public String requireAudienceId() {
    return require(audienceId, Setting.QBMC_AUDIENCE_ID);
  }

  /**
   * {@link Setting#QBMC_MARKETING_STATUS}, required: there is no default, because only the
   * operator knows whether the customers agreed to marketing.
   *
   * @return the status new contacts get
   * @throws ConfigException when not set
   */
  public MarketingStatus requireMarketingStatus() {
    return require(marketingStatus, Setting.QBMC_MARKETING_STATUS);
  }

  /**
   * {@link Setting#QBMC_TAG}.
   *
   * @return the import tag (default {@value ConnectRequest#DEFAULT_TAG})
   */
  public String tag() {
    return tag;
  }

  /**
   * {@link Setting#QBMC_CONTACT_LIMIT}.
   *
   * @return the contact limit, or empty for none
   */
  public Optional<Long> contactLimit() {
    return Optional.ofNullable(contactLimit);
  }

  private static <T> T require(T value, Setting setting) {
    if (value == null) {
      throw new ConfigException(setting, "is not set (" + setting.meaning() + ")");
    }
    return value;
  }

  private static Optional<String> text(Map<String, String> env, Setting setting) {
    String value = env.get(setting.name());
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  private static Optional<String> matching(Map<String, String> env, Setting setting, Pattern pattern, String rule) {
    Optional<String> value = text(env, setting);
    if (value.isPresent() && !pattern.matcher(value.get()).matches()) {
      throw new ConfigException(setting, rule);
    }
    return value;
  }

  private static Optional<Path> path(Map<String, String> env, Setting setting) {
    try {
      return text(env, setting).map(Path::of);
    } catch (InvalidPathException e) {
      throw new ConfigException(setting, "is not a valid path");
    }
  }

  private static Optional<URI> url(Map<String, String> env, Setting setting) {
    Optional<String> value = text(env, setting);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(value.get());
    } catch (URISyntaxException e) {
      throw new ConfigException(setting, "is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new ConfigException(setting, "must be an absolute http(s) URL with a host");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      throw new ConfigException(setting, "must not carry user info, a query or a fragment");
    }
    if (scheme.equals("http") && !isLoopback(uri.getHost())) {
      throw new ConfigException(setting, "must use https (plain http only on loopback addresses)");
    }
    String text = uri.toString();
    return Optional.of(URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text));
  }

  private static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.equals("[::1]") || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  }

  private static MarketingStatus marketingStatus(String value) {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "subscribed":
        return MarketingStatus.SUBSCRIBED;
      case "unsubscribed":
        return MarketingStatus.UNSUBSCRIBED;
      default:
        throw new ConfigException(Setting.QBMC_MARKETING_STATUS, "must be subscribed or unsubscribed");
    }
  }

  private static Long contactLimit(String value) {
    try {
      long limit = Long.parseLong(value);
      if (limit < 0) {
        throw new ConfigException(Setting.QBMC_CONTACT_LIMIT, "must not be negative");
      }
      return limit;
    } catch (NumberFormatException e) {
      throw new ConfigException(Setting.QBMC_CONTACT_LIMIT, "must be a whole number");
    }
  }

  @Override
  public String toString() {
    return "CliConfig[stateDir=" + stateDir + ", storeUrl=" + (storeUrl == null ? "unset" : "[set]")
        + ", storeUser=" + storeUser + ", storePassword=" + (storePassword == null ? "unset" : "[redacted]")
        + ", connectionId=" + connectionId + ", realmId=" + realmId
        + ", quickBooksBaseUrl=" + quickBooksBaseUrl + ", mailchimpBaseUrl=" + mailchimpBaseUrl
        + ", audienceId=" + audienceId + ", marketingStatus=" + marketingStatus + ", tag=" + tag
        + ", contactLimit=" + contactLimit + ", clientSecret=" + (clientSecret == null ? "unset" : "[redacted]")
        + ", refreshToken=" + (refreshToken == null ? "unset" : "[redacted]")
        + ", accessToken=" + (accessToken == null ? "unset" : "[redacted]")
        + ", mailchimpApiKey=" + (mailchimpApiKey == null ? "unset" : "[redacted]") + "]";
  }
}
