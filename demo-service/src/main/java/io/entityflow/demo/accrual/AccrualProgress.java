package io.entityflow.demo.accrual;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import jakarta.inject.Singleton;

/**
 * How far the loyalty accrual consumer got on one of its topics, from the consumer library's own
 * counters: events settled = handled + dead-lettered + skipped (other operations) + duplicates. The
 * demo waits on it so the history's accruals exist before it goes live.
 *
 * <pre>{@code
 * progress.settled("sale_v1"); // 10852
 * }</pre>
 */
@Singleton
public class AccrualProgress {
  private static final String[] SETTLED = {
    "entityflow.consumer.handled",
    "entityflow.consumer.dead_lettered",
    "entityflow.consumer.skipped",
    "entityflow.consumer.duplicates"
  };

  private final MeterRegistry registry;

  AccrualProgress(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Events of {@code topic} the consumer is done with. */
  public long settled(String topic) {
    long total = 0;
    for (String name : SETTLED) {
      total += count(name, topic);
    }
    return total;
  }

  /**
   * The consumer's counter {@code name} (e.g. {@code entityflow.consumer.retried}) for {@code
   * topic}, or summed over its topics when {@code topic} is null; 0 before it first counted.
   */
  public long count(String name, String topic) {
    Search search = Search.in(registry).name(name).tag("consumer", SaleAccrualHandler.CONSUMER);
    if (topic != null) {
      search = search.tag("topic", topic);
    }
    return (long) search.counters().stream().mapToDouble(c -> c.count()).sum();
  }
}
