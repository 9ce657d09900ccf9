package dev.qbmc.core.mapping;

import dev.qbmc.core.model.QboEntity;
import dev.qbmc.core.model.SkipReason;
import dev.qbmc.quickbooks.model.Customer;
import dev.qbmc.quickbooks.model.EmailAddress;
import dev.qbmc.quickbooks.model.GroupLineDetail;
import dev.qbmc.quickbooks.model.Invoice;
import dev.qbmc.quickbooks.model.Item;
import dev.qbmc.quickbooks.model.ItemType;
import dev.qbmc.quickbooks.model.Line;
import dev.qbmc.quickbooks.model.LineDetailType;
import dev.qbmc.quickbooks.model.MetaData;
import dev.qbmc.quickbooks.model.PhysicalAddress;
import dev.qbmc.quickbooks.model.ReferenceType;
import dev.qbmc.quickbooks.model.SalesItemLineDetail;
import dev.qbmc.quickbooks.model.SalesReceipt;
import dev.qbmc.quickbooks.model.SalesTransaction;
import dev.qbmc.quickbooks.model.TelephoneNumber;
import dev.qbmc.quickbooks.model.TxnTaxDetail;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Maps QuickBooks Online records to the records qbmc writes to Mailchimp. Pure: no I/O, no clock;
 * the same record and settings always give the same result, and no input makes it throw (a record
 * that cannot be synced comes back {@linkplain MappingOutcome#skipped skipped} with a reason).
 *
 * <p>Create one per connection with {@link #of(SyncSettings)}; instances are immutable.
 */
public final class QboMapper {

  /** Product descriptions are longer texts; cut at 4,000 UTF-8 bytes. */
  private static final int DESCRIPTION_BYTES = 4000;

  private final SyncSettings settings;

  private QboMapper(SyncSettings settings) {
    this.settings = settings;
  }

  /**
   * A mapper for one connection.
   *
   * @param settings the connection's settings (marketing status, tag, home currency)
   * @return the mapper
   * @throws NullPointerException if settings is null
   */
  public static QboMapper of(SyncSettings settings) {
    return new QboMapper(Objects.requireNonNull(settings, "settings"));
  }

  /**
   * The settings this mapper applies.
   *
   * @return the settings
   */
  public SyncSettings settings() {
    return settings;
  }

  // ---------------------------------------------------------------------------------- customers

  /**
   * Maps a customer to an audience contact and an e-commerce customer.
   *
   * <ul>
   *   <li>Email: the first valid, non-role-based address of {@code PrimaryEmailAddr.Address}
   *       ({@link EmailCheck}); otherwise skipped with {@link SkipReason#NO_EMAIL}, {@link
   *       SkipReason#INVALID_EMAIL} or {@link SkipReason#ROLE_BASED_EMAIL}.
   *   <li>Names: {@code GivenName}/{@code FamilyName} when either is present, else split from
   *       {@code DisplayName}, else from {@code CompanyName} (see {@link NameSplitter}); a
   *       sub-customer's (job's) own name never becomes a person's name, so a job without {@code
   *       GivenName}/{@code FamilyName} has none.
   *   <li>Address: the first complete one of {@code BillAddr} and {@code ShipAddr} (Line1, City,
   *       CountrySubDivisionCode, PostalCode; Line2 as addr2; Country as ISO alpha-2 when known);
   *       when neither is complete but one was given, no address and {@link
   *       MappingNote#INCOMPLETE_ADDRESS}.
   *   <li>Phone: {@code PrimaryPhone}, else {@code Mobile}.
   *   <li>Text values are cleaned ({@link SafeText#clean}: no control, bidi or zero-width
   *       characters) and cut to 255 UTF-8 bytes on a character boundary ({@link
   *       MappingNote#TRUNCATED_VALUE});
   *       blank values are absent, and absent values are left out of the write.
   *   <li>Inactive ("deleted") customers are mapped like active ones: their contact is kept.
   *   <li>{@link MappedCustomer#rank()} says how well the customer represents a contact shared by
   *       several customers; {@link MappedCustomer#openBalance()} comes from {@code
   *       BalanceWithJobs}, else {@code Balance}.
   * </ul>
   *
   * @param customer the QBO customer
   * @return the contact and e-commerce customer, or the skip reason
   */
  public MappingOutcome<MappedCustomer> customer(Customer customer) {
    Objects.requireNonNull(customer, "customer");
    String id = customer.id().strip();
    if (id.isEmpty()) {
      return MappingOutcome.skipped(
          QboEntity.CUSTOMER, "", SkipReason.MALFORMED_RECORD, "customer without Id");
    }
    String rawEmail = customer.primaryEmailAddr().flatMap(EmailAddress::address).orElse(null);
    EmailCheck check = EmailCheck.of(rawEmail);
    switch (check.classification()) {
      case MISSING:
        return MappingOutcome.skipped(QboEntity.CUSTOMER, id, SkipReason.NO_EMAIL, "no email address");
      case INVALID_SYNTAX:
        return MappingOutcome.skipped(
            QboEntity.CUSTOMER, id, SkipReason.INVALID_EMAIL, "no valid email address");
      case ROLE_BASED:
        return MappingOutcome.skipped(
            QboEntity.CUSTOMER,
            id,
            SkipReason.ROLE_BASED_EMAIL,
            "only role-based email addresses (refused by Mailchimp on import)");
      case VALID:
      default:
        break;
    }
    ContactEmail email = check.email().orElseThrow();
    Set<MappingNote> notes = EnumSet.noneOf(MappingNote.class);
    if (rawEmail.indexOf(',') >= 0) {
      notes.add(MappingNote.FIRST_OF_SEVERAL_EMAILS);
    }

    Optional<String> given = TextLimits.clean(customer.givenName(), notes);
    Optional<String> family = TextLimits.clean(customer.familyName(), notes);
    boolean job = isJob(customer);
    if (given.isEmpty() && family.isEmpty() && !job) {
      Optional<String> source =
          nonBlank(customer.displayName()).or(() -> nonBlank(customer.companyName()));
      if (source.isPresent()) {
        NameSplitter.Split split = NameSplitter.split(source.get());
        given = TextLimits.clean(split.first(), notes);
        family = TextLimits.clean(split.last(), notes);
      }
    }
    Optional<PostalAddress> address = address(customer, notes);
    Optional<String> phone =
        TextLimits.clean(
            customer
                .primaryPhone()
                .flatMap(TelephoneNumber::freeFormNumber)
                .filter(p -> !p.isBlank())
                .or(() -> customer.mobile().flatMap(TelephoneNumber::freeFormNumber)),
            notes);
    Optional<OffsetDateTime> lastUpdated =
        customer.metaData().flatMap(MetaData::lastUpdatedTime);
    boolean openBalance =
        customer.balanceWithJobs().or(customer::balance).map(b -> b.signum() > 0).orElse(false);

    ContactRecord contact =
        ContactRecord.builder()
            .qboCustomerId(id)
            .email(email)
            .firstName(given)
            .lastName(family)
            .address(address)
            .phone(phone)
            .tag(settings.tag())
            .statusIfNew(settings.marketingStatus())
            .notes(notes)
            .lastUpdated(lastUpdated)
            .build();
    CommerceCustomerRecord commerce =
        CommerceCustomerRecord.builder()
            .qboCustomerId(id)
            .email(email)
            .optIn(settings.marketingStatus().optIn())
            .firstName(given)
            .lastName(family)
            .company(TextLimits.clean(customer.companyName(), EnumSet.noneOf(MappingNote.class)))
            .build();
    return MappingOutcome.mapped(
        QboEntity.CUSTOMER,
        id,
        MappedCustomer.of(contact, commerce, new CustomerRank(id, job, customer.active()), openBalance));
  }

  /**
   * Whether a customer's invoices and sales receipts belong to its parent's contact: a sub-customer
   * (a {@code ParentRef} naming another customer) billed with its parent ({@code BillWithParent}),
   * or one whose own email address is missing, invalid or role-based. Such a job is not skipped: its
   * orders name the e-commerce customer of its top-level ancestor (resolved by the planner, across
   * chunks and syncs), and the report notes it. A job billed with its parent that has a usable email
   * address still gets a contact of its own from {@link #customer}.
   *
   * @param customer the QBO customer
   * @return the link to its parent, empty for a customer whose orders are its own
   */
  public Optional<ParentLink> parentLink(Customer customer) {
    Objects.requireNonNull(customer, "customer");
    String id = customer.id().strip();
    Optional<String> parent = customer.parentRef().map(ReferenceType::value).flatMap(QboMapper::nonBlank);
    if (id.isEmpty() || parent.isEmpty() || parent.get().equals(id)) {
      return Optional.empty();
    }
    if (customer.billWithParent()) {
      return Optional.of(new ParentLink(id, parent.get(), true, "billed with its parent " + parent.get()));
    }
    EmailCheck check = EmailCheck.of(customer.primaryEmailAddr().flatMap(EmailAddress::address).orElse(null));
    switch (check.classification()) {
      case MISSING:
        return Optional.of(new ParentLink(id, parent.get(), false, "job without email; its orders go to parent "
            + parent.get()));
      case INVALID_SYNTAX:
        return Optional.of(new ParentLink(id, parent.get(), false, "job without a valid email; its orders go to parent "
            + parent.get()));
      case ROLE_BASED:
        return Optional.of(new ParentLink(id, parent.get(), false,
            "job with only a role-based email; its orders go to parent " + parent.get()));
      case VALID:
      default:
        return Optional.empty();
    }
  }

  /** A sub-customer: QBO's {@code Job} flag, or a {@code ParentRef}. */
  private static boolean isJob(Customer customer) {
    return customer.job() || customer.parentRef().map(ReferenceType::value).flatMap(QboMapper::nonBlank).isPresent();
  }

  private static Optional<PostalAddress> address(Customer customer, Set<MappingNote> notes) {
    boolean given = false;
    for (Optional<PhysicalAddress> candidate : List.of(customer.billAddr(), customer.shipAddr())) {
      if (candidate.isEmpty() || isEmpty(candidate.get())) {
        continue;
      }
      given = true;
      Optional<PostalAddress> complete = complete(candidate.get(), notes);
      if (complete.isPresent()) {
        return complete;
      }
    }
    if (given) {
      notes.add(MappingNote.INCOMPLETE_ADDRESS);
    }
    return Optional.empty();
  }

  private static boolean isEmpty(PhysicalAddress a) {
    return nonBlank(a.line1()).isEmpty()
        && nonBlank(a.line2()).isEmpty()
        && nonBlank(a.line3()).isEmpty()
        && nonBlank(a.city()).isEmpty()
        && nonBlank(a.countrySubDivisionCode()).isEmpty()
        && nonBlank(a.postalCode()).isEmpty()
        && nonBlank(a.country()).isEmpty();
  }

  private static Optional<PostalAddress> complete(PhysicalAddress a, Set<MappingNote> notes) {
    Set<MappingNote> local = EnumSet.noneOf(MappingNote.class);
    Optional<String> addr1 = TextLimits.clean(a.line1(), local);
    Optional<String> city = TextLimits.clean(a.city(), local);
    Optional<String> state = TextLimits.clean(a.countrySubDivisionCode(), local);
    Optional<String> zip = TextLimits.clean(a.postalCode(), local);
    if (addr1.isEmpty() || city.isEmpty() || state.isEmpty() || zip.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> addr2 = TextLimits.clean(a.line2(), local);
    notes.addAll(local);
    return Optional.of(
        PostalAddress.builder()
            .addr1(addr1.get())
            .addr2(addr2)
            .city(city.get())
            .state(state.get())
            .zip(zip.get())
            .country(a.country().flatMap(CountryCodes::toAlpha2))
            .build());
  }

  // ---------------------------------------------------------------------------------- items

  /**
   * Maps an item to a product with one variant: id = QBO Id, title = {@code Name} (else
   * {@code FullyQualifiedName}, else "Item &lt;Id&gt;"), SKU = {@code Sku}, price = {@code UnitPrice},
   * description = {@code Description}. {@code Category} items are skipped with {@link
   * SkipReason#NOT_A_PRODUCT}; inactive items stay products (orders name them).
   *
   * @param item the QBO item
   * @return the product, or the skip reason
   */
  public MappingOutcome<ProductRecord> item(Item item) {
    Objects.requireNonNull(item, "item");
    String id = item.id().strip();
    if (id.isEmpty()) {
      return MappingOutcome.skipped(QboEntity.ITEM, "", SkipReason.MALFORMED_RECORD, "item without Id");
    }
    if (item.type() == ItemType.CATEGORY) {
      return MappingOutcome.skipped(
          QboEntity.ITEM, id, SkipReason.NOT_A_PRODUCT, "Category items are not sellable products");
    }
    Set<MappingNote> ignored = EnumSet.noneOf(MappingNote.class);
    String title =
        TextLimits.clean(item.name(), ignored)
            .or(() -> TextLimits.clean(item.fullyQualifiedName(), ignored))
            .orElse("Item " + id);
    ProductRecord product =
        ProductRecord.builder()
            .id(id)
            .title(title)
            .sku(TextLimits.clean(item.sku(), ignored))
            .price(item.unitPrice())
            .description(TextLimits.clean(item.description(), ignored, DESCRIPTION_BYTES))
            .build();
    return MappingOutcome.mapped(QboEntity.ITEM, id, product);
  }

  // ---------------------------------------------------------------------------------- orders

  /**
   * Maps an invoice to an order {@code invoice-<Id>}; see {@link #salesReceipt} for the rules.
   *
   * @param invoice the QBO invoice
   * @param customers resolves the invoice's {@code CustomerRef}
   * @return the order, or the skip reason
   */
  public MappingOutcome<OrderRecord> invoice(Invoice invoice, CustomerDirectory customers) {
    Objects.requireNonNull(invoice, "invoice");
    return order(QboEntity.INVOICE, invoice, Objects.requireNonNull(customers, "customers"));
  }

  /**
   * Maps a sales receipt to an order {@code salesreceipt-<Id>}.
   *
   * <ul>
   *   <li>No {@code CustomerRef}: skipped with {@link SkipReason#NO_CUSTOMER}. A customer the
   *       directory does not know, or knows as not synced: skipped with {@link
   *       SkipReason#CUSTOMER_NOT_SYNCED} (the detail names the customer's own reason).
   *   <li>Lines: every {@code SalesItemLineDetail} line, including those nested in a {@code
   *       GroupLineDetail} (the group line itself is not an order line); subtotal, discount and
   *       description-only lines are not order lines. See {@link OrderLine} for quantity and price;
   *       a line without {@code ItemRef} names {@link ProductRecord#PLACEHOLDER_ID}.
   *   <li>Total {@code TotalAmt} (0 if absent); tax {@code TxnTaxDetail.TotalTax}; discount the sum
   *       of the discount lines' {@code Amount}; currency {@code CurrencyRef} else the home currency.
   *   <li>{@code processed_at_foreign}: see {@link OrderRecord#processedAt()}.
   *   <li>Voided ({@code PrivateNote} starting with "Voided", {@code TotalAmt} and every line amount
   *       0): {@link FinancialStatus#CANCELLED}; else paid when {@code Balance} is 0, pending when
   *       not; without a {@code Balance} a sales receipt is paid and an invoice pending (paid if its
   *       total is 0).
   * </ul>
   *
   * @param receipt the QBO sales receipt
   * @param customers resolves the receipt's {@code CustomerRef}
   * @return the order, or the skip reason
   */
  public MappingOutcome<OrderRecord> salesReceipt(SalesReceipt receipt, CustomerDirectory customers) {
    Objects.requireNonNull(receipt, "receipt");
    return order(QboEntity.SALES_RECEIPT, receipt, Objects.requireNonNull(customers, "customers"));
  }

  private MappingOutcome<OrderRecord> order(
      QboEntity entityType, SalesTransaction txn, CustomerDirectory customers) {
    String id = txn.id().strip();
    if (id.isEmpty()) {
      return MappingOutcome.skipped(entityType, "", SkipReason.MALFORMED_RECORD, "transaction without Id");
    }
    Optional<String> customerId = txn.customerRef().map(ReferenceType::value).flatMap(QboMapper::nonBlank);
    if (customerId.isEmpty()) {
      return MappingOutcome.skipped(entityType, id, SkipReason.NO_CUSTOMER, "names no customer");
    }
    Optional<CustomerResolution> resolution = customers.resolve(customerId.get());
    if (resolution.isEmpty()) {
      return MappingOutcome.skipped(
          entityType, id, SkipReason.CUSTOMER_NOT_SYNCED,
          "customer " + customerId.get() + " is not known to the sync");
    }
    if (resolution.get().commerceCustomerId().isEmpty()) {
      return MappingOutcome.skipped(
          entityType, id, SkipReason.CUSTOMER_NOT_SYNCED,
          "customer " + customerId.get() + " is skipped: "
              + resolution.get().skipReason().map(Enum::name).orElse("unknown"));
    }

    List<OrderLine> lines = new ArrayList<>();
    BigDecimal discount = null;
    boolean allLinesZero = true;
    int position = 0;
    for (Line line : txn.lines()) {
      position++;
      if (!isZero(line.amount())) {
        allLinesZero = false;
      }
      LineDetailType type = detailType(line);
      if (type == LineDetailType.SALES_ITEM_LINE_DETAIL) {
        lines.add(orderLine(line, line.id().flatMap(QboMapper::nonBlank).orElse("line-" + position)));
      } else if (type == LineDetailType.GROUP_LINE_DETAIL) {
        String groupId = line.id().flatMap(QboMapper::nonBlank).orElse("line-" + position);
        int nested = 0;
        for (Line inner : line.groupLineDetail().map(GroupLineDetail::lines).orElse(List.of())) {
          nested++;
          if (!isZero(inner.amount())) {
            allLinesZero = false;
          }
          if (detailType(inner) == LineDetailType.SALES_ITEM_LINE_DETAIL) {
            lines.add(
                orderLine(inner, groupId + "-" + inner.id().flatMap(QboMapper::nonBlank).orElse("line-" + nested)));
          }
        }
      } else if (type == LineDetailType.DISCOUNT_LINE_DETAIL) {
        BigDecimal amount = line.amount().orElse(BigDecimal.ZERO);
        discount = discount == null ? amount : discount.add(amount);
      }
    }

    BigDecimal total = txn.totalAmt().orElse(BigDecimal.ZERO);
    boolean voided =
        txn.privateNote().map(n -> n.strip().toLowerCase(Locale.ROOT).startsWith("voided")).orElse(false)
            && total.signum() == 0
            && allLinesZero;
    FinancialStatus status;
    if (voided) {
      status = FinancialStatus.CANCELLED;
    } else if (txn.balance().isPresent()) {
      status = txn.balance().get().signum() == 0 ? FinancialStatus.PAID : FinancialStatus.PENDING;
    } else if (entityType == QboEntity.SALES_RECEIPT || total.signum() == 0) {
      status = FinancialStatus.PAID;
    } else {
      status = FinancialStatus.PENDING;
    }

    OrderRecord order =
        OrderRecord.builder()
            .entityType(entityType)
            .qboId(id)
            .customerId(resolution.get().commerceCustomerId().get())
            .currencyCode(currency(txn.currencyRef()))
            .orderTotal(total)
            .taxTotal(txn.txnTaxDetail().flatMap(TxnTaxDetail::totalTax))
            .discountTotal(Optional.ofNullable(discount))
            .processedAt(processedAt(txn.txnDate(), txn.metaData().flatMap(MetaData::createTime)))
            .financialStatus(status)
            .lines(lines)
            .dueDate(txn instanceof Invoice ? ((Invoice) txn).dueDate() : Optional.empty())
            .openBalance(!voided && txn.balance().map(b -> b.signum() > 0).orElse(false))
            .build();
    return MappingOutcome.mapped(entityType, id, order);
  }

  private static LineDetailType detailType(Line line) {
    LineDetailType type = line.detailType();
    if (type != LineDetailType.UNKNOWN) {
      return type;
    }
    if (line.salesItemLineDetail().isPresent()) {
      return LineDetailType.SALES_ITEM_LINE_DETAIL;
    }
    if (line.groupLineDetail().isPresent()) {
      return LineDetailType.GROUP_LINE_DETAIL;
    }
    if (line.discountLineDetail().isPresent()) {
      return LineDetailType.DISCOUNT_LINE_DETAIL;
    }
    return LineDetailType.UNKNOWN;
  }

  private static OrderLine orderLine(Line line, String lineId) {
    Optional<SalesItemLineDetail> detail = line.salesItemLineDetail();
    Optional<ReferenceType> itemRef = detail.flatMap(SalesItemLineDetail::itemRef);
    String productId =
        itemRef.map(ReferenceType::value).flatMap(QboMapper::nonBlank).orElse(ProductRecord.PLACEHOLDER_ID);
    Optional<BigDecimal> qty = detail.flatMap(SalesItemLineDetail::qty);
    Optional<BigDecimal> unitPrice = detail.flatMap(SalesItemLineDetail::unitPrice);
    BigDecimal quantity;
    BigDecimal price;
    if (qty.isPresent() && unitPrice.isPresent() && isWholePositive(qty.get())) {
      quantity = qty.get();
      price = unitPrice.get();
    } else {
      quantity = BigDecimal.ONE;
      price =
          line.amount()
              .orElseGet(
                  () -> qty.isPresent() && unitPrice.isPresent()
                      ? qty.get().multiply(unitPrice.get())
                      : BigDecimal.ZERO);
    }
    return OrderLine.builder()
        .id(lineId)
        .productId(productId)
        .itemName(TextLimits.clean(itemRef.flatMap(ReferenceType::name), EnumSet.noneOf(MappingNote.class)))
        .quantity(quantity)
        .price(price)
        .build();
  }

  private static boolean isWholePositive(BigDecimal value) {
    return value.signum() > 0 && (value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0);
  }

  private String currency(Optional<ReferenceType> currencyRef) {
    return currencyRef
        .map(ReferenceType::value)
        .map(v -> v.strip().toUpperCase(Locale.ROOT))
        .filter(v -> v.length() == 3 && v.chars().allMatch(c -> c >= 'A' && c <= 'Z'))
        .orElse(settings.homeCurrency());
  }

  static Optional<OffsetDateTime> processedAt(Optional<LocalDate> txnDate, Optional<OffsetDateTime> created) {
    if (txnDate.isEmpty()) {
      return Optional.empty();
    }
    LocalDate date = txnDate.get();
    if (created.isPresent()) {
      OffsetDateTime c = created.get();
      if (c.toLocalDate().equals(date)) {
        return Optional.of(c);
      }
      return Optional.of(date.atStartOfDay().atOffset(c.getOffset()));
    }
    return Optional.of(date.atStartOfDay().atOffset(ZoneOffset.UTC));
  }

  private static boolean isZero(Optional<BigDecimal> amount) {
    return amount.map(a -> a.signum() == 0).orElse(true);
  }

  private static Optional<String> nonBlank(Optional<String> value) {
    return value.map(String::strip).filter(s -> !s.isEmpty());
  }

  private static Optional<String> nonBlank(String value) {
    String s = value.strip();
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }
}
