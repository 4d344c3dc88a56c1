package io.entityflow.pipelines.pubsub;

import java.io.Serializable;
import org.apache.beam.sdk.io.UnboundedSource;

/**
 * The checkpoint of the local read: empty, because a batch is acknowledged as soon as its journal
 * record is on disk, and the journal (not the runner's checkpoint) is what a restarted read resumes
 * from.
 *
 * <pre>{@code
 * UnboundedSource.CheckpointMark mark = new PullCheckpoint();
 * }</pre>
 */
public final class PullCheckpoint implements UnboundedSource.CheckpointMark, Serializable {
  private static final long serialVersionUID = 1L;

  @Override
  public void finalizeCheckpoint() {}

  @Override
  public boolean equals(Object other) {
    return other instanceof PullCheckpoint;
  }

  @Override
  public int hashCode() {
    return 1;
  }
}
