package dev.qbmc.examples.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/** The simulators' one JSON mapper: writing bodies, reading request bodies and stored JSON. */
public final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {
  }

  /**
   * Serialises a tree.
   *
   * @param node the JSON
   * @return UTF-8 bytes
   */
  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise simulator JSON", e);
    }
  }

  /**
   * Parses bytes the simulator wrote itself (stored JSON); they are always valid.
   *
   * @param bytes UTF-8 JSON
   * @return the tree
   */
  public static JsonNode parse(byte[] bytes) {
    return tryParse(bytes).orElseThrow(() -> new IllegalStateException("stored simulator JSON does not parse"));
  }

  /**
   * Parses bytes a client sent.
   *
   * @param bytes the request body
   * @return the tree, empty when the bytes are not JSON (an empty body is a missing node)
   */
  public static Optional<JsonNode> tryParse(byte[] bytes) {
    try {
      return Optional.ofNullable(MAPPER.readTree(bytes));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
