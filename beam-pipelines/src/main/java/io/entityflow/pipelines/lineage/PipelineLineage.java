package io.entityflow.pipelines.lineage;

import io.entityflow.contract.bigquery.BigQueryType;
import io.entityflow.contract.bigquery.ColumnMode;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.layout.TableDefinition;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.pipelines.options.EntityTopicsToBigQueryOptions;
import io.entityflow.pipelines.options.WarehouseKind;
import io.entityflow.warehouse.local.LocalWarehouseLayout;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The {@link LineageEmitter} of an {@code EntityTopicsToBigQuery} run, from its options: job {@code
 * --openLineageNamespace} / {@code --openLineageJobName} (default {@code --pipelineName}); inputs:
 * the topic of every selected entity in {@code --pubsubProject} (default {@code --project});
 * outputs: the tables the run writes (entity tables, dead letters, heartbeat) in {@code
 * --bigQueryProject} with {@code --datasetPrefix}, or the table directories of the local warehouse;
 * transports: {@code --openLineageUrl} and/or {@code --openLineageFile}.
 *
 * <pre>{@code
 * PipelineResult result = PipelineLineage.emitter(options, layout, entities, tables).observe(pipeline::run);
 * }</pre>
 */
public final class PipelineLineage {
  private PipelineLineage() {}

  /** The emitter of a run writing {@code tables}, with a random run id and the system clock. */
  public static LineageEmitter emitter(
      EntityTopicsToBigQueryOptions options,
      PhysicalLayout layout,
      List<EntityDefinition> entities,
      List<TableDefinition> tables) {
    return emitter(options, layout, entities, tables, Clock.systemUTC(), UUID::randomUUID);
  }

  /** The emitter of a run writing {@code tables}, with the given clock and run ids. */
  public static LineageEmitter emitter(
      EntityTopicsToBigQueryOptions options,
      PhysicalLayout layout,
      List<EntityDefinition> entities,
      List<TableDefinition> tables,
      Clock clock,
      Supplier<UUID> runIds) {
    List<LineageTransport> transports = new ArrayList<>();
    if (options.getOpenLineageUrl() != null && !options.getOpenLineageUrl().isBlank()) {
      transports.add(new HttpLineageTransport(options.getOpenLineageUrl()));
    }
    if (options.getOpenLineageFile() != null && !options.getOpenLineageFile().isBlank()) {
      transports.add(new FileLineageTransport(Path.of(options.getOpenLineageFile())));
    }
    String topicProject =
        options.getPubsubProject() != null ? options.getPubsubProject() : options.getProject();
    List<LineageDataset> inputs = new ArrayList<>();
    for (EntityDefinition entity : entities) {
      inputs.add(LineageDataset.pubsubTopic(topicProject, layout.entity(entity).topic()));
    }
    boolean schemas = !Boolean.FALSE.equals(options.getOpenLineageSchemaFacets());
    List<LineageDataset> outputs = new ArrayList<>();
    for (TableDefinition table : tables) {
      LineageDataset dataset = output(options, layout, table);
      outputs.add(schemas ? dataset.withFields(fields(table.columns())) : dataset);
    }
    String jobName =
        options.getOpenLineageJobName() != null
            ? options.getOpenLineageJobName()
            : options.getPipelineName();
    return new LineageEmitter(
        options.getOpenLineageNamespace(), jobName, inputs, outputs, transports, clock, runIds);
  }

  private static LineageDataset output(
      EntityTopicsToBigQueryOptions options, PhysicalLayout layout, TableDefinition table) {
    if (options.getWarehouse() == WarehouseKind.LOCAL) {
      return LineageDataset.localPath(
          new LocalWarehouseLayout(Path.of(options.getWarehouseDir()))
              .tableDirectory(table.dataset(), table.name()));
    }
    String project =
        options.getBigQueryProject() != null ? options.getBigQueryProject() : options.getProject();
    return LineageDataset.bigQueryTable(layout.tableId(project, table));
  }

  private static List<LineageDataset.Field> fields(List<TableColumn> columns) {
    List<LineageDataset.Field> fields = new ArrayList<>();
    for (TableColumn column : columns) {
      String type = column.type() == BigQueryType.RECORD ? "STRUCT" : column.type().sqlName();
      fields.add(
          new LineageDataset.Field(
              column.name(),
              column.mode() == ColumnMode.REPEATED ? "ARRAY<" + type + ">" : type,
              column.description(),
              fields(column.fields())));
    }
    return fields;
  }
}
