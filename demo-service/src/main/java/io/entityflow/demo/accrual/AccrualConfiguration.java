package io.entityflow.demo.accrual;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * {@code entityflow.demo.accrual.*}: the loyalty accrual consumer and its simulated points
 * provider.
 *
 * <pre>{@code
 * entityflow:
 *   demo:
 *     accrual:
 *       enabled: true
 *       provider-failure-rate: 0.05     # share of calls answering "unavailable" (retried)
 *       provider-rejection-rate: 0.002  # share of calls refused for good (dead-lettered)
 * }</pre>
 */
@ConfigurationProperties(AccrualConfiguration.PREFIX)
public class AccrualConfiguration {
  /** The prefix of every key. */
  public static final String PREFIX = "entityflow.demo.accrual";

  private boolean enabled = true;
  private double providerFailureRate = 0.05;
  private double providerRejectionRate = 0.002;
  private long seed = 7;

  /**
   * {@code enabled} (default true): false leaves accruals to the simulator (published directly),
   * without a consumer; the consumer is off too when the demo is ({@code entityflow.demo.enabled}).
   */
  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /**
   * {@code provider-failure-rate} (default 0.05): share of provider calls that fail with a
   * retryable "unavailable" error; the consumer retries them with backoff.
   */
  public double getProviderFailureRate() {
    return providerFailureRate;
  }

  public void setProviderFailureRate(double providerFailureRate) {
    this.providerFailureRate = rate("provider-failure-rate", providerFailureRate);
  }

  /**
   * {@code provider-rejection-rate} (default 0.002): share of provider calls refused for good; the
   * sale event goes to the consumer's dead-letter topic with the reason.
   */
  public double getProviderRejectionRate() {
    return providerRejectionRate;
  }

  public void setProviderRejectionRate(double providerRejectionRate) {
    this.providerRejectionRate = rate("provider-rejection-rate", providerRejectionRate);
  }

  /** {@code seed} (default 7): random seed of the simulated provider. */
  public long getSeed() {
    return seed;
  }

  public void setSeed(long seed) {
    this.seed = seed;
  }

  private static double rate(String key, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(
          PREFIX + "." + key + " is " + value + "; allowed: a share from 0 to 1");
    }
    return value;
  }
}
