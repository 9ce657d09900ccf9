package dev.qbmc.examples.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qbmc.core.Sleeper;
import dev.qbmc.mailchimp.MailchimpAuthenticationException;
import dev.qbmc.mailchimp.MailchimpClient;
import dev.qbmc.mailchimp.MailchimpException;
import dev.qbmc.mailchimp.MailchimpFakeEmailException;
import dev.qbmc.mailchimp.MailchimpForbiddenException;
import dev.qbmc.mailchimp.MailchimpMalformedResponseException;
import dev.qbmc.mailchimp.MailchimpNotFoundException;
import dev.qbmc.mailchimp.MailchimpOAuth;
import dev.qbmc.mailchimp.MailchimpRateLimitException;
import dev.qbmc.mailchimp.MailchimpRequestEvent;
import dev.qbmc.mailchimp.MailchimpRequestListener;
import dev.qbmc.mailchimp.MailchimpRetryPolicy;
import dev.qbmc.mailchimp.MailchimpServerException;
import dev.qbmc.mailchimp.MailchimpServiceException;
import dev.qbmc.mailchimp.MailchimpSleeper;
import dev.qbmc.mailchimp.MailchimpTransportException;
import dev.qbmc.mailchimp.MailchimpValidationException;
import dev.qbmc.quickbooks.QuickBooksAuthenticationException;
import dev.qbmc.quickbooks.QuickBooksClient;
import dev.qbmc.quickbooks.QuickBooksException;
import dev.qbmc.quickbooks.QuickBooksForbiddenException;
import dev.qbmc.quickbooks.QuickBooksMalformedResponseException;
import dev.qbmc.quickbooks.QuickBooksNotFoundException;
import dev.qbmc.quickbooks.QuickBooksRateLimitException;
import dev.qbmc.quickbooks.QuickBooksRequestEvent;
import dev.qbmc.quickbooks.QuickBooksRequestListener;
import dev.qbmc.quickbooks.QuickBooksRetryPolicy;
import dev.qbmc.quickbooks.QuickBooksServerException;
import dev.qbmc.quickbooks.QuickBooksServiceException;
import dev.qbmc.quickbooks.QuickBooksSleeper;
import dev.qbmc.quickbooks.QuickBooksTransportException;
import dev.qbmc.quickbooks.QuickBooksValidationException;
import dev.qbmc.quickbooks.oauth.IntuitOAuth;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The clients must not depend on each other, so each has its own copy of the concepts both need.
 * This test keeps the copies the same shape: same public members with the same types, once the
 * client prefix ({@code QuickBooks}, {@code Intuit}, {@code Mailchimp}) is taken out of the type
 * names. A member that only one client has must be named here, with the reason.
 */
class ClientTwinShapesTest {

