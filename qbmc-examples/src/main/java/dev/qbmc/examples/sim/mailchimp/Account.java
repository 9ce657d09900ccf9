package dev.qbmc.examples.sim.mailchimp;

import dev.qbmc.examples.sim.SimRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The simulated account's state the routes share: audiences, stores, ids, the clock. Thread-safe. */
final class Account {

  final String apiKey;
  final Clock clock;
  final EmailRules rules;
  final Map<String, AudienceList> lists = new ConcurrentHashMap<>();
  final Map<String, EcommerceStore> stores = new ConcurrentHashMap<>();
  private final AtomicLong serial = new AtomicLong(0x3a7f00);

  Account(String apiKey, Clock clock, EmailRules rules) {
    this.apiKey = apiKey;
    this.clock = clock;
    this.rules = rules;
  }

  Instant now() {
    return clock.instant();
  }

  /** The next number of the account's one sequence (ids of lists and batches, OAuth codes). */
  long nextSerial() {
    return serial.incrementAndGet();
  }

  /** A new 10-hex-digit id. */
  String newId() {
    return HexFormat.of().toHexDigits(nextSerial()).substring(6);
  }

  /** The list of a {@code {list_id}} route; 404 when absent. */
  AudienceList list(SimRequest r) {
    return Http.found(lists.get(r.param("list_id")));
  }

  /** The store of a {@code {store_id}} route; 404 when absent. */
  EcommerceStore store(SimRequest r) {
    return Http.found(stores.get(r.param("store_id")));
  }

  /** A list for the simulator's direct (non-HTTP) methods. */
  AudienceList requireList(String listId) {
    AudienceList list = lists.get(Objects.requireNonNull(listId, "listId"));
    if (list == null) {
      throw new IllegalArgumentException("no such list: " + listId);
    }
    return list;
  }

  /** A store for the simulator's direct (non-HTTP) methods. */
  EcommerceStore requireStore(String storeId) {
    EcommerceStore store = stores.get(Objects.requireNonNull(storeId, "storeId"));
    if (store == null) {
      throw new IllegalArgumentException("no such store: " + storeId);
    }
    return store;
  }
}
