package io.entityflow.pipelines.testing;

import com.google.api.services.bigquery.model.TableFieldSchema;
import io.entityflow.pipelines.convert.Timestamps;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * What the BigQuery Storage Read API sends in Avro format, for fakes: the Avro schema of table
 * fields (INTEGER long, NUMERIC decimal(38, 9) bytes, TIMESTAMP timestamp-micros long, JSON string
 * with sqlType JSON, NULLABLE as a union with null, REPEATED as an array) and rows (given in the
 * pipeline's row form) encoded as the binary rows of a {@code ReadRowsResponse}.
 */
public final class StorageApiAvro {
  private StorageApiAvro() {}

  /** The Avro schema of these table fields. */
  public static Schema schema(List<TableFieldSchema> fields) {
    return record("__root__", fields);
  }

  private static Schema record(String name, List<TableFieldSchema> fields) {
    List<Schema.Field> avro = new ArrayList<>();
    for (TableFieldSchema field : fields) {
      Schema type = type(name + "__" + field.getName(), field);
      if ("REPEATED".equals(field.getMode())) {
        type = Schema.createArray(type);
      } else if (!"REQUIRED".equals(field.getMode())) {
        type = Schema.createUnion(Schema.create(Schema.Type.NULL), type);
      }
      avro.add(new Schema.Field(field.getName(), type));
    }
    return Schema.createRecord(name, null, "bigquery", false, avro);
  }

  private static Schema type(String name, TableFieldSchema field) {
    return switch (field.getType()) {
      case "STRING" -> Schema.create(Schema.Type.STRING);
      case "JSON" -> {
        Schema json = Schema.create(Schema.Type.STRING);
        json.addProp("sqlType", "JSON");
        yield json;
      }
      case "BYTES" -> Schema.create(Schema.Type.BYTES);
      case "INTEGER" -> Schema.create(Schema.Type.LONG);
      case "FLOAT" -> Schema.create(Schema.Type.DOUBLE);
      case "BOOLEAN" -> Schema.create(Schema.Type.BOOLEAN);
      case "NUMERIC" -> LogicalTypes.decimal(38, 9).addToSchema(Schema.create(Schema.Type.BYTES));
      case "TIMESTAMP" ->
          LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
      case "RECORD" -> record(name, field.getFields());
      default -> throw new IllegalArgumentException("no Avro form for " + field.getType());
    };
  }

  /** The binary Avro encoding of the rows, one after the other. */
  public static byte[] encode(Schema schema, List<? extends Map<String, ?>> rows) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
      GenericDatumWriter<GenericRecord> writer = new GenericDatumWriter<>(schema);
      for (Map<String, ?> row : rows) {
        writer.write(record(schema, row), encoder);
      }
      encoder.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Avro record of a row. */
  public static GenericRecord record(Schema schema, Map<String, ?> row) {
    GenericData.Record record = new GenericData.Record(schema);
    for (Schema.Field field : schema.getFields()) {
      Object value = row.get(field.name());
      if (value != null) {
        record.put(field.pos(), value(field.schema(), value));
      }
    }
    return record;
  }

  private static Object value(Schema schema, Object value) {
    if (schema.getType() == Schema.Type.UNION) {
      return value(schema.getTypes().get(1), value);
    }
    String text = value.toString();
    return switch (schema.getType()) {
      case ARRAY -> {
        List<Object> items = new ArrayList<>();
        for (Object item : (List<?>) value) {
          items.add(value(schema.getElementType(), item));
        }
        yield items;
      }
      case RECORD -> {
        @SuppressWarnings("unchecked")
        Map<String, ?> nested = (Map<String, ?>) value;
        yield record(schema, nested);
      }
      case LONG ->
          schema.getLogicalType() != null
              ? micros(Timestamps.parse("TIMESTAMP", text))
              : Long.parseLong(text);
      case BYTES ->
          schema.getLogicalType() instanceof LogicalTypes.Decimal decimal
              ? ByteBuffer.wrap(
                  new BigDecimal(text)
                      .setScale(decimal.getScale(), RoundingMode.UNNECESSARY)
                      .unscaledValue()
                      .toByteArray())
              : ByteBuffer.wrap(Base64.getDecoder().decode(text));
      case DOUBLE -> ((Number) value).doubleValue();
      case BOOLEAN -> (Boolean) value;
      default -> text;
    };
  }

  private static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
  }
}
