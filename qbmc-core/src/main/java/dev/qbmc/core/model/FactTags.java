package dev.qbmc.core.model;

import dev.qbmc.core.internal.QbmcStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The tags a connection keeps on its contacts for QuickBooks facts that Mailchimp's e-commerce data
 * cannot express: an <b>open balance</b> (the customer's {@code BalanceWithJobs}, else {@code
 * Balance}, is above zero) and an <b>overdue</b> invoice (one with a balance whose {@code DueDate}
 * has passed). The sync adds and removes them as the facts change; a tag left out is neither added
 * nor removed. Use them in segments ({@code SegmentRule.openBalance()}, {@code SegmentRule.overdue()}).
 */
@Value.Immutable
@QbmcStyle
public abstract class FactTags {

  /** The open-balance tag unless the connection names another: {@value}. */
  public static final String DEFAULT_OPEN_BALANCE = "QuickBooks open balance";

  /** The overdue tag unless the connection names another: {@value}. */
  public static final String DEFAULT_OVERDUE = "QuickBooks overdue";

  /** The longest tag name accepted. */
  public static final int MAX_LENGTH = 100;

  FactTags() {}

  /**
   * The tag on contacts whose customer has an open balance.
   *
   * @return the tag name, empty when the connection does not keep it
   */
  public abstract Optional<String> openBalance();

  /**
   * The tag on contacts with an overdue invoice.
   *
   * @return the tag name, empty when the connection does not keep it
   */
  public abstract Optional<String> overdue();

  @Value.Check
  void check() {
    for (Optional<String> tag : java.util.List.of(openBalance(), overdue())) {
      if (tag.isPresent() && (tag.get().isBlank() || tag.get().length() > MAX_LENGTH)) {
        throw new IllegalArgumentException("a fact tag must have 1 to " + MAX_LENGTH + " characters");
      }
    }
    if (openBalance().isPresent() && openBalance().equals(overdue())) {
      throw new IllegalArgumentException("the open-balance and overdue tags must differ");
    }
  }

  /**
   * Both tags with their default names.
   *
   * @return {@value #DEFAULT_OPEN_BALANCE} and {@value #DEFAULT_OVERDUE}
   */
  public static FactTags defaults() {
    return of(DEFAULT_OPEN_BALANCE, DEFAULT_OVERDUE);
  }

  /**
   * Neither tag: the sync keeps no QuickBooks facts as tags.
   *
   * @return the empty setting
   */
  public static FactTags none() {
    return of(null, null);
  }

  /**
   * The given tags.
   *
   * @param openBalance the open-balance tag, or null to not keep it
   * @param overdue the overdue tag, or null to not keep it
   * @return the setting
   * @throws IllegalArgumentException if a name is blank, longer than {@value #MAX_LENGTH}
   *     characters, or both are the same
   */
  public static FactTags of(String openBalance, String overdue) {
    return ImmutableFactTags.builder()
        .openBalance(Optional.ofNullable(openBalance).map(String::strip))
        .overdue(Optional.ofNullable(overdue).map(String::strip))
        .build();
  }
}
