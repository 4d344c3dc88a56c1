package io.entityflow.pipelines.testing;

import org.apache.beam.sdk.testing.TestPipeline;

/** TestPipeline for JUnit 5 tests: the run enforcement JUnit 4's rule would have set up. */
public final class Pipelines {
  private Pipelines() {}

  /** A new test pipeline that must be run. */
  public static TestPipeline create() {
    return TestPipeline.create().enableAbandonedNodeEnforcement(false);
  }
}
