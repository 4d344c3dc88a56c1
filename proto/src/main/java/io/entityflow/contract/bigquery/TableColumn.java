package io.entityflow.contract.bigquery;

import io.entityflow.contract.options.Sensitivity;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One BigQuery column produced by the mapping, with the proto field it comes from and how its
 * values are converted. Immutable.
 *
 * <pre>{@code
 * TableColumn total = ...;  // from BigQuerySchemaMapper.columnsOf(Sale.getDescriptor())
 * total.type();             // RECORD
 * total.fields();           // currency_code, units, nanos
 * }</pre>
 *
 * @param name column name (the proto field name)
 * @param type the BigQuery type
 * @param mode NULLABLE, REQUIRED or REPEATED
 * @param description from the proto comment, empty when there is none
 * @param sensitivity the field's sensitivity ({@link Sensitivity#INTERNAL} for metadata)
 * @param fields the sub-columns of a RECORD, empty otherwise
 * @param fieldNumber the proto field number, 0 for metadata columns
 * @param conversion how values become column values
 * @param wrapped whether the proto field is a wrapper type (the value is its {@code value} field)
 * @param decryptedType for a column holding ciphertext (a PII field, or the {@code value} of a PII
 *     map): the BigQuery type of the decrypted value (the field's own type; JSON for messages other
 *     than wrappers and Timestamp); {@code null} for every other column
 */
public record TableColumn(
    String name,
    BigQueryType type,
    ColumnMode mode,
    String description,
    Sensitivity sensitivity,
    List<TableColumn> fields,
    int fieldNumber,
    ValueConversion conversion,
    boolean wrapped,
    BigQueryType decryptedType) {

  /** Placeholder for the policy tag of PII columns, substituted by Terraform. */
  public static final String PII_POLICY_TAG = "${policy_tag_pii}";

  public TableColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(sensitivity, "sensitivity");
    Objects.requireNonNull(conversion, "conversion");
    fields = List.copyOf(fields);
  }

  /** A column holding its field's value as is (no ciphertext). */
  public TableColumn(
      String name,
      BigQueryType type,
      ColumnMode mode,
      String description,
      Sensitivity sensitivity,
      List<TableColumn> fields,
      int fieldNumber,
      ValueConversion conversion,
      boolean wrapped) {
    this(
        name, type, mode, description, sensitivity, fields, fieldNumber, conversion, wrapped, null);
  }

  /**
   * A column the pipeline fills from the Pub/Sub message or its own state rather than from the
   * payload: metadata columns and the dead-letter and heartbeat tables.
   */
  public static TableColumn pipelineColumn(
      String name,
      BigQueryType type,
      ColumnMode mode,
      String description,
      Sensitivity sensitivity) {
    return new TableColumn(
        name, type, mode, description, sensitivity, List.of(), 0, ValueConversion.METADATA, false);
  }

  /** The policy-tag marker of the column: {@link #PII_POLICY_TAG} for PII leaf columns. */
  public Optional<String> policyTag() {
    return sensitivity == Sensitivity.PII && type != BigQueryType.RECORD
        ? Optional.of(PII_POLICY_TAG)
        : Optional.empty();
  }

  /**
   * Whether the column holds ciphertext: a BYTES column of a PII field (one ciphertext per value,
   * per element when repeated) or the {@code value} sub-column of a PII map.
   */
  public boolean encrypted() {
    return decryptedType != null;
  }

  /**
   * The type of the column's values once decrypted (see {@link #decryptedType}); for a column that
   * holds no ciphertext, its own type.
   */
  public BigQueryType plaintextType() {
    return decryptedType == null ? type : decryptedType;
  }

  /** Whether the column, or any sub-column at any depth, holds ciphertext. */
  public boolean holdsCiphertext() {
    return encrypted() || fields.stream().anyMatch(TableColumn::holdsCiphertext);
  }

  /** The GoogleSQL type, e.g. {@code ARRAY<STRUCT<key STRING, value STRING>>}. */
  public String sqlType() {
    String base =
        type == BigQueryType.RECORD
            ? "STRUCT<"
                + String.join(", ", fields.stream().map(f -> f.name() + " " + f.sqlType()).toList())
                + ">"
            : type.sqlName();
    return mode == ColumnMode.REPEATED ? "ARRAY<" + base + ">" : base;
  }

  /** The sub-column with this name. */
  public Optional<TableColumn> field(String fieldName) {
    return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
  }
}
