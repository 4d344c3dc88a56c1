package io.entityflow.pipelines.events;

import com.google.auto.value.AutoValue;
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
 * Parses the messages of one entity topic straight into the Storage Write API bytes of their rows
 * ({@link #ROWS}, {@link StorageRow}s made by {@link EntityEventParser#parseStorageRow}), for the
 * direct BigQuery sink {@code WriteStorageRows}. Every message that cannot become a row goes to
 * {@link ParseEntityEvents#DEAD_LETTERS} as exactly the dead-letter row {@link ParseEntityEvents}
 * makes of it (same kinds, messages and counters: both share one implementation). Every message
 * yields exactly one of the two.
 *
 * <pre>{@code
 * PCollectionTuple parsed = messages.apply("Parse sale_v1",
 *     ParseStorageRows.forTopic("sale_v1").withRegistry(RegistrySource.contract()));
 * PCollection<StorageRow> rows = parsed.get(ParseStorageRows.ROWS);
 * PCollection<EventRow> deadLetters = parsed.get(ParseEntityEvents.DEAD_LETTERS);
 * }</pre>
 *
 * <p>Immutable; the {@code withX} methods may be called in any order. The row bytes are those
 * Beam's {@code TableRowToStorageApiProto} makes of the row {@link ParseEntityEvents} gives for the
 * same message, with the descriptor Beam derives from the table schema.
 */
@AutoValue
public abstract class ParseStorageRows
    extends PTransform<PCollection<PubsubMessage>, PCollectionTuple> {
  /** Serialized rows of the entity's table ({@code dataset.table}), each with its source. */
  public static final TupleTag<StorageRow> ROWS = new TupleTag<>() {};

  abstract String topic();

  abstract RegistrySource registry();

  abstract PipelineClock clock();

  abstract Builder toBuilder();

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setTopic(String topic);

    abstract Builder setRegistry(RegistrySource registry);

    abstract Builder setClock(PipelineClock clock);

    abstract ParseStorageRows build();
  }

  /** Parses messages read from {@code topic}, with the contract registry and the system clock. */
  public static ParseStorageRows forTopic(String topic) {
    if (topic == null || topic.isBlank()) {
      throw new IllegalArgumentException(
          "topic '" + topic + "' is empty; a topic name is required");
    }
    return new AutoValue_ParseStorageRows.Builder()
        .setTopic(topic)
        .setRegistry(RegistrySource.contract())
        .setClock(PipelineClock.system())
        .build();
  }

  /** A copy reading entities from {@code registry}. */
  public ParseStorageRows withRegistry(RegistrySource registry) {
    return toBuilder().setRegistry(Objects.requireNonNull(registry, "registry")).build();
  }

  /** A copy stamping ingestion and failure times from {@code clock}. */
  public ParseStorageRows withClock(PipelineClock clock) {
    return toBuilder().setClock(Objects.requireNonNull(clock, "clock")).build();
  }

  @Override
  public PCollectionTuple expand(PCollection<PubsubMessage> messages) {
    PCollectionTuple result =
        messages.apply(
            "Parse " + topic(),
            ParDo.of(new ParseFn(topic(), registry(), clock()))
                .withOutputTags(ROWS, TupleTagList.of(ParseEntityEvents.DEAD_LETTERS)));
    result.get(ROWS).setCoder(StorageRowCoder.of());
    result.get(ParseEntityEvents.DEAD_LETTERS).setCoder(EventRowCoder.of());
    return result;
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder.add(DisplayData.item("topic", topic()).withLabel("Entity topic"));
  }

  /** The DoFn: one parser per instance; the row is its serialized Storage Write API message. */
  static final class ParseFn extends ParseMessageFn<StorageRow> {
    ParseFn(String topic, RegistrySource registry, PipelineClock clock) {
      super(topic, registry, clock);
    }

    @Override
    StorageRow row(
        EntityEventParser parser,
        String table,
        SourceMessage source,
        Instant now,
        IntConsumer unknownFields)
        throws RejectedMessageException {
      byte[] bytes =
          parser.parseStorageRow(
              source.payload(),
              source.attributes(),
              source.messageId(),
              source.publishTime(),
              now,
              unknownFields);
      return new StorageRow(table, bytes, source);
    }
  }
}
