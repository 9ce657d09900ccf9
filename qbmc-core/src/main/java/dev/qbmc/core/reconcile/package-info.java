/**
 * PURE: reconciles mapped records with the stored state of earlier syncs into a sync plan. No I/O,
 * no clock, no threads, no randomness, no JSON library; {@code ArchitectureTest} enforces it.
 *
 * <p>How the sync services use it, per chunk of QBO records:
 *
 * <ol>
 *   <li>map the records ({@code dev.qbmc.core.mapping.QboMapper}) and build a {@link
 *       dev.qbmc.core.reconcile.SyncChunk} with the outcomes and the deletions ({@link
 *       dev.qbmc.core.reconcile.SyncChunk#deletionKey});
 *   <li>load the stored {@link dev.qbmc.core.model.RecordState}s of {@link
 *       dev.qbmc.core.reconcile.SyncChunk#stateKeys()} (only those: memory follows the chunk size);
 *   <li>{@link dev.qbmc.core.reconcile.Reconciler#plan} gives the {@link
 *       dev.qbmc.core.reconcile.SyncPlan}; check it with {@link
 *       dev.qbmc.core.reconcile.ContactLimits#decide};
 *   <li>run the plan's operations in order (a dry run stops here) and commit the {@link
 *       dev.qbmc.core.reconcile.StateChange}s of each confirmed operation ({@link
 *       dev.qbmc.core.reconcile.SyncOperation#confirms()}); a failed operation commits nothing and is
 *       planned again by the next sync.
 * </ol>
 *
 * <p>Every parameter and return value is non-null; absent values are returned as {@link
 * java.util.Optional}.
 */
package dev.qbmc.core.reconcile;
