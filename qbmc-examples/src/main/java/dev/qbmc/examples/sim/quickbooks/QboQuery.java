package dev.qbmc.examples.sim.quickbooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A parsed QBO query: {@code SELECT * | COUNT(*) FROM <Entity> [WHERE c AND c ...] [ORDERBY f [ASC|DESC]]
 * [STARTPOSITION n] [MAXRESULTS m]}.
 */
final class QboQuery {

  /** Thrown for a statement that does not parse (QBO code 4000). */
  static final class ParseError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ParseError(String message) {
      super(message);
    }
  }

  record Condition(String field, String op, List<String> values) {
  }

  final boolean count;
  final String entity;
  final List<Condition> conditions;
  final String orderBy;
  final boolean descending;
  final Long startPosition;
  final Long maxResults;

  private QboQuery(boolean count, String entity, List<Condition> conditions, String orderBy, boolean descending,
      Long startPosition, Long maxResults) {
    this.count = count;
    this.entity = entity;
    this.conditions = List.copyOf(conditions);
    this.orderBy = orderBy;
    this.descending = descending;
    this.startPosition = startPosition;
    this.maxResults = maxResults;
  }

  /** A key identifying the selection, independent of paging. */
  String selectionKey() {
    return entity + "|" + conditions + "|" + orderBy + "|" + descending;
  }

  static QboQuery parse(String text) {
    Lexer lx = new Lexer(text);
    lx.expectKeyword("SELECT");
    boolean count;
    if (lx.peekSymbol("*")) {
      lx.next();
      count = false;
    } else if (lx.peekKeyword("COUNT")) {
      lx.next();
      lx.expectSymbol("(");
      lx.expectSymbol("*");
      lx.expectSymbol(")");
      count = true;
    } else {
      throw lx.error("projections are not supported; expected * or COUNT(*)");
    }
    lx.expectKeyword("FROM");
    String entity = lx.identifier();
    List<Condition> conditions = new ArrayList<>();
    String orderBy = null;
    boolean desc = false;
    Long start = null;
    Long max = null;
    if (lx.peekKeyword("WHERE")) {
      lx.next();
      do {
        conditions.add(condition(lx));
      } while (lx.acceptKeyword("AND"));
    }
    while (!lx.atEnd()) {
      if (lx.acceptKeyword("ORDERBY") || (lx.peekKeyword("ORDER") && lx.acceptKeyword("ORDER") && lx.acceptKeyword("BY"))) {
        orderBy = lx.identifier();
        if (lx.acceptKeyword("DESC")) {
          desc = true;
        } else {
          lx.acceptKeyword("ASC");
        }
      } else if (lx.acceptKeyword("STARTPOSITION")) {
        start = lx.number();
      } else if (lx.acceptKeyword("MAXRESULTS")) {
        max = lx.number();
      } else {
        throw lx.error("unexpected token");
      }
    }
    return new QboQuery(count, entity, conditions, orderBy, desc, start, max);
  }

  private static Condition condition(Lexer lx) {
    String field = lx.identifier();
    String op;
    if (lx.acceptKeyword("IN")) {
      lx.expectSymbol("(");
      List<String> values = new ArrayList<>();
      do {
        values.add(lx.literal());
      } while (lx.acceptSymbol(","));
      lx.expectSymbol(")");
      return new Condition(field, "IN", values);
    }
    if (lx.acceptKeyword("LIKE")) {
      return new Condition(field, "LIKE", List.of(lx.literal()));
    }
    op = lx.operator();
    return new Condition(field, op, List.of(lx.literal()));
  }

  private static final class Lexer {
    private final String s;
    private int pos;

    Lexer(String s) {
      this.s = s;
    }

    ParseError error(String what) {
      return new ParseError("QueryParserError: Encountered an error at line 1, column " + (pos + 1) + ": " + what);
    }

    private void skipSpace() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    boolean atEnd() {
      skipSpace();
      return pos >= s.length();
    }

    private String word() {
      skipSpace();
      int start = pos;
      while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '.' || s.charAt(pos) == '_')) {
        pos++;
      }
      return s.substring(start, pos);
    }

    boolean peekKeyword(String kw) {
      int save = pos;
      String w = word();
      pos = save;
      return w.equalsIgnoreCase(kw);
    }

    boolean acceptKeyword(String kw) {
      int save = pos;
      if (word().equalsIgnoreCase(kw)) {
        return true;
      }
      pos = save;
      return false;
    }

    void expectKeyword(String kw) {
      if (!acceptKeyword(kw)) {
        throw error("expected " + kw);
      }
    }

    boolean peekSymbol(String sym) {
      skipSpace();
      return s.startsWith(sym, pos);
    }

    boolean acceptSymbol(String sym) {
      if (peekSymbol(sym)) {
        pos += sym.length();
        return true;
      }
      return false;
    }

    void expectSymbol(String sym) {
      if (!acceptSymbol(sym)) {
        throw error("expected " + sym);
      }
    }

    void next() {
      skipSpace();
      if (pos < s.length() && !Character.isLetterOrDigit(s.charAt(pos))) {
        pos++;
      } else {
        word();
      }
    }

    String identifier() {
      String w = word();
      if (w.isEmpty() || !Character.isLetter(w.charAt(0))) {
        throw error("expected an identifier");
      }
      return w;
    }

    long number() {
      String w = word();
      try {
        return Long.parseLong(w);
      } catch (NumberFormatException e) {
        throw error("expected a number");
      }
    }

    String operator() {
      skipSpace();
      for (String op : new String[] {"<=", ">=", "!=", "=", "<", ">"}) {
        if (s.startsWith(op, pos)) {
          pos += op.length();
          return op;
        }
      }
      throw error("expected an operator");
    }

    String literal() {
      skipSpace();
      if (pos < s.length() && s.charAt(pos) == '\'') {
        pos++;
        StringBuilder out = new StringBuilder();
        while (pos < s.length()) {
          char c = s.charAt(pos++);
          if (c == '\\' && pos < s.length()) {
            out.append(s.charAt(pos++));
          } else if (c == '\'') {
            return out.toString();
          } else {
            out.append(c);
          }
        }
        throw error("unterminated string literal");
      }
      String w = word();
      if (w.isEmpty()) {
        throw error("expected a literal");
      }
      return w.toLowerCase(Locale.ROOT).equals("true") || w.toLowerCase(Locale.ROOT).equals("false")
          ? w.toLowerCase(Locale.ROOT) : w;
    }
  }
}
