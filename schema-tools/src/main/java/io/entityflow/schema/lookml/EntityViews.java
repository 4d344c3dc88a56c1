package io.entityflow.schema.lookml;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import io.entityflow.contract.bigquery.BigQueryType;
import io.entityflow.contract.bigquery.ColumnMode;
import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.bigquery.MetadataColumns;
import io.entityflow.contract.bigquery.TableColumn;
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
 * EntityViews history = EntityViews.of(installation, "installation_v1",
 *     Relation.table("`energy.installation_v1`"), "Installation history", "event_id", PiiValues.none());
 * EntityViews latest = EntityViews.of(sale, "sale_v1_latest",
 *     Relation.derived("SELECT ... FROM `retail.sale_v1_masked` ..."), "Sale", "sale_id",
 *     PiiValues.masked("customer_id"));
 * latest.views();  // view: sale_v1_latest {...} view: sale_v1_latest__line_items {...} ...
 * latest.joins();  // join: sale_v1_latest__line_items { sql: LEFT JOIN UNNEST(...) ... }
 * }</pre>
 *
 * <p>Guarantees: fields in table order; a nested view's primary key is its parent's key and the
 * element's offset, so Looker's symmetric aggregates keep counts and sums exact across joins; each
 * column holding ciphertext in the table is typed as the relation holds it ({@link PiiValues});
 * every view over a decrypting view requires the access grant {@value Dimensions#PII_GRANT}.
 */
final class EntityViews {
  /** Group label of the metadata columns. */
  static final String METADATA_GROUP = "Event metadata";

  /** The hidden primary key of a nested view. */
  static final String NESTED_KEY = "entityflow_key";

  /** The 0-based position of an element in its array. */
  static final String OFFSET = "entityflow_offset";

  private final String label;
  private final PiiValues pii;
  private final List<LookmlBlock> views = new ArrayList<>();
  private final List<LookmlBlock> joins = new ArrayList<>();

  private EntityViews(String label, PiiValues pii) {
    this.label = label;
    this.pii = pii;
  }

  /**
   * What a view reads: a table or view ({@code sql_table_name}) or a query ({@code derived_table}).
   *
   * @param tableName the backquoted table or view, null for a query
   * @param query the query of a derived table, on one line, null for a table
   */
  record Relation(String tableName, String query) {
    /** {@code sql_table_name: `retail.sale_v1_masked` ;;}. */
    static Relation table(String tableName) {
      return new Relation(tableName, null);
    }

    /** {@code derived_table: { sql: ... ;; }}, the query's line breaks folded to spaces. */
    static Relation derived(String query) {
      return new Relation(null, query.replaceAll("\\s*\\R\\s*", " "));
    }
  }

  /**
   * The views of a table of {@code entity} named {@code viewName}, reading {@code relation}
   * (holding the table's PII columns as {@code pii} says), labelled {@code label}, with primary key
   * {@code primaryKey} (a column name).
   */
  static EntityViews of(
      EntityDefinition entity,
      String viewName,
      Relation relation,
      String label,
      String primaryKey,
      PiiValues pii) {
    EntityViews result = new EntityViews(label, pii);
    EntityTable table = EntityTable.of(entity);
    LookmlBlock view = new LookmlBlock("view", viewName);
    if (relation.tableName() != null) {
      view.sql("sql_table_name", relation.tableName());
    } else {
      view.block(new LookmlBlock("derived_table", "").sql(relation.query()));
    }
    view.string("label", label);
    result.gate(view);
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
                  column.name().equals(primaryKey),
                  names,
                  pii)));
    }
    Scope root = new Scope(view, viewName, primaryKey);
    result.fields(
        root, "", "${TABLE}", table.entityColumns(), entity.descriptor(), null, primaryKey);
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

  /** A view over a decrypting view requires the PII access grant as a whole. */
  private void gate(LookmlBlock view) {
    if (pii.kind() == PiiValues.Kind.DECRYPTED) {
      view.names("required_access_grants", List.of(Dimensions.PII_GRANT));
    }
  }

  private void fields(
      Scope scope,
      String prefix,
      String sqlPrefix,
      List<TableColumn> columns,
      Descriptor message,
      String group,
      String primaryKey) {
    Set<String> siblings = new HashSet<>();
    columns.forEach(c -> siblings.add(prefix + c.name()));
    Set<OneofDescriptor> oneofs = new LinkedHashSet<>();
    for (TableColumn column : columns) {
      FieldDescriptor field = message.findFieldByNumber(column.fieldNumber());
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
        repeated(scope, name, sql, column, field);
      } else if (column.type() == BigQueryType.RECORD) {
        String recordGroup = Dimensions.humanize(name);
        fields(scope, name + "__", sql, column.fields(), field.getMessageType(), recordGroup, null);
        money(scope.view(), name + "__", sql, column, recordGroup);
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
                        column.name().equals(primaryKey),
                        siblings,
                        pii)));
      }
    }
  }

  private void repeated(
      Scope parent, String name, String sql, TableColumn column, FieldDescriptor field) {
    String nested = parent.name() + "__" + name;
    parent
        .view()
        .block(
            new LookmlBlock("dimension", name)
                .yes("hidden")
                .sql(sql)
                .optionalString("description", column.description()));
    LookmlBlock view =
        new LookmlBlock("view", nested)
            .string("label", label + " " + Dimensions.humanize(name).toLowerCase(Locale.ROOT));
    gate(view);
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
      fields(scope, "", "${TABLE}", column.fields(), field.getMessageType(), null, null);
      money(view, "", "${TABLE}", column, null);
    } else {
      view.block(
          Dimensions.scalar(
              new Dimensions.Column(
                  "value", "${TABLE}", column, field, null, false, Set.of(OFFSET), pii)));
    }
    view.block(
        new LookmlBlock("measure", "count")
            .raw("type", "count")
            .string("description", "Number of elements of " + name + "."));
    joins.add(
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
            .raw("relationship", "one_to_many"));
  }

  /** The amount dimension and sum measure of a money-like record, if it is one. */
  private static void money(
      LookmlBlock view, String prefix, String sql, TableColumn record, String group) {
    Optional<String> unitsAndNanos = Dimensions.unitsAndNanos(record, sql);
    if (unitsAndNanos.isEmpty() && !Dimensions.amountAndCurrency(record)) {
      return;
    }
    String amount = prefix + "amount";
    if (unitsAndNanos.isPresent()) {
      view.block(
          new LookmlBlock("dimension", amount)
              .raw("type", "number")
              .sql(unitsAndNanos.get())
              .optionalString("group_label", group)
              .string("description", "The amount as an exact decimal: units + nanos / 10^9."));
    }
    String measure = (prefix.isEmpty() ? "amount" : prefix.substring(0, prefix.length() - 2));
    view.block(
        new LookmlBlock("measure", measure + "_sum")
            .raw("type", "sum")
            .sql("${" + amount + "}")
            .optionalString("group_label", group)
            .string(
                "description",
                "Sum of "
                    + (prefix.isEmpty()
                        ? "the amounts"
                        : Dimensions.humanize(measure).toLowerCase(Locale.ROOT))
                    + " over rows of any currency: group or filter by the currency."));
  }
}
