package io.entityflow.consumer.config;

/**
 * How a subscription is read ({@code entityflow.consumer.pull}).
 *
 * <pre>{@code
 * entityflow.consumer.pull: auto
 * }</pre>
 */
public enum PullMode {
  /** Synchronous on the emulator (local mode), streaming otherwise. */
  AUTO,
  /** The Java client's streaming pull ({@code Subscriber}): production. */
  STREAMING,
  /**
   * Unary pulls: what the emulator redelivers reliably after a consumer stops or dies (its
   * streaming pull keeps a closed stream's messages from other subscribers for a long time).
   */
  SYNCHRONOUS
}
