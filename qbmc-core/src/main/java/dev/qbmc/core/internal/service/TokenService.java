package dev.qbmc.core.internal.service;

import dev.qbmc.core.AuthorizationFailedException;
import dev.qbmc.core.ConcurrentTokenUpdateException;
import dev.qbmc.core.CredentialsRejectedException;
import dev.qbmc.core.model.Provider;
import dev.qbmc.core.spi.StoredTokens;
import dev.qbmc.core.spi.VersionedTokens;
import dev.qbmc.mailchimp.MailchimpAuthenticationException;
import dev.qbmc.mailchimp.MailchimpClient;
import dev.qbmc.mailchimp.MailchimpCredentials;
import dev.qbmc.mailchimp.MailchimpForbiddenException;
import dev.qbmc.mailchimp.MailchimpOAuth;
import dev.qbmc.mailchimp.model.OAuthMetadata;
import dev.qbmc.mailchimp.model.OAuthToken;
import dev.qbmc.quickbooks.AccessTokenProvider;
import dev.qbmc.quickbooks.QuickBooksAuthenticationException;
import dev.qbmc.quickbooks.QuickBooksClient;
import dev.qbmc.quickbooks.QuickBooksForbiddenException;
import dev.qbmc.quickbooks.oauth.AuthorizationCallback;
import dev.qbmc.quickbooks.oauth.IntuitOAuth;
import dev.qbmc.quickbooks.oauth.IntuitTokens;
import dev.qbmc.quickbooks.oauth.OAuthStateSigner;
import dev.qbmc.quickbooks.oauth.ReauthorizationRequiredException;
import java.net.URI;

/**
 * The OAuth helpers for hosts: authorization URLs with a signed state bound to the host's session
 * and the connection id,
 * the callbacks that turn codes into stored tokens, and storing credentials obtained elsewhere.
 * Stored tokens replace earlier ones through the store's compare-and-set.
 */
public final class TokenService {
  private final ServiceContext ctx;
  private final OAuthStateSigner states;

  /**
   * Creates the service.
   *
   * @param ctx the shared context
   * @param states signs and verifies OAuth state values, or null when no key was configured
   */
  public TokenService(ServiceContext ctx, OAuthStateSigner states) {
    this.ctx = ctx;
    this.states = states;
  }

  /** The Intuit authorization URL for a connection, its state bound to the host's session. */
  public URI quickBooksAuthorizationUrl(String connectionId, String session) {
    return ctx.quickBooks.oauth().authorizationUri(
        IntuitOAuth.accountingScopes(), signer().create(binding(session, connectionId)));
  }

  /** Exchanges Intuit's callback for stored tokens; returns the realm id. */
  public String completeQuickBooksAuthorization(String connectionId, String session, URI redirect) {
    AuthorizationCallback callback = AuthorizationCallback.fromRedirectUri(redirect);
    callback.error().ifPresent(error -> {
      throw new AuthorizationFailedException(
          Provider.QUICKBOOKS, "QuickBooks authorisation was not granted: " + error);
    });
    verifyState(Provider.QUICKBOOKS, callback.state().orElse(null), session, connectionId);
    String realmId = callback.realmId()
        .orElseThrow(() -> new AuthorizationFailedException(
            Provider.QUICKBOOKS, "the QuickBooks redirect carries no realmId"));
    storeQuickBooksTokens(connectionId, ctx.quickBooks.oauth().exchange(callback));
    return realmId;
  }

  /** Stores QBO tokens. */
  public void storeQuickBooksTokens(String connectionId, IntuitTokens tokens) {
    StoredTokens.Builder stored =
        StoredTokens.builder()
            .accessToken(tokens.accessToken())
            .refreshToken(tokens.refreshToken())
            .accessTokenExpiresAt(tokens.accessTokenExpiresAt())
            .refreshTokenExpiresAt(tokens.refreshTokenExpiresAt());
    tokens.realmId().ifPresent(stored::realmId);
    replace(connectionId, Provider.QUICKBOOKS, stored.build());
  }

  /**
   * Stores a refresh token with an access token that is already expired, so that the first call
   * refreshes it.
   */
  public void storeQuickBooksRefreshToken(String connectionId, String realmId, String refreshToken) {
    replace(
        connectionId,
        Provider.QUICKBOOKS,
        StoredTokens.builder()
            .accessToken("expired")
            .refreshToken(refreshToken)
            .accessTokenExpiresAt(ctx.clock.instant().minusSeconds(1))
            .realmId(realmId)
            .build());
  }

  /** The Mailchimp authorization URL for a connection, its state bound to the host's session. */
  public URI mailchimpAuthorizationUrl(String connectionId, String session) {
    return mailchimpOAuth().authorizationUri(signer().create(binding(session, connectionId)));
  }

