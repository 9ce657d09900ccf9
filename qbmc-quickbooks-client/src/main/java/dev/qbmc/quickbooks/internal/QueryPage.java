package dev.qbmc.quickbooks.internal;

import java.util.List;

/**
 * One parsed {@code QueryResponse}.
 *
 * @param items the entities (empty when the entity key was missing)
 * @param entityKeyPresent whether the entity array was present at all
 * @param startPosition the 1-based start position QBO reported, 0 when absent
 * @param maxResults the number of rows QBO reported, 0 when absent
 * @param totalCount the {@code totalCount} of a count query, -1 when absent
 * @param rows the entities the response held, those that could not be read included (paging
 *     counts these, not {@code items})
 * @param <T> the entity type
 */
public record QueryPage<T>(
    List<T> items, boolean entityKeyPresent, int startPosition, int maxResults, long totalCount, int rows) {}
