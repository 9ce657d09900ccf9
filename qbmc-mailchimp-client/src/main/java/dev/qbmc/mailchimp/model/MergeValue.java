package dev.qbmc.mailchimp.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * The value of one merge field: text (also used for phone, date, URL, dropdown ... fields), a number, or
 * an {@link AddressMergeValue}. Mailchimp reads back an empty ADDRESS as the string {@code ""}, so an
 * address field may hold {@linkplain #isEmpty() empty text}; {@link #address()} is then empty.
 */
@JsonSerialize(using = MergeValue.Serializer.class)
@JsonDeserialize(using = MergeValue.Deserializer.class)
public final class MergeValue {
  /** Mailchimp truncates text merge values to this many UTF-8 bytes. */
  public static final int MAX_TEXT_BYTES = 255;

  /** The shape of a merge value. */
  public enum Kind {
    /** A string. */
    TEXT,
    /** A number. */
    NUMBER,
    /** A postal address object. */
    ADDRESS
  }

  private final Kind kind;
  private final Object value;

  private MergeValue(Kind kind, Object value) {
    this.kind = kind;
    this.value = value;
  }

  /**
   * A text value, sent as is (Mailchimp truncates text beyond {@value #MAX_TEXT_BYTES} UTF-8 bytes).
   *
   * @param text the text
   * @return the value
   * @throws NullPointerException if {@code text} is null
   */
  public static MergeValue text(String text) {
    return new MergeValue(Kind.TEXT, Objects.requireNonNull(text, "text"));
  }

  /**
   * A text value cut to at most {@value #MAX_TEXT_BYTES} UTF-8 bytes without splitting a character, so
   * the caller, not Mailchimp, decides where a long value ends.
   *
   * @param text the text
   * @return the value, truncated when needed
   * @throws NullPointerException if {@code text} is null
   */
  public static MergeValue truncatedText(String text) {
    Objects.requireNonNull(text, "text");
    if (text.length() * 3 <= MAX_TEXT_BYTES || text.getBytes(StandardCharsets.UTF_8).length <= MAX_TEXT_BYTES) {
      return text(text);
    }
    int bytes = 0;
    int end = 0;
    while (end < text.length()) {
      int cp = text.codePointAt(end);
      int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes + size > MAX_TEXT_BYTES) {
        break;
      }
      bytes += size;
      end += Character.charCount(cp);
    }
    return text(text.substring(0, end));
  }

  /**
   * A number value.
   *
   * @param number the number
   * @return the value
   * @throws NullPointerException if {@code number} is null
   */
  public static MergeValue number(BigDecimal number) {
    return new MergeValue(Kind.NUMBER, Objects.requireNonNull(number, "number"));
  }

  /**
   * An address value.
   *
   * @param address the address
   * @return the value
   * @throws NullPointerException if {@code address} is null
   */
  public static MergeValue address(AddressMergeValue address) {
    return new MergeValue(Kind.ADDRESS, Objects.requireNonNull(address, "address"));
  }

  /**
   * The shape of this value.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The text, for a text value.
   *
   * @return the text, empty for numbers and addresses
   */
  public Optional<String> text() {
    return kind == Kind.TEXT ? Optional.of((String) value) : Optional.empty();
  }

  /**
   * The number, for a number value.
   *
   * @return the number, empty otherwise
   */
  public Optional<BigDecimal> number() {
    return kind == Kind.NUMBER ? Optional.of((BigDecimal) value) : Optional.empty();
  }

  /**
   * The address, for an address value.
   *
   * @return the address, empty otherwise (including an empty ADDRESS read back as {@code ""})
   */
  public Optional<AddressMergeValue> address() {
    return kind == Kind.ADDRESS ? Optional.of((AddressMergeValue) value) : Optional.empty();
  }

  /**
   * Whether this is empty text, as Mailchimp returns for an unset field of any type.
   *
   * @return true for the empty string
   */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isEmpty() {
    return kind == Kind.TEXT && ((String) value).isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MergeValue && ((MergeValue) o).kind == kind && ((MergeValue) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + value.hashCode();
  }

  @Override
  public String toString() {
    return "MergeValue{" + kind + "=" + value + "}";
  }

  static final class Serializer extends JsonSerializer<MergeValue> {
    @Override
    public void serialize(MergeValue v, JsonGenerator gen, SerializerProvider provider) throws IOException {
      switch (v.kind) {
        case TEXT:
          gen.writeString((String) v.value);
          break;
        case NUMBER:
          gen.writeNumber((BigDecimal) v.value);
          break;
        default:
          provider.defaultSerializeValue(v.value, gen);
      }
    }
  }

  static final class Deserializer extends JsonDeserializer<MergeValue> {
    @Override
    public MergeValue deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      switch (p.currentToken()) {
        case VALUE_STRING:
          return text(p.getText());
        case VALUE_NUMBER_INT:
        case VALUE_NUMBER_FLOAT:
          return number(p.getDecimalValue());
        case START_OBJECT:
          return address(ctxt.readValue(p, AddressMergeValue.class));
        default:
          return (MergeValue) ctxt.handleUnexpectedToken(MergeValue.class, p);
      }
    }

    @Override
    public MergeValue getNullValue(DeserializationContext ctxt) {
      return text("");
    }
  }
}
