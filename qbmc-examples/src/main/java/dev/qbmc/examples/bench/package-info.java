/**
 * The sync-cost benchmark: {@link dev.qbmc.examples.bench.SyncBenchmark} runs qbmc's batched sync
 * against both simulators (initial, 1%-changed and nothing-changed runs) and the same initial sync
 * done one call per record, and prints calls per endpoint, the minimum the APIs' batch sizes allow,
 * the wall-time bound the APIs' limits allow, records per second and peak heap.
 */
package dev.qbmc.examples.bench;
