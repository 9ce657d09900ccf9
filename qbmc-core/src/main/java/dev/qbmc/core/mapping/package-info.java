/**
 * PURE: maps QuickBooks Online records to what qbmc writes to Mailchimp. No I/O, no clock, no
 * threads, no randomness, no JSON library; {@code PurePackagesTest} enforces it.
 */
package dev.qbmc.core.mapping;
