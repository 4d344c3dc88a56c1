package io.entityflow.pipelines.options;

/** How rows reach BigQuery. */
public enum WriteMethod {
  /** Storage Write API, exactly-once (default). */
  EXACTLY_ONCE,
  /** Storage Write API, at-least-once: cheaper and lower latency; duplicates possible. */
  AT_LEAST_ONCE
}
