/** Implementation details of qbmc core; not exported, not API. */
package dev.qbmc.core.internal;
