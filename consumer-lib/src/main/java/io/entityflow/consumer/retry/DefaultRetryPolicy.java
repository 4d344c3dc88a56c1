package io.entityflow.consumer.retry;

import io.entityflow.consumer.RetryableException;
import io.entityflow.consumer.config.ConsumerConfiguration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Exponential backoff without jitter: {@code initial * multiplier^(attempt-1)}, capped at {@code
 * max}. Retryable: a {@link RetryableException} or an instance of one of the configured classes,
 * the failure itself or any of its causes. Everything else is not retryable.
 *
 * <pre>{@code
 * RetryPolicy policy = new DefaultRetryPolicy(5, Duration.ofSeconds(1), 2.0,
 *     Duration.ofSeconds(60), List.of(java.io.IOException.class));
 * policy.backoff(1);  // 1s
 * policy.backoff(3);  // 4s
 * }</pre>
 */
public final class DefaultRetryPolicy implements RetryPolicy {
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final double multiplier;
  private final Duration maxBackoff;
  private final List<Class<?>> retryable;

  /**
   * The policy of the arguments.
   *
   * @throws IllegalArgumentException naming the key and the bad value
   */
  public DefaultRetryPolicy(
      int maxAttempts,
      Duration initialBackoff,
      double multiplier,
      Duration maxBackoff,
      List<Class<?>> retryable) {
    String prefix = ConsumerConfiguration.PREFIX + ".retry.";
    if (maxAttempts < 1) {
      throw new IllegalArgumentException(
          prefix + "max-attempts is " + maxAttempts + "; allowed: at least 1");
    }
    if (initialBackoff == null || initialBackoff.isNegative()) {
      throw new IllegalArgumentException(
          prefix + "initial-backoff is " + initialBackoff + "; allowed: zero or positive");
    }
    if (!(multiplier >= 1.0)) {
      throw new IllegalArgumentException(
          prefix + "multiplier is " + multiplier + "; allowed: at least 1.0");
    }
    if (maxBackoff == null || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          prefix
              + "max-backoff is "
              + maxBackoff
              + "; allowed: at least initial-backoff ("
              + initialBackoff
              + ")");
    }
    this.maxAttempts = maxAttempts;
    this.initialBackoff = initialBackoff;
    this.multiplier = multiplier;
    this.maxBackoff = maxBackoff;
    this.retryable = List.copyOf(retryable);
  }

  /**
   * The policy of {@code entityflow.consumer.retry.*}.
   *
   * @throws IllegalArgumentException naming a {@code retryable-exceptions} entry that is not a
   *     loadable Throwable class, or another bad value
   */
  public static DefaultRetryPolicy of(ConsumerConfiguration.Retry config, ClassLoader loader) {
    List<Class<?>> classes = new ArrayList<>();
    for (String name : config.getRetryableExceptions()) {
      Class<?> type;
      try {
        type = Class.forName(name.trim(), false, loader);
      } catch (ClassNotFoundException e) {
        type = null;
      }
      if (type == null || !Throwable.class.isAssignableFrom(type)) {
        throw new IllegalArgumentException(
            ConsumerConfiguration.PREFIX
                + ".retry.retryable-exceptions has '"
                + name
                + "'; allowed: fully qualified names of Throwable classes on the classpath");
      }
      classes.add(type);
    }
    return new DefaultRetryPolicy(
        config.getMaxAttempts(),
        config.getInitialBackoff(),
        config.getMultiplier(),
        config.getMaxBackoff(),
        classes);
  }

  @Override
  public boolean isRetryable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof RetryableException) {
        return true;
      }
      for (Class<?> type : retryable) {
        if (type.isInstance(t)) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public int maxAttempts() {
    return maxAttempts;
  }

  @Override
  public Duration backoff(int attempt) {
    double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
    if (millis >= maxBackoff.toMillis()) {
      return maxBackoff;
    }
    return Duration.ofMillis((long) millis);
  }
}
