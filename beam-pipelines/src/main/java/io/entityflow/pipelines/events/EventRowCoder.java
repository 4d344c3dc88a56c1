package io.entityflow.pipelines.events;

import com.google.api.services.bigquery.model.TableRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Map;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.io.gcp.bigquery.TableRowJsonCoder;

/**
 * Coder of {@link EventRow}: the table, the row as JSON ({@link TableRowJsonCoder}), then the
 * source message if any (topic, message id, publish time to the nanosecond, attributes, raw payload
 * bytes).
 *
 * <pre>{@code
 * rows.setCoder(EventRowCoder.of());
 * }</pre>
 *
 * <p>Deterministic only in the sense of {@link TableRowJsonCoder} (not deterministic): do not use
 * as a key coder.
 */
public final class EventRowCoder extends CustomCoder<EventRow> {
  private static final EventRowCoder INSTANCE = new EventRowCoder();
  private static final Coder<String> STRING = StringUtf8Coder.of();
  private static final Coder<String> NULLABLE_STRING = NullableCoder.of(STRING);
  private static final Coder<TableRow> ROW = TableRowJsonCoder.of();
  private static final Coder<Map<String, String>> ATTRIBUTES = MapCoder.of(STRING, STRING);

  private EventRowCoder() {}

  /** The coder. */
  public static EventRowCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(EventRow value, OutputStream out) throws IOException {
    STRING.encode(value.table(), out);
    ROW.encode(value.row(), out);
    SourceMessage source = value.source();
    BooleanCoder.of().encode(source != null, out);
    if (source == null) {
      return;
    }
    STRING.encode(source.topic(), out);
    NULLABLE_STRING.encode(source.messageId(), out);
    BooleanCoder.of().encode(source.publishTime() != null, out);
    if (source.publishTime() != null) {
      VarLongCoder.of().encode(source.publishTime().getEpochSecond(), out);
      VarIntCoder.of().encode(source.publishTime().getNano(), out);
    }
    ATTRIBUTES.encode(source.attributes(), out);
    ByteArrayCoder.of().encode(source.payload(), out);
  }

  @Override
  public EventRow decode(InputStream in) throws IOException {
    String table = STRING.decode(in);
    TableRow row = ROW.decode(in);
    if (!BooleanCoder.of().decode(in)) {
      return EventRow.withoutSource(table, row);
    }
    String topic = STRING.decode(in);
    String messageId = NULLABLE_STRING.decode(in);
    Instant publishTime = null;
    if (BooleanCoder.of().decode(in)) {
      publishTime =
          Instant.ofEpochSecond(VarLongCoder.of().decode(in), VarIntCoder.of().decode(in));
    }
    Map<String, String> attributes = ATTRIBUTES.decode(in);
    byte[] payload = ByteArrayCoder.of().decode(in);
    return new EventRow(
        table, row, new SourceMessage(topic, messageId, publishTime, attributes, payload));
  }
}