  /** Exchanges Mailchimp's callback for a stored token with its data centre. */
  public void completeMailchimpAuthorization(String connectionId, String session, URI redirect) {
    AuthorizationCallback callback = AuthorizationCallback.fromRedirectUri(redirect);
    callback.error().ifPresent(error -> {
      throw new AuthorizationFailedException(
          Provider.MAILCHIMP, "Mailchimp authorisation was not granted: " + error);
    });
    verifyState(Provider.MAILCHIMP, callback.state().orElse(null), session, connectionId);
    String code = callback.code()
        .orElseThrow(() -> new AuthorizationFailedException(
            Provider.MAILCHIMP, "the Mailchimp redirect carries no code"));
    MailchimpOAuth oauth = mailchimpOAuth();
    OAuthToken token = oauth.exchangeCode(code);
    OAuthMetadata metadata = oauth.metadata(token.accessToken());
    replace(
        connectionId,
        Provider.MAILCHIMP,
        StoredTokens.builder()
            .accessToken(token.accessToken())
            .dataCenter(metadata.dataCenter())
            .apiEndpoint(metadata.apiEndpoint())
            .build());
  }

  /** Stores a Mailchimp API key. */
  public void storeMailchimpApiKey(String connectionId, String apiKey) {
    int dash = apiKey.lastIndexOf('-');
    if (dash < 1 || dash == apiKey.length() - 1) {
      throw new IllegalArgumentException("a Mailchimp API key ends with its data centre, like -us6");
    }
    replace(
        connectionId,
        Provider.MAILCHIMP,
        StoredTokens.builder().accessToken(apiKey).dataCenter(apiKey.substring(dash + 1)).build());
  }

  // ---- proven credentials (issue 12 item 5): nothing is stored before it worked

  /**
   * Refreshes a refresh token at Intuit, reads the realm's company info with the fresh access
   * token, and only then stores the fresh tokens.
   */
  public void checkAndStoreQuickBooksRefreshToken(String connectionId, String realmId, String refreshToken) {
    IntuitTokens fresh;
    try {
      fresh = ctx.quickBooks.oauth().refresh(refreshToken);
    } catch (ReauthorizationRequiredException e) {
      throw new CredentialsRejectedException(Provider.QUICKBOOKS, e);
    }
    checkAndStoreQuickBooksTokens(connectionId, realmId, fresh);
  }

  /** Reads the realm's company info with the tokens' access token, then stores them. */
  public void checkAndStoreQuickBooksTokens(String connectionId, String realmId, IntuitTokens tokens) {
    QuickBooksClient qbo =
        ctx.quickBooksClient(realmId, AccessTokenProvider.ofStatic(tokens.accessToken()), new ApiCallCounter());
    try {
      qbo.companyInfo();
    } catch (QuickBooksAuthenticationException | QuickBooksForbiddenException | ReauthorizationRequiredException e) {
      throw new CredentialsRejectedException(Provider.QUICKBOOKS, e);
    }
    storeQuickBooksTokens(connectionId, IntuitTokens.builder().from(tokens).realmId(realmId).build());
  }

  /** Reads the account root with an API key, then stores it. */
  public void checkAndStoreMailchimpApiKey(String connectionId, String apiKey) {
    MailchimpClient mailchimp =
        ctx.mailchimpClient(MailchimpCredentials.apiKey(apiKey), apiKey, new ApiCallCounter());
    try {
      mailchimp.account();
    } catch (MailchimpAuthenticationException | MailchimpForbiddenException e) {
      throw new CredentialsRejectedException(Provider.MAILCHIMP, e);
    }
    storeMailchimpApiKey(connectionId, apiKey);
  }

  // ---- end proven credentials

  private void replace(String connectionId, Provider provider, StoredTokens tokens) {
    for (int attempt = 0; attempt < 10; attempt++) {
      long version = ctx.tokens.load(connectionId, provider).map(VersionedTokens::version).orElse(0L);
      if (ctx.tokens.compareAndSet(connectionId, provider, version, tokens)) {
        return;
      }
    }
    throw new ConcurrentTokenUpdateException(connectionId, provider);
  }

  private MailchimpOAuth mailchimpOAuth() {
    return ctx.mailchimp.oauth().orElseThrow(() -> new IllegalStateException(
        "the Mailchimp connector has no OAuth app; use MailchimpConnector.of(clients, oauth)"));
  }

  private OAuthStateSigner signer() {
    if (states == null) {
      throw new IllegalStateException("no oauthStateKey was configured on Qbmc.builder()");
    }
    return states;
  }

  private void verifyState(Provider provider, String state, String session, String connectionId) {
    if (state == null || !signer().verify(state, binding(session, connectionId))) {
      throw new AuthorizationFailedException(provider, "the OAuth state is missing, expired or was not issued"
          + " to this session for connection '" + connectionId + "'");
    }
  }

  /**
   * What a state is bound to: the host's session (opaque, never stored or logged; its length first,
   * so no two pairs give the same text) and the connection.
   */
  private static String binding(String session, String connectionId) {
    return session.length() + ":" + session + "|" + connectionId;
  }
}
