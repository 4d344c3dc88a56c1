package io.entityflow.contract.bigquery;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import io.entityflow.contract.options.Sensitivity;
import io.entityflow.contract.registry.ContractException;
import io.entityflow.contract.registry.ContractRule;
import io.entityflow.contract.registry.ContractViolation;
import io.entityflow.contract.registry.FieldSensitivity;
import io.entityflow.contract.registry.SourceLocation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one proto to BigQuery mapping. Turns a message descriptor into table columns following the
 * type table in {@code proto/README.md}; pipelines, the local warehouse, Terraform generation and
 * schema checks all call it.
 *
 * <pre>{@code
 * List<TableColumn> columns = BigQuerySchemaMapper.columnsOf(Sale.getDescriptor());
 * }</pre>
 *
 * <p>Guarantees: deterministic (same descriptor, same columns, in field declaration order); a
 * message that cannot be mapped (recursive, nested deeper than BigQuery allows, empty records,
 * clashing or reserved names) is refused with a {@link ContractException} naming the rule.
 */
public final class BigQuerySchemaMapper {
  /** BigQuery's maximum depth of nested RECORD columns. */
  public static final int MAX_DEPTH = 15;

  private static final int MAX_DESCRIPTION = 1024;

  private BigQuerySchemaMapper() {}

  /**
   * The columns of a message's fields (without metadata columns).
   *
   * @throws ContractException when the message cannot be mapped
   */
  public static List<TableColumn> columnsOf(Descriptor message) {
    Walk walk = new Walk(message);
    List<TableColumn> columns = walk.columnsOf(message, 1);
    if (!walk.violations.isEmpty()) {
      throw new ContractException(walk.violations);
    }
    return columns;
  }

  /**
   * Every reason the message cannot be an entity table: the mapping rules plus the top-level names
   * reserved for metadata columns. Empty when it can.
   */
  public static List<ContractViolation> validate(Descriptor entity) {
    Walk walk = new Walk(entity);
    for (FieldDescriptor field : entity.getFields()) {
      if (MetadataColumns.isReserved(field.getName())) {
        walk.violations.add(
            new ContractViolation(
                entity.getFile().getName(),
                entity.getFullName(),
                ContractRule.RESERVED_COLUMN,
                "field '"
                    + field.getName()
                    + "' uses a reserved column name; allowed: any name except the metadata"
                    + " columns ("
                    + MetadataColumns.COLUMNS.stream()
                        .map(TableColumn::name)
                        .collect(Collectors.joining(", "))
                    + ") and BigQuery's reserved prefixes ("
                    + String.join(", ", MetadataColumns.RESERVED_PREFIXES)
                    + ")"));
      }
    }
    walk.columnsOf(entity, 1);
    return walk.violations;
  }

  /** The column of one field at nesting depth {@code depth} (1 = top level). */
  private static final class Walk {
    private final Descriptor root;
    private final Deque<Descriptor> path = new ArrayDeque<>();
    private final List<ContractViolation> violations = new ArrayList<>();

    Walk(Descriptor root) {
      this.root = root;
    }

    List<TableColumn> columnsOf(Descriptor message, int depth) {
      path.push(message);
      checkNames(message);
      List<TableColumn> columns = new ArrayList<>();
      for (FieldDescriptor field : message.getFields()) {
        TableColumn column = columnOf(field, depth);
        if (column != null) {
          columns.add(column);
        }
      }
      path.pop();
      return columns;
    }

    private TableColumn columnOf(FieldDescriptor field, int depth) {
      ColumnMode mode = field.isRepeated() ? ColumnMode.REPEATED : ColumnMode.NULLABLE;
      String description = describe(field, "");
      if (FieldSensitivity.of(field) == Sensitivity.PII) {
        return encryptedColumn(field, mode, depth);
      }
      if (field.isMapField()) {
        List<TableColumn> entry = record(field, field.getMessageType(), depth);
        return entry == null
            ? null
            : column(
                field,
                BigQueryType.RECORD,
                mode,
                description,
                entry,
                ValueConversion.MAP_ENTRIES,
                false);
      }
      switch (field.getJavaType()) {
        case INT:
          return isUnsigned(field)
              ? column(
                  field,
                  BigQueryType.INTEGER,
                  mode,
                  description,
                  List.of(),
                  ValueConversion.UNSIGNED_INT32,
                  false)
              : column(
                  field,
                  BigQueryType.INTEGER,
                  mode,
                  description,
                  List.of(),
                  ValueConversion.SCALAR,
                  false);
        case LONG:
          return isUnsigned(field)
              ? column(
                  field,
                  BigQueryType.NUMERIC,
                  mode,
                  description,
                  List.of(),
                  ValueConversion.UNSIGNED_INT64,
                  false)
              : column(
                  field,
                  BigQueryType.INTEGER,
                  mode,
                  description,
                  List.of(),
                  ValueConversion.SCALAR,
                  false);
        case FLOAT:
        case DOUBLE:
          return column(
              field,
              BigQueryType.FLOAT,
              mode,
              description,
              List.of(),
              ValueConversion.SCALAR,
              false);
        case BOOLEAN:
          return column(
              field,
              BigQueryType.BOOLEAN,
              mode,
              description,
              List.of(),
              ValueConversion.SCALAR,
              false);
        case STRING:
          return column(
              field,
              BigQueryType.STRING,
              mode,
              description,
              List.of(),
              ValueConversion.SCALAR,
              false);
        case BYTE_STRING:
          return column(
              field,
              BigQueryType.BYTES,
              mode,
              description,
              List.of(),
              ValueConversion.SCALAR,
              false);
        case ENUM:
          return column(
              field,
              BigQueryType.STRING,
              mode,
              describe(field, enumValues(field)),
              List.of(),
              ValueConversion.ENUM_NAME,
              false);
        case MESSAGE:
        default:
          return messageColumn(field, mode, description, depth);
      }
    }

