package dev.qbmc.mailchimp.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The one Jackson configuration of the Mailchimp client: unknown properties ignored (Mailchimp adds
 * fields), absent optionals omitted, timestamps as ISO 8601 with a numeric offset, unknown enum values
 * read as the enum's default.
 */
public final class MailchimpJson {
  /** Mailchimp's documented timestamp shape, e.g. {@code 2015-07-15T19:28:00+00:00}. */
  public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

  /** Why the Jackson on the class path cannot run this client; checked before {@link #create()}. */
  private static final Optional<String> JACKSON_PROBLEM = MailchimpJacksonVersion.problem();

  /** Null when {@link #JACKSON_PROBLEM} is present: {@link #create()} would fail on an old Jackson. */
  private static final ObjectMapper MAPPER = JACKSON_PROBLEM.isEmpty() ? create() : null;

  private MailchimpJson() {}

  /**
   * The shared, fully configured (and thereafter read-only) mapper.
   *
   * @return the mapper
   * @throws IllegalStateException when the Jackson on the class path is older than the client needs,
   *     naming the versions found and required
   */
  public static ObjectMapper mapper() {
    if (MAPPER == null) {
      throw new IllegalStateException(JACKSON_PROBLEM.orElseThrow());
    }
    return MAPPER;
  }

  private static ObjectMapper create() {
    SimpleModule time = new SimpleModule("qbmc-mailchimp-time");
    time.addSerializer(OffsetDateTime.class, new OffsetDateTimeSerializer());
    time.addDeserializer(OffsetDateTime.class, new OffsetDateTimeDeserializer());
    time.addSerializer(Instant.class, new InstantSerializer());
    return JsonMapper.builder()
        .addModule(new OptionalModule())
        .addModule(time)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .enable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
        .disable(MapperFeature.DEFAULT_VIEW_INCLUSION)
        .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
        .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
        .defaultPropertyInclusion(
            JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT, JsonInclude.Include.NON_ABSENT))
        .build();
  }

  private static final class OffsetDateTimeSerializer extends JsonSerializer<OffsetDateTime> {
    @Override
    public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      gen.writeString(TIMESTAMP.format(value));
    }
  }

  private static final class InstantSerializer extends JsonSerializer<Instant> {
    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
      gen.writeString(TIMESTAMP.format(value.atOffset(ZoneOffset.UTC)));
    }
  }

  private static final class OffsetDateTimeDeserializer extends JsonDeserializer<OffsetDateTime> {
    @Override
    public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (OffsetDateTime) ctxt.handleUnexpectedToken(OffsetDateTime.class, p);
      }
      String text = p.getText().trim();
      if (text.isEmpty()) {
        return null;
      }
      try {
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      } catch (DateTimeParseException e) {
        return (OffsetDateTime) ctxt.handleWeirdStringValue(OffsetDateTime.class, text, "not an ISO 8601 timestamp");
      }
    }
  }
}
