package io.entityflow.pipelines.convert;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import io.entityflow.contract.bigquery.TableColumn;

/** Finds the proto field a column of the contract's mapping was made from. */
final class ColumnFields {
  private ColumnFields() {}

  /**
   * The field of {@code descriptor} behind {@code column}: same number and name.
   *
   * @throws IllegalArgumentException naming the column, its field number and the message when the
   *     column was not produced by the mapping for this message
   */
  static FieldDescriptor fieldOf(Descriptor descriptor, TableColumn column) {
    FieldDescriptor field = descriptor.findFieldByNumber(column.fieldNumber());
    if (field == null || !field.getName().equals(column.name())) {
      throw new IllegalArgumentException(
          "column '"
              + column.name()
              + "' (field number "
              + column.fieldNumber()
              + ") has no matching field in "
              + descriptor.getFullName()
              + "; allowed: columns produced by BigQuerySchemaMapper for this message");
    }
    return field;
  }
}
