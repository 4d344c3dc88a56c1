package io.entityflow.pipelines;

import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.layout.TableDefinition;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.pipelines.bigquery.BigQueryTableAdmin;
import io.entityflow.pipelines.bigquery.LiveTableCheck;
import io.entityflow.pipelines.events.ContractFile;
import io.entityflow.pipelines.events.RegistrySource;
import io.entityflow.pipelines.lineage.PipelineLineage;
import io.entityflow.pipelines.options.EntityTopicsToBigQueryOptions;
import io.entityflow.pipelines.options.WarehouseKind;
import io.entityflow.pipelines.warehouse.LocalTables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * The streaming pipeline: every entity topic into the table of the same name ({@link
 * EntityTopicsToWarehouse}). {@code main} parses the options, {@link #run} prepares the warehouse
 * and starts the job on the configured runner.
 *
 * <pre>{@code
 * java -jar entityflow-pipeline-flex.jar --project=acme --runner=DataflowRunner ...
 * // or, programmatically (local mode):
 * PipelineResult result = EntityTopicsToBigQuery.run(options);
 * }</pre>
 *
 * <p>Before the job starts: in BigQuery, the live tables are checked against the contract ({@link
 * LiveTableCheck}; Terraform creates and alters them, the pipeline never does); in the local
 * warehouse, missing tables are created ({@link LocalTables}). With {@code --openLineageUrl} or
 * {@code --openLineageFile} the run reports OpenLineage run events ({@link PipelineLineage}).
 */
public final class EntityTopicsToBigQuery {
  /** Name of the one transform the job applies: every step's name starts with it. */
  public static final String GRAPH = "Entity topics to warehouse";

  private EntityTopicsToBigQuery() {}

  /** Parses the arguments and runs the pipeline. */
  public static void main(String[] args) throws Exception {
    PipelineOptionsFactory.register(EntityTopicsToBigQueryOptions.class);
    EntityTopicsToBigQueryOptions options =
        PipelineOptionsFactory.fromArgs(args)
            .withValidation()
            .as(EntityTopicsToBigQueryOptions.class);
    options.setStreaming(true);
    run(options);
  }

  /**
   * Reads the contract ({@code --contract}, default the classpath's), prepares the warehouse, then
   * starts the pipeline on the configured runner.
   */
  public static PipelineResult run(EntityTopicsToBigQueryOptions options) throws Exception {
    EntityTopicsToWarehouse.requireSupportedRowPath(options);
    RegistrySource registry = ContractFile.registry(options);
    List<EntityDefinition> entities =
        EntitySelection.select(registry.registry(), options.getEntities());
    PhysicalLayout layout =
        PhysicalLayout.of(registry.registry()).withDatasetPrefix(options.getDatasetPrefix());
    if (options.getWarehouse() == WarehouseKind.LOCAL) {
      LocalTables.createMissing(
          Path.of(options.getWarehouseDir()), PhysicalLayout.of(registry.registry()));
      if (!Boolean.TRUE.equals(options.getDirectRunnerChecks())) {
        withoutDirectRunnerChecks(options);
      }
      options.as(DirectOptions.class).setTargetParallelism(options.getLocalWorkerThreads());
    } else if (Boolean.TRUE.equals(options.getVerifyTables())) {
      try (BigQueryTableAdmin admin = BigQueryTableAdmin.create(options)) {
        List<TableDefinition> tables = new ArrayList<>(writtenTables(layout, entities));
        if (Boolean.TRUE.equals(options.getCurrentTables())) {
          tables.addAll(currentTables(layout, entities));
        }
        new LiveTableCheck(admin).requireMatching(bigQueryProject(options), layout, tables);
      }
    }
    Pipeline pipeline = Pipeline.create(options);
    pipeline.apply(GRAPH, EntityTopicsToWarehouse.from(options, registry).withEntities(entities));
    return PipelineLineage.emitter(options, layout, entities, writtenTables(layout, entities))
        .observe(pipeline::run);
  }

  /** The tables a pipeline reading {@code entities} writes: theirs and the system tables. */
  public static List<TableDefinition> writtenTables(
      PhysicalLayout layout, List<EntityDefinition> entities) {
    List<TableDefinition> tables = new ArrayList<>();
    entities.forEach(entity -> tables.add(layout.entity(entity).table()));
    tables.add(layout.deadLetterTable());
    tables.add(layout.heartbeatTable());
    return tables;
  }

  /** The current-state tables a pipeline reading {@code entities} keeps with --currentTables. */
  public static List<TableDefinition> currentTables(
      PhysicalLayout layout, List<EntityDefinition> entities) {
    List<TableDefinition> tables = new ArrayList<>();
    for (EntityDefinition entity : entities) {
      TableDefinition current = layout.entity(entity).currentTable();
      if (layout.currentTables().contains(current)) {
        tables.add(current);
      }
    }
    return tables;
  }

  /**
   * Turns off the DirectRunner's immutability and encodability enforcement: development aids that
   * clone every element through its coder between steps (no effect on other runners).
   */
  public static void withoutDirectRunnerChecks(PipelineOptions options) {
    DirectOptions direct = options.as(DirectOptions.class);
    direct.setEnforceImmutability(false);
    direct.setEnforceEncodability(false);
  }

  /** The project of the BigQuery datasets: {@code --bigQueryProject}, default {@code --project}. */
  static String bigQueryProject(EntityTopicsToBigQueryOptions options) {
    return options.getBigQueryProject() != null
        ? options.getBigQueryProject()
        : options.getProject();
  }
}
