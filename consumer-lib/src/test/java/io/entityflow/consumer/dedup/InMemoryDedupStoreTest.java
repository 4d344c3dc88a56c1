package io.entityflow.consumer.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class InMemoryDedupStoreTest {
  private static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-11-23T10:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final MutableClock clock = new MutableClock();

  @Test
  void markedIdIsHandledForThatConsumerOnly() {
    InMemoryDedupStore store = new InMemoryDedupStore(10, Duration.ofHours(1), clock);
    store.markHandled("crm", "e1");
    assertThat(store.isHandled("crm", "e1")).isTrue();
    assertThat(store.isHandled("loyalty_accrual", "e1")).isFalse();
    assertThat(store.isHandled("crm", "e2")).isFalse();
  }

  @Test
  void oldestIdIsEvictedBeyondTheSize() {
    InMemoryDedupStore store = new InMemoryDedupStore(2, Duration.ofHours(1), clock);
    store.markHandled("crm", "e1");
    store.markHandled("crm", "e2");
    store.markHandled("crm", "e3");
    assertThat(store.isHandled("crm", "e1")).isFalse();
    assertThat(store.isHandled("crm", "e2")).isTrue();
    assertThat(store.isHandled("crm", "e3")).isTrue();
    assertThat(store.size()).isEqualTo(2);
  }

  @Test
  void idIsForgottenAfterTheTtl() {
    InMemoryDedupStore store = new InMemoryDedupStore(10, Duration.ofMinutes(5), clock);
    store.markHandled("crm", "e1");
    clock.now = clock.now.plus(Duration.ofMinutes(5)).minusMillis(1);
    assertThat(store.isHandled("crm", "e1")).isTrue();
    clock.now = clock.now.plusMillis(1);
    assertThat(store.isHandled("crm", "e1")).isFalse();
    store.markHandled("crm", "e2");
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void invalidSizeOrTtlIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> new InMemoryDedupStore(0, Duration.ofMinutes(5), clock))
        .hasMessage("entityflow.consumer.dedup.max-entries is 0; allowed: at least 1");
    assertThatThrownBy(() -> new InMemoryDedupStore(1, Duration.ZERO, clock))
        .hasMessage("entityflow.consumer.dedup.ttl is PT0S; allowed: a positive duration");
  }
}
