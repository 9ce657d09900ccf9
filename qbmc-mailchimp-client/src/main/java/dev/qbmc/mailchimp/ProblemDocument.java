package dev.qbmc.mailchimp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qbmc.mailchimp.internal.MailchimpJson;
import dev.qbmc.mailchimp.model.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** A parsed {@code application/problem+json} error body, or a stand-in for an empty or non-JSON body. */
final class ProblemDocument {
  private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9._%+'-])[A-Za-z0-9._%+'-]*@([A-Za-z0-9.-]+)");

  final int status;
  final String title;
  final String detail;
  final Optional<String> type;
  final Optional<String> instance;
  final List<FieldError> errors;
  final boolean hasBody;

  private ProblemDocument(int status, String title, String detail, Optional<String> type, Optional<String> instance,
      List<FieldError> errors, boolean hasBody) {
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.type = type;
    this.instance = instance;
    this.errors = List.copyOf(errors);
    this.hasBody = hasBody;
  }

  static ProblemDocument of(int status, String title, String detail) {
    return new ProblemDocument(status, title, detail, Optional.empty(), Optional.empty(), List.of(), true);
  }

  static ProblemDocument parse(int status, byte[] body) {
    if (body == null || body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
      return new ProblemDocument(status, "", "(empty response body)", Optional.empty(), Optional.empty(), List.of(), false);
    }
    JsonNode node;
    try {
      node = MailchimpJson.mapper().readTree(body);
    } catch (java.io.IOException e) {
      node = null;
    }
    if (node == null || !node.isObject()) {
      return new ProblemDocument(status, "", "(non-JSON response body, " + body.length + " bytes)", Optional.empty(),
          Optional.empty(), List.of(), false);
    }
    List<FieldError> errors = new ArrayList<>();
    for (JsonNode e : node.path("errors")) {
      errors.add(FieldError.builder().field(e.path("field").asText("")).message(e.path("message").asText("")).build());
    }
    return new ProblemDocument(status, node.path("title").asText(""), node.path("detail").asText(""),
        text(node, "type"), text(node, "instance"), errors, true);
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || v.asText().isEmpty() ? Optional.empty() : Optional.of(v.asText());
  }

  /** The message of an exception: status, title and detail, with email addresses masked. */
  String message() {
    StringBuilder sb = new StringBuilder("HTTP ").append(status);
    if (!title.isEmpty()) {
      sb.append(' ').append(title);
    }
    if (!detail.isEmpty()) {
      sb.append(": ").append(maskEmails(detail));
    }
    for (FieldError e : errors) {
      sb.append(" [").append(e.field()).append(": ").append(maskEmails(e.message())).append(']');
    }
    return sb.toString();
  }

  static String maskEmails(String text) {
    return EMAIL.matcher(text).replaceAll("$1***@$2");
  }
}
