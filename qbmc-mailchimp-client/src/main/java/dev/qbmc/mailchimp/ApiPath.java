package dev.qbmc.mailchimp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A request path: its template (reported to listeners) and the concrete, percent-encoded path. */
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

  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
