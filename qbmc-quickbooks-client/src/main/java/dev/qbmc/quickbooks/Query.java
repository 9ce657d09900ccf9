package dev.qbmc.quickbooks;

import dev.qbmc.quickbooks.internal.QboJacksonModule;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An immutable QBO query ({@code SELECT * FROM <Entity> WHERE ... ORDERBY ...}) built without string
 * concatenation: field names are checked, string literals are quoted and escaped (a backslash before
 * every apostrophe and backslash), and paging ({@code STARTPOSITION}/{@code MAXRESULTS}) is added by
 * the client. QBO's grammar has no {@code OR}; conditions are joined with {@code AND}.
 *
 * <pre>{@code
 * Query<Customer> q = Query.select(EntityType.CUSTOMER)
 *     .whereEquals("DisplayName", "O'Brien & Sons")
 *     .includeInactive()
 *     .orderBy("Id");
 * }</pre>
 *
 * @param <T> the model type of the entity
 */
public final class Query<T> {
  /** The largest page QBO returns. */
  public static final int MAX_PAGE_SIZE = 1000;

  private static final Pattern FIELD =
      Pattern.compile("[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*");

  /** Comparison operators QBO supports. */
  public enum Operator {
    /** {@code =}. */
    EQUALS("="),
    /** {@code <}. */
    LESS_THAN("<"),
    /** {@code >}. */
    GREATER_THAN(">"),
    /** {@code <=}. */
    LESS_THAN_OR_EQUAL("<="),
    /** {@code >=}. */
    GREATER_THAN_OR_EQUAL(">="),
    /** {@code LIKE} with {@code %} wildcards (string values only). */
    LIKE("LIKE");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    /**
     * The operator as written in a statement.
     *
     * @return the symbol, for example {@code >=}
     */
    public String symbol() {
      return symbol;
    }
  }

  private final EntityType<T> entityType;
  private final List<String> conditions;
  private final boolean includeInactive;
  private final String orderBy;
  private final int pageSize;

  private Query(
      EntityType<T> entityType,
      List<String> conditions,
      boolean includeInactive,
      String orderBy,
      int pageSize) {
    this.entityType = entityType;
    this.conditions = List.copyOf(conditions);
    this.includeInactive = includeInactive;
    this.orderBy = orderBy;
    this.pageSize = pageSize;
  }

  /**
   * Starts a query over all entities of a type (active ones only, as QBO does by default).
   *
   * @param entityType the entity
   * @param <T> the model type
   * @return the query
   */
  public static <T> Query<T> select(EntityType<T> entityType) {
    Objects.requireNonNull(entityType, "entityType");
    return new Query<>(entityType, List.of(), false, null, MAX_PAGE_SIZE);
  }

  /**
   * Adds a condition {@code field op value}.
   *
   * @param field a field name such as {@code DisplayName} or {@code MetaData.LastUpdatedTime}
   * @param operator the operator
   * @param value a {@link String}, {@link Boolean}, {@link Integer}, {@link Long}, {@link BigDecimal},
   *     {@link OffsetDateTime} (written with seconds, fractions dropped) or {@link LocalDate}
   * @return a new query with the condition added
   * @throws IllegalArgumentException when the field name is not a plain (dotted) identifier, the
   *     value type is unsupported, or {@code LIKE} is used with a non-string
   */
  public Query<T> where(String field, Operator operator, Object value) {
    Objects.requireNonNull(operator, "operator");
    if (operator == Operator.LIKE && !(value instanceof String)) {
      throw new IllegalArgumentException("LIKE needs a string pattern");
    }
    return withCondition(checkField(field) + " " + operator.symbol() + " " + literal(value));
  }

  /**
   * Adds {@code field = value}.
   *
   * @param field the field name
   * @param value the value (see {@link #where(String, Operator, Object)})
   * @return a new query
   */
  public Query<T> whereEquals(String field, Object value) {
    return where(field, Operator.EQUALS, value);
  }

  /**
   * Adds {@code field LIKE 'pattern'}; {@code %} is the only wildcard.
   *
   * @param field the field name
   * @param pattern the pattern, for example {@code Amy%}
   * @return a new query
   */
  public Query<T> whereLike(String field, String pattern) {
    return where(field, Operator.LIKE, pattern);
  }

  /**
   * Adds {@code field IN (v1, v2, ...)}.
   *
   * @param field the field name
   * @param values at least one value (see {@link #where(String, Operator, Object)})
   * @return a new query
   * @throws IllegalArgumentException when {@code values} is empty
   */
  public Query<T> whereIn(String field, Collection<?> values) {
    Objects.requireNonNull(values, "values");
    if (values.isEmpty()) {
      throw new IllegalArgumentException("IN needs at least one value");
    }
    String list = values.stream().map(Query::literal).collect(Collectors.joining(", "));
    return withCondition(checkField(field) + " IN (" + list + ")");
  }

  /**
   * Includes inactive entities ({@code Active IN (true, false)}); without it QBO returns active
   * entities only. Meaningful for customers and items.
   *
   * @return a new query
   */
  public Query<T> includeInactive() {
    return new Query<>(entityType, conditions, true, orderBy, pageSize);
  }

