package dev.qbmc.examples.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qbmc.examples.sim.quickbooks.GeneratedCompany;
import dev.qbmc.examples.sim.quickbooks.GeneratedCompany.CustomerKind;
import dev.qbmc.examples.sim.quickbooks.SimEntity;
import dev.qbmc.examples.sim.quickbooks.QuickBooksSimulator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the Mailchimp store should hold, computed from the QuickBooks simulator's current data
 * (not from qbmc's code): an order for every invoice and sales receipt that exists, is not voided
 * before its first sync, and belongs to a customer with a usable email address.
 */
final class SyncedState {
  private SyncedState() {}

  /** Customers whose contact qbmc must create: every kind but no email and role-based email. */
  static boolean hasUsableEmail(long customerId) {
    CustomerKind kind = GeneratedCompany.customerKind(customerId);
    return kind != CustomerKind.NO_EMAIL && kind != CustomerKind.ROLE_EMAIL;
  }

  /**
   * The QBO documents that must be orders, by order id.
   *
   * @param qbo the simulator
   * @param entity invoice or sales receipt
   * @param maxId the highest id to look at
   * @param voidedBeforeFirstSync whether voided documents were voided before they were first synced
   *     (they are then skipped, not cancelled)
   */
  static Map<String, ObjectNode> expectedOrders(QuickBooksSimulator qbo, SimEntity entity, long maxId,
      boolean voidedBeforeFirstSync) {
    Map<String, ObjectNode> orders = new TreeMap<>();
    String prefix = entity == SimEntity.INVOICE ? "invoice-" : "salesreceipt-";
    for (long id = 1; id <= maxId; id++) {
      Optional<ObjectNode> doc = qbo.read(entity, Long.toString(id));
      if (doc.isEmpty()) {
        continue;
      }
      JsonNode customer = doc.get().path("CustomerRef").path("value");
      if (customer.isMissingNode() || !hasUsableEmail(Long.parseLong(customer.asText()))) {
        continue;
      }
      boolean voided = doc.get().path("PrivateNote").asText("").equals("Voided");
      if (voided && voidedBeforeFirstSync) {
        continue;
      }
      orders.put(prefix + id, doc.get());
    }
    return orders;
  }
}
