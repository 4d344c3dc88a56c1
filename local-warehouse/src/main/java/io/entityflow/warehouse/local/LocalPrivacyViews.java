package io.entityflow.warehouse.local;

import io.entityflow.contract.bigquery.BigQueryType;
import io.entityflow.contract.bigquery.ColumnMode;
import io.entityflow.contract.bigquery.DecryptingViewSql;
import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.bigquery.MaskedViewSql;
import io.entityflow.contract.bigquery.PiiSubjectColumn;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.contract.layout.EntityResources;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.layout.SystemEntities;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The local warehouse's privacy views, the DuckDB twins of BigQuery's {@link MaskedViewSql} and
 * {@link DecryptingViewSql}: for every entity with PII, {@code <dataset>.<table>_masked} (each PII
 * value replaced by its subject's pseudonym, NULL when absent or forgotten) and {@code
 * <dataset>_pii.<table>_decrypted} (each PII value decrypted to its original type, NULL for a
 * forgotten subject). Both join each row with its subject's latest non-deleted row of {@code
 * entityflow.subject_key_v1}, as in BigQuery; decryption runs in Java ({@link PiiDecryptFunctions})
 * with the local key-encryption key file named by the row's {@code kek_uri}.
 *
 * <pre>{@code
 * try (Connection sql = LocalWarehouse.open(root, registry)) {
 *   LocalPrivacyViews.create(sql, registry);
 *   sql.createStatement().executeQuery("SELECT email FROM retail_pii.customer_v1_decrypted");
 * }
 * }</pre>
 *
 * <p>Guarantees: the views have the history table's columns in its order; arrays keep their order
 * and drop elements that read NULL, as BigQuery arrays cannot hold NULL; nothing is written.
 */
public final class LocalPrivacyViews {
  private static final String ROW = "entityflow_row";
  private static final String KEY = "entityflow_key";

  private LocalPrivacyViews() {}

  /** Creates (or replaces) both views of every entity with PII on a {@link LocalWarehouse} one. */
  public static void create(Connection connection, EntityRegistry registry) throws SQLException {
    PhysicalLayout layout = PhysicalLayout.of(registry);
    if (!layout.hasSubjectKeys()) {
      return;
    }
    PiiDecryptFunctions.register(connection);
    try (Statement statement = connection.createStatement()) {
      for (EntityResources resources : layout.entities()) {
        EntityDefinition entity = resources.entity();
        EntityTable table = EntityTable.of(entity);
        if (entity.fullName().equals(SystemEntities.SUBJECT_KEY) || !holdsCiphertext(table)) {
          continue;
        }
        statement.execute(
            "CREATE OR REPLACE VIEW "
                + DuckDbTypes.quote(table.dataset())
                + "."
                + DuckDbTypes.quote(MaskedViewSql.viewName(table))
                + " AS "
                + masked(table, PiiSubjectColumn.of(entity)));
        String piiDataset = DuckDbTypes.quote(DecryptingViewSql.dataset(table));
        statement.execute("CREATE SCHEMA IF NOT EXISTS " + piiDataset);
        statement.execute(
            "CREATE OR REPLACE VIEW "
                + piiDataset
                + "."
                + DuckDbTypes.quote(DecryptingViewSql.viewName(table))
                + " AS "
                + decrypting(table, PiiSubjectColumn.of(entity)));
      }
    }
  }

  /** The masked view's query in DuckDB's dialect. */
  static String masked(EntityTable table, String subjectColumn) {
    return query(
        table,
        subjectColumn,
        "pseudonym",
        cipher -> "CASE WHEN octet_length(" + cipher + ") > 0 THEN " + KEY + ".pseudonym END");
  }

  /** The decrypting view's query in DuckDB's dialect. */
  static String decrypting(EntityTable table, String subjectColumn) {
    return query(table, subjectColumn, "wrapped_keyset, kek_uri", null);
  }

