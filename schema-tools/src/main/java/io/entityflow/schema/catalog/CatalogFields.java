package io.entityflow.schema.catalog;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.bigquery.MetadataColumns;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.contract.registry.EntityDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rows of an entity page: the metadata columns, then every column of the entity's table with
 * its sub-columns (from the one proto to BigQuery mapping), each with the proto field type it comes
 * from.
 *
 * <pre>{@code
 * List<CatalogField> fields = CatalogFields.of(sale);
 * }</pre>
 */
public final class CatalogFields {
  private CatalogFields() {}

  /** Every column of the entity's table, metadata first, nested columns after their parent. */
  public static List<CatalogField> of(EntityDefinition entity) {
    EntityTable table = EntityTable.of(entity);
    List<CatalogField> fields = new ArrayList<>();
    for (TableColumn column : MetadataColumns.COLUMNS) {
      fields.add(row(column.name(), "", column));
    }
    walk("", table.entityColumns(), entity.descriptor(), fields);
    return fields;
  }

  private static void walk(
      String prefix, List<TableColumn> columns, Descriptor message, List<CatalogField> out) {
    for (TableColumn column : columns) {
      FieldDescriptor field = message.findFieldByNumber(column.fieldNumber());
      String path = prefix + column.name();
      out.add(row(path, field == null ? "" : protoType(field), column));
      if (field != null
          && !column.fields().isEmpty()
          && field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        walk(path + ".", column.fields(), field.getMessageType(), out);
      }
    }
  }

  private static CatalogField row(String path, String protoType, TableColumn column) {
    return new CatalogField(
        path,
        protoType,
        column.sqlType(),
        column.mode().name(),
        column.sensitivity().name(),
        column.description());
  }

  /** A field's type as written in a .proto file. */
  static String protoType(FieldDescriptor field) {
    if (field.isMapField()) {
      Descriptor entry = field.getMessageType();
      return "map<"
          + elementType(entry.findFieldByNumber(1))
          + ", "
          + elementType(entry.findFieldByNumber(2))
          + ">";
    }
    return (field.isRepeated() ? "repeated " : "") + elementType(field);
  }

  private static String elementType(FieldDescriptor field) {
    return switch (field.getJavaType()) {
      case MESSAGE -> field.getMessageType().getFullName();
      case ENUM -> field.getEnumType().getFullName();
      default -> field.getType().name().toLowerCase(Locale.ROOT);
    };
  }
}
