package io.entityflow.schema.lookml;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import io.entityflow.contract.bigquery.BigQueryType;
import io.entityflow.contract.bigquery.ColumnMode;
import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.bigquery.MetadataColumns;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.contract.options.Sensitivity;
import io.entityflow.contract.registry.EntityDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The views of one table of an entity (its history table or its latest view): the table's view with
 * a dimension per column (records flattened into {@code record__field} dimensions grouped by
 * record, metadata columns grouped as {@value #METADATA_GROUP}), and one nested view per repeated
 * column, map or array of scalars, with the explore joins that {@code UNNEST} them.
 *
 * <pre>{@code
 * EntityViews latest = EntityViews.of(sale, "sale_v1_latest", "`retail.sale_v1_latest`", "Sale", "sale_id");
 * latest.file();   // view: sale_v1_latest {...} view: sale_v1_latest__line_items {...} ...
 * latest.joins();  // join: sale_v1_latest__line_items { sql: LEFT JOIN UNNEST(...) ... }
 * }</pre>
 *
 * <p>Guarantees: fields in table order; a nested view's primary key is its parent's key and the
 * element's offset, so Looker's symmetric aggregates keep counts and sums exact across joins.
 */
final class EntityViews {
  /** Group label of the metadata columns. */
  static final String METADATA_GROUP = "Event metadata";

  /** The hidden primary key of a nested view. */
  static final String NESTED_KEY = "entityflow_key";

  /** The 0-based position of an element in its array. */
  static final String OFFSET = "entityflow_offset";

  private final String label;
  private final List<LookmlBlock> views = new ArrayList<>();
  private final List<LookmlBlock> joins = new ArrayList<>();

  private EntityViews(String label) {
    this.label = label;
  }

  /**
   * The views of a table of {@code entity} named {@code viewName}, reading {@code sqlTableName},
   * labelled {@code label}, with primary key {@code primaryKey} (a column name).
   */
  static EntityViews of(
      EntityDefinition entity,
      String viewName,
      String sqlTableName,
      String label,
      String primaryKey) {
    EntityViews result = new EntityViews(label);
    EntityTable table = EntityTable.of(entity);
    LookmlBlock view =
        new LookmlBlock("view", viewName)
            .sql("sql_table_name", sqlTableName)
            .string("label", label);
    result.views.add(view);
    Set<String> names = new HashSet<>();
    table.columns().forEach(c -> names.add(c.name()));
    for (TableColumn column : MetadataColumns.COLUMNS) {
      view.block(
          Dimensions.scalar(
              new Dimensions.Column(
                  column.name(),
                  "${TABLE}." + column.name(),
                  column,
                  null,
                  METADATA_GROUP,
                  false,
                  column.name().equals(primaryKey),
                  names)));
    }
    Scope root = new Scope(view, viewName, primaryKey);
    result.fields(
        root, "", "${TABLE}", table.entityColumns(), entity.descriptor(), null, false, primaryKey);
    view.block(
        new LookmlBlock("measure", "count")
            .raw("type", "count")
            .string("description", "Number of distinct " + primaryKey + " values."));
    return result;
  }

  /** The view file's views, the table's view first, each nested view after its parent. */
  List<LookmlBlock> views() {
    return List.copyOf(views);
  }

  /** The joins an explore of the table's view needs, parents before children. */
  List<LookmlBlock> joins() {
    return List.copyOf(joins);
  }

  /** The view being filled and what its nested views join on. */
  private record Scope(LookmlBlock view, String name, String key) {}

  private void fields(
      Scope scope,
      String prefix,
      String sqlPrefix,
      List<TableColumn> columns,
      Descriptor message,
      String group,
      boolean piiAbove,
      String primaryKey) {
    Set<String> siblings = new HashSet<>();
    columns.forEach(c -> siblings.add(prefix + c.name()));
    Set<OneofDescriptor> oneofs = new LinkedHashSet<>();
    for (TableColumn column : columns) {
      FieldDescriptor field = message.findFieldByNumber(column.fieldNumber());
      boolean pii = piiAbove || column.sensitivity() == Sensitivity.PII;
      String name = prefix + column.name();
      String sql = sqlPrefix + "." + column.name();
      String columnGroup = group;
      OneofDescriptor oneof = field == null ? null : field.getRealContainingOneof();
      if (oneof != null) {
        String oneofName = prefix + oneof.getName();
        if (oneofs.add(oneof)) {
          scope.view().block(Dimensions.oneof(oneofName, sqlPrefix, oneof, group));
        }
        columnGroup = group == null ? Dimensions.humanize(oneofName) : group;
      }
      if (column.mode() == ColumnMode.REPEATED) {
        repeated(scope, name, sql, column, field, pii);
      } else if (column.type() == BigQueryType.RECORD) {
        String recordGroup = Dimensions.humanize(name);
        fields(
            scope,
            name + "__",
            sql,
            column.fields(),
            field.getMessageType(),
            recordGroup,
            pii,
            null);
        money(scope.view(), name + "__", sql, column, recordGroup, pii);
      } else {
        scope
            .view()
            .block(
                Dimensions.scalar(
                    new Dimensions.Column(
                        name,
                        sql,
                        column,
                        field,
                        columnGroup,
                        pii,
                        column.name().equals(primaryKey),
                        siblings)));
      }
    }
  }

  private void repeated(
      Scope parent,
      String name,
      String sql,
      TableColumn column,
      FieldDescriptor field,
      boolean pii) {
    String nested = parent.name() + "__" + name;
    parent
        .view()
        .block(
            Dimensions.gate(
                new LookmlBlock("dimension", name)
                    .yes("hidden")
                    .sql(sql)
                    .optionalString("description", column.description()),
                pii));
    LookmlBlock view =
        new LookmlBlock("view", nested)
            .string("label", label + " " + Dimensions.humanize(name).toLowerCase(Locale.ROOT));
    views.add(view);
    view.block(
        new LookmlBlock("dimension", NESTED_KEY)
            .yes("primary_key")
            .yes("hidden")
            .raw("type", "string")
            .sql(
                "CONCAT(CAST(${"
                    + parent.name()
                    + "."
                    + parent.key()
                    + "} AS STRING), '-', CAST("
                    + nested
                    + "_offset AS STRING))"));
    view.block(
        new LookmlBlock("dimension", OFFSET)
            .raw("type", "number")
            .sql(nested + "_offset")
            .string("label", "Position")
            .string("description", "0-based position of the element in " + name + "."));
    Scope scope = new Scope(view, nested, NESTED_KEY);
    if (column.type() == BigQueryType.RECORD) {
      fields(scope, "", "${TABLE}", column.fields(), field.getMessageType(), null, pii, null);
      money(view, "", "${TABLE}", column, null, pii);
    } else {
      view.block(
          Dimensions.scalar(
              new Dimensions.Column(
                  "value", "${TABLE}", column, field, null, pii, false, Set.of(OFFSET))));
    }
    view.block(
        new LookmlBlock("measure", "count")
            .raw("type", "count")
            .string("description", "Number of elements of " + name + "."));
    joins.add(
        Dimensions.gate(
            new LookmlBlock("join", nested)
                .sql(
                    "LEFT JOIN UNNEST(${"
                        + parent.name()
                        + "."
                        + name
                        + "}) AS "
                        + nested
                        + " WITH OFFSET AS "
                        + nested
                        + "_offset")
                .raw("relationship", "one_to_many"),
            pii));
  }

  /** The amount dimension and sum measure of a money-like record, if it is one. */
  private static void money(
      LookmlBlock view, String prefix, String sql, TableColumn record, String group, boolean pii) {
    Optional<String> unitsAndNanos = Dimensions.unitsAndNanos(record, sql);
    if (unitsAndNanos.isEmpty() && !Dimensions.amountAndCurrency(record)) {
      return;
    }
    String amount = prefix + "amount";
    if (unitsAndNanos.isPresent()) {
      view.block(
          Dimensions.gate(
              Dimensions.hide(new LookmlBlock("dimension", amount), pii)
                  .raw("type", "number")
                  .sql(unitsAndNanos.get())
                  .optionalString("group_label", group)
                  .string("description", "The amount as an exact decimal: units + nanos / 10^9."),
              pii));
    }
    String measure = (prefix.isEmpty() ? "amount" : prefix.substring(0, prefix.length() - 2));
    view.block(
        Dimensions.gate(
            Dimensions.hide(new LookmlBlock("measure", measure + "_sum"), pii)
                .raw("type", "sum")
                .sql("${" + amount + "}")
                .optionalString("group_label", group)
                .string(
                    "description",
                    "Sum of "
                        + (prefix.isEmpty()
                            ? "the amounts"
                            : Dimensions.humanize(measure).toLowerCase(Locale.ROOT))
                        + " over rows of any currency: group or filter by the currency."),
            pii));
  }
}
