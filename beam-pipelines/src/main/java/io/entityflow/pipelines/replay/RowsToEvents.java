package io.entityflow.pipelines.replay;

import com.google.api.services.bigquery.model.TableRow;
import com.google.protobuf.DynamicMessage;
import io.entityflow.contract.EventAttributes;
import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.bigquery.MetadataColumns;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.pipelines.convert.PayloadDescriptor;
import io.entityflow.pipelines.convert.RowProtoConverter;
import io.entityflow.pipelines.convert.Timestamps;
import io.entityflow.pipelines.events.PipelineClock;
import io.entityflow.pipelines.events.RegistrySource;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubMessage;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubMessageWithAttributesAndMessageIdAndOrderingKeyCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/**
 * Turns rows of an entity table back into the events they came from: the payload rebuilt from the
 * entity columns ({@link RowProtoConverter}), the original attributes from the metadata columns
 * (event_id, operation, occurred_at, producer, schema_version) plus {@code schema} and the replay
 * marker {@code replayed_at}, and the ordering key the publisher would have used ({@code
 * EntityDefinition.orderingKeyOf}), so that a replay keeps the per-id order on an ordered
 * subscription.
 *
 * <pre>{@code
 * PCollection<PubsubMessage> events = rows.apply(RowsToEvents.of("sale_v1"));
 * }</pre>
 */
public final class RowsToEvents
    extends PTransform<PCollection<TableRow>, PCollection<PubsubMessage>> {
  private final String topic;
  private final RegistrySource registry;
  private final PipelineClock clock;

  private RowsToEvents(String topic, RegistrySource registry, PipelineClock clock) {
    this.topic = topic;
    this.registry = registry;
    this.clock = clock;
  }

  /** Events of the entity publishing to {@code topic}. */
  public static RowsToEvents of(String topic) {
    return new RowsToEvents(topic, RegistrySource.contract(), PipelineClock.system());
  }

  /** A copy stamping {@code replayed_at} from {@code clock}. */
  public RowsToEvents withClock(PipelineClock clock) {
    return new RowsToEvents(topic, registry, clock);
  }

  /** A copy with the entities of {@code registry}. */
  public RowsToEvents withRegistry(RegistrySource registry) {
    return new RowsToEvents(topic, registry, clock);
  }

  @Override
  public PCollection<PubsubMessage> expand(PCollection<TableRow> rows) {
    return rows.apply("Rebuild events", ParDo.of(new ToEventFn(topic, registry, clock)))
        .setCoder(PubsubMessageWithAttributesAndMessageIdAndOrderingKeyCoder.of());
  }

  /** One row to one message. */
  static final class ToEventFn extends DoFn<TableRow, PubsubMessage> {
    /** Pub/Sub assigns the id when it accepts the message; the coder needs a non-null one. */
    private static final String NO_MESSAGE_ID = "";

    private final String topic;
    private final RegistrySource registry;
    private final PipelineClock clock;
    private transient EntityDefinition entity;
    private transient RowProtoConverter converter;
    private transient String replayedAt;

    ToEventFn(String topic, RegistrySource registry, PipelineClock clock) {
      this.topic = topic;
      this.registry = registry;
      this.clock = clock;
    }

    @Setup
    public void setup() {
      entity = registry.registry().forTopic(topic).orElseThrow();
      converter =
          RowProtoConverter.of(
              EntityTable.of(entity).entityColumns(), PayloadDescriptor.of(entity));
      replayedAt = Timestamps.format(clock.now());
    }

    @ProcessElement
    public void process(@Element TableRow row, OutputReceiver<PubsubMessage> out) {
      Map<String, String> attributes = new HashMap<>();
      copy(row, MetadataColumns.EVENT_ID, attributes, EventAttributes.EVENT_ID);
      copy(row, MetadataColumns.OPERATION, attributes, EventAttributes.OPERATION);
      copy(row, MetadataColumns.OCCURRED_AT, attributes, EventAttributes.OCCURRED_AT);
      copy(row, MetadataColumns.PRODUCER, attributes, EventAttributes.PRODUCER);
      copy(row, MetadataColumns.SCHEMA_VERSION, attributes, EventAttributes.SCHEMA_VERSION);
      attributes.put(EventAttributes.SCHEMA, entity.fullName());
      attributes.put(EventAttributes.REPLAYED_AT, replayedAt);
      if (entity.hasPii()) { // the table holds the PII fields as they travelled: encrypted
        attributes.put(EventAttributes.PII_ENCRYPTION, EventAttributes.PII_ENCRYPTION_TINK_AEAD_V1);
      }
      DynamicMessage message = converter.convert(row);
      out.output(
          new PubsubMessage(
              message.toByteArray(), attributes, NO_MESSAGE_ID, entity.orderingKeyOf(message)));
    }

    private static void copy(
        TableRow row, String column, Map<String, String> attributes, String attribute) {
      Object value = row.get(column);
      if (value != null) {
        attributes.put(attribute, value.toString());
      }
    }
  }
}
