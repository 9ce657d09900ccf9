package dev.qbmc.examples.sim;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * What every loopback simulator has: a lifecycle ({@link #start()}, {@link #close()}), the
 * {@link RequestLog} of what it received, the {@link FaultInjector} hook and the latency. A
 * simulator serves each request with {@link #handle(SimRequest)}, usually a {@link Dispatcher}.
 * Thread-safe.
 *
 * @param <S> the concrete simulator, returned by {@link #start()}
 */
public abstract class Simulator<S extends Simulator<S>> implements AutoCloseable {

  private final String name;
  private final Clock clock;
  private final Latency latency;
  private final RequestLog log = new RequestLog();
  private final FaultInjector faults;
  private volatile LoopbackServer server;

  /**
   * Creates a stopped simulator.
   *
   * @param name the prefix of its server threads' names
   * @param settings the clock, sleeper and latency
   */
  protected Simulator(String name, SimulatorBuilder<?> settings) {
    this.name = name;
    this.clock = settings.configuredClock();
    this.latency = new Latency(settings.configuredSleeper(), settings.configuredLatency());
    this.faults = new FaultInjector(settings.configuredSleeper());
  }

  /**
   * Serves one request that arrived over HTTP.
   *
   * @param request the request
   * @return the response
   */
  protected abstract SimResponse handle(SimRequest request);

  /**
   * This simulator as its concrete type.
   *
   * @return {@code this}
   */
  protected abstract S self();

  /**
   * Binds 127.0.0.1 on an ephemeral port and starts serving.
   *
   * @return this simulator
   */
  public synchronized S start() {
    if (server == null) {
      server = LoopbackServer.start(name, this::handle);
    }
    return self();
  }

  /** Stops the server. */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  /**
   * Counts of the requests received per method and route template, including refused and faulted
   * ones; unmatched requests count under {@code (unmatched)}. The simulator's class description
   * lists its keys.
   *
   * @return the live log
   */
  public RequestLog requestLog() {
    return log;
  }

  /**
   * The fault hook: rules that replace the response of chosen requests (the n-th, or those
   * matching a predicate such as {@link FaultInjector#route(String, String)}) with an error
   * status, a closed connection, a delay or a truncated body.
   *
   * @return the live injector, without rules until some are added
   */
  public FaultInjector faults() {
    return faults;
  }

  /**
   * Changes the latency of every subsequent API call.
   *
   * @param latency zero or more
   */
  public void setLatency(Duration latency) {
    this.latency.set(latency);
  }

  /**
   * The clock from the builder.
   *
   * @return the clock
   */
  protected final Clock clock() {
    return clock;
  }

  /**
   * The latency API calls wait for.
   *
   * @return the live latency
   */
  protected final Latency latency() {
    return latency;
  }

  /**
   * The server's base URL, e.g. {@code http://127.0.0.1:54321}.
   *
   * @return the URL, empty when stopped
   */
  protected final Optional<String> host() {
    LoopbackServer s = server;
    return s == null ? Optional.empty() : Optional.of(s.baseUrl());
  }

  /**
   * The server's base URL.
   *
   * @return the URL
   * @throws IllegalStateException when not started
   */
  protected final String requireHost() {
    return host().orElseThrow(() -> new IllegalStateException("simulator not started"));
  }
}
