package io.entityflow.contract.bigquery;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What the masked and decrypting views share: the join with each subject's latest non-deleted
 * SubjectKey row, and the rebuilding of columns that hold ciphertext (at any depth, in STRUCTs and
 * ARRAYs) with another expression per ciphertext value.
 */
final class PrivacyViews {
  /** Alias of the entity table's row. */
  static final String ROW = "entityflow_row";

  /** Alias of the subject's key row. */
  static final String KEY = "entityflow_key";

  /** The subject-key table, in the system dataset. */
  static final String SUBJECT_KEY_TABLE = "subject_key_v1";

  private PrivacyViews() {}

  /**
   * {@code SELECT row.* REPLACE (...) FROM table AS row LEFT JOIN (latest key) AS key ON ...}, each
   * column holding ciphertext rebuilt with {@code value} applied to every ciphertext.
   */
  static String query(
      EntityTable table,
      String subjectColumn,
      String tableReference,
      String subjectKeyReference,
      List<String> keyColumns,
      Function<Cipher, String> value) {
    List<String> replaced = new ArrayList<>();
    for (TableColumn column : table.entityColumns()) {
      if (column.holdsCiphertext()) {
        String expression = rebuild(column, ROW + ".`" + column.name() + "`", value, "v");
        replaced.add("  " + expression + " AS `" + column.name() + "`");
      }
    }
    if (replaced.isEmpty()) {
      throw new IllegalArgumentException(
          "table "
              + table.qualifiedName()
              + " has no PII column; allowed: tables of entities with at least one PII field");
    }
    String keyColumnList = String.join(", ", keyColumns);
    return "SELECT "
        + ROW
        + ".* REPLACE (\n"
        + String.join(",\n", replaced)
        + "\n)\n"
        + "FROM "
        + tableReference
        + " AS "
        + ROW
        + "\n"
        + "LEFT JOIN (\n"
        + "  SELECT "
        + keyColumnList
        + "\n"
        + "  FROM (\n"
        + "    SELECT "
        + keyColumnList
        + ", operation, ROW_NUMBER() OVER (\n"
        + "      PARTITION BY subject_id\n"
        + "      ORDER BY occurred_at DESC, publish_time DESC, ingestion_time DESC, event_id DESC\n"
        + "    ) AS entityflow_rank\n"
        + "    FROM "
        + subjectKeyReference
        + "\n"
        + "  )\n"
        + "  WHERE entityflow_rank = 1 AND operation != 'DELETED'\n"
        + ") AS "
        + KEY
        + "\n"
        + "ON "
        + KEY
        + ".subject_id = "
        + PiiSubjectColumn.sqlExpression(table, subjectColumn, ROW);
  }

  /**
   * One ciphertext to turn into a view value.
   *
   * @param column the column (or sub-column) holding it
   * @param expression the SQL expression of one ciphertext (BYTES)
   */
  record Cipher(TableColumn column, String expression) {}

  /**
   * The expression rebuilding a column whose values are {@code expression}: ciphertexts through
   * {@code value}, STRUCTs field by field, ARRAYs element by element in order (elements {@code
   * value} makes NULL are left out, as BigQuery arrays cannot hold NULL).
   */
  private static String rebuild(
      TableColumn column, String expression, Function<Cipher, String> value, String element) {
    if (column.mode() == ColumnMode.REPEATED) {
      String from =
          " FROM UNNEST(" + expression + ") AS " + element + " WITH OFFSET " + element + "_offset";
      if (column.type() == BigQueryType.RECORD) {
        return "ARRAY(SELECT AS STRUCT "
            + fields(column, element, value, element)
            + from
            + " ORDER BY "
            + element
            + "_offset)";
      }
      String inner = value.apply(new Cipher(column, element));
      return "ARRAY(SELECT "
          + element
          + "_value FROM (SELECT "
          + inner
          + " AS "
          + element
          + "_value, "
          + element
          + "_offset"
          + from
          + ") WHERE "
          + element
          + "_value IS NOT NULL ORDER BY "
          + element
          + "_offset)";
    }
    if (column.encrypted()) {
      return value.apply(new Cipher(column, expression));
    }
    if (column.type() != BigQueryType.RECORD || !column.holdsCiphertext()) {
      return expression;
    }
    return "IF("
        + expression
        + " IS NULL, NULL, "
        + struct(column, expression, value, element)
        + ")";
  }

  private static String struct(
      TableColumn column, String expression, Function<Cipher, String> value, String element) {
    return "STRUCT(" + fields(column, expression, value, element) + ")";
  }

  private static String fields(
      TableColumn column, String expression, Function<Cipher, String> value, String element) {
    List<String> fields = new ArrayList<>();
    for (TableColumn field : column.fields()) {
      String reference = expression + ".`" + field.name() + "`";
      fields.add(rebuild(field, reference, value, element + "v") + " AS `" + field.name() + "`");
    }
    return String.join(", ", fields);
  }

  /** {@code `project.dataset.table`}. */
  static String reference(String project, String datasetId, String table) {
    return "`" + project + "." + datasetId + "." + table + "`";
  }
}
