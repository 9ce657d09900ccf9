package dev.qbmc.examples.sim.mailchimp;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Which addresses the simulator treats as fake, and which as role-based. */
final class EmailRules {

  /** Mailchimp's published role-based prefixes (help article "Limits on role-based addresses"). */
  static final Set<String> ROLE_PREFIXES = Set.of("abuse", "admin", "billing", "compliance", "devnull", "dns", "ftp",
      "hostmaster", "inoc", "ispfeedback", "ispsupport", "list-request", "list", "maildaemon", "noc", "no-reply",
      "noreply", "null", "phish", "phishing", "postmaster", "privacy", "registrar", "root", "security", "spam",
      "support", "sysadmin", "tech", "undisclosed-recipients", "unsubscribe", "usenet", "uucp", "webmaster", "www");
  private static final Pattern SYNTAX = Pattern.compile("^[^@\\s,;]+@[^@\\s,;]+\\.[^@\\s,;]+$");

  private final List<String> fakeDomainSuffixes;

  EmailRules(List<String> fakeDomainSuffixes) {
    this.fakeDomainSuffixes = List.copyOf(fakeDomainSuffixes);
  }

  boolean looksFake(String email) {
    if (!SYNTAX.matcher(email).matches()) {
      return true;
    }
    String domain = email.substring(email.indexOf('@') + 1).toLowerCase(Locale.ROOT);
    for (String suffix : fakeDomainSuffixes) {
      String s = suffix.toLowerCase(Locale.ROOT);
      if (domain.equals(s) || domain.endsWith(s.startsWith(".") ? s : "." + s)) {
        return true;
      }
    }
    return false;
  }

  boolean isRoleBased(String email) {
    int at = email.indexOf('@');
    return at > 0 && ROLE_PREFIXES.contains(email.substring(0, at).toLowerCase(Locale.ROOT));
  }
}
