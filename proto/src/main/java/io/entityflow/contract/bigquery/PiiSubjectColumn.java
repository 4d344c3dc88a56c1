package io.entityflow.contract.bigquery;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.UnknownFieldSet;
import io.entityflow.contract.options.EntityOptions;
import io.entityflow.contract.options.EntityflowOptionsProto;
import io.entityflow.contract.registry.EntityDefinition;
import java.util.List;

/**
 * The column holding the id of the data subject an entity's PII belongs to: the entity option
 * {@code pii_subject_field} (field 8 of {@code EntityOptions}), else the entity's id field. The
 * privacy views join the subject-key table on it.
 *
 * <pre>{@code
 * PiiSubjectColumn.of(sale);      // "customer_id" (pii_subject_field: "customer_id")
 * PiiSubjectColumn.of(customer);  // "customer_id" (its id field)
 * }</pre>
 *
 * <p>Guarantees: returns a top-level field name of the entity; the registry checks the option (rule
 * {@code pii-subject}).
 */
public final class PiiSubjectColumn {
  /** Field number of {@code pii_subject_field} in {@code entityflow.EntityOptions}. */
  static final int OPTION_NUMBER = 8;

  private PiiSubjectColumn() {}

  /** The name of the subject column of an entity. */
  public static String of(EntityDefinition entity) {
    EntityOptions options =
        entity.descriptor().getOptions().getExtension(EntityflowOptionsProto.entity);
    String declared = declared(options);
    return declared.isEmpty() ? entity.idField().getName() : declared;
  }

  private static String declared(EntityOptions options) {
    FieldDescriptor field = EntityOptions.getDescriptor().findFieldByNumber(OPTION_NUMBER);
    if (field != null) {
      return String.valueOf(options.getField(field));
    }
    UnknownFieldSet.Field unknown = options.getUnknownFields().getField(OPTION_NUMBER);
    List<com.google.protobuf.ByteString> values = unknown.getLengthDelimitedList();
    return values.isEmpty() ? "" : values.get(values.size() - 1).toStringUtf8();
  }

  /** The subject id of a row as STRING (integers in decimal), from the row alias. */
  static String sqlExpression(EntityTable table, String subjectColumn, String rowAlias) {
    TableColumn column =
        table.entityColumns().stream()
            .filter(c -> c.name().equals(subjectColumn))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "subject column '"
                            + subjectColumn
                            + "' is not a column of "
                            + table.qualifiedName()
                            + "; allowed: one of its top-level columns"));
    String reference = rowAlias + ".`" + column.name() + "`";
    return column.type() == BigQueryType.STRING ? reference : "CAST(" + reference + " AS STRING)";
  }
}
