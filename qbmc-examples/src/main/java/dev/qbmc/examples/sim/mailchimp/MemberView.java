package dev.qbmc.examples.sim.mailchimp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Set;

/**
 * A read-back snapshot of an audience member, for assertions.
 *
 * @param emailAddress the email address as stored
 * @param subscriberHash MD5 of the lower-cased address
 * @param status {@code subscribed}, {@code unsubscribed}, {@code cleaned}, {@code pending},
 *     {@code transactional} or {@code archived}
 * @param mergeFields the merge field values (a copy)
 * @param tags the active tag names
 * @param lastChanged when the member last changed
 */
public record MemberView(String emailAddress, String subscriberHash, String status, JsonNode mergeFields,
    Set<String> tags, Instant lastChanged) {
}
