/**
 * Immutable QuickBooks Online entities as they appear on the wire (PascalCase JSON). Every model
 * ignores unknown properties; properties QBO leaves out come back as {@link java.util.Optional}.
 * Money and quantities are {@link java.math.BigDecimal} with the scale QBO sent. Build instances
 * with {@code builder()}; parse them with {@link dev.qbmc.quickbooks.model.QboJson}.
 */
package dev.qbmc.quickbooks.model;
