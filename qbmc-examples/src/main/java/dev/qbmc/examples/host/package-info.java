/**
 * Small, runnable examples for developers embedding qbmc in a backend: building {@code Qbmc},
 * the OAuth callbacks, a scheduled sync and a webhook endpoint. The README's embedding quickstart
 * is copied from them. Non-null unless documented.
 */
package dev.qbmc.examples.host;
