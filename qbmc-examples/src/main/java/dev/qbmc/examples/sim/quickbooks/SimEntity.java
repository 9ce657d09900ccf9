package dev.qbmc.examples.sim.quickbooks;

import java.util.Optional;

/** The QuickBooks Online entities the simulator holds. */
public enum SimEntity {
  /** A customer (a name-list entity: inactive ones are hidden from queries by default). */
  CUSTOMER("Customer", "customer", true),
  /** A product or service (name-list entity). */
  ITEM("Item", "item", true),
  /** An invoice (transaction). */
  INVOICE("Invoice", "invoice", false),
  /** A sales receipt (transaction). */
  SALES_RECEIPT("SalesReceipt", "salesreceipt", false);

  private final String entityName;
  private final String pathSegment;
  private final boolean nameList;

  SimEntity(String entityName, String pathSegment, boolean nameList) {
    this.entityName = entityName;
    this.pathSegment = pathSegment;
    this.nameList = nameList;
  }

  /**
   * The entity name as it appears in queries and JSON, e.g. {@code SalesReceipt}.
   *
   * @return the name
   */
  public String entityName() {
    return entityName;
  }

  /**
   * The lower-case URL segment, e.g. {@code salesreceipt}.
   *
   * @return the segment
   */
  public String pathSegment() {
    return pathSegment;
  }

  /**
   * Whether this is a name-list entity with an {@code Active} flag.
   *
   * @return true for Customer and Item
   */
  public boolean isNameList() {
    return nameList;
  }

  /**
   * Looks an entity up by its case-sensitive query name.
   *
   * @param name e.g. {@code Customer}
   * @return the entity if the simulator holds it
   */
  public static Optional<SimEntity> byName(String name) {
    for (SimEntity e : values()) {
      if (e.entityName.equals(name)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
