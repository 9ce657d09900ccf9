package dev.qbmc.quickbooks.webhook;

import dev.qbmc.quickbooks.internal.Checks;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the {@code intuit-signature} header: base64 of HMAC-SHA256 over the raw request body bytes,
 * keyed with the app's webhook verifier token. Compare before parsing, on the exact bytes received.
 * Thread-safe; {@code toString} hides the token.
 */
public final class WebhookVerifier {
  /** The request header carrying the signature. */
  public static final String SIGNATURE_HEADER = "intuit-signature";

  private final byte[] key;

  private WebhookVerifier(byte[] key) {
    this.key = key;
  }

  /**
   * A verifier for the app's verifier token (from the Intuit developer portal; not the client
   * secret).
   *
   * @param verifierToken the token
   * @return the verifier
   * @throws IllegalArgumentException when the token is null or blank
   */
  public static WebhookVerifier of(String verifierToken) {
    Checks.requireText(verifierToken, "verifierToken");
    return new WebhookVerifier(verifierToken.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Whether the signature matches the body (constant-time comparison).
   *
   * @param rawBody the request body exactly as received
   * @param signatureHeader the {@code intuit-signature} header value, may be null
   * @return true when authentic
   */
  public boolean isValid(byte[] rawBody, String signatureHeader) {
    Objects.requireNonNull(rawBody, "rawBody");
    if (signatureHeader == null || signatureHeader.isBlank()) {
      return false;
    }
    byte[] given;
    try {
      given = Base64.getDecoder().decode(signatureHeader.strip());
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
    return MessageDigest.isEqual(sign(rawBody), given);
  }

  /**
   * Like {@link #isValid(byte[], String)} but throws.
   *
   * @param rawBody the request body exactly as received
   * @param signatureHeader the header value
   * @throws WebhookSignatureException when the signature is missing or wrong
   */
  public void verify(byte[] rawBody, String signatureHeader) {
    if (!isValid(rawBody, signatureHeader)) {
      throw new WebhookSignatureException(
          signatureHeader == null || signatureHeader.isBlank()
              ? "Webhook request has no " + SIGNATURE_HEADER + " header"
              : "Webhook signature does not match the body");
    }
  }

  /**
   * The signature Intuit would send for a body (useful for simulators and tests).
   *
   * @param rawBody the body
   * @return the base64 signature
   */
  public String signatureOf(byte[] rawBody) {
    return Base64.getEncoder().encodeToString(sign(rawBody));
  }

  private byte[] sign(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  @Override
  public String toString() {
    return "WebhookVerifier{verifierToken=[redacted]}";
  }
}
