package io.entityflow.pipelines.events;

import com.google.api.services.bigquery.model.TableRow;
import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.pipelines.deadletter.DeadLetter;
import io.entityflow.pipelines.deadletter.DeadLetterKind;
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
 * <p>Immutable; {@code withX} returns a copy. Counters: {@code entityflow.events/parsed}, {@code
 * entityflow.events/unknown_fields} and {@code entityflow.events/events_with_unknown_fields}
 * (payload fields the contract does not know, skipped), and one per {@link DeadLetterKind} in
 * {@link #METRICS_NAMESPACE}.
 */
public final class ParseEntityEvents
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

  /** Rows of entity tables, keyed by {@code dataset.table}. */
  public static final TupleTag<KV<String, TableRow>> ROWS = new TupleTag<>() {};

  /** Rows of the dead-letter table. */
  public static final TupleTag<TableRow> DEAD_LETTERS = new TupleTag<>() {};

  /**
   * Rows of entity tables with the message each came from, instead of {@link #ROWS}, when {@link
   * #withSources()} is set.
   */
  public static final TupleTag<EventRow> ROWS_WITH_SOURCES = new TupleTag<>() {};

  private final String topic;
  private final RegistrySource registry;
  private final PipelineClock clock;
  private final boolean sources;
  private final RowSink sink;

  private ParseEntityEvents(
      String topic, RegistrySource registry, PipelineClock clock, boolean sources, RowSink sink) {
    this.topic = topic;
    this.registry = registry;
    this.clock = clock;
    this.sources = sources;
    this.sink = sink;
  }

  /** Parses messages read from {@code topic}, with the contract registry and the system clock. */
  public static ParseEntityEvents forTopic(String topic) {
    return new ParseEntityEvents(
        topic, RegistrySource.contract(), PipelineClock.system(), false, null);
  }

  /** A copy reading entities from {@code registry}. */
  public ParseEntityEvents withRegistry(RegistrySource registry) {
    return new ParseEntityEvents(topic, registry, clock, sources, sink);
  }

  /** A copy stamping ingestion and failure times from {@code clock}. */
  public ParseEntityEvents withClock(PipelineClock clock) {
    return new ParseEntityEvents(topic, registry, clock, sources, sink);
  }

  /**
   * A copy emitting rows with their source message to {@link #ROWS_WITH_SOURCES} (and nothing to
   * {@link #ROWS}), so that a row the warehouse rejects can be dead-lettered with its raw payload.
   */
  public ParseEntityEvents withSources() {
    return new ParseEntityEvents(topic, registry, clock, true, null);
  }

  /**
   * A copy handing each parsed row to {@code sink} inside the parse step (nothing goes to {@link
   * #ROWS}); dead letters still go to {@link #DEAD_LETTERS}. Saves a step per bundle on runners
   * that pay per step and bundle (the DirectRunner).
   */
  public ParseEntityEvents withSink(RowSink sink) {
    return new ParseEntityEvents(topic, registry, clock, false, sink);
  }

  @Override
  public PCollectionTuple expand(PCollection<PubsubMessage> messages) {
    PCollectionTuple result =
        messages.apply(
            "Parse " + topic,
            ParDo.of(new ParseFn(topic, registry, clock, sources, sink))
                .withOutputTags(ROWS, TupleTagList.of(DEAD_LETTERS).and(ROWS_WITH_SOURCES)));
    result.get(ROWS).setCoder(KvCoder.of(StringUtf8Coder.of(), TableRowJsonCoder.of()));
    result.get(DEAD_LETTERS).setCoder(TableRowJsonCoder.of());
    result.get(ROWS_WITH_SOURCES).setCoder(EventRowCoder.of());
    return result;
  }

  /** The DoFn: one parser per instance, one counter per dead-letter kind. */
  static final class ParseFn extends DoFn<PubsubMessage, KV<String, TableRow>> {
    private final String topic;
    private final RegistrySource registry;
    private final PipelineClock clock;
    private final boolean sources;
    private final RowSink sink;
    private final Counter parsed = Metrics.counter(METRICS_NAMESPACE, "parsed");
    private final Counter unknownFields = Metrics.counter(METRICS_NAMESPACE, UNKNOWN_FIELDS);
    private final Counter withUnknownFields =
        Metrics.counter(METRICS_NAMESPACE, EVENTS_WITH_UNKNOWN_FIELDS);
    private final Map<DeadLetterKind, Counter> failures = new EnumMap<>(DeadLetterKind.class);
    private transient Optional<EntityEventParser> parser;
    private transient String table;

    ParseFn(
        String topic, RegistrySource registry, PipelineClock clock, boolean sources, RowSink sink) {
      this.topic = topic;
      this.registry = registry;
      this.clock = clock;
      this.sources = sources;
      this.sink = sink;
      for (DeadLetterKind kind : DeadLetterKind.values()) {
        failures.put(kind, Metrics.counter(DeadLetterKind.METRICS_NAMESPACE, kind.name()));
      }
    }

    @Setup
    public void setup() {
      Optional<EntityDefinition> entity = registry.registry().forTopic(topic);
      parser = entity.map(EntityEventParser::of);
      table = entity.map(e -> EntityTable.of(e).qualifiedName()).orElse(null);
      if (sink != null) {
        sink.setup();
      }
    }

    @StartBundle
    public void startBundle() {
      if (sink != null) {
        sink.startBundle();
      }
    }

    @FinishBundle
    public void finishBundle() {
      if (sink != null) {
        sink.finishBundle();
      }
    }

    @Teardown
    public void teardown() {
      if (sink != null) {
        sink.teardown();
      }
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
        if (sources) {
          context.output(
              ROWS_WITH_SOURCES,
              new EventRow(
                  table,
                  row,
                  new SourceMessage(
                      topic,
                      message.getMessageId(),
                      publishTime,
                      attributes,
                      message.getPayload())));
        } else if (sink != null) {
          sink.add(table, row);
        } else {
          context.output(KV.of(table, row));
        }
      } catch (RejectedMessageException e) {
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
