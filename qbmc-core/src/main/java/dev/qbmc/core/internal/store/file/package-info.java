/**
 * Implementation of {@code dev.qbmc.core.store.FileStore}'s record states and folder upkeep: the
 * frame format, the on-disk index, snapshots and compaction, recovery; not API.
 */
package dev.qbmc.core.internal.store.file;
