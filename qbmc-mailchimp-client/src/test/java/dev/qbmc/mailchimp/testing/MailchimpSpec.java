package dev.qbmc.mailchimp.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The official Mailchimp OpenAPI description ({@code shared/specs/mailchimp/openapi.yaml}, spec 3.0.90, see
 * its SOURCE.md): finds the request-body schema of an operation by method and concrete path, inlines its
 * {@code $ref}s and validates a body with the networknt JSON-schema validator (draft 4, the dialect OpenAPI
 * 3.0 schemas derive from). Only request bodies are validated, so the spec's known member-response defect
 * does not matter here. Without the shared file (a fresh clone), the bundled extract
 * {@code src/test/resources/mailchimp-spec/openapi-requests.json} of the same file is used.
 *
 * <p>Segment conditions, which the spec lists as {@code x-oneOf} alternatives keyed by {@code
 * condition_type}, are validated against the alternative their type names (see {@code discriminate});
 * the update-segment body's conditions, which the spec nests one array too deep, like the create
 * body's (see {@code flattenNestedConditions}).
 *
 * <p>One more defect is corrected on load: both spec copies declare each {@code merge_fields} value as
 * {@code type: object}, while Mailchimp documents (merge-fields page of its developer docs, quoted in
 * {@code shared/notes/mailchimp-facts.md} "Merge fields") text values as strings, numbers as numbers and only
 * the address as an object with {@code addr1}, {@code city}, {@code state}, {@code zip}. Merge values are
 * validated against that documented {@code anyOf} instead.
 */
public final class MailchimpSpec {
  private static final String RELATIVE = "shared/specs/mailchimp/openapi.yaml";

  private static final JsonNode DOCUMENTED_MERGE_VALUE = parse("{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"number\"},"
      + "{\"type\":\"object\",\"required\":[\"addr1\",\"city\",\"state\",\"zip\"],\"properties\":{"
      + "\"addr1\":{\"type\":\"string\"},\"addr2\":{\"type\":\"string\"},\"city\":{\"type\":\"string\"},"
      + "\"state\":{\"type\":\"string\"},\"zip\":{\"type\":\"string\"},\"country\":{\"type\":\"string\"}}}]}");

  private static final String BUNDLED = "/mailchimp-spec/openapi-requests.json";
  private static final MailchimpSpec INSTANCE = load(readRoot());

  private final List<Operation> operations;
  private final Map<String, JsonNode> inlinedSchemas;

