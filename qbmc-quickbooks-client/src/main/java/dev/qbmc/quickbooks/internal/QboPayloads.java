package dev.qbmc.quickbooks.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Reads QBO response envelopes (single entity, {@code QueryResponse}, {@code CDCResponse}). */
public final class QboPayloads {
  private final ObjectMapper mapper;
  /** A reader of {@code List<model>} per model type (a handful), so a page is one binding call. */
  private final Map<Class<?>, ObjectReader> listReaders = new ConcurrentHashMap<>();

  /**
   * Creates a reader.
   *
   * @param mapper a mapper from {@link QboJacksonModule#newMapper()}
   */
  public QboPayloads(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * The mapper in use.
   *
   * @return the mapper
   */
  public ObjectMapper mapper() {
    return mapper;
  }

  /**
   * Reads {@code {"<Entity>": {...}, "time": ...}}.
   *
   * @param body the response body
   * @param entityName the envelope key, for example {@code Customer}
   * @param type the model type
   * @param <T> the model type
   * @return the entity
   */
  public <T> T readEntity(byte[] body, String entityName, Class<T> type) {
    try (JsonParser p = mapper.getFactory().createParser(body)) {
      expect(p.nextToken() == JsonToken.START_OBJECT, "response is not a JSON object");
      T result = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals(entityName) && value == JsonToken.START_OBJECT) {
          result = mapper.readValue(p, type);
        } else {
          p.skipChildren();
        }
      }
      expect(result != null, "response has no \"" + entityName + "\" object");
      return result;
    } catch (JsonMappingException e) {
      JsonNode entity = readTreeOrNull(body) instanceof ObjectNode root ? root.get(entityName) : null;
      return LenientEntities.read(mapper, entity, type, entityName)
          .orElseThrow(() -> malformed("Malformed " + entityName + " response: " + describe(e), e));
    } catch (IOException | IllegalArgumentException e) {
      throw malformed("Malformed " + entityName + " response: " + describe(e), e);
    }
  }

  /**
   * Reads {@code {"QueryResponse": {"<Entity>": [...], "startPosition": n, "maxResults": m}}}.
   *
   * @param body the response body
   * @param entityName the entity key
   * @param type the model type
   * @param <T> the model type
   * @return the page
   */
  public <T> QueryPage<T> readQueryPage(byte[] body, String entityName, Class<T> type) {
    try (JsonParser p = mapper.getFactory().createParser(body)) {
      expect(p.nextToken() == JsonToken.START_OBJECT, "response is not a JSON object");
      QueryPage<T> page = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals("QueryResponse") && value == JsonToken.START_OBJECT) {
          page = readQueryResponseObject(p, entityName, type);
        } else {
          p.skipChildren();
        }
      }
      expect(page != null, "response has no \"QueryResponse\" object");
      return page;
    } catch (JsonMappingException e) {
      return readQueryPageLeniently(body, entityName, type, e);
    } catch (IOException | IllegalArgumentException e) {
      throw malformed("Malformed query response for " + entityName + ": " + describe(e), e);
    }
  }

  private ObjectReader listReader(Class<?> type) {
    return listReaders.computeIfAbsent(
        type, t -> mapper.readerFor(mapper.getTypeFactory().constructCollectionType(ArrayList.class, t)));
  }

  /**
   * The page again when an entity of it could not be read: each entity on its own, dropping the
   * values it cannot read ({@link LenientEntities}). Costs a second parse, only for such a page.
   */
  private <T> QueryPage<T> readQueryPageLeniently(byte[] body, String entityName, Class<T> type,
      JsonMappingException strict) {
    JsonNode root = readTreeOrNull(body);
    JsonNode response = root == null ? null : root.get("QueryResponse");
    if (response == null || !response.isObject()) {
      throw malformed("Malformed query response for " + entityName + ": " + describe(strict), strict);
    }
    List<T> items = new ArrayList<>();
    JsonNode entities = response.get(entityName);
    if (entities != null && entities.isArray()) {
      for (JsonNode entity : entities) {
        LenientEntities.read(mapper, entity, type, entityName).ifPresent(items::add);
      }
    }
    return new QueryPage<>(List.copyOf(items), entities != null && entities.isArray(),
        response.path("startPosition").asInt(0), response.path("maxResults").asInt(0),
        response.path("totalCount").asLong(-1), entities != null && entities.isArray() ? entities.size() : 0);
  }

  private JsonNode readTreeOrNull(byte[] body) {
    try {
      return mapper.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private <T> QueryPage<T> readQueryResponseObject(JsonParser p, String entityName, Class<T> type)
      throws IOException {
    List<T> items = List.of();
    boolean present = false;
    int start = 0;
    int max = 0;
    long total = -1;
    int count = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if (field.equals(entityName) && value == JsonToken.START_ARRAY) {
        present = true;
        List<T> rows = listReader(type).readValue(p);
        count = rows.size();
        rows.removeIf(Objects::isNull);
        items = rows;
      } else if (field.equals("startPosition") && value.isNumeric()) {
        start = p.getIntValue();
      } else if (field.equals("maxResults") && value.isNumeric()) {
        max = p.getIntValue();
      } else if (field.equals("totalCount") && value.isNumeric()) {
        total = p.getLongValue();
      } else {
        p.skipChildren();
      }
    }
    return new QueryPage<>(List.copyOf(items), present, start, max, total, count);
  }

  /**
   * Reads a {@code CDCResponse}: per requested entity the changed entities (parsed into the model
   * type) and deleted ones ({@code status: Deleted}), plus the server time.
   *
   * @param body the response body
   * @param types model type per entity name, in request order
   * @return the parsed response
   */
  public CdcPayload readCdc(byte[] body, Map<String, Class<?>> types) {
    try {
      JsonNode root = mapper.readTree(body);
      expect(root != null && root.isObject(), "response is not a JSON object");
      JsonNode cdc = root.get("CDCResponse");
      expect(cdc != null && cdc.isArray(), "response has no \"CDCResponse\" array");
      Map<String, List<Object>> changed = new LinkedHashMap<>();
      Map<String, List<Deletion>> deleted = new LinkedHashMap<>();
      for (String name : types.keySet()) {
        changed.put(name, new ArrayList<>());
        deleted.put(name, new ArrayList<>());
      }
      for (JsonNode element : cdc) {
        JsonNode responses = element.get("QueryResponse");
        if (responses == null) {
          continue;
        }
        for (JsonNode response : responses.isArray() ? responses : List.of(responses)) {
          for (Map.Entry<String, Class<?>> entry : types.entrySet()) {
            JsonNode array = response.get(entry.getKey());
            if (array == null || !array.isArray()) {
              continue;
            }
            for (JsonNode entity : array) {
              if (isDeleted(entity)) {
                deleted.get(entry.getKey()).add(toDeleted(entry.getKey(), entity));
              } else {
                LenientEntities.read(mapper, entity, entry.getValue(), entry.getKey())
                    .ifPresent(changed.get(entry.getKey())::add);
              }
            }
          }
        }
      }
      JsonNode time = root.get("time");
      OffsetDateTime serverTime =
          time != null && time.isTextual()
              ? QboJacksonModule.parseOffsetDateTime(time.asText())
              : null;
      return new CdcPayload(changed, deleted, serverTime);
    } catch (IOException | RuntimeException e) {
      if (e instanceof PayloadException m) {
        throw m;
      }
      throw malformed("Malformed CDC response: " + describe(e), e);
    }
  }

  private static boolean isDeleted(JsonNode entity) {
    JsonNode status = entity.get("status");
    return status != null && "Deleted".equalsIgnoreCase(status.asText());
  }

  private static Deletion toDeleted(String entityName, JsonNode entity) {
    JsonNode id = entity.get("Id");
    expect(id != null && id.isValueNode(), "deleted " + entityName + " without Id");
    JsonNode meta = entity.get("MetaData");
    JsonNode updated = meta == null ? null : meta.get("LastUpdatedTime");
    OffsetDateTime time =
        updated != null && updated.isTextual()
            ? QboJacksonModule.parseOffsetDateTime(updated.asText())
            : null;
    return new Deletion(entityName, id.asText(), time);
  }

  /**
   * Parses a body as a JSON object tree, or returns null when it is not JSON.
   *
   * @param body the body
   * @return the object, or null
   */
  public ObjectNode readObjectOrNull(byte[] body) {
    try {
      JsonNode node = mapper.readTree(body);
      return node instanceof ObjectNode o ? o : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static void expect(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  private static String describe(Exception e) {
    if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
      return j.getOriginalMessage();
    }
    return e.getMessage();
  }

  private static PayloadException malformed(String message, Exception cause) {
    return new PayloadException(message, cause);
  }

  /** A response body that does not have the expected shape; the message never quotes the body. */
  public static final class PayloadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PayloadException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * A parsed CDC response.
   *
   * @param changed changed entities per entity name
   * @param deleted deleted entities per entity name
   * @param serverTime the response {@code time}, or null
   */
  public record CdcPayload(
      Map<String, List<Object>> changed,
      Map<String, List<Deletion>> deleted,
      OffsetDateTime serverTime) {}

  /**
   * One entity a CDC response reports as deleted ({@code status: Deleted}); the client turns it
   * into the model's {@code DeletedEntity}, so that this package does not depend on the model.
   *
   * @param entityName the QBO entity name
   * @param id the entity's Id
   * @param lastUpdatedTime when it was deleted, or null when the response does not say
   */
  public record Deletion(String entityName, String id, OffsetDateTime lastUpdatedTime) {}
}