    /**
     * The column of a PII field: it travels encrypted (see the privacy design), so its values are
     * ciphertexts in a BYTES column; a PII map keeps its keys and gets BYTES values.
     */
    private TableColumn encryptedColumn(FieldDescriptor field, ColumnMode mode, int depth) {
      if (field.isMapField()) {
        List<TableColumn> entry = record(field, field.getMessageType(), depth);
        if (entry == null) {
          return null;
        }
        FieldDescriptor valueField = field.getMessageType().findFieldByName("value");
        List<TableColumn> fields =
            List.of(
                entry.get(0),
                ciphertext(
                    valueField,
                    ColumnMode.NULLABLE,
                    entry.get(1).description(),
                    Sensitivity.PII,
                    decryptedType(valueField)));
        return new TableColumn(
            field.getName(),
            BigQueryType.RECORD,
            mode,
            describe(field, ""),
            Sensitivity.PII,
            fields,
            field.getNumber(),
            ValueConversion.MAP_ENTRIES,
            false);
      }
      String description =
          field.getJavaType() == FieldDescriptor.JavaType.ENUM
              ? describe(field, enumValues(field))
              : describe(field, "");
      return ciphertext(field, mode, description, Sensitivity.PII, decryptedType(field));
    }

    private TableColumn ciphertext(
        FieldDescriptor field,
        ColumnMode mode,
        String description,
        Sensitivity sensitivity,
        BigQueryType decryptedType) {
      return new TableColumn(
          field.getName(),
          BigQueryType.BYTES,
          mode,
          description,
          sensitivity,
          List.of(),
          field.getNumber(),
          ValueConversion.SCALAR,
          false,
          decryptedType);
    }

    private TableColumn messageColumn(
        FieldDescriptor field, ColumnMode mode, String description, int depth) {
      Descriptor type = field.getMessageType();
      switch (type.getFullName()) {
        case "google.protobuf.Timestamp":
          return column(
              field,
              BigQueryType.TIMESTAMP,
              mode,
              description,
              List.of(),
              ValueConversion.TIMESTAMP,
              false);
        case "google.protobuf.Duration":
          return column(
              field,
              BigQueryType.NUMERIC,
              mode,
              describe(field, "(seconds)"),
              List.of(),
              ValueConversion.DURATION_SECONDS,
              false);
        case "google.protobuf.Struct":
          return column(
              field,
              BigQueryType.JSON,
              mode,
              description,
              List.of(),
              ValueConversion.STRUCT_JSON,
              false);
        case "google.protobuf.Value":
          return column(
              field,
              BigQueryType.JSON,
              mode,
              description,
              List.of(),
              ValueConversion.VALUE_JSON,
              false);
        case "google.protobuf.ListValue":
          return column(
              field,
              BigQueryType.JSON,
              mode,
              description,
              List.of(),
              ValueConversion.LIST_JSON,
              false);
        case "google.protobuf.FieldMask":
          return column(
              field,
              BigQueryType.STRING,
              mode,
              description,
              List.of(),
              ValueConversion.FIELD_MASK,
              false);
        case "google.protobuf.Empty":
          return column(
              field,
              BigQueryType.BOOLEAN,
              mode,
              description,
              List.of(),
              ValueConversion.PRESENCE,
              false);
        case "google.protobuf.DoubleValue":
        case "google.protobuf.FloatValue":
        case "google.protobuf.Int64Value":
        case "google.protobuf.UInt64Value":
        case "google.protobuf.Int32Value":
        case "google.protobuf.UInt32Value":
        case "google.protobuf.BoolValue":
        case "google.protobuf.StringValue":
        case "google.protobuf.BytesValue":
          TableColumn value = columnOf(type.findFieldByName("value"), depth);
          return new TableColumn(
              field.getName(),
              value.type(),
              mode,
              description,
              FieldSensitivity.of(field),
              List.of(),
              field.getNumber(),
              value.conversion(),
              true);
        default:
          List<TableColumn> fields = record(field, type, depth);
          return fields == null
              ? null
              : column(
                  field,
                  BigQueryType.RECORD,
                  mode,
                  description,
                  fields,
                  ValueConversion.RECORD,
                  false);
      }
    }

