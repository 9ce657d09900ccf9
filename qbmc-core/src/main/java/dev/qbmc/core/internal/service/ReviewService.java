package dev.qbmc.core.internal.service;

import dev.qbmc.core.spi.Connection;
import dev.qbmc.mailchimp.model.Member;
import java.time.Instant;
import java.util.stream.Stream;

/** Lists what a connection imported: the members of its tag, and those changed since an instant. */
public final class ReviewService {
  private final ServiceContext ctx;

  /**
   * Creates the service.
   *
   * @param ctx the shared context
   */
  public ReviewService(ServiceContext ctx) {
    this.ctx = ctx;
  }

  /** The members carrying the connection's tag. */
  public Stream<Member> importedContacts(String connectionId) {
    Connection connection = ctx.connection(connectionId);
    return ctx.mailchimpClient(connectionId, new ApiCallCounter())
        .tags()
        .membersWithTag(connection.audienceId(), connection.tag());
  }

  /** The members carrying the connection's tag that changed since an instant. */
  public Stream<Member> changedSince(String connectionId, Instant since) {
    Connection connection = ctx.connection(connectionId);
    return ctx.mailchimpClient(connectionId, new ApiCallCounter())
        .members()
        .changedSince(connection.audienceId(), since)
        .filter(m -> m.tags().stream().anyMatch(t -> connection.tag().equals(t.name())));
  }
}
