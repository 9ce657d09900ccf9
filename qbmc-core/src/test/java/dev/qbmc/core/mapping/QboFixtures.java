package dev.qbmc.core.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qbmc.quickbooks.model.QboJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the real QBO payloads ({@code fixtures/quickbooks/} on the test classpath, from the QuickBooks
 * client's test resources: the one copy in the repository) with the client's models.
 */
public final class QboFixtures {

  private static final ObjectMapper MAPPER = QboJson.newObjectMapper();

  private QboFixtures() {}

  static JsonNode tree(String name) {
    try (InputStream in = QboFixtures.class.getResourceAsStream("/fixtures/quickbooks/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The single entity of a read/create response, e.g. {@code {"Customer":{...}}}. */
  public static <T> T single(String name, String entity, Class<T> type) {
    return convert(tree(name).get(entity), type);
  }

  /** The entities of a query response, e.g. {@code {"QueryResponse":{"Customer":[...]}}}. */
  public static <T> List<T> query(String name, String entity, Class<T> type) {
    List<T> out = new ArrayList<>();
    for (JsonNode node : tree(name).get("QueryResponse").get(entity)) {
      out.add(convert(node, type));
    }
    return out;
  }

  private static <T> T convert(JsonNode node, Class<T> type) {
    try {
      return MAPPER.treeToValue(node, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
