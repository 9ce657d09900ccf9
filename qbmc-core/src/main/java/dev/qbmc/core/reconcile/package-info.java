/**
 * PURE: reconciles mapped records with the stored state of earlier syncs into a sync plan. No I/O,
 * no clock, no threads, no randomness, no JSON library; {@code PurePackagesTest} enforces it.
 */
package dev.qbmc.core.reconcile;