  private static String decrypt(TableColumn column, String cipher) {
    String arguments =
        "(to_base64("
            + KEY
            + ".wrapped_keyset), "
            + KEY
            + ".kek_uri, to_base64("
            + cipher
            + "), "
            + KEY
            + ".subject_id)";
    BigQueryType type = column.plaintextType();
    String value =
        switch (type) {
          case BYTES -> "from_base64(" + PiiDecryptFunctions.DECRYPT_BYTES + arguments + ")";
          case STRING -> PiiDecryptFunctions.DECRYPT_STRING + arguments;
          default ->
              "TRY_CAST("
                  + PiiDecryptFunctions.DECRYPT_STRING
                  + arguments
                  + " AS "
                  + DuckDbTypes.scalar(type)
                  + ")";
        };
    return "CASE WHEN " + KEY + ".wrapped_keyset IS NULL THEN NULL ELSE " + value + " END";
  }

  private static String query(
      EntityTable table, String subjectColumn, String keyColumns, Function<String, String> mask) {
    Function<TableColumn, Function<String, String>> value =
        column -> mask != null ? mask : cipher -> decrypt(column, cipher);
    List<String> replaced = new ArrayList<>();
    for (TableColumn column : table.entityColumns()) {
      if (column.holdsCiphertext()) {
        String reference = ROW + "." + DuckDbTypes.quote(column.name());
        replaced.add(
            "  "
                + rebuild(column, reference, value, "v")
                + " AS "
                + DuckDbTypes.quote(column.name()));
      }
    }
    TableColumn subject = PiiSubjectColumn.column(table, subjectColumn);
    String subjectId = "CAST(" + ROW + "." + DuckDbTypes.quote(subject.name()) + " AS VARCHAR)";
    return "SELECT "
        + ROW
        + ".* REPLACE (\n"
        + String.join(",\n", replaced)
        + "\n)\nFROM "
        + DuckDbTypes.quote(table.dataset())
        + "."
        + DuckDbTypes.quote(table.name())
        + " AS "
        + ROW
        + "\nLEFT JOIN (\n  SELECT subject_id, "
        + keyColumns
        + " FROM (\n    SELECT subject_id, "
        + keyColumns
        + ", operation, ROW_NUMBER() OVER (PARTITION BY subject_id ORDER BY occurred_at DESC,"
        + " publish_time DESC, ingestion_time DESC, event_id DESC) AS entityflow_rank\n"
        + "    FROM \"entityflow\".\"subject_key_v1\"\n  )\n"
        + "  WHERE entityflow_rank = 1 AND operation != 'DELETED'\n) AS "
        + KEY
        + "\nON "
        + KEY
        + ".subject_id = "
        + subjectId;
  }

  private static String rebuild(
      TableColumn column,
      String expression,
      Function<TableColumn, Function<String, String>> value,
      String element) {
    if (column.mode() == ColumnMode.REPEATED) {
      String inner =
          column.type() == BigQueryType.RECORD
              ? struct(column, element, value, element)
              : value.apply(column).apply(element);
      return "list_filter(list_transform("
          + expression
          + ", lambda "
          + element
          + ": "
          + inner
          + "), lambda "
          + element
          + "_value: "
          + element
          + "_value IS NOT NULL)";
    }
    if (column.encrypted()) {
      return value.apply(column).apply(expression);
    }
    if (column.type() != BigQueryType.RECORD || !column.holdsCiphertext()) {
      return expression;
    }
    return "CASE WHEN "
        + expression
        + " IS NULL THEN NULL ELSE "
        + struct(column, expression, value, element)
        + " END";
  }

  private static String struct(
      TableColumn column,
      String expression,
      Function<TableColumn, Function<String, String>> value,
      String element) {
    List<String> fields = new ArrayList<>();
    for (TableColumn field : column.fields()) {
      String reference = expression + "." + DuckDbTypes.quote(field.name());
      fields.add(
          DuckDbTypes.quote(field.name())
              + " := "
              + rebuild(field, reference, value, element + "v"));
    }
    return "struct_pack(" + String.join(", ", fields) + ")";
  }

  private static boolean holdsCiphertext(EntityTable table) {
    return table.entityColumns().stream().anyMatch(TableColumn::holdsCiphertext);
  }
}
