package dev.qbmc.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryTest {

  @Test
  void encode_matchesTheRequestRecordedAgainstQbo() {
    // fixture customer-query-escaped-apostrophe_qbo-api.json was recorded for this request
    String statement =
        Query.select(EntityType.CUSTOMER).whereEquals("DisplayName", "Amy's Bird Sanctuary").statement();
    assertThat(statement).isEqualTo("SELECT * FROM Customer WHERE DisplayName = 'Amy\\'s Bird Sanctuary'");
    assertThat(Query.encode(statement)).endsWith("%27Amy%5C%27s%20Bird%20Sanctuary%27");
  }

  @Test
  void quote_escapesApostrophesAndBackslashes() {
    assertThat(Query.quote("O'Brien")).isEqualTo("'O\\'Brien'");
    assertThat(Query.quote("a\\' OR 1=1")).isEqualTo("'a\\\\\\' OR 1=1'");
    assertThat(Query.encode("R & A")).isEqualTo("R%20%26%20A");
  }

  @Test
  void statement_combinesConditionsPagingAndOrder() {
    Query<?> q =
        Query.select(EntityType.INVOICE)
            .where("MetaData.LastUpdatedTime", Query.Operator.GREATER_THAN, OffsetDateTime.parse("2024-01-02T03:04:05-07:00"))
            .whereIn("Id", List.of("1", "2"))
            .where("TotalAmt", Query.Operator.GREATER_THAN_OR_EQUAL, new BigDecimal("10.50"))
            .where("TxnDate", Query.Operator.LESS_THAN, LocalDate.of(2024, 2, 1))
            .whereLike("DocNumber", "10%")
            .orderByDescending("Id")
            .pageSize(50);
    assertThat(q.statement(51))
        .isEqualTo("SELECT * FROM Invoice WHERE MetaData.LastUpdatedTime > '2024-01-02T03:04:05-07:00'"
            + " AND Id IN ('1', '2') AND TotalAmt >= 10.50 AND TxnDate < '2024-02-01'"
            + " AND DocNumber LIKE '10%' ORDERBY Id DESC STARTPOSITION 51 MAXRESULTS 50");
    assertThat(q.countStatement()).startsWith("SELECT COUNT(*) FROM Invoice WHERE MetaData.LastUpdatedTime >");
    assertThat(Query.select(EntityType.ITEM)
            .where("MetaData.LastUpdatedTime", Query.Operator.GREATER_THAN, OffsetDateTime.parse("2024-01-02T00:00:00.123Z"))
            .statement())
        .endsWith("> '2024-01-02T00:00:00+00:00'");
    assertThat(Query.select(EntityType.ITEM).includeInactive().statement())
        .isEqualTo("SELECT * FROM Item WHERE Active IN (true, false)");
  }

  @Test
  void badInput_isRefusedClearly() {
    Query<?> q = Query.select(EntityType.CUSTOMER);
    assertThatThrownBy(() -> q.whereEquals("DisplayName = 'x' OR 1", "y")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("field name");
    assertThatThrownBy(() -> q.whereEquals("DisplayName", null)).isInstanceOf(NullPointerException.class).hasMessage("value");
    assertThatThrownBy(() -> q.whereEquals("Balance", 1.5d)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BigDecimal");
    assertThatThrownBy(() -> q.whereIn("Id", List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> q.where("Balance", Query.Operator.LIKE, 3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> q.pageSize(1001)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> q.pageSize(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> q.statement(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EntityType.fromName("Vendor")).isInstanceOf(IllegalArgumentException.class);
    assertThat(EntityType.fromName("salesreceipt")).isSameAs(EntityType.SALES_RECEIPT);
  }
}
