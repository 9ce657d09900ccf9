/** Implementation of the embedded stores (journal format, file layout, shared checks); not API. */
package dev.qbmc.core.internal.store;
