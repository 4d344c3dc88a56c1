package io.entityflow.pipelines.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.api.services.bigquery.model.TableRow;
import io.entityflow.pipelines.events.EventRow;
import java.util.Map;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.KV;

/** Canonical JSON of rows (keys sorted), to compare rows exactly whatever their Map class. */
public final class Rows {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private Rows() {}

  /** The row as canonical JSON. */
  public static String json(Map<String, ?> row) {
    try {
      return MAPPER.writeValueAsString(row);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A function mapping event rows to their table and the row as canonical JSON. */
  public static SerializableFunction<EventRow, KV<String, String>> tableAndJson() {
    return row -> KV.of(row.table(), json(row.row()));
  }

  /** A function mapping event rows to the row as canonical JSON. */
  public static SerializableFunction<EventRow, String> rowJson() {
    return row -> json(row.row());
  }

  /** A function mapping keyed rows to keyed canonical JSON. */
  public static SerializableFunction<KV<String, TableRow>, KV<String, String>> keyedJson() {
    return kv -> KV.of(kv.getKey(), json(kv.getValue()));
  }
}
