package io.entityflow.pipelines;

import com.google.api.services.bigquery.model.TableRow;
import io.entityflow.contract.layout.DeadLetterTable;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.pipelines.bigquery.WriteToBigQuery;
import io.entityflow.pipelines.events.ContractFile;
import io.entityflow.pipelines.events.EventRow;
import io.entityflow.pipelines.events.EventRowCoder;
import io.entityflow.pipelines.events.ParseEntityEvents;
import io.entityflow.pipelines.events.PipelineClock;
import io.entityflow.pipelines.events.RegistrySource;
import io.entityflow.pipelines.heartbeat.Heartbeats;
import io.entityflow.pipelines.options.EntityTopicsToBigQueryOptions;
import io.entityflow.pipelines.options.WarehouseKind;
import io.entityflow.pipelines.warehouse.WriteToLocalWarehouse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubIO;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubMessage;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;

/**
 * The whole streaming graph as one transform: for each chosen entity, read its pipeline
 * subscription, parse every message into a typed row, and write it to the table of the same name in
 * BigQuery (Storage Write API) or the local warehouse; messages that cannot be parsed and rows the
 * warehouse refuses go to {@code entityflow.dead_letter} with their original payload; a heartbeat
 * row goes to {@code entityflow.pipeline_heartbeat} every {@code --heartbeatSeconds}.
 *
 * <pre>{@code
 * pipeline.apply("Entity topics to warehouse",
 *     EntityTopicsToWarehouse.from(options).withEntities(entities).withRegistry(registry));
 * }</pre>
 *
 * <p>Immutable; {@code withX} returns a copy. It neither creates nor checks tables: see {@link
 * EntityTopicsToBigQuery#run}.
 */
public final class EntityTopicsToWarehouse extends PTransform<PBegin, PDone> {
  private final EntityTopicsToBigQueryOptions options;
  private final RegistrySource registry;
  private final List<EntityDefinition> entities;
  private final BigQueryServices testServices;
  private final PipelineClock clock;

  private EntityTopicsToWarehouse(
      EntityTopicsToBigQueryOptions options,
      RegistrySource registry,
      List<EntityDefinition> entities,
      BigQueryServices testServices,
      PipelineClock clock) {
    this.options = options;
    this.registry = registry;
    this.entities = List.copyOf(entities);
    this.testServices = testServices;
    this.clock = clock;
  }

  /**
   * The graph configured by {@code options}: every entity of the contract {@code --contract} names
   * (default the classpath's; read now, see {@link ContractFile}), the system clock.
   */
  public static EntityTopicsToWarehouse from(EntityTopicsToBigQueryOptions options) {
    return from(options, ContractFile.registry(options));
  }

  /** The graph configured by {@code options} for every entity of {@code registry}. */
  public static EntityTopicsToWarehouse from(
      EntityTopicsToBigQueryOptions options, RegistrySource registry) {
    return new EntityTopicsToWarehouse(
        options,
        registry,
        EntitySelection.select(registry.registry(), options.getEntities()),
        null,
        PipelineClock.system());
  }

  /** A copy reading the entities of {@code registry}. */
  public EntityTopicsToWarehouse withRegistry(RegistrySource registry) {
    return new EntityTopicsToWarehouse(options, registry, entities, testServices, clock);
  }

  /** A copy reading only {@code entities}. */
  public EntityTopicsToWarehouse withEntities(List<EntityDefinition> entities) {
    return new EntityTopicsToWarehouse(options, registry, entities, testServices, clock);
  }

  /** A copy writing through {@code services} (Beam's fake BigQuery services in tests). */
  public EntityTopicsToWarehouse withTestServices(BigQueryServices services) {
    return new EntityTopicsToWarehouse(options, registry, entities, services, clock);
  }

  /** A copy stamping rows, dead letters and heartbeats with {@code clock}. */
  public EntityTopicsToWarehouse withClock(PipelineClock clock) {
    return new EntityTopicsToWarehouse(options, registry, entities, testServices, clock);
  }

  @Override
  public PDone expand(PBegin begin) {
    boolean bigQuery = options.getWarehouse() != WarehouseKind.LOCAL;
    List<PCollection<KV<String, TableRow>>> rows = new ArrayList<>();
    List<PCollection<EventRow>> sourcedRows = new ArrayList<>();
    List<PCollection<TableRow>> deadLetters = new ArrayList<>();
    for (EntityDefinition entity : entities) {
      String topic = entity.topicName();
      PCollection<PubsubMessage> messages =
          begin.apply(
              "Read " + topic,
              PubsubIO.readMessagesWithAttributesAndMessageId()
                  .fromSubscription(
                      EntitySelection.subscription(options, options.getProject(), topic)));
      ParseEntityEvents parse =
          ParseEntityEvents.forTopic(topic).withRegistry(registry).withClock(clock);
      PCollectionTuple parsed =
          messages.apply(
              "Events of " + topic,
              bigQuery ? parse.withSources() : parse.withSink(localWarehouse().sink()));
      if (bigQuery) {
        sourcedRows.add(parsed.get(ParseEntityEvents.ROWS_WITH_SOURCES));
      }
      deadLetters.add(parsed.get(ParseEntityEvents.DEAD_LETTERS));
    }
    String deadLetterTable = DeadLetterTable.definition().qualifiedName();
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
      rows.add(begin.apply("Heartbeat", heartbeats()));
    }
    PCollection<KV<String, TableRow>> all =
        PCollectionList.of(rows).apply("All rows", Flatten.pCollections());
    if (!bigQuery) {
      all.apply("Write system rows", localWarehouse());
      return PDone.in(begin.getPipeline());
    }
    WriteToBigQuery sink = bigQuerySink();
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
    return PDone.in(begin.getPipeline());
  }

  private Heartbeats heartbeats() {
    Duration period = Duration.standardSeconds(options.getHeartbeatSeconds());
    return Heartbeats.every(period)
        .named(options.getPipelineName())
        .withLag(
            period.plus(
                Duration.standardSeconds(
                    Math.max(options.getFlushSeconds(), options.getTriggeringFrequencySeconds()))))
        .withClock(clock);
  }

  private WriteToBigQuery bigQuerySink() {
    WriteToBigQuery sink =
        WriteToBigQuery.toProject(EntityTopicsToBigQuery.bigQueryProject(options))
            .withDatasetPrefix(options.getDatasetPrefix())
            .withMethod(options.getWriteMethod())
            .withTriggeringFrequency(
                Duration.standardSeconds(options.getTriggeringFrequencySeconds()))
            .withRegistry(registry)
            .withClock(clock);
    return testServices == null ? sink : sink.withTestServices(testServices);
  }

  private WriteToLocalWarehouse localWarehouse() {
    return WriteToLocalWarehouse.to(Path.of(options.getWarehouseDir()))
        .withRegistry(registry)
        .withMaxRowsPerFile(options.getMaxRowsPerFile())
        .withFlush(Duration.standardSeconds(options.getFlushSeconds()))
        .withClock(clock);
  }
}
