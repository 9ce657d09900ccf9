package dev.qbmc.mailchimp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qbmc.mailchimp.internal.MailchimpJson;
import dev.qbmc.mailchimp.model.BatchSubscribeError;
import dev.qbmc.mailchimp.model.BatchSubscribeMember;
import dev.qbmc.mailchimp.model.BatchSubscribeRequest;
import dev.qbmc.mailchimp.model.BatchSubscribeResult;
import dev.qbmc.mailchimp.model.BatchUpsertResult;
import dev.qbmc.mailchimp.model.Member;
import dev.qbmc.mailchimp.model.MemberFailure;
import dev.qbmc.mailchimp.model.MemberPatch;
import dev.qbmc.mailchimp.model.MemberTagsUpdate;
import dev.qbmc.mailchimp.model.MemberUpsert;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Member (contact) operations. Members are addressed by email; the client computes the
 * {@link SubscriberHash}. Obtain from {@link MailchimpClient#members()}.
 */
public final class Members {
  private static final int PAGE = 1000;
  private static final String MEMBER = "/lists/{list_id}/members/{subscriber_hash}";
  private final Transport transport;

  Members(Transport transport) {
    this.transport = transport;
  }

  /**
   * The member with this email, if on the audience ({@code GET /lists/{list_id}/members/{subscriber_hash}}).
   *
   * @param listId the list id
   * @param email the email address, any case
   * @return the member, empty when Mailchimp answers 404
   * @throws MailchimpException if the call fails (an error answer, or throttling, a server error or
   *     a connection failure that outlasts the retry policy)
   */
  public Optional<Member> find(String listId, String email) {
    try {
      return Optional.of(transport.get(ApiPath.of(MEMBER, listId, SubscriberHash.of(email)), Map.of(), Member.class));
    } catch (MailchimpNotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * Adds or updates a member ({@code PUT /lists/{list_id}/members/{subscriber_hash}} with {@code status_if_new}).
   * A new member gets {@code status_if_new}; an existing member keeps its status, always. Absent values are
   * not sent, so they never erase data. Idempotent, so retried on throttling and server errors.
   *
   * @param listId the list id
   * @param member the member
   * @return the member as stored
   * @throws MailchimpComplianceStateException if the member is unsubscribed, cleaned or under review and
   *     Mailchimp refuses the write (other per-record refusals: {@link MailchimpForgottenEmailException},
   *     {@link MailchimpFakeEmailException}, {@link MailchimpValidationException})
   * @throws MailchimpException if the call fails (an error answer, or throttling, a server error or
   *     a connection failure that outlasts the retry policy)
   */
  public Member upsert(String listId, MemberUpsert member) {
    return transport.execute(prepareUpsert(listId, member));
  }

  /**
   * The request {@link #upsert} sends, prepared to run directly ({@link MailchimpClient#execute}) or
   * as a batch operation ({@link Batches#operation(MailchimpRequest, String)}).
   *
   * @param listId the list id
   * @param member the member
   * @return the prepared {@code PUT}, repeatable
   * @throws IllegalArgumentException if the list id or the email address is blank
   */
  public MailchimpRequest<Member> prepareUpsert(String listId, MemberUpsert member) {
    Objects.requireNonNull(member, "member");
    return MailchimpRequest.of(transport, "PUT", ApiPath.of(MEMBER, listId, SubscriberHash.of(member.emailAddress())),
        member, Member.class);
  }

  /**
   * Changes only the given values of an existing member ({@code PATCH}).
   *
   * @param listId the list id
   * @param email the member's current email address
   * @param patch the changes; a {@code status} in it deliberately changes the marketing status
   * @return the member as stored
   * @throws MailchimpNotFoundException if the member does not exist
   * @throws MailchimpException if the call fails (an error answer, or throttling, a server error or
   *     a connection failure that outlasts the retry policy)
   */
  public Member patch(String listId, String email, MemberPatch patch) {
    Objects.requireNonNull(patch, "patch");
    return transport.send("PATCH", ApiPath.of(MEMBER, listId, SubscriberHash.of(email)), patch, Member.class);
  }

  /**
   * Members of the audience whose email matches exactly ({@code GET /search-members}).
   *
   * @param listId the list id
   * @param email the email address, any case
   * @return the exact matches (zero or one)
   * @throws MailchimpException if the call fails (an error answer, or throttling, a server error or
   *     a connection failure that outlasts the retry policy)
   */
  public List<Member> searchByEmail(String listId, String email) {
    String normalised = SubscriberHash.normalise(email);
    JsonNode result = transport.get(ApiPath.of("/search-members"),
        Map.of("query", normalised, "list_id", Objects.requireNonNull(listId, "listId")), JsonNode.class);
    List<Member> matches = new ArrayList<>();
    for (JsonNode m : result.path("exact_matches").path("members")) {
      Member member = transport.convert(m, MailchimpJson.mapper().constructType(Member.class));
      if (SubscriberHash.normalise(member.emailAddress()).equals(normalised)) {
        matches.add(member);
      }
    }
    return List.copyOf(matches);
  }

  /**
   * Adds or removes tags of a member ({@code POST .../members/{subscriber_hash}/tags}); only the named tags
   * change. Setting a tag active or inactive twice has the same effect as once, so this POST is retried
   * like an idempotent call.
   *
   * @param listId the list id
   * @param email the member's email address
   * @param update the tag changes
   * @throws MailchimpException if the call fails (an error answer, or throttling, a server error or
   *     a connection failure that outlasts the retry policy)
   */
  public void updateTags(String listId, String email, MemberTagsUpdate update) {
    transport.execute(prepareUpdateTags(listId, email, update));
  }

  /**
   * The request {@link #updateTags} sends, prepared to run directly or as a batch operation.
   *
   * @param listId the list id
   * @param email the member's email address
   * @param update the tag changes
   * @return the prepared {@code POST}, repeatable
   * @throws IllegalArgumentException if the list id or the email address is blank
   */
  public MailchimpRequest<Void> prepareUpdateTags(String listId, String email, MemberTagsUpdate update) {
    Objects.requireNonNull(update, "update");
    return MailchimpRequest.repeatablePost(transport, ApiPath.of(MEMBER + "/tags", listId, SubscriberHash.of(email)),
        update, Void.class);
  }

  /**
   * Adds or removes tags of the member with a subscriber hash ({@code POST .../members/{subscriber_hash}/tags}),
   * for callers that keep hashes rather than addresses; otherwise as {@link #updateTags}.
   *
   * @param listId the list id
   * @param subscriberHash the member's subscriber hash ({@link SubscriberHash#of})
   * @param update the tag changes
   * @throws IllegalArgumentException if the hash is not 32 lower-case hex digits
   * @throws MailchimpException if the call fails (an error answer, or throttling, a server error or
   *     a connection failure that outlasts the retry policy)
   */
  public void updateTagsByHash(String listId, String subscriberHash, MemberTagsUpdate update) {
    transport.execute(prepareUpdateTagsByHash(listId, subscriberHash, update));
  }

  /**
   * The request {@link #updateTagsByHash} sends, prepared to run directly or as a batch operation.
   *
   * @param listId the list id
   * @param subscriberHash the member's subscriber hash ({@link SubscriberHash#of})
   * @param update the tag changes
   * @return the prepared {@code POST}, repeatable
   * @throws IllegalArgumentException if the list id is blank or the hash is not 32 lower-case hex digits
   */
  public MailchimpRequest<Void> prepareUpdateTagsByHash(String listId, String subscriberHash, MemberTagsUpdate update) {
    Objects.requireNonNull(update, "update");
    Objects.requireNonNull(subscriberHash, "subscriberHash");
    if (!subscriberHash.matches("[0-9a-f]{32}")) {
      throw new IllegalArgumentException("not a subscriber hash");
    }
    return MailchimpRequest.repeatablePost(transport, ApiPath.of(MEMBER + "/tags", listId, subscriberHash), update,
        Void.class);
  }

  /**
   * All members of the audience, lazily paged ({@code GET /lists/{list_id}/members}, 1,000 a page).
   *
   * @param listId the list id
   * @return the members
   * @throws MailchimpException while the stream is consumed, if a page cannot be read (same causes
   *     as a single call)
   */
  public Stream<Member> list(String listId) {
    return transport.paged(ApiPath.of("/lists/{list_id}/members", listId), Map.of(), "members", Member.class, PAGE);
  }

  /**
   * Members changed at or after an instant ({@code since_last_changed}), lazily paged.
   *
   * @param listId the list id
   * @param since the instant
   * @return the changed members
   * @throws MailchimpException while the stream is consumed, if a page cannot be read (same causes
   *     as a single call)
   */
  public Stream<Member> changedSince(String listId, Instant since) {
    Objects.requireNonNull(since, "since");
    String at = dev.qbmc.mailchimp.internal.MailchimpJson.TIMESTAMP.format(since.atOffset(ZoneOffset.UTC));
    return transport.paged(ApiPath.of("/lists/{list_id}/members", listId), Map.of("since_last_changed", at),
        "members", Member.class, PAGE);
  }

  /**
   * The most recently changed members, newest first ({@code sort_field=last_changed}, {@code sort_dir=DESC}).
   *
   * @param listId the list id
   * @param limit how many, 1 to 1,000
   * @return up to {@code limit} members
   * @throws IllegalArgumentException if {@code limit} is outside 1 to 1,000
   * @throws MailchimpException if the call fails (an error answer, or throttling, a server error or
   *     a connection failure that outlasts the retry policy)
   */
  public List<Member> recentlyChanged(String listId, int limit) {
    if (limit < 1 || limit > PAGE) {
      throw new IllegalArgumentException("limit must be 1 to " + PAGE + ", not " + limit);
    }
    Map<String, String> query = new LinkedHashMap<>();
    query.put("sort_field", "last_changed");
    query.put("sort_dir", "DESC");
    query.put("count", Integer.toString(limit));
    JsonNode page = transport.get(ApiPath.of("/lists/{list_id}/members", listId), query, JsonNode.class);
    List<Member> members = new ArrayList<>();
    for (JsonNode m : page.path("members")) {
      members.add(transport.convert(m, MailchimpJson.mapper().constructType(Member.class)));
    }
    return List.copyOf(members);
  }

  /**
   * One raw batch subscribe call ({@code POST /lists/{list_id}}, at most 500 members). With
   * {@code update_existing} true Mailchimp overwrites existing members' status; prefer
   * {@link #upsertAll(String, List)}, which never does. Not retried after an unknown outcome.
   *
   * @param listId the list id
   * @param request the request
   * @return Mailchimp's per-address result
   * @throws MailchimpOutcomeUnknownException if the request was sent but its outcome is unknown
   *     (not retried)
   * @throws MailchimpException if the call fails (an error answer, or throttling, a server error or
   *     a connection failure that outlasts the retry policy)
   */
  public BatchSubscribeResult batchSubscribe(String listId, BatchSubscribeRequest request) {
    Objects.requireNonNull(request, "request");
    return transport.send("POST", ApiPath.of("/lists/{list_id}", listId), request, BatchSubscribeResult.class);
  }

  /**
   * Adds or updates many members with exactly the semantics of {@link #upsert}: new members get their
   * {@code status_if_new}, existing members keep their status, always.
   *
   * <p>How: the input is de-duplicated by subscriber hash (the last occurrence wins) and sent in batch
   * subscribe calls of at most 500 members with {@code update_existing: false} and each member's
   * {@code status} set to its {@code status_if_new}. Mailchimp creates the new members and refuses the
   * existing ones with {@code ERROR_CONTACT_EXISTS} without touching them (batch subscribe has no
   * {@code status_if_new}, and {@code update_existing: true} would overwrite their status). Each refused
   * existing member is then written by an idempotent {@code PUT} with {@code status_if_new}, which updates
   * its data and never its status. Because of that, a chunk whose outcome is unknown may safely be sent
   * again: members it created come back as existing and are updated instead.
   *
   * <p>Per-record refusals (compliance state, forgotten, fake or invalid email, invalid merge fields) are
   * returned in {@link BatchUpsertResult#failures()}; throttling, server and connection failures that
   * outlast the retry policy are thrown, and running the same input again is safe.
   *
   * @param listId the list id
   * @param members the members, any number
   * @return created, updated and failed members, and the API calls made
   * @throws MailchimpException if a call fails for the whole chunk (throttling, a server error or a
   *     connection failure that outlasts the retry policy); per-member refusals are returned, not
   *     thrown
   */
  public BatchUpsertResult upsertAll(String listId, List<MemberUpsert> members) {
    BatchUpsertResult subscribed = subscribeNew(listId, members);
    BatchUpsertResult.Builder result = BatchUpsertResult.builder()
        .from(subscribed)
        .existing(List.of());
    int calls = subscribed.apiCalls();
    for (MemberUpsert existing : subscribed.existing()) {
      calls++;
      try {
        result.addUpdated(upsert(listId, existing));
      } catch (MailchimpServiceException e) {
        if (e.isRetryable()) {
          throw e;
        }
        result.addFailures(MemberFailure.builder().emailAddress(existing.emailAddress())
            .title(e.title()).message(e.detail())
            .field(e.fieldErrors().isEmpty() ? Optional.empty() : Optional.of(e.fieldErrors().get(0).field()))
            .build());
      }
    }
    return result.apiCalls(calls).build();
  }

  /**
   * Creates the members that are new to the audience and leaves existing ones untouched: batch
   * subscribe calls of at most 500 with {@code update_existing: false} and each member's {@code
   * status} set to its {@code status_if_new}. Mailchimp creates the new members and refuses the
   * existing ones with {@code ERROR_CONTACT_EXISTS} without changing them; those come back in
   * {@link BatchUpsertResult#existing()} for the caller to write with {@code status_if_new} (for
   * example by {@link #upsert} or as {@code PUT} operations of a {@code /batches} request), and so
   * does every member the answer does not account for (not among the new members nor the errors),
   * because that write is right whether or not the member exists. An error naming no address of
   * the request is ignored. Safe to repeat, so a chunk is retried on throttling and server errors.
   *
   * @param listId the list id
   * @param members the members, any number; de-duplicated by subscriber hash (the last one wins)
   * @return created members, members left for the caller to write, per-address failures, API calls
   * @throws MailchimpException if a batch subscribe call fails (throttling, a server error or a
   *     connection failure that outlasts the retry policy); per-member refusals are returned, not
   *     thrown
   */
  public BatchUpsertResult subscribeNew(String listId, List<MemberUpsert> members) {
    Objects.requireNonNull(listId, "listId");
    Objects.requireNonNull(members, "members");
    Map<String, MemberUpsert> byEmail = new LinkedHashMap<>();
    for (MemberUpsert m : members) {
      byEmail.put(SubscriberHash.normalise(Objects.requireNonNull(m, "member").emailAddress()), m);
    }
    BatchUpsertResult.Builder result = BatchUpsertResult.builder();
    int calls = 0;
    List<MemberUpsert> unique = new ArrayList<>(byEmail.values());
    for (int from = 0; from < unique.size(); from += BatchSubscribeRequest.MAX_MEMBERS) {
      List<MemberUpsert> chunk = unique.subList(from, Math.min(unique.size(), from + BatchSubscribeRequest.MAX_MEMBERS));
      BatchSubscribeRequest request = BatchSubscribeRequest.builder()
          .members(chunk.stream().map(Members::asNewMember).collect(Collectors.toList()))
          .updateExisting(false)
          .build();
      BatchSubscribeResult r =
          transport.sendRepeatable(ApiPath.of("/lists/{list_id}", listId), request, BatchSubscribeResult.class);
      calls++;
      result.addAllCreated(r.newMembers()).addAllUpdated(r.updatedMembers());
      Set<String> answered = new HashSet<>();
      r.newMembers().forEach(m -> normalised(m.emailAddress()).ifPresent(answered::add));
      r.updatedMembers().forEach(m -> normalised(m.emailAddress()).ifPresent(answered::add));
      for (BatchSubscribeError error : r.errors()) {
        Optional<String> email = error.emailAddress().flatMap(Members::normalised).filter(byEmail::containsKey);
        if (email.isEmpty() || !answered.add(email.get())) {
          continue;
        }
        MemberUpsert original = byEmail.get(email.get());
        if (error.isContactExists()) {
          result.addExisting(original);
        } else {
          result.addFailures(MemberFailure.builder()
              .emailAddress(original.emailAddress())
              .errorCode(error.errorCode())
              .message(error.error().orElse(error.errorCode().orElse("unknown error")))
              .field(error.field().filter(f -> !f.isEmpty()))
              .build());
        }
      }
      for (MemberUpsert m : chunk) {
        if (!answered.contains(SubscriberHash.normalise(m.emailAddress()))) {
          result.addExisting(m);
        }
      }
    }
    return result.apiCalls(calls).build();
  }

  /** An address from a response, normalised; empty when blank or absent. */
  private static Optional<String> normalised(String email) {
    return email == null || email.isBlank() ? Optional.empty() : Optional.of(SubscriberHash.normalise(email));
  }

  private static BatchSubscribeMember asNewMember(MemberUpsert m) {
    return BatchSubscribeMember.builder()
        .emailAddress(m.emailAddress())
        .status(m.statusIfNew())
        .emailType(m.emailType())
        .mergeFields(m.mergeFields())
        .interests(m.interests())
        .language(m.language())
        .vip(m.vip())
        .ipSignup(m.ipSignup())
        .timestampSignup(m.timestampSignup())
        .ipOpt(m.ipOpt())
        .timestampOpt(m.timestampOpt())
        .build();
  }
}
