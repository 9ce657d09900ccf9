package dev.qbmc.mailchimp;

import dev.qbmc.mailchimp.model.Member;
import dev.qbmc.mailchimp.model.Segment;
import dev.qbmc.mailchimp.model.SegmentCreate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** Tags of an audience, which Mailchimp stores as static segments. Obtain from {@link MailchimpClient#tags()}. */
public final class Tags {
  private static final int PAGE = 1000;
  private final Transport transport;

  Tags(Transport transport) {
    this.transport = transport;
  }

  /**
   * The static segment of a tag ({@code GET /lists/{list_id}/segments?type=static}), matched by name
   * ignoring case.
   *
   * @param listId the list id
   * @param tagName the tag name
   * @return the tag's segment, empty when no member was ever tagged with it
   * @throws MailchimpException if the call fails (an error answer, or throttling, a server error or
   *     a connection failure that outlasts the retry policy)
   */
  public Optional<Segment> find(String listId, String tagName) {
    Objects.requireNonNull(tagName, "tagName");
    String wanted = tagName.strip();
    try (Stream<Segment> segments = transport.paged(ApiPath.of("/lists/{list_id}/segments", listId),
        Map.of("type", "static"), "segments", Segment.class, PAGE)) {
      return segments.filter(s -> s.name().strip().equalsIgnoreCase(wanted)).findFirst();
    }
  }

  /**
   * Creates a tag no member carries yet, as an empty static segment ({@code POST
   * /lists/{list_id}/segments} with {@code static_segment: []}), so that segments can name it before
   * a sync puts it on anyone.
   *
   * @param listId the list id
   * @param tagName the tag name
   * @return the tag's segment
   * @throws MailchimpException if the call fails (an error answer, or throttling, a server error or
   *     a connection failure that outlasts the retry policy)
   */
  public Segment create(String listId, String tagName) {
    Objects.requireNonNull(tagName, "tagName");
    return transport.send("POST", ApiPath.of("/lists/{list_id}/segments", listId),
        SegmentCreate.emptyTag(tagName.strip()), Segment.class);
  }

  /**
   * The members of a segment or tag, lazily paged ({@code GET /lists/{list_id}/segments/{segment_id}/members}).
   *
   * @param listId the list id
   * @param segmentId the segment (tag) id
   * @return the members
   * @throws MailchimpException while the stream is consumed, if a page cannot be read (same causes
   *     as a single call)
   */
  public Stream<Member> members(String listId, long segmentId) {
    return transport.paged(ApiPath.of("/lists/{list_id}/segments/{segment_id}/members", listId,
        Long.toString(segmentId)), Map.of(), "members", Member.class, PAGE);
  }

  /**
   * The members carrying a tag: {@link #find} then {@link #members}.
   *
   * @param listId the list id
   * @param tagName the tag name
   * @return the members, empty when the tag does not exist
   * @throws MailchimpException if the tag cannot be looked up, or while the stream is consumed if a
   *     page cannot be read
   */
  public Stream<Member> membersWithTag(String listId, String tagName) {
    return find(listId, tagName).map(s -> members(listId, s.id())).orElseGet(Stream::empty);
  }
}
