package io.entityflow.pipelines.events;

import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.layout.DeadLetterTable;
import io.entityflow.contract.layout.EntityResources;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.pipelines.deadletter.DeadLetterKind;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubMessage;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;

/**
 * What every parse of an entity topic's messages shares ({@link ParseEntityEvents}, {@link
 * ParseStorageRows}): the topic's entity and table, the {@link SourceMessage} of each message, the
 * counters, and the dead letter of every message that cannot become a row ({@link
 * ParseEntityEvents#DEAD_LETTERS}). Subclasses only say what the row is ({@link #row}); every
 * message yields exactly one row or one dead letter.
 *
 * <pre>{@code
 * final class MyParseFn extends ParseMessageFn<EventRow> {
 *   EventRow row(EntityEventParser parser, String table, SourceMessage source, Instant now,
 *       IntConsumer unknownFields) throws RejectedMessageException { ... }
 * }
 * }</pre>
 *
 * <p>Counters: {@code entityflow.events/parsed}, {@code unknown_fields}, {@code
 * events_with_unknown_fields}, and one per {@link DeadLetterKind} in {@link
 * DeadLetterKind#METRICS_NAMESPACE}.
 *
 * @param <T> the row type of the main output
 */
abstract class ParseMessageFn<T> extends DoFn<PubsubMessage, T> {
  private final String topic;
  private final RegistrySource registry;
  private final PipelineClock clock;
  private final Counter parsed = Metrics.counter(ParseEntityEvents.METRICS_NAMESPACE, "parsed");
  private final Counter unknownFields =
      Metrics.counter(ParseEntityEvents.METRICS_NAMESPACE, ParseEntityEvents.UNKNOWN_FIELDS);
  private final Counter withUnknownFields =
      Metrics.counter(
          ParseEntityEvents.METRICS_NAMESPACE, ParseEntityEvents.EVENTS_WITH_UNKNOWN_FIELDS);
  private final Map<DeadLetterKind, Counter> failures = new EnumMap<>(DeadLetterKind.class);
  private transient Optional<EntityEventParser> parser;
  private transient String table;
  private transient String deadLetterTable;

  ParseMessageFn(String topic, RegistrySource registry, PipelineClock clock) {
    this.topic = topic;
    this.registry = registry;
    this.clock = clock;
    for (DeadLetterKind kind : DeadLetterKind.values()) {
      failures.put(kind, Metrics.counter(DeadLetterKind.METRICS_NAMESPACE, kind.name()));
    }
  }

  /**
   * The row of one message.
   *
   * @param parser the parser of the topic's entity
   * @param table the entity's table, {@code dataset.table}
   * @param source the message as received
   * @param now the ingestion time
   * @param unknownFields told how many payload fields the contract does not know were skipped
   * @throws RejectedMessageException when the message cannot become a row
   */
  abstract T row(
      EntityEventParser parser,
      String table,
      SourceMessage source,
      Instant now,
      IntConsumer unknownFields)
      throws RejectedMessageException;

  @Setup
  public void setup() {
    Optional<EntityDefinition> entity =
        PhysicalLayout.of(registry.registry()).forTopic(topic).map(EntityResources::entity);
    parser = entity.map(EntityEventParser::of);
    table = entity.map(e -> EntityTable.of(e).qualifiedName()).orElse(null);
    deadLetterTable = DeadLetterTable.definition().qualifiedName();
  }

  private void countUnknownFields(int count) {
    if (count > 0) {
      unknownFields.inc(count);
      withUnknownFields.inc();
    }
  }

  @ProcessElement
  public void process(ProcessContext context) {
    PubsubMessage message = context.element();
    Instant publishTime = Instant.ofEpochMilli(context.timestamp().getMillis());
    Instant now = clock.now();
    SourceMessage source =
        new SourceMessage(
            topic,
            message.getMessageId(),
            publishTime,
            message.getAttributeMap(),
            message.getPayload());
    try {
      if (parser.isEmpty()) {
        throw new RejectedMessageException(
            DeadLetterKind.UNKNOWN_TOPIC,
            "topic '" + topic + "' belongs to no entity of the registry");
      }
      T row = row(parser.get(), table, source, now, this::countUnknownFields);
      parsed.inc();
      context.output(row);
    } catch (RejectedMessageException e) {
      failures.get(e.kind()).inc();
      context.output(
          ParseEntityEvents.DEAD_LETTERS,
          new EventRow(
              deadLetterTable, source.deadLetter(now, e.kind(), e.getMessage()).toRow(), source));
    }
  }
}
