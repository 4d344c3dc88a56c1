package io.entityflow.pipelines;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableRow;
import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.pipelines.bigquery.BigQuerySchemas;
import io.entityflow.pipelines.bigquery.BigQueryTableAdmin;
import io.entityflow.pipelines.bigquery.TableAdmin;
import io.entityflow.pipelines.bigquery.TableProvisioner;
import io.entityflow.pipelines.bigquery.WriteToBigQuery;
import io.entityflow.pipelines.deadletter.DeadLetterTable;
import io.entityflow.pipelines.events.EventRow;
import io.entityflow.pipelines.events.EventRowCoder;
import io.entityflow.pipelines.events.ParseEntityEvents;
import io.entityflow.pipelines.events.PipelineClock;
import io.entityflow.pipelines.events.RegistrySource;
import io.entityflow.pipelines.heartbeat.HeartbeatTable;
import io.entityflow.pipelines.heartbeat.Heartbeats;
import io.entityflow.pipelines.options.EntityTopicsToBigQueryOptions;
import io.entityflow.pipelines.options.WarehouseKind;
import io.entityflow.pipelines.warehouse.TableCatalog;
import io.entityflow.pipelines.warehouse.WriteToLocalWarehouse;
import io.entityflow.warehouse.local.LocalWarehouse;
import io.entityflow.warehouse.local.LocalWarehouseLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubIO;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubMessage;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;

/**
 * The streaming pipeline: every entity topic into the table of the same name. One job reads the
 * subscription of each chosen entity (all of the registry by default), parses each payload with the
 * entity's descriptor, converts it straight into a row with the metadata columns, and writes it to
 * BigQuery (Storage Write API) or the local warehouse; bad messages go to {@code
 * entityflow.dead_letter}, and a heartbeat row goes to {@code entityflow.pipeline_heartbeat} every
 * {@code --heartbeatSeconds}.
 *
 * <pre>{@code
 * java -cp ... io.entityflow.pipelines.EntityTopicsToBigQuery --project=acme --runner=DataflowRunner
 * // or, programmatically (local mode):
 * PipelineResult result = EntityTopicsToBigQuery.run(options);
 * }</pre>
 *
 * <p>Before the job starts, tables are created or evolved ({@link TableProvisioner}; local: {@link
 * LocalWarehouse#createTable}) so that new columns exist before the first row that fills them.
 */
public final class EntityTopicsToBigQuery {
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

  /** Provisions tables, then starts the pipeline on the configured runner. */
  public static PipelineResult run(EntityTopicsToBigQueryOptions options) throws Exception {
    RegistrySource registry = RegistrySource.contract();
    List<EntityDefinition> entities = selectEntities(registry.registry(), options.getEntities());
    if (options.getWarehouse() == WarehouseKind.LOCAL) {
      createLocalTables(Path.of(options.getWarehouseDir()), registry.registry());
      if (!Boolean.TRUE.equals(options.getDirectRunnerChecks())) {
        withoutDirectRunnerChecks(options);
      }
    } else if (Boolean.TRUE.equals(options.getEvolveSchemas())) {
      try (BigQueryTableAdmin admin = BigQueryTableAdmin.create(options)) {
        provision(admin, bigQueryProject(options), options.getDatasetPrefix(), entities);
      }
    }
    Pipeline pipeline = Pipeline.create(options);
    build(pipeline, options, registry, entities, null, PipelineClock.system());
    return pipeline.run();
  }

  /**
   * Adds the whole pipeline to {@code pipeline}.
   *
   * @param bigQueryServices services for BigQueryIO (Beam's fakes in tests), null for the real ones
   */
  public static void build(
      Pipeline pipeline,
      EntityTopicsToBigQueryOptions options,
      RegistrySource registry,
      List<EntityDefinition> entities,
      BigQueryServices bigQueryServices,
      PipelineClock clock) {
    boolean bigQuery = options.getWarehouse() != WarehouseKind.LOCAL;
    List<PCollection<KV<String, TableRow>>> rows = new ArrayList<>();
    List<PCollection<EventRow>> sourcedRows = new ArrayList<>();
    List<PCollection<TableRow>> deadLetters = new ArrayList<>();
    for (EntityDefinition entity : entities) {
      String topic = entity.topicName();
      PCollection<PubsubMessage> messages =
          pipeline.apply(
              "Read " + topic,
              PubsubIO.readMessagesWithAttributesAndMessageId()
                  .fromSubscription(subscription(options, topic)));
      ParseEntityEvents parse =
          ParseEntityEvents.forTopic(topic).withRegistry(registry).withClock(clock);
      PCollectionTuple parsed =
          messages.apply(
              "Events of " + topic,
              bigQuery
                  ? parse.withSources()
                  : parse.withSink(localWarehouse(options, registry, clock).sink()));
      if (bigQuery) {
        sourcedRows.add(parsed.get(ParseEntityEvents.ROWS_WITH_SOURCES));
      }
      deadLetters.add(parsed.get(ParseEntityEvents.DEAD_LETTERS));
    }
    String deadLetterTable = options.getDeadLetterTable();
    rows.add(
        PCollectionList.of(deadLetters)
            .apply("All dead letters", Flatten.pCollections())
            .apply(
                "Key dead letters",
                MapElements.into(
                        TypeDescriptors.kvs(
                            TypeDescriptors.strings(), TypeDescriptor.of(TableRow.class)))
                    .via(row -> KV.of(deadLetterTable, row))));
    if (options.getHeartbeatSeconds() != null && options.getHeartbeatSeconds() > 0) {
      Duration period = Duration.standardSeconds(options.getHeartbeatSeconds());
      rows.add(
          pipeline.apply(
              "Heartbeat",
              Heartbeats.every(period)
                  .named(options.getPipelineName())
                  .withLag(
                      period.plus(
                          Duration.standardSeconds(
                              Math.max(
                                  options.getFlushSeconds(),
                                  options.getTriggeringFrequencySeconds()))))
                  .withClock(clock)));
    }
    PCollection<KV<String, TableRow>> all =
        PCollectionList.of(rows).apply("All rows", Flatten.pCollections());
    if (options.getWarehouse() == WarehouseKind.LOCAL) {
      all.apply("Write system rows", localWarehouse(options, registry, clock));
    } else {
      WriteToBigQuery sink =
          WriteToBigQuery.toProject(bigQueryProject(options))
              .withDatasetPrefix(options.getDatasetPrefix())
              .withMethod(options.getWriteMethod())
              .withTriggeringFrequency(
                  Duration.standardSeconds(options.getTriggeringFrequencySeconds()))
              .withRegistry(registry)
              .withClock(clock);
      if (bigQueryServices != null) {
        sink = sink.withTestServices(bigQueryServices);
      }
      sourcedRows.add(
          all.apply(
                  "As event rows",
                  MapElements.into(TypeDescriptor.of(EventRow.class))
                      .via(kv -> EventRow.withoutSource(kv.getKey(), kv.getValue())))
              .setCoder(EventRowCoder.of()));
      PCollectionList.of(sourcedRows)
          .apply("All event rows", Flatten.pCollections())
          .apply("Write BigQuery", sink)
          .apply("Write rejected rows", sink);
    }
  }

