package io.entityflow.pipelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.entityflow.pipelines.dataflow.DataflowApiStub;
import io.entityflow.pipelines.dataflow.OfflineDataflow;
import io.entityflow.pipelines.dataflow.TranslatedJob;
import io.entityflow.pipelines.options.EntityTopicsToBigQueryOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.runners.dataflow.options.DataflowPipelineOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline as the DataflowRunner submits it, without a GCP account: the job goes to a loopback
 * stub of the Dataflow API ({@link DataflowApiStub}) and the test reads its steps.
 */
class EntityTopicsToBigQueryOnDataflowTest {
  @TempDir static Path tempDir;

  private static TranslatedJob saleAndCustomer;

  @BeforeAll
  static void submitSaleAndCustomer() throws Exception {
    saleAndCustomer =
        submit("sale-and-customer", OfflineDataflow.STREAMING_ENGINE, "--entities=Sale,Customer");
  }

  @Test
  void jobIsOneStreamingJobOnStreamingEngine() {
    assertThat(saleAndCustomer.type()).isEqualTo("JOB_TYPE_STREAMING");
    assertThat(saleAndCustomer.job().getName()).isEqualTo("sale-and-customer");
    assertThat(saleAndCustomer.job().getEnvironment().getExperiments())
        .containsExactly("enable_streaming_engine", "enable_windmill_service");
  }

  @Test
  void jobReadsTheSubscriptionOfEachSelectedEntityOnce() {
    assertThat(saleAndCustomer.pubsubReads())
        .containsExactly(
            entry(
                "Read sale_v1/PubsubUnboundedSource",
                "/subscriptions/" + OfflineDataflow.PROJECT + "/sale_v1_pipeline"),
            entry(
                "Read customer_v1/PubsubUnboundedSource",
                "/subscriptions/" + OfflineDataflow.PROJECT + "/customer_v1_pipeline"));
    assertThat(saleAndCustomer.inputsOf("Events of sale_v1/Parse sale_v1"))
        .containsExactly("Read sale_v1/MapElements/Map");
    assertThat(saleAndCustomer.inputsOf("Events of customer_v1/Parse customer_v1"))
        .containsExactly("Read customer_v1/MapElements/Map");
  }

  @Test
  void everyRowReachesTheExactlyOnceStorageWriteApi() {
    // each parse step feeds two inputs: its events and its dead letters
    assertThat(saleAndCustomer.inputsOf("All rows"))
        .containsExactly(
            "Events of sale_v1/Parse sale_v1",
            "Events of sale_v1/Parse sale_v1",
            "Events of customer_v1/Parse customer_v1",
            "Events of customer_v1/Parse customer_v1",
            "Heartbeat/Heartbeat row");
    assertThat(
            saleAndCustomer.inputsOf(
                "Write BigQuery/Storage Write API/PrepareWrite/ParDo(Anonymous)"))
        .containsExactly("All rows");
    assertThat(saleAndCustomer.userNames())
        .contains(
            "Write BigQuery/Storage Write API/StorageApiLoads/StorageApiWriteSharded/Write Records",
            "Write BigQuery/Storage Write API/StorageApiLoads/StorageApiWriteSharded"
                + "/Flush and finalize writes");
  }

  @Test
  void unparseableMessagesAndRejectedRowsReachTheDeadLetterWrites() {
    assertThat(saleAndCustomer.inputsOf("Write BigQuery/Rejected rows as dead letters"))
        .containsExactly("Write BigQuery/Storage Write API/StorageApiLoads/flattenErrors");
    assertThat(
            saleAndCustomer.inputsOf(
                "Write rejected rows/Storage Write API/PrepareWrite/ParDo(Anonymous)"))
        .containsExactly("Write BigQuery/Rejected rows as dead letters");
  }

