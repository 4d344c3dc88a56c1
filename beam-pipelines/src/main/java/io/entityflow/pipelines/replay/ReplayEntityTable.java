package io.entityflow.pipelines.replay;

import com.google.api.services.bigquery.model.TableRow;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.layout.TableDefinition;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.pipelines.EntitySelection;
import io.entityflow.pipelines.convert.Timestamps;
import io.entityflow.pipelines.events.ContractFile;
import io.entityflow.pipelines.events.PipelineClock;
import io.entityflow.pipelines.events.RegistrySource;
import io.entityflow.pipelines.options.WarehouseKind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubIO;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.values.PCollection;

/**
 * The replay pipeline (batch): reads an entity table for a time range and republishes its events,
 * with their original attributes, the {@code replayed_at} marker and the ordering key the publisher
 * would have used, to a topic of the user's choice, e.g. to feed a new consumer or to recover
 * downstream.
 *
 * <pre>{@code
 * java -cp ... io.entityflow.pipelines.replay.ReplayEntityTable --entity=Sale \
 *   --from=2026-11-01T00:00:00Z --to=2026-11-02T00:00:00Z \
 *   --targetTopic=projects/acme/topics/sale_v1-replay \
 *   --warehouse=BIGQUERY --project=acme --bigQueryProject=acme-analytics
 * }</pre>
 *
 * <p>With {@code --warehouse=BIGQUERY} the table {@code <bigQueryProject>.<datasetPrefix><domain>.
 * <table>} is read with the Storage Read API, filtered server-side on {@code occurred_at} ({@link
 * ReadBigQueryTable}); with {@code --warehouse=LOCAL} the Parquet files under {@code
 * --warehouseDir} ({@link ReadLocalTable}).
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

  /**
   * Reads the contract ({@code --contract}, default the classpath's), builds and starts the replay.
   */
  public static PipelineResult run(ReplayOptions options) {
    RegistrySource registry = ContractFile.registry(options);
    Pipeline pipeline = Pipeline.create(options);
    build(pipeline, options, registry, null, PipelineClock.system());
    return pipeline.run();
  }

  /**
   * Adds the whole replay to {@code pipeline}.
   *
   * @param bigQueryServices services for BigQueryIO (Beam's fakes in tests), null for the real ones
   * @throws IllegalArgumentException naming the option when the entity or the range is invalid
   */
  public static void build(
      Pipeline pipeline,
      ReplayOptions options,
      RegistrySource registry,
      BigQueryServices bigQueryServices,
      PipelineClock clock) {
    EntityDefinition entity =
        EntitySelection.select(registry.registry(), List.of(options.getEntity())).get(0);
    Instant from = Timestamps.parse("--from", options.getFrom());
    Instant to = Timestamps.parse("--to", options.getTo());
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException(
          "--from " + options.getFrom() + " must be before --to " + options.getTo());
    }
    PCollection<TableRow> rows;
    if (options.getWarehouse() == WarehouseKind.LOCAL) {
      rows =
          pipeline.apply(
              "Read " + entity.tableName(),
              ReadLocalTable.of(Path.of(options.getWarehouseDir()), entity.topicName(), from, to)
                  .withRegistry(registry));
    } else {
      PhysicalLayout layout =
          PhysicalLayout.of(registry.registry()).withDatasetPrefix(options.getDatasetPrefix());
      TableDefinition table = layout.entity(entity).table();
      ReadBigQueryTable read =
          ReadBigQueryTable.of(
                  bigQueryProject(options),
                  layout.datasetId(table.dataset()),
                  table.name(),
                  from,
                  to)
              .withRegistry(registry);
      if (bigQueryServices != null) {
        read = read.withTestServices(bigQueryServices);
      }
      rows = pipeline.apply("Read " + entity.tableName(), read);
    }
    rows.apply(
            "Events of " + entity.tableName(),
            RowsToEvents.of(entity.topicName()).withRegistry(registry).withClock(clock))
        .apply("Publish", PubsubIO.writeMessages().withOrderingKey().to(options.getTargetTopic()));
  }

  private static String bigQueryProject(ReplayOptions options) {
    String project =
        options.getBigQueryProject() != null ? options.getBigQueryProject() : options.getProject();
    if (project == null) {
      throw new IllegalArgumentException(
          "--warehouse=BIGQUERY needs the project of the datasets: set --bigQueryProject or"
              + " --project");
    }
    return project;
  }
}
