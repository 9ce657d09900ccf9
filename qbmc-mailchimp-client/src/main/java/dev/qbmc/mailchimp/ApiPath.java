package dev.qbmc.mailchimp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A request path: its template (reported to listeners) and the concrete path, each value percent-encoded. */
final class ApiPath {
  private static final Pattern PARAM = Pattern.compile("\\{[a-z_]+}");

  final String template;
  final String path;

  private ApiPath(String template, String path) {
    this.template = template;
    this.path = path;
  }

  static ApiPath of(String template, String... values) {
    Matcher m = PARAM.matcher(template);
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (m.find()) {
      if (i >= values.length) {
        throw new IllegalArgumentException("missing value for " + m.group() + " in " + template);
      }
      String name = m.group().substring(1, m.group().length() - 1);
      String value = Objects.requireNonNull(values[i++], name);
      if (value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(segment(value)));
    }
    m.appendTail(sb);
    return new ApiPath(template, sb.toString());
  }

  /**
   * One path segment, percent-encoded: everything but letters, digits and {@code - _ . *} is
   * encoded, and a segment of only dots ({@code .}, {@code ..}) is encoded whole, so that no value
   * can add, remove or climb out of a path segment.
   */
  static String segment(String value) {
    String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    return encoded.chars().allMatch(c -> c == '.') ? encoded.replace(".", "%2E") : encoded;
  }
}