  @Test
  void atLeastOnceWritesWithoutCommittedStreams() throws Exception {
    TranslatedJob job =
        submit(
            "at-least-once",
            OfflineDataflow.STREAMING_ENGINE,
            "--entities=Sale",
            "--writeMethod=AT_LEAST_ONCE");

    assertThat(job.pubsubReads())
        .containsExactly(
            entry(
                "Read sale_v1/PubsubUnboundedSource",
                "/subscriptions/" + OfflineDataflow.PROJECT + "/sale_v1_pipeline"));
    assertThat(
            job.inputsOf(
                "Write BigQuery/Storage Write API/StorageApiLoads/StorageApiWriteInconsistent"
                    + "/Write Records"))
        .containsExactly(
            "Write BigQuery/Storage Write API/StorageApiLoads/Convert/Convert to message");
    assertThat(job.userNames()).noneMatch(name -> name.contains("StorageApiWriteSharded"));
  }

  @Test
  void directRowPathAppendsEntityRowsWithItsOwnSinkAndTheRestThroughBigQueryIo() throws Exception {
    TranslatedJob job =
        submit(
            "direct-row-path",
            OfflineDataflow.STREAMING_ENGINE,
            "--entities=Sale,Customer",
            "--writeMethod=AT_LEAST_ONCE",
            "--rowPath=DIRECT");

    assertThat(job.inputsOf("All storage rows"))
        .containsExactly(
            "Events of sale_v1/Parse sale_v1", "Events of customer_v1/Parse customer_v1");
    assertThat(job.inputsOf("Write BigQuery direct/Append rows"))
        .containsExactly("All storage rows");
    // each parse step feeds its dead letters; the direct sink its refused rows
    assertThat(job.inputsOf("All rows"))
        .containsExactly(
            "Events of sale_v1/Parse sale_v1",
            "Events of customer_v1/Parse customer_v1",
            "Write BigQuery direct/Append rows",
            "Heartbeat/Heartbeat row");
    assertThat(job.inputsOf("Write BigQuery/Storage Write API/PrepareWrite/ParDo(Anonymous)"))
        .containsExactly("All rows");
    assertThat(job.inputsOf("Write rejected rows/Storage Write API/PrepareWrite/ParDo(Anonymous)"))
        .containsExactly("Write BigQuery/Rejected rows as dead letters");
    assertThat(job.userNames()).noneMatch(name -> name.contains("StorageApiWriteSharded"));
  }

  @Test
  void withoutStreamingEngineTheRunnerRefusesTheStorageWriteApiSink() {
    assertThatThrownBy(() -> submit("no-streaming-engine", "--entities=Sale"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Runner determined sharding not available in Dataflow for GroupIntoBatches for"
                + " non-Streaming-Engine jobs. In order to use runner determined sharding, please"
                + " use --streaming --experiments=enable_streaming_engine");
  }

  /** Runs the pipeline on the DataflowRunner against a stub of the Dataflow API. */
  private static TranslatedJob submit(String jobName, String... pipelineArgs) throws Exception {
    try (DataflowApiStub api = DataflowApiStub.start()) {
      List<String> args = new ArrayList<>(OfflineDataflow.runnerArgs(api, tempDir, jobName));
      args.addAll(List.of(pipelineArgs));
      EntityTopicsToBigQueryOptions options =
          PipelineOptionsFactory.fromArgs(args.toArray(String[]::new))
              .withValidation()
              .as(EntityTopicsToBigQueryOptions.class);
      // Nothing to stage: the test's classpath is no deployable artifact.
      options.as(DataflowPipelineOptions.class).setFilesToStage(List.of());
      pipelineAsMainBuildsIt(options).run();
      return new TranslatedJob(api.onlySubmittedJob());
    }
  }

  /**
   * The one place this test uses the pipeline's code: the graph {@code main} runs, without the
   * start-up table check (which needs BigQuery).
   */
  private static Pipeline pipelineAsMainBuildsIt(EntityTopicsToBigQueryOptions options) {
    options.setStreaming(true);
    Pipeline pipeline = Pipeline.create(options);
    pipeline.apply(EntityTopicsToBigQuery.GRAPH, EntityTopicsToWarehouse.from(options));
    return pipeline;
  }
}
