package io.entityflow.pipelines;

import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.pipelines.bigquery.WriteStorageRows;
import io.entityflow.pipelines.bigquery.WriteToBigQuery;
import io.entityflow.pipelines.events.ContractFile;
import io.entityflow.pipelines.events.EventRow;
import io.entityflow.pipelines.events.EventRowCoder;
import io.entityflow.pipelines.events.ParseEntityEvents;
import io.entityflow.pipelines.events.ParseStorageRows;
import io.entityflow.pipelines.events.PipelineClock;
import io.entityflow.pipelines.events.RegistrySource;
import io.entityflow.pipelines.events.StorageRow;
import io.entityflow.pipelines.events.StorageRowCoder;
import io.entityflow.pipelines.heartbeat.Heartbeats;
import io.entityflow.pipelines.options.EntityTopicsToBigQueryOptions;
import io.entityflow.pipelines.options.LocalReadOptions;
import io.entityflow.pipelines.options.RowPath;
import io.entityflow.pipelines.options.WarehouseKind;
import io.entityflow.pipelines.pubsub.ReadPubsubBatches;
import io.entityflow.pipelines.warehouse.WriteToLocalWarehouse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubIO;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubMessage;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PDone;
import org.joda.time.Duration;

/**
 * The whole streaming graph as one transform: for each chosen entity, read its pipeline
 * subscription ({@code PubsubIO}; in local mode {@link ReadPubsubBatches} unless {@code
 * --localRead=PUBSUB_IO}), parse every message into a typed row ({@link ParseEntityEvents}), and
 * write it to the table of the same name in BigQuery ({@link WriteToBigQuery}, Storage Write API)
 * or the local warehouse ({@link WriteToLocalWarehouse}); with {@code --rowPath=DIRECT} entity
 * events are parsed straight into Storage Write API rows ({@link ParseStorageRows}) and appended by
 * {@link WriteStorageRows}, whose refused rows join the dead letters and heartbeats on the {@code
 * TableRow} path; messages that cannot be parsed and rows the warehouse refuses go to {@code
 * entityflow.dead_letter} with their original payload; a heartbeat row goes to {@code
 * entityflow.pipeline_heartbeat} every {@code --heartbeatSeconds}.
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

  /**
   * Refuses options the chosen row path does not support ({@link RowPath#requireSupported}), with
   * the options, their values and what is allowed.
   */
  public static void requireSupportedRowPath(EntityTopicsToBigQueryOptions options) {
    options
        .getRowPath()
        .requireSupported(
            options.getWarehouse(),
            options.getWriteMethod(),
            Boolean.TRUE.equals(options.getCurrentTables()));
  }

  @Override
  public PDone expand(PBegin begin) {
    requireSupportedRowPath(options);
    boolean local = options.getWarehouse() == WarehouseKind.LOCAL;
    boolean direct = options.getRowPath() == RowPath.DIRECT;
    List<PCollection<EventRow>> rows = new ArrayList<>();
    List<PCollection<StorageRow>> storageRows = new ArrayList<>();
    for (EntityDefinition entity : entities) {
      String topic = entity.topicName();
      String subscription = EntitySelection.subscription(options, options.getProject(), topic);
      PCollection<PubsubMessage> messages =
          begin.apply(
              "Read " + topic,
              local && options.getLocalRead() == LocalReadOptions.LocalRead.PULL_BATCHES
                  ? localRead(subscription, topic)
                  : PubsubIO.readMessagesWithAttributesAndMessageId()
                      .fromSubscription(subscription));
      PCollectionTuple parsed =
          messages.apply(
              "Events of " + topic,
              direct
                  ? ParseStorageRows.forTopic(topic).withRegistry(registry).withClock(clock)
                  : ParseEntityEvents.forTopic(topic).withRegistry(registry).withClock(clock));
      if (direct) {
        storageRows.add(parsed.get(ParseStorageRows.ROWS));
      } else {
        rows.add(parsed.get(ParseEntityEvents.EVENTS));
      }
      rows.add(parsed.get(ParseEntityEvents.DEAD_LETTERS));
    }
    if (direct) {
      rows.add(
          PCollectionList.of(storageRows)
              .apply("All storage rows", Flatten.pCollections())
              .setCoder(StorageRowCoder.of())
              .apply("Write BigQuery direct", directSink()));
    }
    if (options.getHeartbeatSeconds() != null && options.getHeartbeatSeconds() > 0) {
      rows.add(begin.apply("Heartbeat", heartbeats()));
    }
    PCollection<EventRow> all =
        PCollectionList.of(rows)
            .apply("All rows", Flatten.pCollections())
            .setCoder(EventRowCoder.of());
    if (local) {
      all.apply("Write local warehouse", localWarehouse());
      return PDone.in(begin.getPipeline());
    }
    WriteToBigQuery sink = bigQuerySink();
    all.apply("Write BigQuery", sink).apply("Write rejected rows", sink);
    return PDone.in(begin.getPipeline());
  }

  private ReadPubsubBatches localRead(String subscription, String topic) {
    String journal = options.getJournalDir();
    return ReadPubsubBatches.fromSubscription(subscription)
        .withTopic(topic)
        .withEmulator(options.getPubsubRootUrl())
        .withJournal(
            journal == null || journal.isBlank()
                ? Path.of(options.getWarehouseDir()).resolve(".journal")
                : Path.of(journal))
        .withMaxMessagesPerPull(options.getMaxMessagesPerPull())
        .withMaxPendingMessages(options.getMaxPendingMessages());
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
            .withCurrentTables(Boolean.TRUE.equals(options.getCurrentTables()))
            .withClock(clock);
    return testServices == null ? sink : sink.withTestServices(testServices);
  }

  private WriteStorageRows directSink() {
    WriteStorageRows sink =
        WriteStorageRows.toProject(EntityTopicsToBigQuery.bigQueryProject(options))
            .withDatasetPrefix(options.getDatasetPrefix())
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
