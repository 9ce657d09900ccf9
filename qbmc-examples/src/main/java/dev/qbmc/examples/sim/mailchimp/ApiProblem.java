package dev.qbmc.examples.sim.mailchimp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;

/** A problem+json error the simulator answers with; thrown inside handlers. */
final class ApiProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  record FieldError(String field, String message) {
  }

  final int status;
  final String title;
  final String detail;
  final List<FieldError> errors;

  ApiProblem(int status, String title, String detail, List<FieldError> errors) {
    super(title, null, false, false);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = List.copyOf(errors);
  }

  static ApiProblem notFound() {
    return new ApiProblem(404, "Resource Not Found", "The requested resource could not be found.", List.of());
  }

  static ApiProblem invalid(String detail, FieldError... errors) {
    return new ApiProblem(400, "Invalid Resource", detail, List.of(errors));
  }

  static ApiProblem invalidFields(FieldError... errors) {
    return invalid("The resource submitted could not be validated. For field-specific details, see the 'errors' array.",
        errors);
  }

  static ApiProblem fake(String email) {
    return invalid(email + " looks fake or invalid, please enter a real email address.");
  }

  static ApiProblem incompleteAddress() {
    return invalid("Your merge fields were invalid.", new FieldError("ADDRESS", "Please enter a complete address"));
  }

  static ApiProblem compliance(String email) {
    return new ApiProblem(400, "Member In Compliance State", email
        + " is in a compliance state due to unsubscribe, bounce, or compliance review and cannot be subscribed.",
        List.of());
  }

  static ApiProblem forgotten(String email) {
    return new ApiProblem(400, "Forgotten Email Not Subscribed", email
        + " was permanently deleted and cannot be re-imported. The contact must re-subscribe to get back on the list.",
        List.of());
  }

  static ApiProblem memberExists(String email) {
    return new ApiProblem(400, "Member Exists", email
        + " is already a list member. Use PUT to insert or update list members.", List.of());
  }

  ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("type", "https://mailchimp.com/developer/marketing/docs/errors/");
    node.put("title", title);
    node.put("status", status);
    node.put("detail", detail);
    node.put("instance", UUID.randomUUID().toString());
    if (!errors.isEmpty()) {
      ArrayNode array = node.putArray("errors");
      for (FieldError e : errors) {
        array.addObject().put("field", e.field()).put("message", e.message());
      }
    }
    return node;
  }
}
