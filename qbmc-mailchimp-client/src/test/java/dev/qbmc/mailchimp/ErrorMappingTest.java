package dev.qbmc.mailchimp;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.qbmc.mailchimp.testing.WireMockMailchimpTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorMappingTest extends WireMockMailchimpTest {
  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of(401, problem("API Key Invalid", 401, "Your API key may be invalid, or you've attempted to access the wrong datacenter."),
            MailchimpAuthenticationException.class),
        Arguments.of(403, problem("Forbidden", 403, "You don't have permission to access this resource."),
            MailchimpForbiddenException.class),
        Arguments.of(403, problem("User Disabled", 403, "This account has been disabled."), MailchimpForbiddenException.class),
        Arguments.of(404, problem("Resource Not Found", 404, "The requested resource could not be found."),
            MailchimpNotFoundException.class),
        Arguments.of(400, problem("Member Exists", 400, "ada@example.com is already a list member. Use PUT to insert or update list members."),
            MailchimpMemberExistsException.class),
        Arguments.of(400, "{\"type\":\"https://mailchimp.com/developer/marketing/docs/errors/\",\"title\":\"Invalid Resource\","
            + "\"status\":400,\"detail\":\"Your merge fields were invalid.\",\"instance\":\"x\",\"errors\":[{\"field\":\"ADDRESS\","
            + "\"message\":\"Please enter a complete address\"}]}", MailchimpValidationException.class),
        Arguments.of(400, problem("Forgotten Email Not Subscribed", 400, "ada@example.com was permanently deleted and cannot be re-imported. "
            + "The contact must re-subscribe to get back on the list."), MailchimpForgottenEmailException.class),
        Arguments.of(400, problem("Member In Compliance State", 400, "ada@example.com is in a compliance state due to unsubscribe, "
            + "bounce, or compliance review and cannot be subscribed."), MailchimpComplianceStateException.class),
        Arguments.of(400, problem("Invalid Resource", 400, "ada@example.com looks fake or invalid, please enter a real email address."),
            MailchimpFakeEmailException.class),
        Arguments.of(429, problem("Too Many Requests", 429, "You have exceeded the limit of 10 simultaneous connections."),
            MailchimpRateLimitException.class),
        Arguments.of(429, "", MailchimpRateLimitException.class),
        Arguments.of(403, "", MailchimpRateLimitException.class),
        Arguments.of(500, problem("Internal Server Error", 500, "An unexpected internal error has occurred."),
            MailchimpServerException.class),
        Arguments.of(502, "<html><body>Bad Gateway</body></html>", MailchimpServerException.class),
        Arguments.of(405, problem("Method Not Allowed", 405, "This list member cannot be removed."), MailchimpServiceException.class),
        Arguments.of(400, "not json at all", MailchimpServiceException.class));
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("errors")
  void statusAndTitle_mapToTheirType_neverTheTypeUrl(int status, String body, Class<? extends MailchimpServiceException> type) {
    WM.stubFor(get("/3.0/lists/abc").willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/problem+json").withBody(body)));

    MailchimpServiceException e = catchThrowableOfType(MailchimpServiceException.class,
        () -> clientBuilder().retryPolicy(MailchimpRetryPolicy.none()).build().audiences().get("abc"));

    assertThat(e).isExactlyInstanceOf(type);
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.getMessage()).doesNotContain(API_KEY).doesNotContain("ada@example.com").startsWith("HTTP " + status);
    if (e instanceof MailchimpValidationException && !(e instanceof MailchimpFakeEmailException)) {
      assertThat(e.fieldErrors()).singleElement().satisfies(f -> assertThat(f.field()).isEqualTo("ADDRESS"));
    }
    assertThat(e.isRetryable()).isEqualTo(e instanceof MailchimpRateLimitException || e instanceof MailchimpServerException);
  }

  private static String problem(String title, int status, String detail) {
    return "{\"type\":\"https://mailchimp.com/developer/marketing/docs/errors/\",\"title\":\"" + title + "\",\"status\":"
        + status + ",\"detail\":\"" + detail + "\",\"instance\":\"995c5cb0-3280-4a6e-808b-3b096d0bb219\"}";
  }
}
