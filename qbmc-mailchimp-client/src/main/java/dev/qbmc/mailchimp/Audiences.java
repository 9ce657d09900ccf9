package dev.qbmc.mailchimp;

import dev.qbmc.mailchimp.model.Audience;
import dev.qbmc.mailchimp.model.AudienceCreate;
import dev.qbmc.mailchimp.model.MergeField;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Audience (list) operations. Obtain from {@link MailchimpClient#audiences()}. */
public final class Audiences {
  private static final int PAGE = 100;
  private final Transport transport;

  Audiences(Transport transport) {
    this.transport = transport;
  }

  /**
   * All audiences of the account, fetched lazily page by page ({@code GET /lists}).
   *
   * @return the audiences; API failures surface as {@link MailchimpException} while streaming
   * @throws MailchimpException while the stream is consumed, if a page cannot be read (same causes
   *     as a single call)
   */
  public Stream<Audience> list() {
    return transport.paged(ApiPath.of("/lists"), Map.of(), "lists", Audience.class, PAGE);
  }

  /**
   * One audience with its stats ({@code GET /lists/{list_id}}).
   *
   * @param listId the list id
   * @return the audience
   * @throws MailchimpNotFoundException if there is no such audience
   * @throws MailchimpException if the call fails (an error answer, or throttling, a server error or
   *     a connection failure that outlasts the retry policy)
   */
  public Audience get(String listId) {
    return transport.get(ApiPath.of("/lists/{list_id}", listId), Map.of(), Audience.class);
  }

  /**
   * Creates an audience ({@code POST /lists}). Not retried after an unknown outcome: list the audiences
   * before creating again.
   *
   * @param audience the new audience with its postal contact
   * @return the created audience
   * @throws MailchimpOutcomeUnknownException if the outcome is unknown
   * @throws MailchimpException if the call fails (an error answer, or throttling, a server error or
   *     a connection failure that outlasts the retry policy)
   */
  public Audience create(AudienceCreate audience) {
    Objects.requireNonNull(audience, "audience");
    return transport.send("POST", ApiPath.of("/lists"), audience, Audience.class);
  }

  /**
   * The merge fields of an audience ({@code GET /lists/{list_id}/merge-fields}), all pages. FNAME, LNAME,
   * ADDRESS and PHONE exist by default but may have been renamed or deleted.
   *
   * @param listId the list id
   * @return the merge fields
   * @throws MailchimpException if the call fails (an error answer, or throttling, a server error or
   *     a connection failure that outlasts the retry policy)
   */
  public List<MergeField> mergeFields(String listId) {
    return transport.paged(ApiPath.of("/lists/{list_id}/merge-fields", listId), Map.of(), "merge_fields",
        MergeField.class, PAGE).collect(Collectors.toUnmodifiableList());
  }
}
