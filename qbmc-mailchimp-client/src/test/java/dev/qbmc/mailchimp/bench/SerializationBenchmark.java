package dev.qbmc.mailchimp.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qbmc.mailchimp.internal.MailchimpJson;
import dev.qbmc.mailchimp.model.AddressMergeValue;
import dev.qbmc.mailchimp.model.BatchSubscribeMember;
import dev.qbmc.mailchimp.model.BatchSubscribeRequest;
import dev.qbmc.mailchimp.model.EcommerceCustomer;
import dev.qbmc.mailchimp.model.MemberStatus;
import dev.qbmc.mailchimp.model.MergeValue;
import dev.qbmc.mailchimp.model.Order;
import dev.qbmc.mailchimp.model.OrderLineItem;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Serialisation throughput of the two largest bodies the client writes: a 500-member batch subscribe body
 * and 1,000 orders of 5 lines each (one PUT body per order). Not a test; run its {@code main} after
 * {@code mvn test-compile}, e.g.
 * {@code java -cp target/classes:target/test-classes:<jackson jars> dev.qbmc.mailchimp.bench.SerializationBenchmark}.
 */
public final class SerializationBenchmark {
  private SerializationBenchmark() {}

  /**
   * Runs the benchmark and prints the results.
   *
   * @param args ignored
   * @throws Exception if serialisation fails
   */
  public static void main(String[] args) throws Exception {
    ObjectMapper json = MailchimpJson.mapper();
    BatchSubscribeRequest batch = batch();
    List<Order> orders = orders();
    long batchBytes = json.writeValueAsBytes(batch).length;
    long orderBytes = 0;
    for (Order o : orders) {
      orderBytes += json.writeValueAsBytes(o).length;
    }
    for (int i = 0; i < 300; i++) { // warm-up
      json.writeValueAsBytes(batch);
      for (Order o : orders) {
        json.writeValueAsBytes(o);
      }
    }
    int rounds = 500;
    long start = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      json.writeValueAsBytes(batch);
    }
    double batchMs = (System.nanoTime() - start) / 1e6 / rounds;
    start = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      for (Order o : orders) {
        json.writeValueAsBytes(o);
      }
    }
    double ordersMs = (System.nanoTime() - start) / 1e6 / rounds;
    System.out.printf("500-member batch subscribe body: %,d bytes, %.3f ms per body, %,.0f members/s, %.1f MB/s%n",
        batchBytes, batchMs, 500 / (batchMs / 1000), batchBytes / (batchMs / 1000) / 1e6);
    System.out.printf("1,000 orders x 5 lines: %,d bytes, %.3f ms per 1,000 orders, %,.0f orders/s, %.1f MB/s%n",
        orderBytes, ordersMs, 1000 / (ordersMs / 1000), orderBytes / (ordersMs / 1000) / 1e6);
  }

  private static BatchSubscribeRequest batch() {
    List<BatchSubscribeMember> members = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      members.add(BatchSubscribeMember.builder()
          .emailAddress("customer" + i + "@example.com")
          .status(MemberStatus.SUBSCRIBED)
          .putMergeFields("FNAME", MergeValue.text("Firstname" + i))
          .putMergeFields("LNAME", MergeValue.text("Lastname-Ünïcode " + i))
          .putMergeFields("PHONE", MergeValue.text("+1 (555) 010-" + (1000 + i)))
          .putMergeFields("ADDRESS", MergeValue.address(AddressMergeValue.builder().addr1(i + " Main Street")
              .city("Mountain View").state("CA").zip("94043").country("US").build()))
          .build());
    }
    return BatchSubscribeRequest.builder().members(members).updateExisting(false).build();
  }

  private static List<Order> orders() {
    List<Order> orders = new ArrayList<>();
    OffsetDateTime at = OffsetDateTime.of(2026, 11, 1, 9, 30, 0, 0, ZoneOffset.UTC);
    for (int i = 0; i < 1000; i++) {
      Order.Builder o = Order.builder()
          .id("invoice-" + i)
          .customer(EcommerceCustomer.builder().id("customer-" + (i % 200)).build())
          .currencyCode("USD")
          .orderTotal(new BigDecimal("262.50"))
          .taxTotal(new BigDecimal("12.50"))
          .discountTotal(new BigDecimal("0.00"))
          .financialStatus(i % 3 == 0 ? "pending" : "paid")
          .processedAtForeign(at.plusMinutes(i));
      for (int l = 1; l <= 5; l++) {
        o.addLines(OrderLineItem.builder().id(Integer.toString(l)).productId("item-" + l).productVariantId("item-" + l)
            .quantity(l).price(new BigDecimal("17.50")).build());
      }
      orders.add(o.build());
    }
    return orders;
  }
}
