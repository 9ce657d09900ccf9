package dev.qbmc.mailchimp;

import dev.qbmc.mailchimp.model.EcommerceCustomer;
import dev.qbmc.mailchimp.model.Order;
import dev.qbmc.mailchimp.model.OrderPatch;
import dev.qbmc.mailchimp.model.Product;
import dev.qbmc.mailchimp.model.Store;
import dev.qbmc.mailchimp.model.StoreCreate;
import dev.qbmc.mailchimp.model.StorePatch;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * E-commerce stores, customers, products and orders. Writes use the idempotent PUT upserts where Mailchimp
 * has them, so they are retried safely. Obtain from {@link MailchimpClient#ecommerce()}.
 */
public final class Ecommerce {
  private static final String STORE = "/ecommerce/stores/{store_id}";
  private final Transport transport;

  Ecommerce(Transport transport) {
    this.transport = transport;
  }

  /**
   * Creates a store ({@code POST /ecommerce/stores}); its list id never changes afterwards. Mailchimp has no
   * PUT for stores: after an unknown outcome, {@link #findStore} before creating again.
   *
   * @param store the store
   * @return the created store
   * @throws MailchimpOutcomeUnknownException if the request was sent but its outcome is unknown
   *     (not retried)
   * @throws MailchimpException if the call fails (an error answer, or throttling, a server error or
   *     a connection failure that outlasts the retry policy)
   */
  public Store createStore(StoreCreate store) {
    Objects.requireNonNull(store, "store");
    return transport.send("POST", ApiPath.of("/ecommerce/stores"), store, Store.class);
  }

  /**
   * A store, if it exists.
   *
   * @param storeId the store id
   * @return the store, empty on 404
   * @throws MailchimpException if the call fails (an error answer, or throttling, a server error or
   *     a connection failure that outlasts the retry policy)
   */
  public Optional<Store> findStore(String storeId) {
    try {
      return Optional.of(transport.get(ApiPath.of(STORE, storeId), Map.of(), Store.class));
    } catch (MailchimpNotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * Changes a store ({@code PATCH}), e.g. {@code is_syncing} true during a backfill (pausing order
   * notifications and e-commerce automations) and false afterwards.
   *
   * @param storeId the store id
   * @param patch the changes
   * @return the store as stored
   * @throws MailchimpNotFoundException if the store does not exist
   * @throws MailchimpException if the call fails (an error answer, or throttling, a server error or
   *     a connection failure that outlasts the retry policy)
   */
  public Store patchStore(String storeId, StorePatch patch) {
    Objects.requireNonNull(patch, "patch");
    return transport.send("PATCH", ApiPath.of(STORE, storeId), patch, Store.class);
  }

  /**
   * Deletes a store with its customers, products, orders and carts. Audience members stay.
   *
   * @param storeId the store id
   * @return true if deleted, false if it did not exist
   * @throws MailchimpException if the call fails (an error answer, or throttling, a server error or
   *     a connection failure that outlasts the retry policy)
   */
  public boolean deleteStore(String storeId) {
    return delete(ApiPath.of(STORE, storeId));
  }

  /**
   * Adds or updates a customer ({@code PUT .../customers/{customer_id}}). Its {@code opt_in_status} applies to a
   * new contact only; Mailchimp never overwrites an existing member's status from it.
   *
   * @param storeId the store id
   * @param customer the customer, with {@code opt_in_status} (required by Mailchimp for this call)
   * @return the customer as stored
   * @throws IllegalArgumentException if {@code opt_in_status} is absent
   * @throws MailchimpException if the call fails (an error answer, or throttling, a server error or
   *     a connection failure that outlasts the retry policy)
   */
  public EcommerceCustomer upsertCustomer(String storeId, EcommerceCustomer customer) {
    Objects.requireNonNull(customer, "customer");
    return transport.execute(prepareUpsertCustomer(storeId, customer));
  }

  /**
   * The request {@link #upsertCustomer} sends, prepared to run directly or as a batch operation.
   *
   * @param storeId the store id
   * @param customer the customer, with {@code opt_in_status}
   * @return the prepared {@code PUT}, repeatable
   * @throws IllegalArgumentException if {@code opt_in_status} is absent or an id is blank
   */
  public MailchimpRequest<EcommerceCustomer> prepareUpsertCustomer(String storeId, EcommerceCustomer customer) {
    Objects.requireNonNull(customer, "customer");
    if (customer.optInStatus().isEmpty()) {
      throw new IllegalArgumentException("opt_in_status is required to add or update customer " + customer.id());
    }
    return MailchimpRequest.of(transport, "PUT", ApiPath.of(STORE + "/customers/{customer_id}", storeId, customer.id()),
        customer, EcommerceCustomer.class);
  }

  /**
   * Adds or updates a product with its variants ({@code PUT .../products/{product_id}}).
   *
   * @param storeId the store id
   * @param product the product, with at least one variant
   * @return the product as stored
   * @throws IllegalArgumentException if the product has no variant
   * @throws MailchimpException if the call fails (an error answer, or throttling, a server error or
   *     a connection failure that outlasts the retry policy)
   */
  public Product upsertProduct(String storeId, Product product) {
    Objects.requireNonNull(product, "product");
    return transport.execute(prepareUpsertProduct(storeId, product));
  }

  /**
   * The request {@link #upsertProduct} sends, prepared to run directly or as a batch operation.
   *
   * @param storeId the store id
   * @param product the product, with at least one variant
   * @return the prepared {@code PUT}, repeatable
   * @throws IllegalArgumentException if the product has no variant or an id is blank
   */
  public MailchimpRequest<Product> prepareUpsertProduct(String storeId, Product product) {
    Objects.requireNonNull(product, "product");
    if (product.variants().isEmpty()) {
      throw new IllegalArgumentException("product " + product.id() + " needs at least one variant");
    }
    return MailchimpRequest.of(transport, "PUT", ApiPath.of(STORE + "/products/{product_id}", storeId, product.id()),
        product, Product.class);
  }

  /**
   * A product ({@code GET .../products/{product_id}}).
   *
   * @param storeId the store id
   * @param productId the product id
   * @return the product, empty when the store has none with that id
   * @throws MailchimpException if the call fails (an error answer, or throttling, a server error or
   *     a connection failure that outlasts the retry policy)
   */
  public Optional<Product> findProduct(String storeId, String productId) {
    try {
      return Optional.of(transport.get(ApiPath.of(STORE + "/products/{product_id}", storeId, productId), Map.of(),
          Product.class));
    } catch (MailchimpNotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * Deletes a product.
   *
   * @param storeId the store id
   * @param productId the product id
   * @return true if deleted, false if it did not exist
   * @throws MailchimpException if the call fails (an error answer, or throttling, a server error or
   *     a connection failure that outlasts the retry policy)
   */
  public boolean deleteProduct(String storeId, String productId) {
    return delete(ApiPath.of(STORE + "/products/{product_id}", storeId, productId));
  }

  /**
   * Adds or updates an order with its lines ({@code PUT .../orders/{order_id}}). Its products must exist.
   *
   * @param storeId the store id
   * @param order the order
   * @return the order as stored
   * @throws MailchimpException if the call fails (an error answer, or throttling, a server error or
   *     a connection failure that outlasts the retry policy)
   */
  public Order upsertOrder(String storeId, Order order) {
    return transport.execute(prepareUpsertOrder(storeId, order));
  }

  /**
   * The request {@link #upsertOrder} sends, prepared to run directly or as a batch operation.
   *
   * @param storeId the store id
   * @param order the order
   * @return the prepared {@code PUT}, repeatable
   * @throws IllegalArgumentException if an id is blank
   */
  public MailchimpRequest<Order> prepareUpsertOrder(String storeId, Order order) {
    Objects.requireNonNull(order, "order");
    return MailchimpRequest.of(transport, "PUT", ApiPath.of(STORE + "/orders/{order_id}", storeId, order.id()), order,
        Order.class);
  }

  /**
   * Changes an order ({@code PATCH}), e.g. its {@code financial_status} or {@code cancelled_at_foreign}.
   *
   * @param storeId the store id
   * @param orderId the order id
   * @param patch the changes
   * @return the order as stored
   * @throws MailchimpNotFoundException if the order does not exist
   * @throws MailchimpException if the call fails (an error answer, or throttling, a server error or
   *     a connection failure that outlasts the retry policy)
   */
  public Order patchOrder(String storeId, String orderId, OrderPatch patch) {
    return transport.execute(preparePatchOrder(storeId, orderId, patch));
  }

  /**
   * The request {@link #patchOrder} sends, prepared to run directly or as a batch operation.
   *
   * @param storeId the store id
   * @param orderId the order id
   * @param patch the changes
   * @return the prepared {@code PATCH}, repeatable
   * @throws IllegalArgumentException if an id is blank
   */
  public MailchimpRequest<Order> preparePatchOrder(String storeId, String orderId, OrderPatch patch) {
    Objects.requireNonNull(patch, "patch");
    return MailchimpRequest.of(transport, "PATCH", ApiPath.of(STORE + "/orders/{order_id}", storeId, orderId), patch,
        Order.class);
  }

  /**
   * Deletes an order.
   *
   * @param storeId the store id
   * @param orderId the order id
   * @return true if deleted, false if it did not exist
   * @throws MailchimpException if the call fails (an error answer, or throttling, a server error or
   *     a connection failure that outlasts the retry policy)
   */
  public boolean deleteOrder(String storeId, String orderId) {
    try {
      transport.execute(prepareDeleteOrder(storeId, orderId));
      return true;
    } catch (MailchimpNotFoundException e) {
      return false;
    }
  }

  /**
   * The request {@link #deleteOrder} sends, prepared to run directly or as a batch operation; run
   * directly, an order already gone is a {@link MailchimpNotFoundException}, in a batch a 404 result.
   *
   * @param storeId the store id
   * @param orderId the order id
   * @return the prepared {@code DELETE}, repeatable
   * @throws IllegalArgumentException if an id is blank
   */
  public MailchimpRequest<Void> prepareDeleteOrder(String storeId, String orderId) {
    return MailchimpRequest.of(transport, "DELETE", ApiPath.of(STORE + "/orders/{order_id}", storeId, orderId), null,
        Void.class);
  }

  private boolean delete(ApiPath path) {
    try {
      transport.sendNoContent("DELETE", path, null);
      return true;
    } catch (MailchimpNotFoundException e) {
      return false;
    }
  }
}
