package io.entityflow.pipelines.events;

import java.util.Arrays;
import java.util.Objects;

/**
 * A row on its way to BigQuery's Storage Write API in its final form: the destination {@code
 * dataset.table}, the serialized row message the sink appends as it is (one entry of {@code
 * ProtoRows.serialized_rows}, made by {@link EntityEventParser#parseStorageRow}), and the message
 * it was parsed from, so that a row BigQuery refuses becomes a dead letter with the original
 * payload and attributes. Encoded by {@link StorageRowCoder}.
 *
 * <pre>{@code
 * StorageRow row = new StorageRow("retail.sale_v1", parser.parseStorageRow(...), source);
 * }</pre>
 *
 * @param table the destination, {@code dataset.table} (without dataset prefix)
 * @param bytes the serialized row message of the table's descriptor
 * @param source the message the row came from
 */
public record StorageRow(String table, byte[] bytes, SourceMessage source) {
  public StorageRow {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(source, "source");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StorageRow that
        && table.equals(that.table)
        && Arrays.equals(bytes, that.bytes)
        && source.equals(that.source);
  }

  @Override
  public int hashCode() {
    return Objects.hash(table, Arrays.hashCode(bytes), source);
  }

  @Override
  public String toString() {
    return "StorageRow[table="
        + table
        + ", "
        + bytes.length
        + " bytes, from "
        + source.topic()
        + " message "
        + source.messageId()
        + "]";
  }
}