  /**
   * Orders ascending by a field; {@code Id} gives stable paging.
   *
   * @param field the field name
   * @return a new query
   */
  public Query<T> orderBy(String field) {
    return new Query<>(entityType, conditions, includeInactive, checkField(field), pageSize);
  }

  /**
   * Orders descending by a field.
   *
   * @param field the field name
   * @return a new query
   */
  public Query<T> orderByDescending(String field) {
    return new Query<>(
        entityType, conditions, includeInactive, checkField(field) + " DESC", pageSize);
  }

  /**
   * Rows per page when the client pages through results.
   *
   * @param size 1 to 1000 (default 1000)
   * @return a new query
   * @throws IllegalArgumentException when out of range
   */
  public Query<T> pageSize(int size) {
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("pageSize must be 1.." + MAX_PAGE_SIZE + ", was " + size);
    }
    return new Query<>(entityType, conditions, includeInactive, orderBy, size);
  }

  /**
   * This query ordered by ascending {@code Id}, as paging by Id needs.
   *
   * @return this query when already ordered by Id, else a copy ordered by Id
   * @throws IllegalArgumentException when the query is ordered by another field or descending
   */
  Query<T> inIdOrder() {
    if (orderBy == null) {
      return orderBy("Id");
    }
    if (!orderBy.equalsIgnoreCase("Id")) {
      throw new IllegalArgumentException(
          "Paging in Id order needs ORDERBY Id or no order, this query has ORDERBY " + orderBy);
    }
    return this;
  }

  /**
   * The entity queried.
   *
   * @return the entity type
   */
  public EntityType<T> entityType() {
    return entityType;
  }

  /**
   * Rows per page.
   *
   * @return the page size
   */
  public int pageSize() {
    return pageSize;
  }

  /**
   * The statement without paging, for example
   * {@code SELECT * FROM Customer WHERE DisplayName = 'O\'Brien'}.
   *
   * @return the statement
   */
  public String statement() {
    StringBuilder sql = new StringBuilder("SELECT * FROM ").append(entityType.name());
    appendWhere(sql);
    if (orderBy != null) {
      sql.append(" ORDERBY ").append(orderBy);
    }
    return sql.toString();
  }

  /**
   * The statement for one page.
   *
   * @param startPosition 1-based position of the first row
   * @return the statement with {@code STARTPOSITION} and {@code MAXRESULTS}
   */
  public String statement(int startPosition) {
    if (startPosition < 1) {
      throw new IllegalArgumentException("startPosition is 1-based, was " + startPosition);
    }
    return statement() + " STARTPOSITION " + startPosition + " MAXRESULTS " + pageSize;
  }

  /**
   * The {@code SELECT COUNT(*)} statement with the same conditions.
   *
   * @return the count statement
   */
  public String countStatement() {
    StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM ").append(entityType.name());
    appendWhere(sql);
    return sql.toString();
  }

  private void appendWhere(StringBuilder sql) {
    List<String> all = new ArrayList<>(conditions);
    if (includeInactive) {
      all.add("Active IN (true, false)");
    }
    if (!all.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", all));
    }
  }

  private Query<T> withCondition(String condition) {
    List<String> next = new ArrayList<>(conditions);
    next.add(condition);
    return new Query<>(entityType, next, includeInactive, orderBy, pageSize);
  }

  private static String checkField(String field) {
    Objects.requireNonNull(field, "field");
    if (!FIELD.matcher(field).matches()) {
      throw new IllegalArgumentException("Not a QBO field name: '" + field + "'");
    }
    return field;
  }

  /**
   * Quotes a string literal for a QBO statement: wraps it in apostrophes and puts a backslash before
   * every apostrophe and backslash ({@code O'Brien} becomes {@code 'O\'Brien'}).
   *
   * @param value the raw text
   * @return the quoted literal
   */
  public static String quote(String value) {
    Objects.requireNonNull(value, "value");
    StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\'' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.append('\'').toString();
  }

  /**
   * URL-encodes a statement for the {@code query} parameter (spaces as {@code %20}).
   *
   * @param statement the statement
   * @return the encoded text
   * @throws NullPointerException if the statement is null
   */
  public static String encode(String statement) {
    Objects.requireNonNull(statement, "statement");
    return URLEncoder.encode(statement, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String literal(Object value) {
    Objects.requireNonNull(value, "value");
    if (value instanceof String s) {
      return quote(s);
    }
    if (value instanceof Boolean b) {
      return b.toString();
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return value.toString();
    }
    if (value instanceof OffsetDateTime t) {
      return quote(QboJacksonModule.WIRE_OFFSET_DATE_TIME.format(t));
    }
    if (value instanceof LocalDate d) {
      return quote(d.toString());
    }
    throw new IllegalArgumentException(
        "Unsupported query value type " + value.getClass().getName()
            + " (use String, Boolean, Integer, Long, BigDecimal, OffsetDateTime or LocalDate)");
  }

  @Override
  public String toString() {
    return statement();
  }
}
