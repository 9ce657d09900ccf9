/**
 * The shared vocabulary of qbmc core: the QuickBooks Online entities qbmc syncs ({@link
 * dev.qbmc.core.model.QboEntity}), the marketing status of new contacts, skip reasons, the keys,
 * kinds and stored states of synced records, the contact-limit policy, the two providers, the
 * connection status, and how a sync run was started and ended. The mapping, reconciliation, report,
 * SPI and service packages all depend on this package, and it depends on none of them. PURE like
 * {@code dev.qbmc.core.mapping}: no I/O, no clock, no threads, no randomness, no JSON library;
 * {@code ArchitectureTest} enforces it.
 *
 * <p>Every parameter and return value is non-null unless documented otherwise; absent values are
 * returned as {@link java.util.Optional}.
 */
package dev.qbmc.core.model;
