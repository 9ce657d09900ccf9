package dev.qbmc.quickbooks.oauth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Creates and verifies the OAuth {@code state} parameter without server-side storage. A state is
 * {@code <nonce>.<issuedAtSeconds>.<signature>} where the signature is an HMAC-SHA256 (key: your
 * secret, at least 32 bytes) over nonce, time and a caller-chosen binding such as the user's session
 * id. Verification recomputes the HMAC, compares in constant time and checks the age, so a state
 * can not be forged, replayed into another session, or used after {@code maxAge}. (Single use is
 * not enforced; keep the session binding to stop cross-site request forgery.)
 */
public final class OAuthStateSigner {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  private final byte[] key;
  private final Clock clock;
  private final Duration maxAge;
  private final SecureRandom random = new SecureRandom();

  private OAuthStateSigner(byte[] key, Clock clock, Duration maxAge) {
    this.key = key.clone();
    this.clock = clock;
    this.maxAge = maxAge;
  }

  /**
   * A signer.
   *
   * @param key the HMAC key, at least 32 bytes, kept secret
   * @param clock the clock for issue time and age
   * @param maxAge how long a state stays valid, for example 10 minutes
   * @return the signer
   * @throws IllegalArgumentException when the key is shorter than 32 bytes or maxAge not positive
   */
  public static OAuthStateSigner of(byte[] key, Clock clock, Duration maxAge) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(maxAge, "maxAge");
    if (key.length < 32) {
      throw new IllegalArgumentException("state key must be at least 32 bytes");
    }
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("maxAge must be positive");
    }
    return new OAuthStateSigner(key, clock, maxAge);
  }

  /**
   * A new state bound to the given value.
   *
   * @param binding what the state belongs to, for example the user's session id (not secret); never
   *     blank, since a state bound to nothing would be accepted for every session
   * @return the state, URL-safe
   * @throws NullPointerException if the binding is null
   * @throws IllegalArgumentException if the binding is blank
   */
  public String create(String binding) {
    Objects.requireNonNull(binding, "binding");
    if (binding.isBlank()) {
      throw new IllegalArgumentException("binding must not be blank: bind the state to the user's session");
    }
    byte[] nonce = new byte[16];
    random.nextBytes(nonce);
    String payload = B64.encodeToString(nonce) + "." + clock.instant().getEpochSecond();
    return payload + "." + B64.encodeToString(sign(payload, binding));
  }

  /**
   * Whether a state returned on the redirect was created by this signer for this binding and is not
   * older than {@code maxAge}.
   *
   * @param state the {@code state} query parameter, may be null
   * @param binding the same binding as at creation
   * @return true when valid; false for a null state and for a null or blank binding
   */
  public boolean verify(String state, String binding) {
    if (state == null || binding == null || binding.isBlank()) {
      return false;
    }
    String[] parts = state.split("\\.", -1);
    if (parts.length != 3) {
      return false;
    }
    byte[] given;
    long issued;
    try {
      given = B64D.decode(parts[2]);
      issued = Long.parseLong(parts[1]);
    } catch (IllegalArgumentException e) {
      return false;
    }
    byte[] expected = sign(parts[0] + "." + parts[1], binding);
    if (!MessageDigest.isEqual(expected, given)) {
      return false;
    }
    long now = clock.instant().getEpochSecond();
    return issued <= now + 60 && now - issued <= maxAge.getSeconds();
  }

  private byte[] sign(String payload, String binding) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(payload.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return mac.doFinal(binding.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  @Override
  public String toString() {
    return "OAuthStateSigner{key=[redacted], maxAge=" + maxAge + "}";
  }
}
