package dev.qbmc.quickbooks.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * Reads one QBO entity when the strict read failed: a value the model cannot read (an impossible
 * date, text where a number belongs, an unknown shape) is dropped where the error points and the
 * read is repeated, so that one bad value never costs the page it came in, nor the record. An
 * entity without a usable {@code Id} gets {@code ""}, which the sync reports as a malformed
 * record. Dropped values are logged by path (never by value).
 */
final class LenientEntities {
  private static final System.Logger LOG = System.getLogger(LenientEntities.class.getName());
  /** The most values dropped from one entity before it is given up. */
  static final int MAX_REPAIRS = 64;

  private LenientEntities() {}

  /**
   * Reads an entity, dropping unreadable values.
   *
   * @param mapper the mapper
   * @param entity the entity's JSON
   * @param type the model type
   * @param entityName for the log, e.g. {@code Invoice}
   * @return the entity, empty when it cannot be read even so (logged)
   */
  static <T> Optional<T> read(ObjectMapper mapper, JsonNode entity, Class<T> type, String entityName) {
    if (!(entity instanceof ObjectNode original)) {
      LOG.log(System.Logger.Level.WARNING, "a {0} in the response is not a JSON object; ignored", entityName);
      return Optional.empty();
    }
    ObjectNode node = original.deepCopy();
    if (!node.path("Id").isValueNode()) {
      node.put("Id", "");
    }
    for (int repairs = 0; repairs <= MAX_REPAIRS; repairs++) {
      try {
        return Optional.of(mapper.treeToValue(node, type));
      } catch (JsonMappingException e) {
        String where = path(e.getPath());
        if (!drop(node, e.getPath())) {
          break;
        }
        LOG.log(System.Logger.Level.WARNING, "{0} {1}: unreadable value at {2} ignored", entityName,
            node.path("Id").asText(), where);
      } catch (JsonProcessingException | IllegalArgumentException e) {
        break;
      }
    }
    LOG.log(System.Logger.Level.WARNING, "{0} {1} cannot be read; ignored", entityName, node.path("Id").asText());
    return Optional.empty();
  }

  /** Removes the value a mapping error points at; false when it points at nothing removable. */
  private static boolean drop(ObjectNode root, List<JsonMappingException.Reference> path) {
    if (path.isEmpty()) {
      return false;
    }
    JsonNode parent = root;
    for (int i = 0; i < path.size() - 1; i++) {
      parent = step(parent, path.get(i));
      if (parent == null) {
        return false;
      }
    }
    JsonMappingException.Reference last = path.get(path.size() - 1);
    if (last.getFieldName() != null && parent instanceof ObjectNode o && o.has(last.getFieldName())) {
      if (path.size() == 1 && last.getFieldName().equals("Id")) {
        o.put("Id", "");
        return true;
      }
      o.remove(last.getFieldName());
      return true;
    }
    if (last.getIndex() >= 0 && parent instanceof ArrayNode a && last.getIndex() < a.size()) {
      a.remove(last.getIndex());
      return true;
    }
    return false;
  }

  private static JsonNode step(JsonNode node, JsonMappingException.Reference ref) {
    if (ref.getFieldName() != null) {
      return node.get(ref.getFieldName());
    }
    return ref.getIndex() >= 0 ? node.get(ref.getIndex()) : null;
  }

  private static String path(List<JsonMappingException.Reference> path) {
    StringBuilder s = new StringBuilder();
    for (JsonMappingException.Reference ref : path) {
      s.append(ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]");
    }
    return s.length() == 0 ? "(the entity)" : s.substring(s.charAt(0) == '.' ? 1 : 0);
  }
}
