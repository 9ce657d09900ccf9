package dev.qbmc.core.internal.service;

import dev.qbmc.core.mapping.CommerceCustomerRecord;
import dev.qbmc.core.mapping.ContactRecord;
import dev.qbmc.core.mapping.OrderLine;
import dev.qbmc.core.mapping.OrderRecord;
import dev.qbmc.core.mapping.PostalAddress;
import dev.qbmc.core.mapping.ProductRecord;
import dev.qbmc.core.model.MarketingStatus;
import dev.qbmc.mailchimp.model.AddressMergeValue;
import dev.qbmc.mailchimp.model.EcommerceCustomer;
import dev.qbmc.mailchimp.model.MemberStatus;
import dev.qbmc.mailchimp.model.MemberUpsert;
import dev.qbmc.mailchimp.model.MergeValue;
import dev.qbmc.mailchimp.model.Order;
import dev.qbmc.mailchimp.model.OrderLineItem;
import dev.qbmc.mailchimp.model.Product;
import dev.qbmc.mailchimp.model.ProductVariant;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Translates the core's mapped records into Mailchimp request bodies. Merge fields are only sent
 * when the audience has them (FNAME, LNAME, ADDRESS and PHONE exist by default but may be renamed
 * or deleted); absent values are omitted, never sent empty, so they never erase Mailchimp data.
 */
final class MailchimpRecords {
  static final String FNAME = "FNAME";
  static final String LNAME = "LNAME";
  static final String ADDRESS = "ADDRESS";
  static final String PHONE = "PHONE";

  private final Supplier<Set<String>> readMergeTags;
  private Set<String> mergeTags;

  /**
   * @param readMergeTags reads the merge field tags the audience has; called once, by the first
   *     {@link #mergeTags()}, so that a run that writes no member does not read them
   */
  MailchimpRecords(Supplier<Set<String>> readMergeTags) {
    this.readMergeTags = readMergeTags;
  }

  /**
   * The audience's merge field tags, read on the first call. A writer calls it before it builds
   * member bodies, so that a failed read fails the run instead of the members.
   */
  synchronized Set<String> mergeTags() {
    if (mergeTags == null) {
      mergeTags = Set.copyOf(readMergeTags.get());
    }
    return mergeTags;
  }

  static MemberStatus memberStatus(MarketingStatus status) {
    return status == MarketingStatus.SUBSCRIBED ? MemberStatus.SUBSCRIBED : MemberStatus.UNSUBSCRIBED;
  }

  MemberUpsert member(ContactRecord contact) {
    MemberUpsert.Builder member =
        MemberUpsert.builder()
            .emailAddress(contact.email().address())
            .statusIfNew(memberStatus(contact.statusIfNew()));
    if (mergeTags().contains(FNAME)) {
      contact.firstName().ifPresent(v -> member.putMergeFields(FNAME, MergeValue.truncatedText(v)));
    }
    if (mergeTags().contains(LNAME)) {
      contact.lastName().ifPresent(v -> member.putMergeFields(LNAME, MergeValue.truncatedText(v)));
    }
    if (mergeTags().contains(PHONE)) {
      contact.phone().ifPresent(v -> member.putMergeFields(PHONE, MergeValue.truncatedText(v)));
    }
    if (mergeTags().contains(ADDRESS)) {
      contact.address().ifPresent(a -> member.putMergeFields(ADDRESS, MergeValue.address(address(a))));
    }
    return member.build();
  }

  static AddressMergeValue address(PostalAddress address) {
    return AddressMergeValue.builder()
        .addr1(address.addr1())
        .addr2(address.addr2())
        .city(address.city())
        .state(address.state())
        .zip(address.zip())
        .country(address.country())
        .build();
  }

  static EcommerceCustomer customer(CommerceCustomerRecord record) {
    return EcommerceCustomer.builder()
        .id(record.id())
        .emailAddress(record.email().address())
        .optInStatus(record.optIn())
        .firstName(record.firstName())
        .lastName(record.lastName())
        .company(record.company())
        .build();
  }

  static Product product(ProductRecord record) {
    return Product.builder()
        .id(record.id())
        .title(record.title())
        .description(record.description())
        .addVariants(
            ProductVariant.builder()
                .id(record.variantId())
                .title(record.title())
                .sku(record.sku())
                .price(record.price())
                .build())
        .build();
  }

  /**
   * The order. Mailchimp order lines take an integer quantity: a fractional QBO quantity (hours,
   * weights) becomes one line of quantity 1 priced at quantity x unit price, so totals stay exact.
   */
  static Order order(OrderRecord record) {
    Order.Builder order =
        Order.builder()
            .id(record.id())
            .customer(EcommerceCustomer.builder().id(record.customerId()).build())
            .currencyCode(record.currencyCode())
            .orderTotal(record.orderTotal())
            .taxTotal(record.taxTotal())
            .discountTotal(record.discountTotal())
            .processedAtForeign(record.processedAt())
            .financialStatus(record.financialStatus().apiValue());
    for (OrderLine line : record.lines()) {
      order.addLines(line(line));
    }
    return order.build();
  }

  private static OrderLineItem line(OrderLine line) {
    BigDecimal quantity = line.quantity();
    boolean integral = quantity.signum() >= 0 && quantity.stripTrailingZeros().scale() <= 0
        && quantity.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
    int lineQuantity = integral ? quantity.intValueExact() : 1;
    BigDecimal price = integral ? line.price() : line.price().multiply(quantity).setScale(2, RoundingMode.HALF_EVEN);
    return OrderLineItem.builder()
        .id(line.id())
        .productId(line.productId())
        .productVariantId(line.productVariantId())
        .quantity(lineQuantity)
        .price(price)
        .build();
  }
}
