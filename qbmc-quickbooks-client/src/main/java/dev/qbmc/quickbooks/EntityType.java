package dev.qbmc.quickbooks;

import dev.qbmc.quickbooks.model.Customer;
import dev.qbmc.quickbooks.model.Invoice;
import dev.qbmc.quickbooks.model.Item;
import dev.qbmc.quickbooks.model.SalesReceipt;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A QBO entity this client can query, read and follow through Change Data Capture, with its model
 * type.
 *
 * @param <T> the model type
 */
public final class EntityType<T> {
  /** Customers (including sub-customers and jobs). */
  public static final EntityType<Customer> CUSTOMER =
      new EntityType<>("Customer", Customer.class, Customer::id);
  /** Invoices. */
  public static final EntityType<Invoice> INVOICE =
      new EntityType<>("Invoice", Invoice.class, Invoice::id);
  /** Sales receipts. */
  public static final EntityType<SalesReceipt> SALES_RECEIPT =
      new EntityType<>("SalesReceipt", SalesReceipt.class, SalesReceipt::id);
  /** Products and services. */
  public static final EntityType<Item> ITEM = new EntityType<>("Item", Item.class, Item::id);

  private final String name;
  private final Class<T> modelType;
  private final Function<T, String> id;

  private EntityType(String name, Class<T> modelType, Function<T, String> id) {
    this.name = name;
    this.modelType = modelType;
    this.id = id;
  }

  /**
   * Every supported entity type.
   *
   * @return customer, invoice, sales receipt and item
   */
  public static List<EntityType<?>> values() {
    return List.of(CUSTOMER, INVOICE, SALES_RECEIPT, ITEM);
  }

  /**
   * The QBO entity name as used in queries, URLs and webhooks, for example {@code SalesReceipt}.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The model class.
   *
   * @return the class
   */
  public Class<T> modelType() {
    return modelType;
  }

  /** The {@code Id} of an entity of this type (paging in Id order compares them). */
  String idOf(T entity) {
    return id.apply(entity);
  }

  /**
   * Finds a type by QBO entity name, ignoring case.
   *
   * @param name the entity name, for example {@code customer}
   * @return the type
   * @throws IllegalArgumentException when the name is not a supported entity
   */
  public static EntityType<?> fromName(String name) {
    Objects.requireNonNull(name, "name");
    for (EntityType<?> type : values()) {
      if (type.name.equalsIgnoreCase(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException("Unsupported QBO entity: " + name);
  }

  @Override
  public String toString() {
    return name;
  }
}
