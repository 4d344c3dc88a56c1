package io.entityflow.pipelines.events;

import io.entityflow.pipelines.deadletter.DeadLetterKind;

/**
 * An event the pipeline cannot write, with the dead-letter kind it belongs to. Thrown by {@link
 * EntityEventParser} and turned into a dead-letter row by {@link ParseEntityEventsFn}; never
 * escapes a DoFn.
 */
public final class RejectedMessageException extends Exception {
  private static final long serialVersionUID = 1L;

  private final DeadLetterKind kind;

  /** An invalid event of the given kind, with a message naming the bad value. */
  public RejectedMessageException(DeadLetterKind kind, String message) {
    super(message);
    this.kind = kind;
  }

  /** The dead-letter kind. */
  public DeadLetterKind kind() {
    return kind;
  }
}
