package dev.qbmc.quickbooks.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qbmc.quickbooks.internal.QboJacksonModule;

/**
 * Reads and writes the QBO models as QBO's JSON. Simulators and tests use it to produce payloads
 * identical in shape to QBO's; the client uses the same configuration.
 */
public final class QboJson {
  private static final ObjectMapper MAPPER = QboJacksonModule.newMapper();

  private QboJson() {}

  /**
   * A new Jackson mapper configured for QBO payloads (unknown properties ignored, exact decimals,
   * {@code Optional}, {@code OffsetDateTime} and {@code LocalDate} support, empty values omitted).
   *
   * @return a new mapper the caller may configure further
   */
  public static ObjectMapper newObjectMapper() {
    return QboJacksonModule.newMapper();
  }

  /**
   * Parses one entity object (not an envelope) such as the value of {@code "Customer"}.
   *
   * @param json the entity JSON
   * @param type the model type, for example {@code Customer.class}
   * @param <T> the model type
   * @return the parsed model
   * @throws IllegalArgumentException when the JSON is malformed or does not fit the model
   */
  public static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Not a valid QBO " + type.getSimpleName() + " JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Writes a model as QBO JSON (PascalCase, absent values omitted).
   *
   * @param value the model
   * @return the JSON text
   */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot write " + value.getClass().getSimpleName(), e);
    }
  }
}
