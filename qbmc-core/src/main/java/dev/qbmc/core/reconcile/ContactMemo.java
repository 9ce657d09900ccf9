package dev.qbmc.core.reconcile;

import dev.qbmc.core.mapping.CustomerRank;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What the planner remembers of a contact between syncs, kept as the {@code CONTACT} state's memo:
 * the customer that represents it (its rank), the fact tags it carries, and the overdue invoices of
 * its customers (at most {@value #MAX_OVERDUE}; more overdue invoices keep the tag but are not
 * tracked one by one). Form: {@code 1|<rank or ->|<tag letters or ->|<invoice ids, comma-separated,
 * or ->}, for example {@code 1|ta42|BO|1001,1007}. A memo that does not read is treated as empty.
 */
final class ContactMemo {

  /** Overdue invoices tracked per contact; the state stays small however many a customer has. */
  static final int MAX_OVERDUE = 20;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,40}");
  private static final Comparator<String> BY_ID =
      Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

  private CustomerRank representative;
  private boolean openBalanceTag;
  private boolean overdueTag;
  private final TreeSet<String> overdue = new TreeSet<>(BY_ID);

  private ContactMemo() {}

  static ContactMemo empty() {
    return new ContactMemo();
  }

  static ContactMemo parse(Optional<String> memo) {
    ContactMemo m = new ContactMemo();
    if (memo.isEmpty()) {
      return m;
    }
    String[] parts = memo.get().split("\\|", -1);
    if (parts.length != 4 || !parts[0].equals("1")) {
      return m;
    }
    m.representative = parts[1].equals("-") ? null : CustomerRank.decode(parts[1]).orElse(null);
    m.openBalanceTag = parts[2].indexOf('B') >= 0;
    m.overdueTag = parts[2].indexOf('O') >= 0;
    if (!parts[3].equals("-")) {
      for (String id : parts[3].split(",")) {
        m.addOverdue(id);
      }
    }
    return m;
  }

  ContactMemo copy() {
    ContactMemo m = new ContactMemo();
    m.representative = representative;
    m.openBalanceTag = openBalanceTag;
    m.overdueTag = overdueTag;
    m.overdue.addAll(overdue);
    return m;
  }

  String encode() {
    String tags = (openBalanceTag ? "B" : "") + (overdueTag ? "O" : "");
    return "1|" + (representative == null ? "-" : representative.encode()) + "|" + (tags.isEmpty() ? "-" : tags)
        + "|" + (overdue.isEmpty() ? "-" : String.join(",", overdue));
  }

  Optional<CustomerRank> representative() {
    return Optional.ofNullable(representative);
  }

  void representative(CustomerRank rank) {
    this.representative = rank;
  }

  boolean openBalanceTag() {
    return openBalanceTag;
  }

  void openBalanceTag(boolean on) {
    this.openBalanceTag = on;
  }

  boolean overdueTag() {
    return overdueTag;
  }

  void overdueTag(boolean on) {
    this.overdueTag = on;
  }

  boolean hasOverdue() {
    return !overdue.isEmpty();
  }

  /** Tracks an overdue invoice; ignored past {@value #MAX_OVERDUE} (the tag stays) or for an odd id. */
  void addOverdue(String invoiceId) {
    if (ID.matcher(invoiceId).matches() && (overdue.size() < MAX_OVERDUE || overdue.contains(invoiceId))) {
      overdue.add(invoiceId);
    }
  }

  void removeOverdue(String invoiceId) {
    overdue.remove(invoiceId);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ContactMemo && encode().equals(((ContactMemo) other).encode());
  }

  @Override
  public int hashCode() {
    return Objects.hash(encode());
  }

  @Override
  public String toString() {
    return encode();
  }
}
