package dev.qbmc.mailchimp;

import dev.qbmc.mailchimp.model.Segment;
import dev.qbmc.mailchimp.model.SegmentCreate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Saved segments of an audience: members who meet conditions, which Mailchimp re-evaluates as the
 * audience changes. Obtain from {@link MailchimpClient#segments()}; read a segment's members with
 * {@link Tags#members} (segments and tags share that endpoint).
 */
public final class Segments {
  private static final int PAGE = 1000;
  private static final String SEGMENTS = "/lists/{list_id}/segments";
  private static final String SEGMENT = SEGMENTS + "/{segment_id}";
  private final Transport transport;

  Segments(Transport transport) {
    this.transport = transport;
  }

  /**
   * The saved segments of an audience with their member counts, lazily paged ({@code GET
   * /lists/{list_id}/segments?type=saved}).
   *
   * @param listId the list id
   * @return the saved segments
   * @throws MailchimpException while the stream is consumed, if a page cannot be read (an error
   *     answer, or throttling, a server error or a connection failure that outlasts the retry policy)
   */
  public Stream<Segment> saved(String listId) {
    return transport.paged(ApiPath.of(SEGMENTS, listId), Map.of("type", "saved"), "segments", Segment.class, PAGE);
  }

  /**
   * The saved segment with this name, ignoring case and surrounding spaces.
   *
   * @param listId the list id
   * @param name the segment's name
   * @return the segment, if the audience has one of that name
   * @throws MailchimpException if the segments cannot be read (same causes as a single call)
   */
  public Optional<Segment> findSaved(String listId, String name) {
    String wanted = Objects.requireNonNull(name, "name").strip();
    try (Stream<Segment> segments = saved(listId)) {
      return segments.filter(s -> s.name().strip().equalsIgnoreCase(wanted)).findFirst();
    }
  }

  /**
   * A segment by id ({@code GET /lists/{list_id}/segments/{segment_id}}).
   *
   * @param listId the list id
   * @param segmentId the segment id
   * @return the segment with its member count
   * @throws MailchimpNotFoundException if there is no such segment
   * @throws MailchimpException if the call fails (an error answer, or throttling, a server error or
   *     a connection failure that outlasts the retry policy)
   */
  public Segment get(String listId, long segmentId) {
    return transport.get(ApiPath.of(SEGMENT, listId, Long.toString(segmentId)), Map.of(), Segment.class);
  }

  /**
   * Creates a segment ({@code POST /lists/{list_id}/segments}): a saved one with conditions, or a
   * static one (a tag). A POST is retried only when it was throttled or never sent.
   *
   * @param listId the list id
   * @param segment the name and the conditions or addresses
   * @return the segment as created, with its id and member count
   * @throws MailchimpValidationException if Mailchimp refuses a condition
   * @throws MailchimpException if the call fails (an error answer, or throttling, a server error or
   *     a connection failure that outlasts the retry policy)
   */
  public Segment create(String listId, SegmentCreate segment) {
    Objects.requireNonNull(segment, "segment");
    return transport.send("POST", ApiPath.of(SEGMENTS, listId), segment, Segment.class);
  }

  /**
   * Replaces a segment's name and conditions ({@code PATCH /lists/{list_id}/segments/{segment_id}}).
   *
   * @param listId the list id
   * @param segmentId the segment id
   * @param segment the new name and conditions
   * @return the segment as updated
   * @throws MailchimpNotFoundException if there is no such segment
   * @throws MailchimpException if the call fails (an error answer, or throttling, a server error or
   *     a connection failure that outlasts the retry policy)
   */
  public Segment update(String listId, long segmentId, SegmentCreate segment) {
    Objects.requireNonNull(segment, "segment");
    return transport.send("PATCH", ApiPath.of(SEGMENT, listId, Long.toString(segmentId)), segment, Segment.class);
  }

  /**
   * Deletes a segment or tag ({@code DELETE /lists/{list_id}/segments/{segment_id}}); its members stay.
   *
   * @param listId the list id
   * @param segmentId the segment id
   * @return true if deleted, false if it did not exist
   * @throws MailchimpException if the call fails (an error answer, or throttling, a server error or
   *     a connection failure that outlasts the retry policy)
   */
  public boolean delete(String listId, long segmentId) {
    try {
      transport.sendNoContent("DELETE", ApiPath.of(SEGMENT, listId, Long.toString(segmentId)), null);
      return true;
    } catch (MailchimpNotFoundException e) {
      return false;
    }
  }
}
