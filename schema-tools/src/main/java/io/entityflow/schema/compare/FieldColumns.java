package io.entityflow.schema.compare;

import com.google.protobuf.Descriptors.FieldDescriptor;
import io.entityflow.contract.bigquery.BigQuerySchemaMapper;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.contract.registry.ContractException;
import java.util.Optional;
import java.util.Set;

/**
 * The BigQuery column a field maps to (through {@link BigQuerySchemaMapper}, the one mapping), and
 * which column type changes BigQuery applies in place ({@code ALTER COLUMN ... SET DATA TYPE}):
 * {@code INT64} to {@code NUMERIC}, {@code BIGNUMERIC} or {@code FLOAT64}, {@code NUMERIC} to
 * {@code BIGNUMERIC} or {@code FLOAT64}.
 *
 * <pre>{@code
 * FieldColumns.of(field).map(TableColumn::sqlType);       // Optional["INT64"]
 * FieldColumns.widensInPlace("INT64", "NUMERIC");          // true
 * }</pre>
 */
public final class FieldColumns {
  private static final Set<String> IN_PLACE =
      Set.of(
          "INT64>NUMERIC",
          "INT64>BIGNUMERIC",
          "INT64>FLOAT64",
          "NUMERIC>BIGNUMERIC",
          "NUMERIC>FLOAT64",
          "ARRAY<INT64>>ARRAY<NUMERIC>",
          "ARRAY<INT64>>ARRAY<FLOAT64>",
          "ARRAY<NUMERIC>>ARRAY<FLOAT64>");

  private FieldColumns() {}

  /** The column of a field; empty when its message cannot be mapped (e.g. it is recursive). */
  public static Optional<TableColumn> of(FieldDescriptor field) {
    try {
      return BigQuerySchemaMapper.columnsOf(field.getContainingType()).stream()
          .filter(c -> c.fieldNumber() == field.getNumber())
          .findFirst();
    } catch (ContractException e) {
      return Optional.empty();
    }
  }

  /** Whether BigQuery changes a column from {@code before} to {@code after} type in place. */
  public static boolean widensInPlace(String before, String after) {
    return before.equals(after) || IN_PLACE.contains(before + ">" + after);
  }
}
