package io.entityflow.publisher.internal;

import com.google.api.gax.batching.BatchingSettings;
import com.google.api.gax.batching.FlowControlSettings;
import com.google.api.gax.batching.FlowController.LimitExceededBehavior;
import com.google.api.gax.retrying.RetrySettings;
import io.entityflow.publisher.config.LimitBehavior;
import io.entityflow.publisher.config.PublisherConfiguration;

/**
 * Translates the configuration into the client's batching, flow-control and retry settings. Flow
 * control always sets both the element and the byte limit (the client fails with a {@code
 * NullPointerException} when one is missing).
 *
 * <pre>{@code
 * BatchingSettings batching = ClientSettings.batching(configuration);
 * }</pre>
 */
public final class ClientSettings {
  /** The Pub/Sub client refuses a shorter total retry timeout. */
  public static final java.time.Duration MIN_TOTAL_TIMEOUT = java.time.Duration.ofSeconds(10);

  private ClientSettings() {}

  /** Batching with flow control, from {@code batching.*} and {@code flow-control.*}. */
  public static BatchingSettings batching(PublisherConfiguration configuration) {
    PublisherConfiguration.Batching batching = configuration.getBatching();
    PublisherConfiguration.FlowControl flow = configuration.getFlowControl();
    require(
        batching.getElementCount() >= 1 && batching.getElementCount() <= 1000,
        "batching.element-count",
        batching.getElementCount(),
        "1..1000");
    require(
        batching.getRequestBytes() >= 1 && batching.getRequestBytes() <= 10_000_000,
        "batching.request-bytes",
        batching.getRequestBytes(),
        "1..10000000");
    require(
        flow.getMaxOutstandingElements() >= 1,
        "flow-control.max-outstanding-elements",
        flow.getMaxOutstandingElements(),
        ">= 1");
    require(
        flow.getMaxOutstandingBytes() >= batching.getRequestBytes(),
        "flow-control.max-outstanding-bytes",
        flow.getMaxOutstandingBytes(),
        ">= batching.request-bytes (" + batching.getRequestBytes() + ")");
    return BatchingSettings.newBuilder()
        .setElementCountThreshold(batching.getElementCount())
        .setRequestByteThreshold(batching.getRequestBytes())
        .setDelayThresholdDuration(batching.getDelay())
        .setFlowControlSettings(
            FlowControlSettings.newBuilder()
                .setMaxOutstandingElementCount(flow.getMaxOutstandingElements())
                .setMaxOutstandingRequestBytes(flow.getMaxOutstandingBytes())
                .setLimitExceededBehavior(
                    flow.getLimitBehavior() == LimitBehavior.FAIL
                        ? LimitExceededBehavior.ThrowException
                        : LimitExceededBehavior.Block)
                .build())
        .build();
  }

  /** Retry settings from {@code retry.*}. */
  public static RetrySettings retry(PublisherConfiguration configuration) {
    PublisherConfiguration.Retry retry = configuration.getRetry();
    if (retry.getTotalTimeout().compareTo(MIN_TOTAL_TIMEOUT) < 0) {
      throw new IllegalArgumentException(
          PublisherConfiguration.PREFIX
              + ".retry.total-timeout is "
              + retry.getTotalTimeout()
              + "; allowed: at least "
              + MIN_TOTAL_TIMEOUT
              + " (the Pub/Sub client's minimum)");
    }
    if (retry.getRpcTimeout().toMillis() < 10) {
      throw new IllegalArgumentException(
          PublisherConfiguration.PREFIX
              + ".retry.rpc-timeout is "
              + retry.getRpcTimeout()
              + "; allowed: at least PT0.01S (the Pub/Sub client's minimum)");
    }
    return RetrySettings.newBuilder()
        .setTotalTimeoutDuration(retry.getTotalTimeout())
        .setInitialRetryDelayDuration(retry.getInitialDelay())
        .setRetryDelayMultiplier(2.0)
        .setMaxRetryDelayDuration(retry.getMaxDelay())
        .setInitialRpcTimeoutDuration(retry.getRpcTimeout())
        .setRpcTimeoutMultiplier(1.0)
        .setMaxRpcTimeoutDuration(retry.getRpcTimeout())
        .build();
  }

  private static void require(boolean ok, String key, long value, String allowed) {
    if (!ok) {
      throw new IllegalArgumentException(
          PublisherConfiguration.PREFIX + "." + key + " is " + value + "; allowed: " + allowed);
    }
  }
}
