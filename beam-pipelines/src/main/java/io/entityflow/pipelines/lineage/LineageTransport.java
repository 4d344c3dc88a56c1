package io.entityflow.pipelines.lineage;

import java.io.IOException;

/**
 * Where run events go. Implementations deliver one JSON document per call and throw when it was not
 * delivered; {@link LineageEmitter} counts and logs the failure and carries on.
 *
 * <pre>{@code
 * LineageTransport file = new FileLineageTransport(Path.of(".entityflow/lineage/events.jsonl"));
 * file.send("{\"eventType\":\"START\",...}");
 * }</pre>
 */
public interface LineageTransport {
  /** Delivers one event. */
  void send(String json) throws IOException;

  /** Where events go, for log lines (an endpoint URL or a file path; never a secret). */
  String target();
}
