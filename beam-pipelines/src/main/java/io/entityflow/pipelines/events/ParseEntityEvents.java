package io.entityflow.pipelines.events;

import com.google.api.services.bigquery.model.TableRow;
import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.pipelines.deadletter.DeadLetter;
import io.entityflow.pipelines.deadletter.DeadLetterKind;
import io.entityflow.pipelines.deadletter.DeadLetterTable;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.gcp.bigquery.TableRowJsonCoder;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubMessage;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Parses the messages of one entity topic into rows of the entity's table, keyed by the table's
 * qualified name ({@code retail.sale_v1}); every message that cannot become a row goes, with its
 * raw payload and attributes, to the {@link #DEAD_LETTERS} output as a dead-letter row.
 *
 * <pre>{@code
 * PCollectionTuple parsed = messages.apply("Parse sale_v1",
 *     ParseEntityEvents.forTopic("sale_v1").withRegistry(RegistrySource.contract()));
 * PCollection<KV<String, TableRow>> rows = parsed.get(ParseEntityEvents.ROWS);
 * PCollection<TableRow> deadLetters = parsed.get(ParseEntityEvents.DEAD_LETTERS);
 * }</pre>
 *
 * <p>Immutable; {@code withX} returns a copy. Counters: {@code entityflow.events/parsed} and one
 * per {@link DeadLetterKind} in {@link DeadLetterTable#METRICS_NAMESPACE}.
 */
public final class ParseEntityEvents
    extends PTransform<PCollection<PubsubMessage>, PCollectionTuple> {
  /** Rows of entity tables, keyed by {@code dataset.table}. */
  public static final TupleTag<KV<String, TableRow>> ROWS = new TupleTag<>() {};

  /** Rows of the dead-letter table. */
  public static final TupleTag<TableRow> DEAD_LETTERS = new TupleTag<>() {};

  private final String topic;
  private final RegistrySource registry;
  private final PipelineClock clock;

  private ParseEntityEvents(String topic, RegistrySource registry, PipelineClock clock) {
    this.topic = topic;
    this.registry = registry;
    this.clock = clock;
  }

  /** Parses messages read from {@code topic}, with the contract registry and the system clock. */
  public static ParseEntityEvents forTopic(String topic) {
    return new ParseEntityEvents(topic, RegistrySource.contract(), PipelineClock.system());
  }

  /** A copy reading entities from {@code registry}. */
  public ParseEntityEvents withRegistry(RegistrySource registry) {
    return new ParseEntityEvents(topic, registry, clock);
  }

  /** A copy stamping ingestion and failure times from {@code clock}. */
  public ParseEntityEvents withClock(PipelineClock clock) {
    return new ParseEntityEvents(topic, registry, clock);
  }

  @Override
  public PCollectionTuple expand(PCollection<PubsubMessage> messages) {
    PCollectionTuple result =
        messages.apply(
            "Parse " + topic,
            ParDo.of(new ParseFn(topic, registry, clock))
                .withOutputTags(ROWS, TupleTagList.of(DEAD_LETTERS)));
    result.get(ROWS).setCoder(KvCoder.of(StringUtf8Coder.of(), TableRowJsonCoder.of()));
    result.get(DEAD_LETTERS).setCoder(TableRowJsonCoder.of());
    return result;
  }

  /** The DoFn: one parser per instance, one counter per dead-letter kind. */
  static final class ParseFn extends DoFn<PubsubMessage, KV<String, TableRow>> {
    private final String topic;
    private final RegistrySource registry;
    private final PipelineClock clock;
    private final Counter parsed = Metrics.counter("entityflow.events", "parsed");
    private final Map<DeadLetterKind, Counter> failures = new EnumMap<>(DeadLetterKind.class);
    private transient Optional<EntityEventParser> parser;
    private transient String table;

    ParseFn(String topic, RegistrySource registry, PipelineClock clock) {
      this.topic = topic;
      this.registry = registry;
      this.clock = clock;
      for (DeadLetterKind kind : DeadLetterKind.values()) {
        failures.put(kind, Metrics.counter(DeadLetterTable.METRICS_NAMESPACE, kind.name()));
      }
    }

    @Setup
    public void setup() {
      Optional<EntityDefinition> entity = registry.registry().forTopic(topic);
      parser = entity.map(EntityEventParser::of);
      table = entity.map(e -> EntityTable.of(e).qualifiedName()).orElse(null);
    }

    @ProcessElement
    public void process(ProcessContext context) {
      PubsubMessage message = context.element();
      Map<String, String> attributes =
          message.getAttributeMap() == null ? Map.of() : message.getAttributeMap();
      Instant publishTime = Instant.ofEpochMilli(context.timestamp().getMillis());
      Instant now = clock.now();
      try {
        if (parser.isEmpty()) {
          throw new InvalidEventException(
              DeadLetterKind.UNKNOWN_TOPIC,
              "topic '" + topic + "' belongs to no entity of the registry");
        }
        TableRow row =
            parser
                .get()
                .parse(message.getPayload(), attributes, message.getMessageId(), publishTime, now);
        parsed.inc();
        context.output(KV.of(table, row));
      } catch (InvalidEventException e) {
        failures.get(e.kind()).inc();
        context.output(
            DEAD_LETTERS,
            new DeadLetter(
                    now,
                    e.kind(),
                    e.getMessage(),
                    topic,
                    message.getMessageId(),
                    publishTime,
                    attributes,
                    message.getPayload())
                .toRow());
      }
    }
  }
}