  private static WriteToLocalWarehouse localWarehouse(
      EntityTopicsToBigQueryOptions options, RegistrySource registry, PipelineClock clock) {
    return WriteToLocalWarehouse.to(Path.of(options.getWarehouseDir()))
        .withRegistry(registry)
        .withMaxRowsPerFile(options.getMaxRowsPerFile())
        .withFlush(Duration.standardSeconds(options.getFlushSeconds()))
        .withClock(clock);
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

  /** The chosen entities: by entity name or full message name; every entity when empty. */
  public static List<EntityDefinition> selectEntities(EntityRegistry registry, List<String> names) {
    if (names == null || names.isEmpty()) {
      return registry.entities();
    }
    List<EntityDefinition> chosen = new ArrayList<>();
    for (String name : names) {
      chosen.add(
          registry.entities().stream()
              .filter(e -> e.name().equals(name) || e.fullName().equals(name))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "--entities names unknown entity '"
                              + name
                              + "'; allowed: "
                              + registry.entities().stream()
                                  .map(EntityDefinition::name)
                                  .collect(Collectors.joining(", ")))));
    }
    return chosen;
  }

  /** The subscription path of an entity topic. */
  public static String subscription(EntityTopicsToBigQueryOptions options, String topic) {
    String name =
        options
            .getSubscriptionPattern()
            .replace(EntityTopicsToBigQueryOptions.TOPIC_PLACEHOLDER, topic);
    if (name.startsWith("projects/")) {
      return name;
    }
    String project =
        options.getPubsubProject() != null ? options.getPubsubProject() : options.getProject();
    if (project == null) {
      throw new IllegalArgumentException(
          "subscription '" + name + "' needs a project: set --pubsubProject or --project");
    }
    return "projects/" + project + "/subscriptions/" + name;
  }

  /** Creates or evolves the BigQuery tables of the entities and the system tables. */
  public static List<String> provision(
      TableAdmin admin, String project, String datasetPrefix, List<EntityDefinition> entities)
      throws Exception {
    List<Table> tables = new ArrayList<>();
    for (EntityDefinition entity : entities) {
      tables.add(BigQuerySchemas.table(project, datasetPrefix, EntityTable.of(entity)));
    }
    tables.add(systemTable(project, datasetPrefix, DeadLetterTable.TABLE, DeadLetterTable.COLUMNS));
    tables.add(systemTable(project, datasetPrefix, HeartbeatTable.TABLE, HeartbeatTable.COLUMNS));
    return new TableProvisioner(admin).provision(tables);
  }

  private static Table systemTable(
      String project,
      String prefix,
      String table,
      List<io.entityflow.contract.bigquery.TableColumn> columns) {
    return new Table()
        .setTableReference(
            BigQuerySchemas.reference(project, prefix + LocalWarehouseLayout.SYSTEM_DATASET, table))
        .setSchema(BigQuerySchemas.schema(columns))
        .setTimePartitioning(
            new com.google.api.services.bigquery.model.TimePartitioning()
                .setType("DAY")
                .setField(
                    columns.get(0).type().name().equals("TIMESTAMP")
                        ? columns.get(0).name()
                        : columns.get(1).name()));
  }

  /** Creates every table of the local warehouse that has no file. */
  public static void createLocalTables(Path root, EntityRegistry registry) throws Exception {
    LocalWarehouseLayout layout = new LocalWarehouseLayout(root);
    for (Map.Entry<String, List<io.entityflow.contract.bigquery.TableColumn>> table :
        TableCatalog.of(registry).tables().entrySet()) {
      String[] parts = table.getKey().split("\\.", 2);
      LocalWarehouse.createTable(layout, parts[0], parts[1], table.getValue());
    }
  }

  private static String bigQueryProject(EntityTopicsToBigQueryOptions options) {
    return options.getBigQueryProject() != null
        ? options.getBigQueryProject()
        : options.getProject();
  }
}
