/**
 * The qbmc entry point and its services. Every parameter and return value is non-null unless
 * documented otherwise; absent values are returned as {@link java.util.Optional}.
 */
package dev.qbmc.core;
