package dev.qbmc.core.internal.service;

import dev.qbmc.core.SegmentRule;
import dev.qbmc.core.mapping.SafeText;
import dev.qbmc.core.spi.Connection;
import dev.qbmc.mailchimp.MailchimpClient;
import dev.qbmc.mailchimp.model.Product;
import dev.qbmc.mailchimp.model.Segment;
import dev.qbmc.mailchimp.model.SegmentCondition;
import dev.qbmc.mailchimp.model.SegmentCreate;
import dev.qbmc.mailchimp.model.SegmentOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Creates and lists the saved segments of a connection: each one's conditions start with the
 * connection's import tag (so only its imported contacts match) and, for purchase rules, its
 * e-commerce store; creating a segment of an existing name updates it. Tags a rule names that no
 * member carries yet are created empty, so a segment can be made before a sync tags anyone.
 */
public final class SegmentService {
  /** Rules per segment: with the tag and store conditions, at most five conditions. */
  public static final int MAX_RULES = 3;
  /** The longest segment name accepted. */
  public static final int MAX_NAME = 100;

  private final ServiceContext ctx;

  /**
   * Creates the service.
   *
   * @param ctx the shared context
   */
  public SegmentService(ServiceContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Creates the segment, or updates the saved segment of that name.
   *
   * @param connectionId the connection
   * @param name the segment's name
   * @param rules one to {@value #MAX_RULES} rules, all of which must hold
   * @return the segment with its member count
   */
  public Segment create(String connectionId, String name, List<SegmentRule> rules) {
    String segmentName = name(name);
    Objects.requireNonNull(rules, "rules").forEach(r -> Objects.requireNonNull(r, "rule"));
    if (rules.isEmpty() || rules.size() > MAX_RULES) {
      throw new IllegalArgumentException("a segment takes 1 to " + MAX_RULES + " rules");
    }
    Connection connection = ctx.connection(connectionId);
    SyncService.requireConnected(connection);
    MailchimpClient mailchimp = ctx.mailchimpClient(connectionId, new ApiCallCounter());
    String listId = connection.audienceId();
    List<SegmentCondition> conditions = new ArrayList<>();
    conditions.add(SegmentCondition.inStaticSegment(tagId(mailchimp, listId, connection.tag()), true));
    if (rules.stream().anyMatch(r -> r.isPurchaseRule() && r.kind() != SegmentRule.Kind.NEVER_PURCHASED)) {
      conditions.add(SegmentCondition.purchasedFromStore(connection.storeId(), true));
    }
    for (SegmentRule rule : rules) {
      condition(rule, connection, mailchimp).ifPresent(conditions::add);
    }
    SegmentCreate body = SegmentCreate.saved(segmentName, SegmentOptions.all(conditions));
    Optional<Segment> existing = mailchimp.segments().findSaved(listId, segmentName);
    return existing.isPresent()
        ? mailchimp.segments().update(listId, existing.get().id(), body)
        : mailchimp.segments().create(listId, body);
  }

  /**
   * The connection's saved segments (those limited to its import tag) with their member counts.
   *
   * @param connectionId the connection
   * @return the segments, in Mailchimp's order
   */
  public List<Segment> list(String connectionId) {
    Connection connection = ctx.connection(connectionId);
    MailchimpClient mailchimp = ctx.mailchimpClient(connectionId, new ApiCallCounter());
    Optional<Segment> tag = mailchimp.tags().find(connection.audienceId(), connection.tag());
    if (tag.isEmpty()) {
      return List.of();
    }
    try (Stream<Segment> saved = mailchimp.segments().saved(connection.audienceId())) {
      return saved.filter(s -> limitedTo(s, tag.get().id())).collect(Collectors.toList());
    }
  }

  private static boolean limitedTo(Segment segment, long tagId) {
    return segment.options().stream().flatMap(o -> o.conditions().stream())
        .anyMatch(c -> c.conditionType().equals("StaticSegment") && c.op().equals("static_is")
            && c.value().filter(v -> v instanceof Number && ((Number) v).longValue() == tagId).isPresent());
  }

  private static Optional<SegmentCondition> condition(SegmentRule rule, Connection connection, MailchimpClient mailchimp) {
    String listId = connection.audienceId();
    switch (rule.kind()) {
      case PURCHASED:
        return Optional.empty(); // the store condition says it
      case NEVER_PURCHASED:
        return Optional.of(SegmentCondition.purchasedFromStore(connection.storeId(), false));
      case SPENT_MORE_THAN:
        return Optional.of(SegmentCondition.spentInTotal(true, rule.number().orElseThrow()));
      case SPENT_LESS_THAN:
        return Optional.of(SegmentCondition.spentInTotal(false, rule.number().orElseThrow()));
      case ORDERS_AT_LEAST:
        return Optional.of(SegmentCondition.orders("greater", rule.number().orElseThrow() - 1));
      case BOUGHT_ITEM:
        return Optional.of(SegmentCondition.boughtProduct("is", rule.text().orElseThrow()));
      case BOUGHT_ITEM_WITH_ID:
        String id = rule.text().orElseThrow();
        Product product = mailchimp.ecommerce().findProduct(connection.storeId(), id).orElseThrow(() ->
            new IllegalArgumentException("the connection's store has no product for QuickBooks item " + id
                + "; sync the item first"));
        return Optional.of(SegmentCondition.boughtProduct("is", product.title()));
      case OPEN_BALANCE:
        String open = connection.factTags().openBalance().orElseThrow(() ->
            new IllegalArgumentException("the connection keeps no open-balance tag (FactTags)"));
        return Optional.of(SegmentCondition.inStaticSegment(tagId(mailchimp, listId, open), true));
      case OVERDUE:
        String overdue = connection.factTags().overdue().orElseThrow(() ->
            new IllegalArgumentException("the connection keeps no overdue tag (FactTags)"));
        return Optional.of(SegmentCondition.inStaticSegment(tagId(mailchimp, listId, overdue), true));
      case TAGGED:
      default:
        return Optional.of(SegmentCondition.inStaticSegment(tagId(mailchimp, listId, rule.text().orElseThrow()), true));
    }
  }

  /** The tag's id, creating the tag empty when no member carries it yet. */
  private static long tagId(MailchimpClient mailchimp, String listId, String tag) {
    return mailchimp.tags().find(listId, tag).map(Segment::id).orElseGet(() -> mailchimp.tags().create(listId, tag).id());
  }

  private static String name(String name) {
    Objects.requireNonNull(name, "name");
    String clean = SafeText.truncateChars(SafeText.clean(name), MAX_NAME);
    if (clean.isEmpty()) {
      throw new IllegalArgumentException("a segment needs a name");
    }
    return clean;
  }
}
