package io.entityflow.pipelines.replay;

import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.pipelines.EntityTopicsToBigQuery;
import io.entityflow.pipelines.convert.Timestamps;
import io.entityflow.pipelines.events.PipelineClock;
import io.entityflow.pipelines.events.RegistrySource;
import io.entityflow.pipelines.options.WarehouseKind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubIO;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * The replay pipeline (batch): reads an entity table for a time range and republishes its events,
 * with their original attributes and the {@code replayed_at} marker, to a topic of the user's
 * choice, e.g. to feed a new consumer or to recover downstream.
 *
 * <pre>{@code
 * java -cp ... io.entityflow.pipelines.replay.ReplayEntityTable --entity=Sale \
 *   --from=2026-11-01T00:00:00Z --to=2026-11-02T00:00:00Z \
 *   --targetTopic=projects/acme/topics/sale_v1-replay --warehouse=LOCAL --warehouseDir=.entityflow/warehouse
 * }</pre>
 *
 * <p>Reads the local warehouse; reading BigQuery tables is not implemented yet and is refused.
 */
public final class ReplayEntityTable {
  private ReplayEntityTable() {}

  /** Parses the arguments and runs the replay to completion. */
  public static void main(String[] args) {
    PipelineOptionsFactory.register(ReplayOptions.class);
    ReplayOptions options =
        PipelineOptionsFactory.fromArgs(args).withValidation().as(ReplayOptions.class);
    run(options).waitUntilFinish();
  }

  /** Builds and starts the replay. */
  public static PipelineResult run(ReplayOptions options) {
    if (options.getWarehouse() != WarehouseKind.LOCAL) {
      throw new IllegalArgumentException(
          "--warehouse="
              + options.getWarehouse()
              + " is not supported by replay yet; allowed: LOCAL");
    }
    RegistrySource registry = RegistrySource.contract();
    EntityDefinition entity =
        EntityTopicsToBigQuery.selectEntities(registry.registry(), List.of(options.getEntity()))
            .get(0);
    Instant from = Timestamps.parse("--from", options.getFrom());
    Instant to = Timestamps.parse("--to", options.getTo());
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException(
          "--from " + options.getFrom() + " must be before --to " + options.getTo());
    }
    Pipeline pipeline = Pipeline.create(options);
    pipeline
        .apply(
            "Read " + entity.tableName(),
            ReadLocalTable.of(Path.of(options.getWarehouseDir()), entity.topicName(), from, to)
                .withRegistry(registry))
        .apply(
            "Events of " + entity.tableName(),
            RowsToEvents.of(entity.topicName())
                .withRegistry(registry)
                .withClock(PipelineClock.system()))
        .apply("Publish", PubsubIO.writeMessages().to(options.getTargetTopic()));
    return pipeline.run();
  }
}
