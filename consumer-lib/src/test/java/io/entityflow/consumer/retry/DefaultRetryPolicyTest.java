package io.entityflow.consumer.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.entityflow.consumer.RetryableException;
import io.entityflow.consumer.config.ConsumerConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultRetryPolicyTest {
  @Test
  void defaultsAreFiveAttemptsOneSecondDoublingCappedAtSixtySeconds() {
    RetryPolicy policy =
        DefaultRetryPolicy.of(new ConsumerConfiguration.Retry(), getClass().getClassLoader());
    assertThat(policy.maxAttempts()).isEqualTo(5);
    assertThat(List.of(1, 2, 3, 4, 7, 8).stream().map(policy::backoff))
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(8),
            Duration.ofSeconds(60),
            Duration.ofSeconds(60));
  }

  @Test
  void onlyRetryableExceptionAndConfiguredClassesAnywhereInTheCauseChainAreRetryable() {
    ConsumerConfiguration.Retry config = new ConsumerConfiguration.Retry();
    config.setRetryableExceptions(List.of("java.io.IOException"));
    RetryPolicy policy = DefaultRetryPolicy.of(config, getClass().getClassLoader());
    assertThat(policy.isRetryable(new RetryableException("x"))).isTrue();
    assertThat(policy.isRetryable(new java.net.SocketTimeoutException())).isTrue();
    assertThat(policy.isRetryable(new UncheckedIOException(new IOException("down")))).isTrue();
    assertThat(policy.isRetryable(new IllegalStateException("bug"))).isFalse();
    assertThat(policy.isRetryable(new RuntimeException(new IllegalArgumentException()))).isFalse();
  }

  @Test
  void unknownRetryableClassIsRefusedWithTheName() {
    ConsumerConfiguration.Retry config = new ConsumerConfiguration.Retry();
    config.setRetryableExceptions(List.of("java.lang.String"));
    assertThatThrownBy(() -> DefaultRetryPolicy.of(config, getClass().getClassLoader()))
        .hasMessage(
            "entityflow.consumer.retry.retryable-exceptions has 'java.lang.String'; allowed:"
                + " fully qualified names of Throwable classes on the classpath");
  }

  @Test
  void invalidNumbersAreRefusedNamingTheKey() {
    assertThatThrownBy(
            () ->
                new DefaultRetryPolicy(
                    0, Duration.ofSeconds(1), 2, Duration.ofSeconds(2), List.of()))
        .hasMessage("entityflow.consumer.retry.max-attempts is 0; allowed: at least 1");
    assertThatThrownBy(
            () ->
                new DefaultRetryPolicy(
                    3, Duration.ofSeconds(1), 0.5, Duration.ofSeconds(2), List.of()))
        .hasMessage("entityflow.consumer.retry.multiplier is 0.5; allowed: at least 1.0");
    assertThatThrownBy(
            () ->
                new DefaultRetryPolicy(
                    3, Duration.ofSeconds(5), 2, Duration.ofSeconds(2), List.of()))
        .hasMessage(
            "entityflow.consumer.retry.max-backoff is PT2S; allowed: at least initial-backoff"
                + " (PT5S)");
  }
}
