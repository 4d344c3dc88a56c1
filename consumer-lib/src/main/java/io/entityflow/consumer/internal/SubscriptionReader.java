package io.entityflow.consumer.internal;

import java.time.Duration;

/**
 * Reads one subscription into an {@link EventDispatcher}: {@link SubscriptionRunner} (the Java
 * client's streaming pull, production) or {@link SynchronousPullRunner} (unary pulls, local mode).
 *
 * <pre>{@code
 * reader.start();
 * reader.refuseNew();
 * reader.stop(Duration.ofSeconds(30));
 * }</pre>
 */
public interface SubscriptionReader {
  /** The subscription's short name. */
  String subscription();

  /** Starts reading. */
  void start();

  /** From now on, messages not yet dispatched are nacked. */
  void refuseNew();

  /**
   * Waits up to {@code timeout} for dispatches in flight, then stops; returns how many were still
   * running (their messages are not acknowledged unless they finish).
   */
  int stop(Duration timeout);
}
