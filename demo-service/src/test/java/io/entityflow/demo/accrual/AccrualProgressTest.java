package io.entityflow.demo.accrual;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.consumer.DeadLetterKind;
import io.entityflow.consumer.metrics.ConsumerMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class AccrualProgressTest {

  @Test
  void settledCountsHandledDeadLetteredSkippedAndDuplicatesOfOneTopicOfThisConsumerOnly() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ConsumerMetrics metrics = new ConsumerMetrics(registry);
    AccrualProgress progress = new AccrualProgress(registry);
    assertThat(progress.settled("sale_v1")).isZero();

    metrics.handled("loyalty_accrual", "sale_v1");
    metrics.handled("loyalty_accrual", "sale_v1");
    metrics.deadLettered("loyalty_accrual", "sale_v1", DeadLetterKind.NON_RETRYABLE);
    metrics.skipped("loyalty_accrual", "sale_v1");
    metrics.duplicate("loyalty_accrual", "sale_v1");
    metrics.retried("loyalty_accrual", "sale_v1");
    metrics.handled("loyalty_accrual", "loyalty_membership_v1");
    metrics.handled("other_consumer", "sale_v1");

    assertThat(progress.settled("sale_v1")).isEqualTo(5);
    assertThat(progress.count("entityflow.consumer.handled", null)).isEqualTo(3);
    assertThat(progress.count("entityflow.consumer.retried", "sale_v1")).isEqualTo(1);
  }
}
