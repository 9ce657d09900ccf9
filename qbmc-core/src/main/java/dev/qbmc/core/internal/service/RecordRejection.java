package dev.qbmc.core.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qbmc.core.model.SkipReason;
import dev.qbmc.core.report.SyncFailure;
import dev.qbmc.mailchimp.MailchimpServiceException;
import dev.qbmc.mailchimp.MailchimpComplianceStateException;
import dev.qbmc.mailchimp.MailchimpFakeEmailException;
import dev.qbmc.mailchimp.MailchimpForgottenEmailException;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies Mailchimp's refusal of one record. A permanent refusal (400-range: fake or forgotten
 * email, compliance state, invalid resource) makes the record skipped with a reason; anything else
 * (throttling, server errors) is a failure whose record is retried by the next run.
 *
 * @param reason the skip reason of a permanent refusal, empty for a retryable failure
 * @param code a short code for the report (the problem title or the HTTP status)
 * @param detail Mailchimp's explanation, without secrets
 */
record RecordRejection(Optional<SkipReason> reason, String code, String detail) {

  private static final ObjectMapper JSON = new ObjectMapper();

  boolean permanent() {
    return reason.isPresent();
  }

  static RecordRejection of(MailchimpServiceException e) {
    if (e instanceof MailchimpForgottenEmailException) {
      return permanent(SkipReason.FORGOTTEN_EMAIL, e.title(), e.detail());
    }
    if (e instanceof MailchimpComplianceStateException) {
      return permanent(SkipReason.COMPLIANCE_STATE, e.title(), e.detail());
    }
    if (e instanceof MailchimpFakeEmailException) {
      return permanent(SkipReason.FAKE_OR_INVALID_EMAIL, e.title(), e.detail());
    }
    return classify(e.statusCode(), e.title(), e.detail());
  }

  /** Classifies a failed operation of a {@code /batches} result from its status and body. */
  static RecordRejection ofBatchResult(int status, String body) {
    String title = "HTTP " + status;
    String detail = "";
    try {
      JsonNode problem = JSON.readTree(body == null ? "" : body);
      if (problem != null && problem.isObject()) {
        title = problem.path("title").asText(title);
        detail = problem.path("detail").asText("");
      }
    } catch (IOException notJson) {
      detail = "";
    }
    return classify(status, title, detail);
  }

  /** Classifies a refusal of a batch-subscribe or member write by its title, code and text. */
  static RecordRejection classify(int status, String title, String detail) {
    String t = title == null ? "" : title;
    String d = detail == null ? "" : detail;
    if (t.equalsIgnoreCase("Forgotten Email Not Subscribed") || d.contains("permanently deleted")) {
      return permanent(SkipReason.FORGOTTEN_EMAIL, t, d);
    }
    if (t.equalsIgnoreCase("Member In Compliance State") || d.contains("compliance state")) {
      return permanent(SkipReason.COMPLIANCE_STATE, t, d);
    }
    if (d.contains("looks fake or invalid") || d.contains("signed up to a lot of lists")) {
      return permanent(SkipReason.FAKE_OR_INVALID_EMAIL, t, d);
    }
    if (status >= 400 && status < 500 && status != 429 && status != 401 && status != 403) {
      return permanent(SkipReason.REJECTED, t, d);
    }
    return new RecordRejection(Optional.empty(), t, mask(d));
  }

  private static RecordRejection permanent(SkipReason reason, String code, String detail) {
    return new RecordRejection(Optional.of(reason), code, mask(detail));
  }

  /** An address in a text: a quoted or plain local part, {@code @}, a domain with a dot. */
  private static final Pattern EMAIL =
      Pattern.compile("(\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s@\"<>(),;:]+)@([^\\s@\"<>(),;:]+\\.[^\\s@\"<>(),;:]+)");

  /**
   * Mailchimp's detail texts quote the email address; reports keep the first character and the
   * domain only ({@code j***@example.com}), as the clients do in their messages. The masked text is
   * inserted literally: {@code $} and {@code \} in an address are not group references. Only the
   * first {@code 2 x SyncFailure.MAX_MESSAGE_LENGTH} characters are kept (reports cut messages
   * anyway), which also bounds the matching.
   */
  static String mask(String detail) {
    if (detail == null) {
      return "";
    }
    int keep = 2 * SyncFailure.MAX_MESSAGE_LENGTH;
    if (detail.length() > keep && Character.isHighSurrogate(detail.charAt(keep - 1))) {
      keep--;
    }
    Matcher m = EMAIL.matcher(detail.length() > keep ? detail.substring(0, keep) : detail);
    StringBuilder masked = new StringBuilder(Math.min(detail.length(), keep));
    while (m.find()) {
      String local = m.group(1);
      m.appendReplacement(masked,
          Matcher.quoteReplacement(new String(Character.toChars(local.codePointAt(0))) + "***@" + m.group(2)));
    }
    return m.appendTail(masked).toString();
  }
}