  private static JsonNode parse(String json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private MailchimpSpec(List<Operation> operations, Map<String, JsonNode> inlinedSchemas) {
    this.operations = operations;
    this.inlinedSchemas = inlinedSchemas;
  }

  /** {@return the spec read from the bundled extract, whatever else exists} */
  static MailchimpSpec bundled() {
    return load(readBundled());
  }

  /** {@return the spec read from the shared file, if it can be found} */
  static Optional<MailchimpSpec> shared() {
    return locate().map(MailchimpSpec::readYaml).map(MailchimpSpec::load);
  }

  /** {@return "METHOD template" to the inlined request schema, for comparing two sources} */
  Map<String, JsonNode> requestSchemas() {
    return inlinedSchemas;
  }

  /** {@return the loaded spec (read once per test JVM)} */
  public static MailchimpSpec get() {
    return INSTANCE;
  }

  /**
   * Validates a request body.
   *
   * @param method the HTTP method
   * @param path the path after {@code /3.0}, without query
   * @param body the JSON body
   * @return the validation messages, empty when valid
   */
  public List<String> validate(String method, String path, String body) {
    Operation op = find(method, path)
        .orElseThrow(() -> new AssertionError("no operation " + method + " " + path + " in the Mailchimp spec"));
    if (op.schemaNode == null) {
      return List.of(method + " " + op.template + " takes no request body in the spec");
    }
    JsonNode node;
    try {
      node = new ObjectMapper().readTree(body);
    } catch (IOException e) {
      return List.of("body is not JSON: " + e.getMessage());
    }
    Set<ValidationMessage> messages = op.schema().validate(node);
    return messages.stream().map(m -> op.template + ": " + m.getMessage()).sorted().collect(Collectors.toList());
  }

  /**
   * The operation's path template.
   *
   * @param method the method
   * @param path the concrete path
   * @return the template, if the spec has the operation
   */
  public Optional<String> template(String method, String path) {
    return find(method, path).map(o -> o.template);
  }

  private Optional<Operation> find(String method, String path) {
    return operations.stream()
        .filter(o -> o.method.equalsIgnoreCase(method) && o.pattern.matcher(path).matches())
        .min(Comparator.comparingInt(o -> o.params));
  }

  private static JsonNode readRoot() {
    return locate().map(MailchimpSpec::readYaml).orElseGet(MailchimpSpec::readBundled);
  }

  private static JsonNode readYaml(Path file) {
    try {
      return new YAMLMapper().readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static JsonNode readBundled() {
    try (java.io.InputStream in = MailchimpSpec.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + BUNDLED);
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MailchimpSpec load(JsonNode root) {
    Map<String, JsonNode> inlined = new java.util.TreeMap<>();
    JsonNode schemas = root.path("components").path("schemas");
    List<Operation> ops = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> p = paths.next();
      String template = p.getKey();
      Pattern pattern = Pattern.compile("^" + template.replaceAll("\\{[^}]+}", "[^/]+") + "$");
      int params = template.split("\\{", -1).length - 1;
      for (Iterator<Map.Entry<String, JsonNode>> methods = p.getValue().fields(); methods.hasNext(); ) {
        Map.Entry<String, JsonNode> m = methods.next();
        String method = m.getKey().toUpperCase(Locale.ROOT);
        if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
          continue;
        }
        JsonNode schemaNode = m.getValue().path("requestBody").path("content").path("application/json").path("schema");
        JsonNode resolved = null;
        if (!schemaNode.isMissingNode()) {
          resolved = inline(schemaNode, schemas, new ArrayDeque<>());
          inlined.put(method + " " + template, resolved);
        }
        ops.add(new Operation(method, template, pattern, params, resolved));
      }
    }
    return new MailchimpSpec(List.copyOf(ops), java.util.Collections.unmodifiableMap(inlined));
  }

  private static JsonNode inline(JsonNode node, JsonNode schemas, Deque<String> stack) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isTextual()) {
        String name = ref.asText().substring(ref.asText().lastIndexOf('/') + 1);
        if (stack.contains(name)) {
          return new ObjectMapper().createObjectNode();
        }
        stack.push(name);
        JsonNode resolved = inline(schemas.path(name), schemas, stack);
        stack.pop();
        return resolved;
      }
      ObjectNode copy = new ObjectMapper().createObjectNode();
      node.fields().forEachRemaining(e -> copy.set(e.getKey(), inline(e.getValue(), schemas, stack)));
      discriminate(copy);
      flattenNestedConditions(copy);
      JsonNode mergeFields = copy.path("properties").path("merge_fields");
      if ("object".equals(mergeFields.path("additionalProperties").path("type").asText())) {
        ((ObjectNode) mergeFields).set("additionalProperties", DOCUMENTED_MERGE_VALUE);
      }
      return copy;
    }
    if (node.isArray()) {
      com.fasterxml.jackson.databind.node.ArrayNode copy = new ObjectMapper().createArrayNode();
      node.forEach(n -> copy.add(inline(n, schemas, stack)));
      return copy;
    }
    return node;
  }

  /**
   * The spec writes the segment condition types as {@code x-oneOf} with an {@code x-discriminator}
   * (vendor keywords a JSON-schema validator ignores, so any object would pass). They are validated
   * as an {@code anyOf} of the alternatives, each requiring the discriminator property: a condition
   * must name one of the enumerated {@code condition_type}s and then match that type's fields,
   * operators and value type.
   */
  private static void discriminate(ObjectNode schema) {
    JsonNode alternatives = schema.get("x-oneOf");
    String property = schema.path("x-discriminator").path("propertyName").asText("");
    if (alternatives == null || !alternatives.isArray() || property.isEmpty()) {
      return;
    }
    com.fasterxml.jackson.databind.node.ArrayNode anyOf = schema.putArray("anyOf");
    for (JsonNode alternative : alternatives) {
      ObjectNode copy = alternative.deepCopy();
      com.fasterxml.jackson.databind.node.ArrayNode required = copy.has("required")
          ? (com.fasterxml.jackson.databind.node.ArrayNode) copy.get("required") : copy.putArray("required");
      boolean listed = false;
      for (JsonNode r : required) {
        listed |= r.asText().equals(property);
      }
      if (!listed) {
        required.add(property);
      }
      anyOf.add(copy);
    }
  }

  /**
   * The update-segment body ({@code Conditions_2}) declares each item of {@code options.conditions}
   * as an array of conditions, while the create body ({@code Conditions_1}) and the segment Mailchimp
   * returns ({@code Conditions}) declare each item a condition; an update is validated like a create.
   */
  private static void flattenNestedConditions(ObjectNode schema) {
    JsonNode conditions = schema.path("properties").path("conditions");
    JsonNode items = conditions.path("items");
    if (conditions.isObject() && "array".equals(items.path("type").asText()) && items.path("items").has("anyOf")) {
      ((ObjectNode) conditions).set("items", items.get("items"));
    }
  }

  private static Optional<Path> locate() {
    String configured = System.getProperty("qbmc.mailchimp.spec");
    if (configured != null) {
      return Optional.of(Path.of(configured));
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(RELATIVE))) {
        return Optional.of(dir.resolve(RELATIVE));
      }
    }
    return Optional.empty();
  }

  private static final class Operation {
    final String method;
    final String template;
    final Pattern pattern;
    final int params;
    final JsonNode schemaNode;
    private JsonSchema schema;

    Operation(String method, String template, Pattern pattern, int params, JsonNode schemaNode) {
      this.method = method;
      this.template = template;
      this.pattern = pattern;
      this.params = params;
      this.schemaNode = schemaNode;
    }

    synchronized JsonSchema schema() {
      if (schema == null) {
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
            .getSchema(schemaNode, SchemaValidatorsConfig.builder().build());
      }
      return schema;
    }
  }
}
