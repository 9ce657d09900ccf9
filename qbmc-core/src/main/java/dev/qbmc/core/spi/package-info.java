/**
 * Service provider interfaces through which qbmc keeps its durable data: {@link
 * dev.qbmc.core.spi.TokenStore} (OAuth tokens and API keys, versioned compare-and-set writes) and
 * {@link dev.qbmc.core.spi.SyncStateStore} (connections, change cursors, per-record sync state,
 * the per-connection lease, recent sync runs and seen webhook events). Embedded implementations
 * live in {@code dev.qbmc.core.store}; hosts may implement both interfaces on their own database
 * and check them with the abstract contract test suites shipped in the qbmc-core test jar
 * ({@code TokenStoreContractTest}, {@code SyncStateStoreContractTest}).
 *
 * <p>Every parameter and return value is non-null unless documented otherwise; absent values are
 * returned as {@link java.util.Optional}. Implementations must be thread-safe.
 */
package dev.qbmc.core.spi;
