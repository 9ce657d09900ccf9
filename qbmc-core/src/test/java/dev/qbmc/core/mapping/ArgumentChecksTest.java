package dev.qbmc.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qbmc.core.model.QboEntity;
import dev.qbmc.core.reconcile.SyncPlan;
import dev.qbmc.core.report.SyncReportJson;
import dev.qbmc.core.spi.SyncRunRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bad arguments to the public static entry points of mapping, report and SPI values fail at once
 * with a typed exception that names them, never with a NullPointerException deep inside.
 */
class ArgumentChecksTest {

  @Test
  void customerResolutionOf_whenOutcomeIsNull_namesIt() {
    assertThatThrownBy(() -> CustomerResolution.of(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("outcome");
  }

  @Test
  void orderId_whenTypeIsNull_namesIt() {
    assertThatThrownBy(() -> OrderRecord.orderId(null, "1"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("type");
  }

  @Test
  void orderId_whenIdIsBlank_isRefused() {
    assertThatThrownBy(() -> OrderRecord.orderId(QboEntity.INVOICE, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("qboId");
    assertThat(OrderRecord.orderId(QboEntity.SALES_RECEIPT, "7")).isEqualTo("salesreceipt-7");
  }

  @Test
  void isRoleBased_whenAddressIsNull_namesIt() {
    assertThatThrownBy(() -> RoleBasedEmails.isRoleBased(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("address");
  }

  @Test
  void operationsOf_whenTypeIsNull_namesIt() {
    assertThatThrownBy(() -> SyncPlan.of(List.of()).operationsOf(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("type");
  }

  @Test
  void reportJsonAndRunRecord_whenReportIsNull_nameIt() {
    assertThatThrownBy(() -> SyncReportJson.toTree(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("report");
    assertThatThrownBy(() -> SyncRunRecord.of(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("report");
  }
}
