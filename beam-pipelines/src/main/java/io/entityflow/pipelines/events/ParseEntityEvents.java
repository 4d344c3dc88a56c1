package io.entityflow.pipelines.events;

import com.google.api.services.bigquery.model.TableRow;
import com.google.auto.value.AutoValue;
import io.entityflow.pipelines.deadletter.DeadLetterKind;
import java.time.Instant;
import java.util.Objects;
import java.util.function.IntConsumer;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubMessage;
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

  /** The DoFn: one parser per instance; the row is the parsed {@code TableRow}. */
  static final class ParseFn extends ParseMessageFn<EventRow> {
    ParseFn(String topic, RegistrySource registry, PipelineClock clock) {
      super(topic, registry, clock);
    }

    @Override
    EventRow row(
        EntityEventParser parser,
        String table,
        SourceMessage source,
        Instant now,
        IntConsumer unknownFields)
        throws RejectedMessageException {
      TableRow row =
          parser.parse(
              source.payload(),
              source.attributes(),
              source.messageId(),
              source.publishTime(),
              now,
              unknownFields);
      return new EventRow(table, row, source);
    }
  }
}
