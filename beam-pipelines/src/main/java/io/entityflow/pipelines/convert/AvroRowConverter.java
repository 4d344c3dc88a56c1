package io.entityflow.pipelines.convert;

import com.google.api.services.bigquery.model.TableRow;
import io.entityflow.contract.bigquery.ColumnMode;
import io.entityflow.contract.bigquery.TableColumn;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Turns an Avro record read from a BigQuery table (Storage Read API, Avro format) back into the row
 * form {@link ProtoRowConverter} writes, column by column of the contract: INT64 as decimal
 * strings, NUMERIC (Avro decimal bytes) as exact plain decimal strings, TIMESTAMP (Avro
 * timestamp-micros) as RFC 3339 UTC with microseconds, BYTES as base64, JSON as its text, RECORDs
 * as nested rows and REPEATED columns as lists.
 *
 * <pre>{@code
 * AvroRowConverter converter = AvroRowConverter.of(EntityTable.of(sale).columns());
 * TableRow row = converter.convert(record);   // then RowProtoConverter rebuilds the Sale
 * }</pre>
 *
 * <p>Guarantees: the row holds copies only (the reader may reuse the record); columns of the
 * contract the record lacks (a table still without a newer column) and NULL values are left out, as
 * {@link ProtoRowConverter} leaves out absent fields. A value of an unexpected Avro type raises an
 * {@link IllegalArgumentException} naming the column, the value's type and what is allowed.
 * Thread-safe.
 */
public final class AvroRowConverter {
  private final List<TableColumn> columns;

  private AvroRowConverter(List<TableColumn> columns) {
    this.columns = List.copyOf(columns);
  }

  /** A converter for the given columns (metadata and entity columns of a table). */
  public static AvroRowConverter of(List<TableColumn> columns) {
    return new AvroRowConverter(columns);
  }

  /** The row of one record. */
  public TableRow convert(GenericRecord record) {
    return WireRowReader.rowOf(fields(columns, record));
  }

  private static Map<String, Object> fields(List<TableColumn> columns, GenericRecord record) {
    Map<String, Object> row = new LinkedHashMap<>();
    Schema schema = record.getSchema();
    for (TableColumn column : columns) {
      Schema.Field field = schema.getField(column.name());
      if (field == null) {
        continue;
      }
      Object value = record.get(field.pos());
      if (value == null) {
        continue;
      }
      Schema single = nonNull(field.schema());
      if (column.mode() == ColumnMode.REPEATED) {
        Schema item = nonNull(single.getElementType());
        List<Object> list = new ArrayList<>();
        for (Object element : (Iterable<?>) value) {
          list.add(element == null ? null : value(column, item, element));
        }
        row.put(column.name(), list);
      } else {
        row.put(column.name(), value(column, single, value));
      }
    }
    return row;
  }

  private static Object value(TableColumn column, Schema schema, Object value) {
    try {
      return switch (column.type()) {
        case STRING, JSON -> value.toString();
        case INTEGER -> value instanceof Number n ? Long.toString(n.longValue()) : text(value);
        case FLOAT -> ((Number) value).doubleValue();
        case BOOLEAN -> (Boolean) value;
        case BYTES -> Base64.getEncoder().encodeToString(bytes((ByteBuffer) value));
        case NUMERIC -> numeric(schema, value);
        case TIMESTAMP -> Timestamps.format(instant(value));
        case RECORD -> WireRowReader.rowOf(fields(column.fields(), (GenericRecord) value));
      };
    } catch (ClassCastException e) {
      throw new IllegalArgumentException(
          "column '"
              + column.name()
              + "' ("
              + column.type()
              + ") has an Avro value of type "
              + value.getClass().getName()
              + "; allowed: the Avro types of the BigQuery Storage Read API for "
              + column.type(),
          e);
    }
  }

  private static String text(Object value) {
    if (value instanceof CharSequence) {
      return value.toString();
    }
    throw new ClassCastException(value.getClass().getName());
  }

  private static String numeric(Schema schema, Object value) {
    BigDecimal decimal;
    if (value instanceof BigDecimal d) {
      decimal = d;
    } else if (value instanceof CharSequence text) {
      decimal = new BigDecimal(text.toString());
    } else {
      int scale = schema.getLogicalType() instanceof LogicalTypes.Decimal d ? d.getScale() : 0;
      decimal = new BigDecimal(new BigInteger(bytes((ByteBuffer) value)), scale);
    }
    return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
  }

  private static Instant instant(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof CharSequence text) {
      return Timestamps.parse("TIMESTAMP value", text.toString());
    }
    long micros = ((Number) value).longValue();
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  private static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return bytes;
  }

  private static Schema nonNull(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    for (Schema branch : schema.getTypes()) {
      if (branch.getType() != Schema.Type.NULL) {
        return branch;
      }
    }
    return schema;
  }
}
