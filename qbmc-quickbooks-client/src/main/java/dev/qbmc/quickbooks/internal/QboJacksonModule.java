package dev.qbmc.quickbooks.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Jackson support for the types the QBO models use ({@link Optional}, {@link OffsetDateTime},
 * {@link LocalDate}) without extra Jackson modules on the class path.
 */
public final class QboJacksonModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /**
   * Accepts ISO-8601 offsets written as {@code -07:00}, {@code -0700}, {@code Z}, with or without
   * fractions of a second (QBO writes {@code 2015-10-01T16:48:43-07:00}, legacy webhooks
   * {@code 2015-10-05T14:42:19-0700}).
   */
  public static final DateTimeFormatter LENIENT_OFFSET_DATE_TIME =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .optionalStart()
          .appendPattern("[XXX][XX][X]")
          .optionalEnd()
          .toFormatter();

  /**
   * How this client writes date-times into queries and CDC requests: always with seconds, no
   * fraction, numeric offset ({@code 2024-01-02T03:04:05-07:00}, UTC as {@code +00:00}).
   */
  public static final DateTimeFormatter WIRE_OFFSET_DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx", java.util.Locale.ROOT);

  /** Creates the module. */
  public QboJacksonModule() {
    super("qbmc-quickbooks");
    addDeserializer(OffsetDateTime.class, new OffsetDateTimeDeserializer());
    addDeserializer(LocalDate.class, new LocalDateDeserializer());
    addSerializer(OffsetDateTime.class, new ToStringSerializer<>(OffsetDateTime.class));
    addSerializer(LocalDate.class, new ToStringSerializer<>(LocalDate.class));
    @SuppressWarnings({"unchecked", "rawtypes"})
    Class<Optional<?>> optionalClass = (Class) Optional.class;
    addSerializer(optionalClass, new OptionalSerializer());
    setDeserializerModifier(new HandleBinding());
  }

  @Override
  public void setupModule(SetupContext context) {
    super.setupModule(context);
    context.addDeserializers(new OptionalDeserializers());
  }

  /**
   * A new mapper configured for QBO payloads: unknown properties ignored, big decimals exact, empty
   * optionals omitted on output.
   *
   * @return a new, independent mapper
   * @throws IllegalStateException when the Jackson on the class path is older than the client needs,
   *     naming the versions found and required
   */
  public static ObjectMapper newMapper() {
    QboJacksonVersion.problem().ifPresent(problem -> {
      throw new IllegalStateException(problem);
    });
    ObjectMapper mapper = new ObjectMapper();
    mapper.registerModule(new QboJacksonModule());
    mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    mapper.configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true);
    mapper.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    mapper.setDefaultPropertyInclusion(JsonInclude.Include.NON_EMPTY);
    return mapper;
  }

  /**
   * Parses a QBO date-time leniently.
   *
   * @param text the text
   * @return the value
   * @throws DateTimeParseException when the text is not a date-time with an offset
   */
  public static OffsetDateTime parseOffsetDateTime(String text) {
    return QboDates.offsetDateTime(text.trim(), LENIENT_OFFSET_DATE_TIME);
  }

  private static final class OffsetDateTimeDeserializer extends StdDeserializer<OffsetDateTime> {
    private static final long serialVersionUID = 1L;

    OffsetDateTimeDeserializer() {
      super(OffsetDateTime.class);
    }

    @Override
    public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
        return OffsetDateTime.ofInstant(
            java.time.Instant.ofEpochMilli(p.getLongValue()), java.time.ZoneOffset.UTC);
      }
      String text = p.getValueAsString();
      if (text == null || text.isBlank()) {
        return null;
      }
      try {
        return parseOffsetDateTime(text);
      } catch (DateTimeParseException e) {
        return (OffsetDateTime)
            ctxt.handleWeirdStringValue(OffsetDateTime.class, text, "not an ISO-8601 date-time");
      }
    }
  }

  private static final class LocalDateDeserializer extends StdDeserializer<LocalDate> {
    private static final long serialVersionUID = 1L;

    LocalDateDeserializer() {
      super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = p.getValueAsString();
      if (text == null || text.isBlank()) {
        return null;
      }
      try {
        return QboDates.localDate(text.trim());
      } catch (DateTimeParseException e) {
        return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text, "not an ISO date");
      }
    }
  }

  private static final class ToStringSerializer<T> extends StdSerializer<T> {
    private static final long serialVersionUID = 1L;

    ToStringSerializer(Class<T> type) {
      super(type);
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(value.toString());
    }
  }

  private static final class OptionalSerializer extends StdSerializer<Optional<?>> {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings({"unchecked", "rawtypes"})
    OptionalSerializer() {
      super((Class) Optional.class);
    }

    @Override
    public boolean isEmpty(SerializerProvider provider, Optional<?> value) {
      return value == null || value.isEmpty();
    }

    @Override
    public void serialize(Optional<?> value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      if (value.isPresent()) {
        provider.defaultSerializeValue(value.get(), gen);
      } else {
        gen.writeNull();
      }
    }
  }

  private static final class OptionalDeserializers extends Deserializers.Base {
    @Override
    public JsonDeserializer<?> findBeanDeserializer(
        JavaType type, DeserializationConfig config, BeanDescription beanDesc) {
      return type.getRawClass() == Optional.class ? new OptionalDeserializer(null, null) : null;
    }
  }

  private static final class OptionalDeserializer extends StdDeserializer<Optional<?>>
      implements ContextualDeserializer {
    private static final long serialVersionUID = 1L;
    private final JavaType valueType;
    private final transient JsonDeserializer<Object> valueDeserializer;

    @SuppressWarnings({"unchecked", "rawtypes"})
    OptionalDeserializer(JavaType valueType, JsonDeserializer<Object> valueDeserializer) {
      super((Class) Optional.class);
      this.valueType = valueType;
      this.valueDeserializer = valueDeserializer;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
        throws JsonMappingException {
      JavaType type = property != null ? property.getType() : ctxt.getContextualType();
      JavaType content = type == null ? ctxt.constructType(Object.class) : type.containedTypeOrUnknown(0);
      return new OptionalDeserializer(content, ctxt.findContextualValueDeserializer(content, property));
    }

    @Override
    public Optional<?> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (valueDeserializer == null) {
        return Optional.ofNullable(ctxt.readValue(p, Object.class));
      }
      return Optional.ofNullable(valueDeserializer.deserialize(p, ctxt));
    }

    @Override
    public Optional<?> getNullValue(DeserializationContext ctxt) {
      return Optional.empty();
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) {
      return Optional.empty();
    }

    @Override
    public JavaType getValueType() {
      return valueType;
    }
  }
}
