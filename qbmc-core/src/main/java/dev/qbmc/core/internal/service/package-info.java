/** The connect, sync, webhook and disconnect services behind {@link dev.qbmc.core.Qbmc}; not API. */
package dev.qbmc.core.internal.service;