  static Stream<Arguments> twins() {
    return Stream.of(
        twin(QuickBooksSleeper.class, MailchimpSleeper.class, Set.of(), Set.of(), false),
        twin(QuickBooksSleeper.class, Sleeper.class, Set.of(), Set.of(), false),
        twin(QuickBooksRequestListener.class, MailchimpRequestListener.class, Set.of(), Set.of(), false),
        twin(QuickBooksRequestEvent.class, MailchimpRequestEvent.class, Set.of(), Set.of(), false),
        twin(QuickBooksRequestEvent.Builder.class, MailchimpRequestEvent.Builder.class, Set.of(), Set.of(), false),
        twin(
            QuickBooksRetryPolicy.class,
            MailchimpRetryPolicy.class,
            // Intuit documents a fixed 60 s wait after throttling without Retry-After.
            Set.of("throttleDelay"),
            Set.of(),
            false),
        twin(QuickBooksRetryPolicy.Builder.class, MailchimpRetryPolicy.Builder.class, Set.of("throttleDelay"), Set.of(), false),
        twin(
            QuickBooksClient.Builder.class,
            MailchimpClient.Builder.class,
            // QBO: one client per realm, its host per environment, per-realm limits in the client.
            Set.of("environment", "realmId", "accessTokenProvider", "minorVersion", "maxConcurrentRequests",
                "maxRequestsPerMinute", "maxPageSize", "realmLimiter"),
            // Mailchimp: credentials decide the data centre; one connection limiter per account.
            Set.of("credentials", "connectionLimiter"),
            false),
        twin(
            IntuitOAuth.Builder.class,
            MailchimpOAuth.Builder.class,
            // Intuit publishes three endpoints (and a discovery document) and a hard-expiry option.
            Set.of("authorizationEndpoint", "tokenEndpoint", "revocationEndpoint", "discoveryDocument",
                "requestRefreshTokenHardExpiry"),
            // Mailchimp has one login host for all OAuth calls.
            Set.of("loginBaseUri"),
            false),
        twin(QuickBooksException.class, MailchimpException.class, Set.of(), Set.of(), true),
        twin(
            QuickBooksServiceException.class,
            MailchimpServiceException.class,
            // Each API's error body: QBO Fault entries and intuit_tid; Mailchimp problem+json.
            Set.of("errors", "errorCodes", "faultType", "intuitTid"),
            Set.of("title", "detail", "type", "instance", "fieldErrors"),
            true),
        twin(QuickBooksRateLimitException.class, MailchimpRateLimitException.class, Set.of(), Set.of(), true),
        twin(QuickBooksTransportException.class, MailchimpTransportException.class, Set.of(), Set.of(), true),
        twin(QuickBooksAuthenticationException.class, MailchimpAuthenticationException.class, Set.of(), Set.of(), true),
        twin(QuickBooksForbiddenException.class, MailchimpForbiddenException.class, Set.of(), Set.of(), true),
        twin(QuickBooksNotFoundException.class, MailchimpNotFoundException.class, Set.of(), Set.of(), true),
        twin(QuickBooksServerException.class, MailchimpServerException.class, Set.of(), Set.of(), true),
        twin(
            QuickBooksMalformedResponseException.class,
            MailchimpMalformedResponseException.class,
            // QBO answers carry intuit_tid; Mailchimp's reader also covers batch archives (no status).
            Set.of("statusCode", "intuitTid"),
            Set.of(),
            true),
        twin(QuickBooksValidationException.class, MailchimpValidationException.class, Set.of(), Set.of(), true));
  }

  /** Exceptions only one API has, by name without the client prefix. */
  private static final Set<String> ONLY_QUICKBOOKS_EXCEPTIONS = Set.of(
      "StaleObjectException", "ChangedSinceTooOldException", "OAuthException",
      "ReauthorizationRequiredException", "WebhookPayloadException", "WebhookSignatureException");

  private static final Set<String> ONLY_MAILCHIMP_EXCEPTIONS = Set.of(
      "MemberExistsException", "ForgottenEmailException", "ComplianceStateException", "FakeEmailException",
      "OutcomeUnknownException", "BatchTimeoutException");

  @Test
  void exceptions_haveTheSameNamesForTheSameFailures() {
    Set<String> quickBooks = exceptionNames(QuickBooksClient.class);
    Set<String> mailchimp = exceptionNames(MailchimpClient.class);
    assertThat(quickBooks).containsAll(ONLY_QUICKBOOKS_EXCEPTIONS);
    assertThat(mailchimp).containsAll(ONLY_MAILCHIMP_EXCEPTIONS);
    quickBooks.removeAll(ONLY_QUICKBOOKS_EXCEPTIONS);
    mailchimp.removeAll(ONLY_MAILCHIMP_EXCEPTIONS);
    assertThat(mailchimp)
        .as("exceptions of both clients for the same failure, prefix removed")
        .isEqualTo(quickBooks)
        .contains("Exception", "ServiceException", "RateLimitException", "ValidationException");
  }

