package dev.qbmc.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qbmc.core.model.MarketingStatus;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CliConfigTest {

  @Test
  void fromEnvironment_whenEmpty_usesTheDocumentedDefaults() {
    CliConfig config = CliConfig.fromEnvironment(Map.of());

    assertThat(config.stateDir()).isEqualTo(Path.of(".qbmc"));
    assertThat(config.connectionId()).isEqualTo("default");
    assertThat(config.tag()).isEqualTo("QuickBooks Online");
    assertThat(config.quickBooksBaseUrl()).isEmpty();
    assertThat(config.mailchimpBaseUrl()).isEmpty();
    assertThat(config.contactLimit()).isEmpty();
    assertThatThrownBy(config::requireClientId).isInstanceOf(ConfigException.class)
        .hasMessage("QBMC_QBO_CLIENT_ID is not set (Intuit app client id)");
  }

  @Test
  void fromEnvironment_parsesTypedValues_andTreatsBlankAsUnset() {
    CliConfig config = CliConfig.fromEnvironment(Map.of(
        "QBMC_MARKETING_STATUS", "Unsubscribed",
        "QBMC_CONTACT_LIMIT", "2000",
        "QBMC_QBO_BASE_URL", "https://sandbox-quickbooks.api.intuit.com/",
        "QBMC_MAILCHIMP_BASE_URL", "http://127.0.0.1:4567/3.0",
        "QBMC_AUDIENCE_ID", "   "));

    assertThat(config.requireMarketingStatus()).isEqualTo(MarketingStatus.UNSUBSCRIBED);
    assertThat(config.contactLimit()).contains(2000L);
    assertThat(config.quickBooksBaseUrl()).contains(URI.create("https://sandbox-quickbooks.api.intuit.com"));
    assertThat(config.mailchimpBaseUrl()).contains(URI.create("http://127.0.0.1:4567/3.0"));
    assertThatThrownBy(config::requireAudienceId).hasMessageStartingWith("QBMC_AUDIENCE_ID is not set");
  }

  @Test
  void toString_neverShowsSecrets() {
    CliConfig config = CliConfig.fromEnvironment(Map.of(
        "QBMC_QBO_CLIENT_SECRET", "client-secret-value",
        "QBMC_QBO_REFRESH_TOKEN", "refresh-token-value",
        "QBMC_QBO_ACCESS_TOKEN", "access-token-value",
        "QBMC_MAILCHIMP_API_KEY", "0123456789abcdef-us6"));

    assertThat(config.toString()).doesNotContain("client-secret-value", "refresh-token-value",
        "access-token-value", "0123456789abcdef").contains("[redacted]");
  }

  @Test
  void revocationEndpoint_isIntuitsDefaultForIntuitsTokenHost_elseOnTheTokenHost() {
    assertThat(QbmcFactory.revocationEndpointFor(URI.create("https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer")))
        .isEmpty();
    assertThat(QbmcFactory.revocationEndpointFor(URI.create("http://127.0.0.1:9000/oauth2/v1/tokens/bearer")))
        .contains(URI.create("http://127.0.0.1:9000/v2/oauth2/tokens/revoke"));
  }
}
