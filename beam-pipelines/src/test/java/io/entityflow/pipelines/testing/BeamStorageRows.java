package io.entityflow.pipelines.testing;

import com.google.api.services.bigquery.model.TableRow;
import com.google.api.services.bigquery.model.TableSchema;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.pipelines.bigquery.BigQuerySchemas;
import java.util.List;
import org.apache.beam.sdk.io.gcp.bigquery.TableRowToStorageApiProto;
import org.apache.beam.sdk.io.gcp.bigquery.TableRowToStorageApiProto.SchemaInformation;

/**
 * What Beam's Storage Write API sink appends for a {@link TableRow} of a table: the row message
 * {@code TableRowToStorageApiProto.messageFromTableRow} builds with the descriptor derived from the
 * table schema, serialized, exactly as {@code StorageApiDynamicDestinationsTableRow} does it for
 * {@code WriteToBigQuery}'s settings (auto schema update on, so every field optional, unknown
 * values ignored, missing required fields allowed).
 *
 * <pre>{@code
 * BeamStorageRows rows = BeamStorageRows.of(EntityTable.of(sale).columns());
 * byte[] appended = rows.bytes(tableRow);
 * }</pre>
 *
 * <p>Thread-safe; the descriptor and schema information are built once, as Beam does per
 * destination.
 */
public final class BeamStorageRows {
  private final SchemaInformation schemaInformation;
  private final Descriptor descriptor;

  private BeamStorageRows(TableSchema schema) throws Exception {
    this.schemaInformation =
        SchemaInformation.fromTableSchema(
            TableRowToStorageApiProto.schemaToProtoTableSchema(schema));
    this.descriptor = TableRowToStorageApiProto.getDescriptorFromTableSchema(schema, false, false);
  }

  /** Beam's conversion for a table with these columns. */
  public static BeamStorageRows of(List<TableColumn> tableColumns) {
    try {
      return new BeamStorageRows(BigQuerySchemas.schema(tableColumns));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The row message descriptor Beam derives from the table schema. */
  public Descriptor descriptor() {
    return descriptor;
  }

  /** The row message Beam builds from {@code row}. */
  public DynamicMessage message(TableRow row) throws Exception {
    return TableRowToStorageApiProto.messageFromTableRow(
        schemaInformation, descriptor, row, true, true, new TableRow(), null, (String) null);
  }

  /** The bytes Beam appends for {@code row}. */
  public byte[] bytes(TableRow row) throws Exception {
    return message(row).toByteArray();
  }
}
