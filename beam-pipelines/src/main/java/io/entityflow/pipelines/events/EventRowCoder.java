package io.entityflow.pipelines.events;

import com.google.api.services.bigquery.model.TableRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.gcp.bigquery.TableRowJsonCoder;

/**
 * Coder of {@link EventRow}: the table, the row as JSON ({@link TableRowJsonCoder}), then the
 * source message if any ({@code SourceMessageEncoding}: topic, message id, publish time to the
 * nanosecond, attributes, raw payload bytes).
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
  private static final Coder<TableRow> ROW = TableRowJsonCoder.of();

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
    if (source != null) {
      SourceMessageEncoding.encode(source, out);
    }
  }

  @Override
  public EventRow decode(InputStream in) throws IOException {
    String table = STRING.decode(in);
    TableRow row = ROW.decode(in);
    if (!BooleanCoder.of().decode(in)) {
      return EventRow.withoutSource(table, row);
    }
    return new EventRow(table, row, SourceMessageEncoding.decode(in));
  }
}
