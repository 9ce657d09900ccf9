package dev.qbmc.core.mapping;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The one place that lists role-based local parts. Mailchimp blocks these addresses on import
 * (https://mailchimp.com/help/limits-on-role-based-addresses/, as recorded in
 * {@code notes/mailchimp-facts.md} section 6), so qbmc skips customers whose only address is one of
 * them with {@code ROLE_BASED_EMAIL}.
 */
public final class RoleBasedEmails {

  /** The blocked local parts (the part before {@code @}), lower case, exactly as Mailchimp lists them. */
  private static final Set<String> LOCAL_PARTS =
      Set.of(
          "abuse", "admin", "billing", "compliance", "devnull", "dns", "ftp", "hostmaster",
          "inoc", "ispfeedback", "ispsupport", "list-request", "list", "maildaemon", "noc",
          "no-reply", "noreply", "null", "phish", "phishing", "postmaster", "privacy",
          "registrar", "root", "security", "spam", "support", "sysadmin", "tech",
          "undisclosed-recipients", "unsubscribe", "usenet", "uucp", "webmaster", "www");

  private RoleBasedEmails() {}

  /**
   * The role-based local parts Mailchimp refuses on import.
   *
   * @return an unmodifiable set of lower-case local parts such as {@code admin}
   */
  public static Set<String> localParts() {
    return LOCAL_PARTS;
  }

  /**
   * Whether an address is role-based: its local part, compared without case, is in {@link #localParts()}.
   *
   * @param address an email address
   * @return true when the address is role-based
   * @throws NullPointerException if the address is null
   */
  public static boolean isRoleBased(String address) {
    Objects.requireNonNull(address, "address");
    int at = address.lastIndexOf('@');
    String local = at < 0 ? address : address.substring(0, at);
    return LOCAL_PARTS.contains(local.trim().toLowerCase(Locale.ROOT));
  }
}