  private static Set<String> exceptionNames(Class<?> anchor) {
    return PublicTypeNamesTest.exportedPublicTypes(anchor).stream()
        .map(name -> normalize(name.substring(name.lastIndexOf('.') + 1)))
        .filter(name -> name.endsWith("Exception"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @ParameterizedTest(name = "{0} ~ {1}")
  @MethodSource("twins")
  void twins_haveTheSamePublicMembers(
      Class<?> quickBooks, Class<?> other, Set<String> onlyQuickBooks, Set<String> onlyOther, boolean declaredOnly) {
    Set<String> left = members(quickBooks, onlyQuickBooks, declaredOnly);
    Set<String> right = members(other, onlyOther, declaredOnly);
    assertThat(left).as("members of " + quickBooks.getName()).isNotEmpty();
    assertThat(right)
        .as("public members of " + other.getName() + " vs " + quickBooks.getName()
            + " (client prefix removed); add the missing member to the other twin, or name it as"
            + " client-specific here with a reason")
        .isEqualTo(left);
  }

  @ParameterizedTest(name = "{0} ~ {1}")
  @MethodSource("twins")
  void twins_areAlikeInFinality(
      Class<?> quickBooks, Class<?> other, Set<String> onlyQuickBooks, Set<String> onlyOther, boolean declaredOnly) {
    // Mailchimp's fake-email refusal is a validation failure of its own, so its parent stays open.
    boolean openParent = other == MailchimpValidationException.class && MailchimpFakeEmailException.class.getSuperclass() == other;
    assertThat(Modifier.isFinal(other.getModifiers()) || openParent)
        .as(other.getName())
        .isEqualTo(Modifier.isFinal(quickBooks.getModifiers()));
  }

  private static Arguments twin(
      Class<?> quickBooks, Class<?> other, Set<String> onlyQuickBooks, Set<String> onlyOther, boolean declaredOnly) {
    return Arguments.of(quickBooks, other, onlyQuickBooks, onlyOther, declaredOnly);
  }

  private static Set<String> members(Class<?> type, Set<String> excluded, boolean declaredOnly) {
    Method[] methods = declaredOnly ? type.getDeclaredMethods() : type.getMethods();
    Set<String> names = Arrays.stream(methods).map(Method::getName).collect(Collectors.toSet());
    assertThat(names).as("client-specific members named for " + type.getName()).containsAll(excluded);
    Set<String> members = new TreeSet<>();
    if (declaredOnly) {
      members.add("extends " + normalize(type.getSuperclass().getSimpleName()));
    }
    for (Method m : methods) {
      if ((Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers()))
          && !m.isSynthetic()
          && !m.isBridge()
          && !excluded.contains(m.getName())) {
        members.add(signature(m));
      }
    }
    Arrays.stream(type.getDeclaredConstructors())
        .filter(c -> Modifier.isPublic(c.getModifiers()) || Modifier.isProtected(c.getModifiers()))
        .forEach(c -> members.add("<init>(" + Arrays.stream(c.getGenericParameterTypes())
            .map(t -> normalize(t.getTypeName())).collect(Collectors.joining(", ")) + ")"));
    return members;
  }

  private static String signature(Method m) {
    String params = Arrays.stream(m.getGenericParameterTypes())
        .map(t -> normalize(t.getTypeName()))
        .collect(Collectors.joining(", "));
    return (Modifier.isStatic(m.getModifiers()) ? "static " : "")
        + normalize(m.getGenericReturnType().getTypeName()) + " " + m.getName() + "(" + params + ")";
  }

  /** Drops qbmc package names and the client prefixes, so the twins' type names compare equal. */
  static String normalize(String typeName) {
    return typeName
        .replaceAll("dev\\.qbmc\\.(quickbooks|mailchimp|core)(\\.[a-z]+)*\\.", "")
        .replaceAll("\\b(QuickBooks|Intuit|Mailchimp)(?=[A-Z])", "");
  }
}
