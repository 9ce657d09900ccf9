/**
 * Parts shared by the loopback sandbox simulators of QuickBooks Online and Mailchimp: the HTTP
 * server wrapper, the request log, the injectable sleeper used for simulated latency, and a
 * minimal tar.gz writer.
 */
package dev.qbmc.examples.sim;
