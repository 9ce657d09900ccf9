package dev.qbmc.core.internal.service;

import dev.qbmc.core.model.QboEntity;
import dev.qbmc.core.reconcile.StateChange;
import dev.qbmc.core.reconcile.SyncOperation;
import dev.qbmc.mailchimp.MailchimpRequest;
import java.util.List;

/**
 * One Mailchimp write of a plan: the client's prepared request, which runs directly or as a
 * {@code /batches} operation, and what its success means for the sync.
 *
 * @param operationId the batch operation id, unique within a wave ({@code m:}, {@code t:}, {@code
 *     c:}, {@code p:}, {@code o:}, {@code x:}, {@code d:} and the record's id)
 * @param operation the planned operation it carries out, or null for a tag (which only confirms)
 * @param confirms the state changes to commit once it succeeded
 * @param entityType the QBO entity a failure is reported for
 * @param qboIds the QBO ids a failure is reported for (none: a failure not tied to one record)
 * @param request the prepared request
 * @param notFoundIsSuccess whether a 404 means done (deleting what is already gone)
 */
record Write(
    String operationId,
    SyncOperation operation,
    List<StateChange> confirms,
    QboEntity entityType,
    List<String> qboIds,
    MailchimpRequest<?> request,
    boolean notFoundIsSuccess) {}
