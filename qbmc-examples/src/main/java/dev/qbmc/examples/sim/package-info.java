/**
 * Parts shared by the loopback sandbox simulators of QuickBooks Online and Mailchimp.
 *
 * <p>A request travels {@link dev.qbmc.examples.sim.LoopbackServer} (JDK HTTP server on
 * 127.0.0.1) → {@link dev.qbmc.examples.sim.Dispatcher}, which finds the route in a
 * {@link dev.qbmc.examples.sim.Router} (filled by one {@link dev.qbmc.examples.sim.RouteGroup} per
 * resource), counts it in the {@link dev.qbmc.examples.sim.RequestLog}, offers it to the
 * {@link dev.qbmc.examples.sim.FaultInjector}, then runs the router's
 * {@link dev.qbmc.examples.sim.Gate} (the API's auth, {@link dev.qbmc.examples.sim.ConnectionLimit},
 * {@link dev.qbmc.examples.sim.MinuteWindow}, {@link dev.qbmc.examples.sim.Latency} and error format)
 * and the route's handler. {@link dev.qbmc.examples.sim.Simulator} and
 * {@link dev.qbmc.examples.sim.SimulatorBuilder} hold what every simulator has: lifecycle, request
 * log, fault hook, clock, injectable {@link dev.qbmc.examples.sim.Sleeper} and latency. Also here:
 * the one JSON mapper ({@link dev.qbmc.examples.sim.Json}) and a minimal tar.gz writer.
 */
package dev.qbmc.examples.sim;
