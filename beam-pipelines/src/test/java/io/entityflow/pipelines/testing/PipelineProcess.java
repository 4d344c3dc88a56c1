package io.entityflow.pipelines.testing;

import io.entityflow.pipelines.EntityTopicsToBigQuery;
import io.entityflow.testing.PubSubEmulator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The pipeline as local mode runs it: {@code EntityTopicsToBigQuery} in a child JVM on this JVM's
 * class path, reading Sale from the emulator into a local warehouse, so that a test can SIGKILL it
 * ({@code destroyForcibly}) and a benchmark can measure it apart from the load generator.
 *
 * <pre>{@code
 * Process pipeline = PipelineProcess.start(List.of("-Xmx1g"),
 *     PipelineProcess.localSaleArgs(emulator, "{topic}-3f2a", warehouse), log);
 * }</pre>
 */
public final class PipelineProcess {
  private PipelineProcess() {}

  /** Streaming DirectRunner options reading Sale from {@code emulator} into {@code warehouse}. */
  public static List<String> localSaleArgs(
      PubSubEmulator emulator, String subscriptionPattern, Path warehouse) {
    return List.of(
        "--runner=DirectRunner",
        "--streaming=true",
        "--blockOnRun=true",
        "--project=" + PubSubEmulator.PROJECT_ID,
        "--pubsubRootUrl=" + emulator.rootUrl(),
        "--credentialFactoryClass=org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory",
        "--entities=Sale",
        "--subscriptionPattern=" + subscriptionPattern,
        "--warehouse=LOCAL",
        "--warehouseDir=" + warehouse,
        "--heartbeatSeconds=0");
  }

  /** Starts the pipeline with {@code jvmOptions} and {@code args}, output to {@code log}. */
  public static Process start(List<String> jvmOptions, List<String> args, Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(EntityTopicsToBigQuery.class.getName());
    command.addAll(args);
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }
}