    private List<TableColumn> record(FieldDescriptor field, Descriptor type, int depth) {
      if (path.contains(type)) {
        List<String> cycle = new ArrayList<>();
        for (var it = path.descendingIterator(); it.hasNext(); ) {
          cycle.add(it.next().getFullName());
        }
        violations.add(
            violation(
                ContractRule.RECURSIVE_MESSAGE,
                "field '"
                    + field.getFullName()
                    + "' makes "
                    + type.getFullName()
                    + " contain itself ("
                    + String.join(" -> ", cycle)
                    + " -> "
                    + type.getFullName()
                    + "); BigQuery columns cannot be recursive. Allowed: a finite nesting;"
                    + " store children by id, or as google.protobuf.Struct (JSON)"));
        return null;
      }
      if (depth >= MAX_DEPTH) {
        violations.add(
            violation(
                ContractRule.NESTING_TOO_DEEP,
                "field '"
                    + field.getFullName()
                    + "' nests records "
                    + (depth + 1)
                    + " levels deep; allowed: at most "
                    + MAX_DEPTH
                    + " levels (BigQuery's limit)"));
        return null;
      }
      if (type.getFields().isEmpty()) {
        violations.add(
            violation(
                ContractRule.EMPTY_RECORD,
                "field '"
                    + field.getFullName()
                    + "' has type "
                    + type.getFullName()
                    + " with no fields; allowed: messages with at least one field"
                    + " (google.protobuf.Empty maps to BOOLEAN)"));
        return null;
      }
      return columnsOf(type, depth + 1);
    }

    private void checkNames(Descriptor message) {
      Map<String, String> seen = new HashMap<>();
      for (FieldDescriptor field : message.getFields()) {
        if (field.getName().equals("f")) {
          violations.add(
              violation(
                  ContractRule.RESERVED_COLUMN,
                  "field 'f' of "
                      + message.getFullName()
                      + " uses a reserved column name; allowed: any other name (Beam's TableRow,"
                      + " which carries rows to BigQuery, reserves 'f')"));
        }
        String other = seen.putIfAbsent(field.getName().toLowerCase(Locale.ROOT), field.getName());
        if (other != null) {
          violations.add(
              violation(
                  ContractRule.COLUMN_NAME_CLASH,
                  "fields '"
                      + other
                      + "' and '"
                      + field.getName()
                      + "' of "
                      + message.getFullName()
                      + " differ only in case; allowed: names that differ ignoring case"
                      + " (BigQuery column names are case-insensitive)"));
        }
      }
    }

    private ContractViolation violation(ContractRule rule, String detail) {
      return new ContractViolation(root.getFile().getName(), root.getFullName(), rule, detail);
    }
  }

  private static TableColumn column(
      FieldDescriptor field,
      BigQueryType type,
      ColumnMode mode,
      String description,
      List<TableColumn> fields,
      ValueConversion conversion,
      boolean wrapped) {
    return new TableColumn(
        field.getName(),
        type,
        mode,
        description,
        FieldSensitivity.of(field),
        fields,
        field.getNumber(),
        conversion,
        wrapped);
  }

  /**
   * The type a PII field's value has once decrypted: its own column type for scalars, enums,
   * wrappers and Timestamp; JSON for every other message (its plaintext is proto3 JSON).
   */
  private static BigQueryType decryptedType(FieldDescriptor field) {
    return switch (field.getJavaType()) {
      case INT -> BigQueryType.INTEGER;
      case LONG -> isUnsigned(field) ? BigQueryType.NUMERIC : BigQueryType.INTEGER;
      case FLOAT, DOUBLE -> BigQueryType.FLOAT;
      case BOOLEAN -> BigQueryType.BOOLEAN;
      case STRING, ENUM -> BigQueryType.STRING;
      case BYTE_STRING -> BigQueryType.BYTES;
      case MESSAGE -> {
        String type = field.getMessageType().getFullName();
        if (type.equals("google.protobuf.Timestamp")) {
          yield BigQueryType.TIMESTAMP;
        }
        if (type.startsWith("google.protobuf.")
            && type.endsWith("Value")
            && !type.equals("google.protobuf.Value")
            && !type.equals("google.protobuf.ListValue")) {
          yield decryptedType(field.getMessageType().findFieldByName("value"));
        }
        yield BigQueryType.JSON;
      }
    };
  }

  private static boolean isUnsigned(FieldDescriptor field) {
    return switch (field.getType()) {
      case UINT32, FIXED32, UINT64, FIXED64 -> true;
      default -> false;
    };
  }

  private static String enumValues(FieldDescriptor field) {
    return "Values: "
        + field.getEnumType().getValues().stream()
            .map(EnumValueDescriptor::getName)
            .collect(Collectors.joining(", "))
        + ".";
  }

  private static String describe(FieldDescriptor field, String suffix) {
    String comment;
    if (field.getContainingType().getOptions().getMapEntry()) {
      comment = field.getName().equals("key") ? "Map key." : "Map value.";
    } else {
      comment = SourceLocation.of(field).map(SourceLocation::comment).orElse("");
    }
    String text =
        suffix.isEmpty() ? comment : (comment.isEmpty() ? suffix : comment + " " + suffix);
    return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION - 3) + "...";
  }
}
