/**
 * A loopback Mailchimp Marketing API v3.0 simulator: account root, audiences, merge fields,
 * members with the real consent rules, batch subscribe, tags and tag segments, e-commerce stores,
 * customers, products and orders, {@code /batches} with tar.gz results, problem+json errors, the
 * 10-simultaneous-connections limit and configurable latency.
 */
package dev.qbmc.examples.sim.mailchimp;
