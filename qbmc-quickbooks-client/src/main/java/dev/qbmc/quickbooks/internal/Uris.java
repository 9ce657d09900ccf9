package dev.qbmc.quickbooks.internal;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Checks for endpoint URIs: HTTPS everywhere except loopback addresses (tests and local
 * simulators). Twin of the Mailchimp client's {@code Urls} (the clients share no code); a drift
 * test feeds both the same URIs.
 */
public final class Uris {
  private Uris() {}

  /**
   * Checks that an endpoint is absolute, has a host, and uses HTTPS unless the host is loopback.
   *
   * @param uri the endpoint
   * @param what the name used in error messages, for example {@code baseUri}
   * @param allowQuery whether a query string is acceptable
   * @return the same URI
   * @throws IllegalArgumentException when the URI is not acceptable
   */
  public static URI requireHttps(URI uri, String what, boolean allowQuery) {
    Objects.requireNonNull(uri, what);
    if (!uri.isAbsolute() || uri.getHost() == null) {
      throw new IllegalArgumentException(what + " must be an absolute URI with a host: " + uri);
    }
    if ((!allowQuery && uri.getRawQuery() != null)
        || uri.getRawFragment() != null
        || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(what + " must not carry user info, query or fragment");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("https") || (scheme.equals("http") && isLoopback(uri.getHost()))) {
      return uri;
    }
    throw new IllegalArgumentException(
        what + " must use HTTPS (plain HTTP is allowed only on loopback addresses): " + uri);
  }

  /**
   * Whether a host name is a loopback address written literally ({@code localhost},
   * {@code 127.x.x.x}, {@code ::1}); no DNS lookup is made.
   *
   * @param host the host
   * @return true for loopback
   */
  public static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
      return true;
    }
    String[] parts = h.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("127")) {
      return false;
    }
    return Arrays.stream(parts).allMatch(p -> p.matches("\\d{1,3}") && Integer.parseInt(p) <= 255);
  }
}
