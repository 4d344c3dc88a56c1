package io.entityflow.demo;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * What the demo service has published so far, per {@code <topic> <OPERATION>}, plus failures and
 * events held back by the outage. Thread-safe.
 *
 * <pre>{@code
 * counts.published("sale_v1", "CREATED");
 * counts.summary(); // "published 1 (sale_v1 CREATED=1), failed 0, held back 0"
 * }</pre>
 */
@Singleton
public final class PublishedCounts {
  private final Map<String, LongAdder> published = new ConcurrentHashMap<>();
  private final LongAdder failed = new LongAdder();
  private final LongAdder sent = new LongAdder();
  private final LongAdder heldBack = new LongAdder();

  /** One event handed to the publisher. */
  public void sent() {
    sent.increment();
  }

  /** Events handed to the publisher whose outcome is not known yet. */
  public long inFlight() {
    return sent.sum() - total() - failedCount();
  }

  /** One event delivered to Pub/Sub. */
  public void published(String topic, String operation) {
    published.computeIfAbsent(topic + " " + operation, k -> new LongAdder()).increment();
  }

  /** One event the publisher reported failed. */
  public void failed() {
    failed.increment();
  }

  /** One event not sent because of the scheduled outage. */
  public void heldBack() {
    heldBack.increment();
  }

  /** Delivered events per {@code <topic> <OPERATION>}, sorted. */
  public Map<String, Long> publishedByKind() {
    Map<String, Long> sorted = new TreeMap<>();
    published.forEach((k, v) -> sorted.put(k, v.sum()));
    return sorted;
  }

  /** Events delivered so far. */
  public long total() {
    return published.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** Events reported failed. */
  public long failedCount() {
    return failed.sum();
  }

  /** Events held back by the outage. */
  public long heldBackCount() {
    return heldBack.sum();
  }

  /** One line for the console. */
  public String summary() {
    Map<String, Long> byKind = publishedByKind();
    long total = byKind.values().stream().mapToLong(Long::longValue).sum();
    return "published "
        + total
        + " ("
        + byKind.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(", "))
        + "), failed "
        + failedCount()
        + ", held back by the outage "
        + heldBackCount();
  }
}
