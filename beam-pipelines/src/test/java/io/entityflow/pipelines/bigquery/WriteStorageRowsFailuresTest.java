package io.entityflow.pipelines.bigquery;

import static io.entityflow.pipelines.bigquery.WriteStorageRowsTest.createTables;
import static io.entityflow.pipelines.bigquery.WriteStorageRowsTest.direct;
import static io.entityflow.pipelines.bigquery.WriteStorageRowsTest.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.entityflow.pipelines.events.SampleEvents;
import io.entityflow.pipelines.testing.Pipelines;
import io.entityflow.testing.bigquery.RuleCheckingDatasetService;
import java.io.IOException;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubMessage;
import org.apache.beam.sdk.io.gcp.testing.FakeBigQueryServices;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;
import org.apache.beam.sdk.io.gcp.testing.FakeJobService;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The direct sink when BigQuery fails whole AppendRows requests: retried until every row lands
 * once, or the bundle fails naming the stream, the attempts and the error.
 */
class WriteStorageRowsFailuresTest {
  private FakeBigQueryServices services;

  @BeforeEach
  void fakes() {
    FakeDatasetService.setUp();
    FakeJobService.setUp();
    services =
        new FakeBigQueryServices()
            .withDatasetService(new RuleCheckingDatasetService())
            .withJobService(new FakeJobService());
  }

  @Test
  void appendsThatFailForAWhileAreRetriedUntilEveryRowLandsOnce() throws Exception {
    FlakyDatasetService flaky = new FlakyDatasetService();
    FlakyDatasetService.failNextAppends(2);
    createTables(flaky, "p-direct", "sale_v1");
    List<TimestampedValue<PubsubMessage>> messages =
        List.of(
            message("sale_v1", SampleEvents.sale("s-1").message(), "sale_v1-1"),
            message("sale_v1", SampleEvents.sale("s-2").message(), "sale_v1-2"));

    TestPipeline pipeline = Pipelines.create();
    PAssert.that(
            direct(
                pipeline,
                "Direct",
                messages,
                WriteStorageRows.toProject("p-direct")
                    .withTestServices(new FakeBigQueryServices().withDatasetService(flaky))
                    .withRetries(3, Duration.millis(1))))
        .empty();
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();

    assertThat(flaky.getAllRows("p-direct", "retail", "sale_v1"))
        .extracting(row -> row.get("sale_id"))
        .containsExactlyInAnyOrder("s-1", "s-2");
    assertThat(FlakyDatasetService.failedAppends()).isEqualTo(2);
    assertThat(counter(result, WriteStorageRows.APPEND_RETRIES)).isEqualTo(2);
    assertThat(counter(result, WriteStorageRows.ROWS_APPENDED)).isEqualTo(2);
  }

  @Test
  void anAppendThatKeepsFailingFailsTheBundleNamingTheStreamTheAttemptsAndTheError()
      throws Exception {
    FlakyDatasetService flaky = new FlakyDatasetService();
    FlakyDatasetService.failNextAppends(1_000);
    createTables(flaky, "p-direct", "sale_v1");
    TestPipeline pipeline = Pipelines.create();
    direct(
        pipeline,
        "Direct",
        List.of(message("sale_v1", SampleEvents.sale("s-1").message(), "sale_v1-1")),
        WriteStorageRows.toProject("p-direct")
            .withTestServices(new FakeBigQueryServices().withDatasetService(flaky))
            .withRetries(3, Duration.millis(1)));

    assertThatThrownBy(() -> pipeline.run().waitUntilFinish())
        .hasRootCauseInstanceOf(io.grpc.StatusRuntimeException.class)
        .satisfies(
            e ->
                assertThat(causeOfType(e, IOException.class))
                    .hasMessage(
                        "appending 1 row to"
                            + " projects/p-direct/datasets/retail/tables/sale_v1/streams/_default"
                            + " failed 3 times, the last with UNAVAILABLE: UNAVAILABLE: BigQuery"
                            + " is unavailable; allowed: 3 attempts per request"));
    assertThat(flaky.getAllRows("p-direct", "retail", "sale_v1")).isEmpty();
  }

  @Test
  void aMissingTableFailsTheBundleWithoutRetrying() throws Exception {
    TestPipeline pipeline = Pipelines.create();
    direct(
        pipeline,
        "Direct",
        List.of(message("sale_v1", SampleEvents.sale("s-1").message(), "sale_v1-1")),
        WriteStorageRows.toProject("p-none")
            .withTestServices(services)
            .withRetries(20, Duration.standardSeconds(30)));

    assertThatThrownBy(() -> pipeline.run().waitUntilFinish())
        .satisfies(
            e ->
                assertThat(causeOfType(e, IOException.class).getMessage())
                    .startsWith(
                        "appending 1 row to"
                            + " projects/p-none/datasets/retail/tables/sale_v1/streams/_default"
                            + " failed with NOT_FOUND, which no retry can fix: "));
  }

  private static <T extends Throwable> T causeOfType(Throwable error, Class<T> type) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
    }
    throw new AssertionError("no " + type.getName() + " in the causes of " + error, error);
  }

  private static long counter(PipelineResult result, String name) {
    long total = 0;
    for (MetricResult<Long> counter :
        result
            .metrics()
            .queryMetrics(
                MetricsFilter.builder()
                    .addNameFilter(MetricNameFilter.named(WriteStorageRows.METRICS_NAMESPACE, name))
                    .build())
            .getCounters()) {
      total += counter.getCommitted();
    }
    return total;
  }
}
