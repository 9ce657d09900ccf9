package dev.qbmc.examples.sim.mailchimp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * One e-commerce store and its subresources. Orders are kept as compact JSON bytes (a benchmark
 * may write a million of them).
 */
final class EcommerceStore {

  final String id;
  volatile ObjectNode info;
  final ConcurrentSkipListMap<String, ObjectNode> customers = new ConcurrentSkipListMap<>();
  final ConcurrentSkipListMap<String, ObjectNode> products = new ConcurrentSkipListMap<>();
  final ConcurrentSkipListMap<String, byte[]> orders = new ConcurrentSkipListMap<>();

  EcommerceStore(String id, ObjectNode info) {
    this.id = id;
    this.info = info;
  }

  String listId() {
    return info.path("list_id").asText();
  }
}
