package io.entityflow.schema.lookml;

import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import io.entityflow.contract.Operation;
import io.entityflow.contract.bigquery.BigQueryType;
import io.entityflow.contract.bigquery.ColumnMode;
import io.entityflow.contract.bigquery.MetadataColumns;
import io.entityflow.contract.bigquery.TableColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The LookML field of one column: its dimension type from the BigQuery type (TIMESTAMP as a {@code
 * dimension_group} of type time, INTEGER/FLOAT/NUMERIC as number, BOOLEAN as yesno, BYTES as base64
 * and JSON as its text, both strings), enum values as suggestions, the proto comment as
 * description; a column holding ciphertext in the table typed as the view reads it ({@link
 * PiiValues}: the pseudonym string, or the decrypted value's type). Also the "which field is set"
 * dimension of a oneof and the amount dimension and sum of a money-like record.
 *
 * <pre>{@code
 * LookmlBlock sold = Dimensions.scalar(Dimensions.column("sold_at", "${TABLE}.sold_at", column, field));
 * // dimension_group: sold { type: time timeframes: [...] sql: ${TABLE}.sold_at ;; ... }
 * }</pre>
 */
final class Dimensions {
  /** The access grant every view over a decrypting view, and every explore of one, requires. */
  static final String PII_GRANT = "can_see_pii";

  /** The timeframes of every TIMESTAMP dimension group. */
  static final List<String> TIMEFRAMES =
      List.of("raw", "time", "date", "week", "month", "quarter", "year");

  private static final Set<BigQueryType> NUMBERS =
      Set.of(BigQueryType.INTEGER, BigQueryType.FLOAT, BigQueryType.NUMERIC);

  private Dimensions() {}

  /**
   * What a scalar dimension is made from.
   *
   * @param name the LookML field name
   * @param sql the column's SQL, e.g. {@code ${TABLE}.total.units}
   * @param column the column (its type, description and sensitivity)
   * @param field the proto field, null for metadata columns
   * @param group the group label, null for none
   * @param primaryKey whether it is the view's primary key
   * @param siblings the other field names of the view, to keep dimension group names unique
   * @param pii what the view reads in the columns that hold ciphertext in the table
   */
  record Column(
      String name,
      String sql,
      TableColumn column,
      FieldDescriptor field,
      String group,
      boolean primaryKey,
      Set<String> siblings,
      PiiValues pii) {}

  /** The dimension (or time dimension group) of a scalar column. */
  static LookmlBlock scalar(Column c) {
    TableColumn column = c.column();
    BigQueryType type = c.pii().type(column);
    LookmlBlock block;
    if (type == BigQueryType.TIMESTAMP) {
      block = new LookmlBlock("dimension_group", timeName(c.name(), c.siblings()));
      block.raw("type", "time").names("timeframes", TIMEFRAMES).sql(c.sql());
    } else {
      block = new LookmlBlock("dimension", c.name());
      if (c.primaryKey()) {
        block.yes("primary_key");
      }
      block.raw("type", type(type)).sql(sql(type, c.sql()));
    }
    block
        .optionalString("group_label", c.group())
        .optionalString("description", c.pii().description(column));
    List<String> values =
        c.pii().suggestsValues(column) ? suggestions(column, c.field()) : List.of();
    if (!values.isEmpty()) {
      block.strings("suggestions", values);
    }
    return block;
  }

  /**
   * The string dimension naming which field of a oneof is set ({@code NULL} when none), e.g. {@code
   * payment}: {@code card}, {@code cash} or {@code voucher_code}.
   */
  static LookmlBlock oneof(String name, String sqlPrefix, OneofDescriptor oneof, String group) {
    StringBuilder sql = new StringBuilder("CASE");
    List<String> members = new ArrayList<>();
    for (FieldDescriptor member : oneof.getFields()) {
      members.add(member.getName());
      sql.append(" WHEN ")
          .append(sqlPrefix)
          .append('.')
          .append(member.getName())
          .append(" IS NOT NULL THEN '")
          .append(member.getName())
          .append('\'');
    }
    sql.append(" END");
    return new LookmlBlock("dimension", name)
        .raw("type", "string")
        .sql(sql.toString())
        .string("group_label", group == null ? humanize(name) : group)
        .string(
            "description",
            "Which field of oneof "
                + oneof.getName()
                + " is set: "
                + String.join(", ", members)
                + "; NULL when none is.")
        .strings("suggestions", members);
  }

  /**
   * The SQL of a money-like record's amount as an exact NUMERIC when it has {@code units} and
   * {@code nanos} (e.g. {@code acme.common.v1.Money}), empty otherwise.
   */
  static Optional<String> unitsAndNanos(TableColumn record, String sql) {
    if (isScalar(record, "units", Set.of(BigQueryType.INTEGER))
        && isScalar(record, "nanos", Set.of(BigQueryType.INTEGER))) {
      return Optional.of(
          "IF("
              + sql
              + " IS NULL, NULL, CAST(COALESCE("
              + sql
              + ".units, 0) AS NUMERIC) + CAST(COALESCE("
              + sql
              + ".nanos, 0) AS NUMERIC) / 1000000000)");
    }
    return Optional.empty();
  }

  /**
   * Whether a record is an amount with a currency: a number {@code amount} and a string currency.
   */
  static boolean amountAndCurrency(TableColumn record) {
    return isScalar(record, "amount", NUMBERS)
        && (isScalar(record, "currency", Set.of(BigQueryType.STRING))
            || isScalar(record, "currency_code", Set.of(BigQueryType.STRING)));
  }

  /** The {@code <group>} label of a field path: {@code cash__tendered} becomes "Cash tendered". */
  static String humanize(String path) {
    String words = path.replace("__", " ").replace('_', ' ').trim();
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** {@code CallRecord} becomes "Call record". */
  static String entityLabel(String entityName) {
    return humanize(entityName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT));
  }

  private static boolean isScalar(TableColumn record, String name, Set<BigQueryType> types) {
    return record
        .field(name)
        .filter(f -> f.mode() != ColumnMode.REPEATED && types.contains(f.type()))
        .isPresent();
  }

  private static String type(BigQueryType type) {
    return switch (type) {
      case INTEGER, FLOAT, NUMERIC -> "number";
      case BOOLEAN -> "yesno";
      default -> "string";
    };
  }

  private static String sql(BigQueryType type, String sql) {
    return switch (type) {
      case BYTES -> "TO_BASE64(" + sql + ")";
      case JSON -> "TO_JSON_STRING(" + sql + ")";
      default -> sql;
    };
  }

  private static List<String> suggestions(TableColumn column, FieldDescriptor field) {
    if (field == null && column.name().equals(MetadataColumns.OPERATION)) {
      return Arrays.stream(Operation.values()).map(Operation::name).toList();
    }
    if (field != null && field.getJavaType() == FieldDescriptor.JavaType.ENUM) {
      return field.getEnumType().getValues().stream().map(EnumValueDescriptor::getName).toList();
    }
    return List.of();
  }

  /** {@code sold_at} becomes {@code sold}, {@code publish_time} {@code publish}, unless taken. */
  private static String timeName(String name, Set<String> siblings) {
    for (String suffix : List.of("_at", "_time")) {
      String stem = name.substring(0, Math.max(0, name.length() - suffix.length()));
      if (name.endsWith(suffix)
          && !stem.isEmpty()
          && !stem.endsWith("_")
          && !siblings.contains(stem.toLowerCase(Locale.ROOT))) {
        return stem;
      }
    }
    return name;
  }
}
