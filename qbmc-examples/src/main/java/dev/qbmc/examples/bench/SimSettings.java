package dev.qbmc.examples.bench;

import java.time.Duration;

/** How both simulators behave: the company, the latency per call and the APIs' limits. */
record SimSettings(CompanySize size, Duration latency, int qboPerMinute, int qboInFlight, int mailchimpConnections) {
}
