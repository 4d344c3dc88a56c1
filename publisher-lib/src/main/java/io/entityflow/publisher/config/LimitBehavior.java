package io.entityflow.publisher.config;

/**
 * What a publish call does when the flow-control limits (outstanding events or bytes) are reached.
 *
 * <pre>{@code
 * entityflow.publisher.flow-control.limit-behavior: FAIL
 * }</pre>
 */
public enum LimitBehavior {
  /** The calling thread waits until outstanding events are delivered (back pressure). */
  BLOCK,
  /** The event's future fails at once with the client's limit-exceeded error. */
  FAIL
}
