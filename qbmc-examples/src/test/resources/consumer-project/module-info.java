/**
 * A host application as a named module: it needs qbmc-core alone (both clients and Jackson come
 * with it, {@code requires transitive}).
 */
module demo.consumer {
  requires dev.qbmc.core;
}
