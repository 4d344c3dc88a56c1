package io.entityflow.pipelines.events;

import com.google.api.services.bigquery.model.TableRow;
import com.google.auto.value.AutoValue;
import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.layout.DeadLetterTable;
import io.entityflow.contract.layout.EntityResources;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.pipelines.deadletter.DeadLetterKind;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubMessage;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Parses the messages of one entity topic into rows of the entity's table, each with the message it
 * came from ({@link #EVENTS}); every message that cannot become a row goes, with its raw payload
 * and attributes, to {@link #DEAD_LETTERS} as a row of the dead-letter table (also with its source
 * message). Every message yields exactly one of the two. Where the rows go is the caller's choice:
 * {@code WriteToBigQuery} or {@code WriteToLocalWarehouse} take both outputs as they are.
 *
 * <pre>{@code
 * PCollectionTuple parsed = messages.apply("Parse sale_v1",
 *     ParseEntityEvents.forTopic("sale_v1").withRegistry(RegistrySource.contract()));
 * PCollection<EventRow> events = parsed.get(ParseEntityEvents.EVENTS);
 * PCollection<EventRow> deadLetters = parsed.get(ParseEntityEvents.DEAD_LETTERS);
 * }</pre>
 *
 * <p>Immutable; the {@code withX} methods may be called in any order. Counters: {@code
 * entityflow.events/parsed}, {@code entityflow.events/unknown_fields} and {@code
 * entityflow.events/events_with_unknown_fields} (payload fields the contract does not know,
 * skipped), and one per {@link DeadLetterKind} in {@link DeadLetterKind#METRICS_NAMESPACE}.
 */
@AutoValue
public abstract class ParseEntityEvents
    extends PTransform<PCollection<PubsubMessage>, PCollectionTuple> {
  /** Namespace of the event counters. */
  public static final String METRICS_NAMESPACE = "entityflow.events";

  /**
   * Counter of payload fields the pipeline's contract does not know, skipped while parsing: a
   * producer sends a newer contract revision than the pipeline runs (see the README's safe order).
   */
  public static final String UNKNOWN_FIELDS = "unknown_fields";

  /** Counter of events with at least one field the pipeline's contract does not know. */
  public static final String EVENTS_WITH_UNKNOWN_FIELDS = "events_with_unknown_fields";

  /** Rows of the entity's table ({@code dataset.table}), each with its source message. */
  public static final TupleTag<EventRow> EVENTS = new TupleTag<>() {};

  /** Rows of the dead-letter table, each with the message that could not be parsed. */
  public static final TupleTag<EventRow> DEAD_LETTERS = new TupleTag<>() {};

  abstract String topic();

  abstract RegistrySource registry();

  abstract PipelineClock clock();

  abstract Builder toBuilder();

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setTopic(String topic);

    abstract Builder setRegistry(RegistrySource registry);

    abstract Builder setClock(PipelineClock clock);

    abstract ParseEntityEvents build();
  }

  /** Parses messages read from {@code topic}, with the contract registry and the system clock. */
  public static ParseEntityEvents forTopic(String topic) {
    if (topic == null || topic.isBlank()) {
      throw new IllegalArgumentException(
          "topic '" + topic + "' is empty; a topic name is required");
    }
    return new AutoValue_ParseEntityEvents.Builder()
        .setTopic(topic)
        .setRegistry(RegistrySource.contract())
        .setClock(PipelineClock.system())
        .build();
  }

  /** A copy reading entities from {@code registry}. */
  public ParseEntityEvents withRegistry(RegistrySource registry) {
    return toBuilder().setRegistry(Objects.requireNonNull(registry, "registry")).build();
  }

  /** A copy stamping ingestion and failure times from {@code clock}. */
  public ParseEntityEvents withClock(PipelineClock clock) {
    return toBuilder().setClock(Objects.requireNonNull(clock, "clock")).build();
  }

  @Override
  public PCollectionTuple expand(PCollection<PubsubMessage> messages) {
    PCollectionTuple result =
        messages.apply(
            "Parse " + topic(),
            ParDo.of(new ParseFn(topic(), registry(), clock()))
                .withOutputTags(EVENTS, TupleTagList.of(DEAD_LETTERS)));
    result.get(EVENTS).setCoder(EventRowCoder.of());
    result.get(DEAD_LETTERS).setCoder(EventRowCoder.of());
    return result;
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder.add(DisplayData.item("topic", topic()).withLabel("Entity topic"));
  }

  /** The DoFn: one parser per instance, one counter per dead-letter kind. */
  static final class ParseFn extends DoFn<PubsubMessage, EventRow> {
    private final String topic;
    private final RegistrySource registry;
    private final PipelineClock clock;
    private final Counter parsed = Metrics.counter(METRICS_NAMESPACE, "parsed");
    private final Counter unknownFields = Metrics.counter(METRICS_NAMESPACE, UNKNOWN_FIELDS);
    private final Counter withUnknownFields =
        Metrics.counter(METRICS_NAMESPACE, EVENTS_WITH_UNKNOWN_FIELDS);
    private final Map<DeadLetterKind, Counter> failures = new EnumMap<>(DeadLetterKind.class);
    private transient Optional<EntityEventParser> parser;
    private transient String table;
    private transient String deadLetterTable;

    ParseFn(String topic, RegistrySource registry, PipelineClock clock) {
      this.topic = topic;
      this.registry = registry;
      this.clock = clock;
      for (DeadLetterKind kind : DeadLetterKind.values()) {
        failures.put(kind, Metrics.counter(DeadLetterKind.METRICS_NAMESPACE, kind.name()));
      }
    }

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
      Map<String, String> attributes =
          message.getAttributeMap() == null ? Map.of() : message.getAttributeMap();
      Instant publishTime = Instant.ofEpochMilli(context.timestamp().getMillis());
      Instant now = clock.now();
      SourceMessage source =
          new SourceMessage(
              topic, message.getMessageId(), publishTime, attributes, message.getPayload());
      try {
        if (parser.isEmpty()) {
          throw new RejectedMessageException(
              DeadLetterKind.UNKNOWN_TOPIC,
              "topic '" + topic + "' belongs to no entity of the registry");
        }
        TableRow row =
            parser
                .get()
                .parse(
                    message.getPayload(),
                    attributes,
                    message.getMessageId(),
                    publishTime,
                    now,
                    this::countUnknownFields);
        parsed.inc();
        context.output(new EventRow(table, row, source));
      } catch (RejectedMessageException e) {
        failures.get(e.kind()).inc();
        context.output(
            DEAD_LETTERS,
            new EventRow(
                deadLetterTable, source.deadLetter(now, e.kind(), e.getMessage()).toRow(), source));
      }
    }
  }
}
