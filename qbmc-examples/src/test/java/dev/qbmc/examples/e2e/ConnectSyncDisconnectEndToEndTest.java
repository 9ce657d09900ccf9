package dev.qbmc.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qbmc.examples.cli.Setting;
import dev.qbmc.examples.cli.Sandbox;
import dev.qbmc.examples.sim.mailchimp.MailchimpSimulator;
import dev.qbmc.examples.sim.mailchimp.MemberView;
import dev.qbmc.examples.sim.quickbooks.GeneratedCompany;
import dev.qbmc.examples.sim.quickbooks.GeneratedCompany.CustomerKind;
import dev.qbmc.examples.sim.quickbooks.SimEntity;
import dev.qbmc.examples.sim.quickbooks.QuickBooksSimulator;
import dev.qbmc.examples.sim.quickbooks.SampleCompany;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole life of a connection driven through the operator CLI against both simulators: connect,
 * full sync, changes in QuickBooks, incremental sync, disconnect, reconnect and full sync again.
 * After each step the Mailchimp state is read back from the simulator and compared with the
 * QuickBooks data: members and their statuses, tags and merge fields, e-commerce customers,
 * products, and orders with totals to the cent.
 */
class ConnectSyncDisconnectEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TAG = "From QuickBooks";

  private final Sandbox sandbox = Sandbox.start(Duration.ZERO, true);
  private final QuickBooksSimulator qbo = sandbox.quickBooks();
  private final MailchimpSimulator mailchimp = sandbox.mailchimp();
  private final GeneratedCompany company = SampleCompany.create();
  private final String storeId = "qbo-" + qbo.realmId();

  @TempDir
  Path stateDir;

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void connect_sync_change_sync_disconnect_reconnect_leavesMailchimpMatchingQuickBooks() throws Exception {
    Map<String, String> env = environment();
    CliRun connect = CliRun.of(env, "connect");
    assertThat(connect.exitCode()).as(connect.toString()).isZero();
    assertThat(connect.out()).contains("Connection e2e: CONNECTED", sandbox.audienceId());

    JsonNode full = syncJson(env);
    assertThat(full.path("mode").asText()).isEqualTo("FULL");
    assertThat(full.path("outcome").asText()).isEqualTo("SUCCEEDED");
    assertThat(full.path("failures")).isEmpty();
    assertMembersMatchCustomers();
    assertProductsMatchItems();
    assertOrdersMatch(SyncedState.expectedOrders(qbo, SimEntity.INVOICE, SampleCompany.INVOICES, true),
        SyncedState.expectedOrders(qbo, SimEntity.SALES_RECEIPT, SampleCompany.SALES_RECEIPTS, true));
    assertThat(mailchimp.stores().get(0).path("is_syncing").asBoolean()).isFalse();
    int membersAfterFirstSync = mailchimp.members(sandbox.audienceId()).size();

    // Changes in QuickBooks: rename and move a customer, add an invoice, void one, delete a receipt.
    String movedId = SampleCompany.customerIds(CustomerKind.REGULAR).get(1);
    qbo.update(SimEntity.CUSTOMER, movedId, c -> {
      c.put("FamilyName", "Moved-Away");
      ((ObjectNode) c.path("BillAddr")).put("City", "Portland").put("CountrySubDivisionCode", "OR")
          .put("PostalCode", "97201");
    });
    String buyer = SampleCompany.customerIds(CustomerKind.REGULAR).get(0);
    String newInvoice = qbo.addInvoice(buyer, "4", 3, new BigDecimal("42.50")).path("Id").asText();
    qbo.voidTransaction(SimEntity.INVOICE, "2");
    qbo.deleteTransaction(SimEntity.SALES_RECEIPT, "3");
    String madeInactive = SampleCompany.customerIds(CustomerKind.REGULAR).get(2);
    qbo.makeCustomerInactive(madeInactive);

    JsonNode incremental = syncJson(env);
    assertThat(incremental.path("mode").asText()).isEqualTo("INCREMENTAL");
    assertThat(incremental.path("outcome").asText()).isEqualTo("SUCCEEDED");
    assertThat(incremental.path("counts").path("CUSTOMER").path("updated").asInt()).isEqualTo(1);
    assertThat(incremental.path("counts").path("INVOICE").path("created").asInt()).isEqualTo(1);
    assertThat(incremental.path("counts").path("SALES_RECEIPT").path("deleted").asInt()).isEqualTo(1);

    MemberView moved = member(movedId);
    assertThat(moved.mergeFields().path("LNAME").asText()).isEqualTo("Moved-Away");
    assertThat(moved.mergeFields().path("ADDRESS").path("city").asText()).isEqualTo("Portland");
    assertThat(moved.mergeFields().path("ADDRESS").path("state").asText()).isEqualTo("OR");
    assertThat(moved.mergeFields().path("ADDRESS").path("zip").asText()).isEqualTo("97201");
    Map<String, JsonNode> orders = orders();
    assertThat(money(orders.get("invoice-" + newInvoice).path("order_total"))).isEqualTo("127.50");
    assertThat(orders.get("invoice-" + newInvoice).path("customer").path("id").asText())
        .isEqualTo(member(buyer).subscriberHash());
    assertThat(orders.get("invoice-2").path("financial_status").asText()).isEqualTo("cancelled");
    assertThat(orders).doesNotContainKey("salesreceipt-3");
    assertThat(mailchimp.members(sandbox.audienceId())).hasSize(membersAfterFirstSync);
    assertThat(member(madeInactive).status()).as("a customer made inactive keeps its contact").isEqualTo("subscribed");
    assertMembersMatchCustomers();

    CliRun unchanged = CliRun.of(env, "sync", "--json");
    assertThat(JSON.readTree(unchanged.out()).path("totals").path("created").asInt()).isZero();
    assertThat(JSON.readTree(unchanged.out()).path("totals").path("updated").asInt()).isZero();

    // Disconnect: the store with its orders, products and e-commerce customers goes, contacts stay.
    List<MemberView> beforeDisconnect = mailchimp.members(sandbox.audienceId());
    CliRun disconnect = CliRun.of(env, "disconnect");
    assertThat(disconnect.exitCode()).as(disconnect.toString()).isZero();
    assertThat(mailchimp.stores()).isEmpty();
    assertThat(mailchimp.members(sandbox.audienceId()))
        .extracting(MemberView::emailAddress, MemberView::status, MemberView::tags)
        .containsExactlyElementsOf(beforeDisconnect.stream()
            .map(m -> org.assertj.core.groups.Tuple.tuple(m.emailAddress(), m.status(), m.tags())).toList());
    CliRun refused = CliRun.of(env, "sync");
    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
    assertThat(refused.errLines()).hasSize(1);

    // Reconnect with a new refresh token: a full sync that creates no duplicate contact.
    Map<String, String> again = environment();
    CliRun reconnect = CliRun.of(again, "connect");
    assertThat(reconnect.exitCode()).as(reconnect.toString()).isZero();
    JsonNode resync = syncJson(again);
    assertThat(resync.path("mode").asText()).isEqualTo("FULL");
    assertThat(resync.path("outcome").asText()).isEqualTo("SUCCEEDED");
    assertThat(mailchimp.members(sandbox.audienceId())).hasSize(membersAfterFirstSync);
    assertMembersMatchCustomers();
    assertProductsMatchItems();
    assertOrdersMatch(SyncedState.expectedOrders(qbo, SimEntity.INVOICE, SampleCompany.INVOICES + 1, true),
        SyncedState.expectedOrders(qbo, SimEntity.SALES_RECEIPT, SampleCompany.SALES_RECEIPTS, true));
  }

  @Test
  void marketingStatusUnsubscribed_addsNewContactsAsUnsubscribed_andTheirEcommerceCustomersWithoutOptIn()
      throws Exception {
    Map<String, String> env = environment();
    env.put(Setting.QBMC_MARKETING_STATUS.name(), "unsubscribed");
    assertThat(CliRun.of(env, "connect").exitCode()).isZero();

    JsonNode full = syncJson(env);

    assertThat(full.path("outcome").asText()).isEqualTo("SUCCEEDED");
    assertThat(mailchimp.members(sandbox.audienceId())).hasSizeGreaterThan(50)
        .allSatisfy(m -> assertThat(m.status()).isEqualTo("unsubscribed"))
        .allSatisfy(m -> assertThat(m.tags()).contains(TAG));
    assertThat(mailchimp.customers(storeId))
        .allSatisfy(c -> assertThat(c.path("opt_in_status").asBoolean()).isFalse());
  }

  private Map<String, String> environment() {
    Map<String, String> env = new HashMap<>(sandbox.environment());
    env.put(Setting.QBMC_STATE_DIR.name(), stateDir.toString());
    env.put(Setting.QBMC_CONNECTION_ID.name(), "e2e");
    env.put(Setting.QBMC_TAG.name(), TAG);
    return env;
  }

  private static JsonNode syncJson(Map<String, String> env) throws Exception {
    CliRun sync = CliRun.of(env, "sync", "--json");
    assertThat(sync.exitCode()).as(sync.toString()).isZero();
    return JSON.readTree(sync.out());
  }

  /** Every customer with a usable email is a member with the right status, tag and merge fields. */
  private void assertMembersMatchCustomers() {
    Set<String> unsubscribed = Set.copyOf(SampleCompany.unsubscribedEmails());
    List<MemberView> members = mailchimp.members(sandbox.audienceId());
    Set<String> expected = new java.util.TreeSet<>();
    for (long customer = 1; customer <= SampleCompany.CUSTOMERS; customer++) {
      long id = customer;
      CustomerKind kind = GeneratedCompany.customerKind(id);
      if (!SyncedState.hasUsableEmail(id)) {
        company.customerEmail(id).ifPresent(e -> assertThat(mailchimp.member(sandbox.audienceId(), e)).isEmpty());
        continue;
      }
      String email = email(Long.toString(id));
      expected.add(email);
      MemberView member = mailchimp.member(sandbox.audienceId(), email).orElseThrow(() -> new AssertionError(
          "no member for customer " + id));
      assertThat(member.status()).as("status of customer %s", id)
          .isEqualTo(unsubscribed.contains(email) ? "unsubscribed" : "subscribed");
      assertThat(member.tags()).as("tags of customer %s", id).contains(TAG);
      if (kind == CustomerKind.UNSUBSCRIBED_IN_MAILCHIMP) {
        continue;
      }
      ObjectNode qboCustomer = qbo.read(SimEntity.CUSTOMER, Long.toString(id)).orElseThrow();
      assertThat(member.mergeFields().path("FNAME").asText()).isEqualTo(qboCustomer.path("GivenName").asText());
      assertThat(member.mergeFields().path("LNAME").asText()).isEqualTo(qboCustomer.path("FamilyName").asText());
      JsonNode address = member.mergeFields().path("ADDRESS");
      if (kind == CustomerKind.INCOMPLETE_ADDRESS) {
        assertThat(address.isObject()).as("ADDRESS of customer %s with an incomplete address", id).isFalse();
      } else {
        JsonNode bill = qboCustomer.path("BillAddr");
        assertThat(address.path("addr1").asText()).isEqualTo(bill.path("Line1").asText());
        assertThat(address.path("city").asText()).isEqualTo(bill.path("City").asText());
        assertThat(address.path("state").asText()).isEqualTo(bill.path("CountrySubDivisionCode").asText());
        assertThat(address.path("zip").asText()).isEqualTo(bill.path("PostalCode").asText());
      }
    }
    assertThat(members).extracting(MemberView::emailAddress).containsExactlyInAnyOrderElementsOf(expected);
    if (!mailchimp.stores().isEmpty()) {
      assertThat(mailchimp.customers(storeId)).as("e-commerce customers, one per contact")
          .extracting(c -> c.path("email_address").asText()).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(mailchimp.customers(storeId))
          .allSatisfy(c -> assertThat(c.path("id").asText())
              .isEqualTo(mailchimp.member(sandbox.audienceId(), c.path("email_address").asText()).orElseThrow()
                  .subscriberHash()));
    }
    for (String secondAddress : List.of("billing.37@example.net")) {
      assertThat(mailchimp.member(sandbox.audienceId(), secondAddress)).isEmpty();
    }
  }

  /** Every item but the Category item is a product with one variant carrying its name and price. */
  private void assertProductsMatchItems() {
    Map<String, JsonNode> products = mailchimp.products(storeId).stream()
        .collect(Collectors.toMap(p -> p.path("id").asText(), Function.identity()));
    for (long id = 1; id <= SampleCompany.ITEMS; id++) {
      ObjectNode item = qbo.read(SimEntity.ITEM, Long.toString(id)).orElseThrow();
      if (item.path("Type").asText().equals("Category")) {
        assertThat(products).doesNotContainKey(Long.toString(id));
        continue;
      }
      JsonNode product = products.get(Long.toString(id));
      assertThat(product).as("product of item %s", id).isNotNull();
      assertThat(product.path("title").asText()).isEqualTo(item.path("Name").asText());
      assertThat(product.path("variants")).hasSize(1);
      if (item.has("UnitPrice")) {
        assertThat(money(product.path("variants").get(0).path("price")))
            .isEqualTo(money(item.path("UnitPrice")));
      }
    }
  }

  /** The store's orders are exactly the expected ones, with totals to the cent and the right status. */
  private void assertOrdersMatch(Map<String, ObjectNode> invoices, Map<String, ObjectNode> receipts) {
    Map<String, ObjectNode> expected = new TreeMap<>(invoices);
    expected.putAll(receipts);
    Map<String, JsonNode> orders = orders();
    assertThat(orders.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach((orderId, doc) -> {
      JsonNode order = orders.get(orderId);
      boolean voided = doc.path("PrivateNote").asText("").equals("Voided");
      assertThat(money(order.path("order_total"))).as("total of %s", orderId).isEqualTo(money(doc.path("TotalAmt")));
      assertThat(order.path("currency_code").asText()).isEqualTo("USD");
      String status = voided ? "cancelled"
          : doc.path("Balance").decimalValue().signum() == 0 ? "paid" : "pending";
      if (orderId.startsWith("salesreceipt-") && !voided) {
        status = "paid";
      }
      assertThat(order.path("financial_status").asText()).as("financial status of %s", orderId).isEqualTo(status);
      String customerId = doc.path("CustomerRef").path("value").asText();
      assertThat(order.path("customer").path("id").asText()).as("customer of %s", orderId)
          .isEqualTo(member(customerId).subscriberHash());
      assertThat(order.path("lines")).isNotEmpty();
    });
  }

  private Map<String, JsonNode> orders() {
    return mailchimp.orders(storeId).stream()
        .collect(Collectors.toMap(o -> o.path("id").asText(), Function.identity()));
  }

  private MemberView member(String customerId) {
    return mailchimp.member(sandbox.audienceId(), email(customerId)).orElseThrow();
  }

  /** The address qbmc syncs: the first of a comma-separated list, lower-cased. */
  private String email(String customerId) {
    return company.customerEmail(Long.parseLong(customerId)).orElseThrow().split(",")[0].strip()
        .toLowerCase(java.util.Locale.ROOT);
  }

  private static String money(JsonNode amount) {
    return new BigDecimal(amount.asText()).setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
  }
}
