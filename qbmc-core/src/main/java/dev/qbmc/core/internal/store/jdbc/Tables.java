package dev.qbmc.core.internal.store.jdbc;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The store's table names: an optional schema and a table prefix, both validated as plain lower-case
 * SQL identifiers, so that they can be written into statements (values are always bound).
 */
public final class Tables {

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
  private static final int MAX_SCHEMA = 63;
  /** PostgreSQL identifiers have at most 63 bytes; the longest name added is 24 characters. */
  private static final int MAX_PREFIX = 32;

  private final Optional<String> schema;
  private final String prefix;

  private Tables(Optional<String> schema, String prefix) {
    this.schema = schema;
    this.prefix = prefix;
  }

  /**
   * Validates and creates the names.
   *
   * @param schema the schema, or null for the connection's current schema ({@code search_path})
   * @param prefix the table prefix (may be empty)
   * @return the names
   * @throws IllegalArgumentException if either is not a plain lower-case identifier
   */
  public static Tables of(String schema, String prefix) {
    if (schema != null && (schema.length() > MAX_SCHEMA || !IDENTIFIER.matcher(schema).matches())) {
      throw new IllegalArgumentException(
          "schema must be a lower-case identifier ([a-z_][a-z0-9_]*, at most " + MAX_SCHEMA + " characters)");
    }
    if (prefix == null
        || prefix.length() > MAX_PREFIX
        || !(prefix.isEmpty() || IDENTIFIER.matcher(prefix).matches())) {
      throw new IllegalArgumentException(
          "tablePrefix must be empty or a lower-case identifier ([a-z_][a-z0-9_]*, at most "
              + MAX_PREFIX
              + " characters)");
    }
    return new Tables(Optional.ofNullable(schema), prefix);
  }

  /**
   * The schema, when one is configured.
   *
   * @return the schema
   */
  public Optional<String> schema() {
    return schema;
  }

  /**
   * The table prefix.
   *
   * @return the prefix
   */
  public String prefix() {
    return prefix;
  }

  /**
   * A qualified table name.
   *
   * @param name the name without prefix, e.g. {@code record_states}
   * @return e.g. {@code qbmc.qbmc_record_states}
   */
  public String table(String name) {
    return schema.map(s -> s + ".").orElse("") + prefix + name;
  }

  /**
   * Fills the placeholders of a migration script.
   *
   * @param template the script with {@code ${schema}} and {@code ${prefix}}
   * @return the script for these names
   */
  public String render(String template) {
    return template.replace("${schema}", schema.map(s -> s + ".").orElse("")).replace("${prefix}", prefix);
  }

  @Override
  public String toString() {
    return table("*");
  }
}
