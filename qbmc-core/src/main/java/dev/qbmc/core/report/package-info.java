/**
 * The report every sync returns: counts per entity type and outcome, every skipped record with its
 * reason, failures, API calls, duration; {@link dev.qbmc.core.report.SyncReportCollector} gathers it
 * while a run writes, and {@link dev.qbmc.core.report.SyncReportJson} gives it a stable JSON shape.
 *
 * <p>Every parameter and return value is non-null unless documented otherwise; absent values are
 * returned as {@link java.util.Optional}.
 */
package dev.qbmc.core.report;
