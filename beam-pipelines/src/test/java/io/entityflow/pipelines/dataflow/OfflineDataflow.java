package io.entityflow.pipelines.dataflow;

import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory;
import org.apache.beam.sdk.extensions.gcp.storage.NoopPathValidator;

/**
 * DataflowRunner arguments that submit a job without a GCP account: to a {@link DataflowApiStub},
 * with no credentials, staging into a local directory instead of {@code gs://}.
 *
 * <pre>{@code
 * List<String> args = OfflineDataflow.runnerArgs(api, tempDir, "entityflow-test");
 * // + OfflineDataflow.STREAMING_ENGINE and the pipeline's own options
 * }</pre>
 */
public final class OfflineDataflow {
  /** The project of the submitted job. */
  public static final String PROJECT = "acme-data";

  /** The region of the submitted job. */
  public static final String REGION = "europe-west1";

  /**
   * Streaming Engine: the runner refuses the pipeline's Storage Write API sink without it
   * (runner-determined sharding).
   */
  public static final String STREAMING_ENGINE = "--enableStreamingEngine=true";

  private OfflineDataflow() {}

  /** Runner, project, region, job name, local temp/staging paths, no credentials, the stub. */
  public static List<String> runnerArgs(DataflowApiStub api, Path tempDir, String jobName) {
    return List.of(
        "--runner=DataflowRunner",
        "--project=" + PROJECT,
        "--region=" + REGION,
        "--jobName=" + jobName,
        "--tempLocation=" + tempDir,
        "--pathValidatorClass=" + NoopPathValidator.class.getName(),
        "--credentialFactoryClass=" + NoopCredentialFactory.class.getName(),
        "--dataflowEndpoint=" + api.endpoint());
  }
}
