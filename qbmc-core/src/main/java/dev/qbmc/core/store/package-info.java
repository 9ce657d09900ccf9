/**
 * Implementations of the {@link dev.qbmc.core.spi} interfaces: in memory ({@link
 * dev.qbmc.core.store.InMemoryTokenStore}, {@link dev.qbmc.core.store.InMemorySyncStateStore}) for
 * tests and short-lived hosts, and on files ({@link dev.qbmc.core.store.FileStore}), durable and
 * crash safe, for single-process hosts; and on PostgreSQL ({@link dev.qbmc.core.store.JdbcStore}),
 * for hosts with several nodes.
 *
 * <p>Every parameter and return value is non-null unless documented otherwise.
 */
package dev.qbmc.core.store;
