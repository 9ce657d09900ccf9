package dev.qbmc.core.mapping;

import java.util.Objects;
import java.util.Optional;

/**
 * How well a QBO customer represents the contact it shares with other customers of the same email
 * address: a top-level customer before a sub-customer (job), an active one before an inactive one,
 * then the lowest Id (numeric Ids compared as numbers). The best-ranked customer sharing an email is
 * the contact's <em>representative</em>: its name, address and phone are the contact's.
 *
 * @param qboId the customer's QBO Id
 * @param job true for a sub-customer ({@code Job} or a {@code ParentRef})
 * @param active false for an inactive ("deleted") customer
 */
public record CustomerRank(String qboId, boolean job, boolean active) implements Comparable<CustomerRank> {

  /**
   * Validates the rank.
   *
   * @param qboId the customer's QBO Id
   * @param job true for a sub-customer ({@code Job} or a {@code ParentRef})
   * @param active false for an inactive ("deleted") customer
   * @throws NullPointerException if the Id is null
   * @throws IllegalArgumentException if the Id is blank
   */
  public CustomerRank {
    Objects.requireNonNull(qboId, "qboId");
    if (qboId.isBlank()) {
      throw new IllegalArgumentException("qboId must not be blank");
    }
  }

  /**
   * Orders better representatives first.
   *
   * @param other another rank
   * @return negative when this one represents the contact better
   */
  @Override
  public int compareTo(CustomerRank other) {
    if (job != other.job) {
      return job ? 1 : -1;
    }
    if (active != other.active) {
      return active ? -1 : 1;
    }
    int byLength = Integer.compare(qboId.length(), other.qboId.length());
    return byLength != 0 ? byLength : qboId.compareTo(other.qboId);
  }

  /**
   * Whether this rank represents a contact better than another one.
   *
   * @param other another rank
   * @return true when strictly better
   */
  public boolean isBetterThan(CustomerRank other) {
    return compareTo(other) < 0;
  }

  /**
   * A compact form for the sync state: {@code t} or {@code j}, {@code a} or {@code i}, then the Id.
   *
   * @return for example {@code ta42}
   */
  public String encode() {
    return (job ? "j" : "t") + (active ? "a" : "i") + qboId;
  }

  /**
   * Reads {@link #encode()}'s form.
   *
   * @param text the encoded rank
   * @return the rank, empty when the text is not one
   */
  public static Optional<CustomerRank> decode(String text) {
    if (text == null || text.length() < 3) {
      return Optional.empty();
    }
    char kind = text.charAt(0);
    char state = text.charAt(1);
    String id = text.substring(2);
    if ((kind != 't' && kind != 'j') || (state != 'a' && state != 'i') || id.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new CustomerRank(id, kind == 'j', state == 'a'));
  }
}
