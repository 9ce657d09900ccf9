/**
 * Implementation of {@code dev.qbmc.core.store.JdbcStore}: validated table names, the versioned
 * schema migrations (SQL resources beside these classes), the statements per table and the mapping
 * of SQL failures to store exceptions; not API.
 */
package dev.qbmc.core.internal.store.jdbc;
