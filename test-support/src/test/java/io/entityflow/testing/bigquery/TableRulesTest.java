package io.entityflow.testing.bigquery;

import static io.entityflow.testing.bigquery.Tables.field;
import static io.entityflow.testing.bigquery.Tables.message;
import static io.entityflow.testing.bigquery.Tables.record;
import static io.entityflow.testing.bigquery.Tables.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableRulesTest {
  private static final String SALE = "test-project:retail.sale: ";

  @Test
  void aValidTableHasNoViolations() {
    Table table =
        sale(
            field("total", "NUMERIC"),
            record("card", "NULLABLE", field("last4", "STRING")),
            field("labels", "STRING", "REPEATED"));
    assertThat(BigQueryRules.tableViolations(table)).isEmpty();
    BigQueryRules.checkTable(table);
  }

  @Test
  void tableNameWithDollarIsRefused() {
    Table table = sale();
    table.getTableReference().setTableId("sale$20261123");
    assertThat(message(table))
        .isEqualTo(
            "test-project:retail.sale$20261123: table name: [table-name] 'sale$20261123' has '$';"
                + " allowed: 1 to 1024 UTF-8 bytes of Unicode letters, marks, numbers, connectors"
                + " (_), dashes and spaces");
  }

  @Test
  void unicodeTableNamesOfTheDocumentationAreAccepted() {
    for (String name : List.of("table 01", "ग्राहक", "00_お客様", "étudiant-01")) {
      Table table = sale();
      table.getTableReference().setTableId(name);
      assertThat(BigQueryRules.tableViolations(table)).as(name).isEmpty();
    }
  }

  @Test
  void tableNameOver1024Utf8BytesIsRefused() {
    Table table = sale();
    table.getTableReference().setTableId("é".repeat(513));
    assertThat(message(table))
        .startsWith("test-project:retail.")
        .endsWith(
            ": table name: [table-name] the name has 1026 UTF-8 bytes; allowed: 1 to 1024 UTF-8"
                + " bytes of Unicode letters, marks, numbers, connectors (_), dashes and spaces");
  }

  @Test
  void datasetNameWithDashIsRefused() {
    Table table = sale();
    table.getTableReference().setDatasetId("retail-eu");
    assertThat(message(table))
        .isEqualTo(
            "test-project:retail-eu.sale: dataset name: [dataset-name] 'retail-eu' has characters"
                + " other than letters, numbers and underscores; allowed: 1 to 1024 letters,"
                + " numbers and underscores");
  }

  @Test
  void tableDescriptionOver16384CharactersIsRefused() {
    assertThat(message(sale().setDescription("d".repeat(16_385))))
        .isEqualTo(
            SALE
                + "table description: [table-description] description has 16385 characters;"
                + " allowed: at most 16384 characters");
  }

  @Test
  void moreThan10000ColumnsAreRefused() {
    List<TableFieldSchema> many = new ArrayList<>();
    for (int i = 0; i < 9_999; i++) {
      many.add(field("c" + i, "STRING"));
    }
    assertThat(message(sale(many.toArray(TableFieldSchema[]::new))))
        .isEqualTo(
            SALE
                + "schema: [column-count] the schema has 10001 columns (nested ones included);"
                + " allowed: at most 10000 columns");
  }

  @Test
  void columnNameWithDashIsRefused() {
    assertThat(message(sale(field("store-id", "STRING"))))
        .isEqualTo(
            SALE
                + "store-id: [column-name] name 'store-id' has '-'; allowed: letters, numbers and"
                + " underscores, starting with a letter or underscore (flexible column names are"
                + " not accepted)");
  }

  @Test
  void nestedColumnNameStartingWithADigitIsRefused() {
    assertThat(message(sale(record("card", "NULLABLE", field("4last", "STRING")))))
        .isEqualTo(
            SALE
                + "card.4last: [column-name] name '4last' starts with '4'; allowed: letters,"
                + " numbers and underscores, starting with a letter or underscore (flexible column"
                + " names are not accepted)");
  }

  @Test
  void columnNameOver300CharactersIsRefused() {
    String name = "c".repeat(301);
    assertThat(message(sale(field(name, "STRING"))))
        .isEqualTo(
            SALE
                + name
                + ": [column-name-length] name has 301 characters; allowed: at most 300"
                + " characters");
  }

  @Test
  void reservedPrefixIsRefusedInAnyCase() {
    assertThat(message(sale(field("_partitiontime_copy", "TIMESTAMP"))))
        .isEqualTo(
            SALE
                + "_partitiontime_copy: [column-name-reserved] name '_partitiontime_copy' starts"
                + " with the reserved prefix _PARTITION; allowed: names not starting with _TABLE_,"
                + " _FILE_, _PARTITION, _ROW_TIMESTAMP, __ROOT__, _COLLATION_, _CHANGE_ (in any"
                + " case)");
  }

  @Test
  void namesDifferingOnlyInCaseAreRefusedAtTheirLevel() {
    assertThat(
            message(
                sale(
                    record(
                        "card", "NULLABLE", field("Last4", "STRING"), field("last4", "STRING")))))
        .isEqualTo(
            SALE
                + "card.last4: [column-name-duplicate] a column named 'last4' (ignoring case)"
                + " already exists at this level; allowed: names unique at each level, ignoring"
                + " case");
  }

  @Test
  void columnDescriptionOver1024CharactersIsRefused() {
    assertThat(message(sale(field("note", "STRING").setDescription("n".repeat(1025)))))
        .isEqualTo(
            SALE
                + "note: [column-description] description has 1025 characters; allowed: at most"
                + " 1024 characters");
  }

  @Test
  void unknownTypeNameIsRefused() {
    assertThat(message(sale(field("amount", "DECIMAL"))))
        .isEqualTo(
            SALE
                + "amount: [column-type] type is 'DECIMAL'; allowed: STRING, BYTES, INTEGER (INT64),"
                + " FLOAT (FLOAT64), BOOLEAN (BOOL), TIMESTAMP, DATE, TIME, DATETIME, GEOGRAPHY,"
                + " NUMERIC, BIGNUMERIC, JSON, RECORD (STRUCT), RANGE");
  }

  @Test
  void unknownModeIsRefused() {
    assertThat(message(sale(field("amount", "NUMERIC", "OPTIONAL"))))
        .isEqualTo(
            SALE
                + "amount: [column-mode] mode is 'OPTIONAL'; allowed: NULLABLE, REQUIRED,"
                + " REPEATED");
  }

  @Test
  void recordWithoutFieldsIsRefused() {
    assertThat(message(sale(record("card", "NULLABLE"))))
        .isEqualTo(
            SALE
                + "card: [record-fields] RECORD has no fields; allowed: a RECORD with at least one"
                + " field");
  }

  @Test
  void subFieldsOnALeafColumnAreRefused() {
    TableFieldSchema leaf = field("card", "STRING").setFields(List.of(field("x", "STRING")));
    assertThat(message(sale(leaf)))
        .isEqualTo(
            SALE
                + "card: [record-fields] STRING column has 1 sub-fields; allowed: sub-fields on"
                + " RECORD (STRUCT) columns only");
  }

  @Test
  void fifteenLevelsOfRecordsAreAcceptedAndSixteenRefused() {
    TableFieldSchema fifteen = field("leaf", "STRING");
    for (int level = 15; level >= 1; level--) {
      fifteen = record("r" + level, "NULLABLE", fifteen);
    }
    assertThat(BigQueryRules.tableViolations(sale(fifteen))).isEmpty();
    TableFieldSchema sixteen = record("r0", "NULLABLE", fifteen);
    assertThat(message(sale(sixteen)))
        .isEqualTo(
            SALE
                + "r0.r1.r2.r3.r4.r5.r6.r7.r8.r9.r10.r11.r12.r13.r14.r15: [nesting-depth] RECORD"
                + " at nesting level 16; allowed: RECORDs nested at most 15 levels deep");
  }

  @Test
  void policyTagOnARecordIsRefused() {
    TableFieldSchema card = record("card", "NULLABLE", field("last4", "STRING"));
    card.setPolicyTags(
        new TableFieldSchema.PolicyTags()
            .setNames(List.of("projects/p/taxonomies/1/policyTags/2")));
    assertThat(message(sale(card)))
        .isEqualTo(
            SALE
                + "card: [policy-tag-leaf] RECORD column has policy tags"
                + " [projects/p/taxonomies/1/policyTags/2]; allowed: policy tags on leaf"
                + " (non-RECORD) columns only");
  }

  @Test
  void checkTableThrowsListingEveryViolation() {
    Table table = sale(field("a-b", "STRING"), field("c", "TEXT"));
    assertThatThrownBy(() -> BigQueryRules.checkTable(table))
        .isInstanceOf(BigQueryRuleException.class)
        .hasMessage(
            SALE
                + "a-b: [column-name] name 'a-b' has '-'; allowed: letters, numbers and"
                + " underscores, starting with a letter or underscore (flexible column names are"
                + " not accepted)\n"
                + SALE
                + "c: [column-type] type is 'TEXT'; allowed: STRING, BYTES, INTEGER (INT64), FLOAT"
                + " (FLOAT64), BOOLEAN (BOOL), TIMESTAMP, DATE, TIME, DATETIME, GEOGRAPHY, NUMERIC,"
                + " BIGNUMERIC, JSON, RECORD (STRUCT), RANGE");
  }

  @Test
  void missingReferenceIsRefused() {
    Table table = sale().setTableReference(null);
    assertThat(message(table))
        .isEqualTo(
            "?:?.?: table name: [table-name] no table reference; allowed: a project, dataset and"
                + " table");
    assertThat(Violation.label(new TableReference().setTableId("t"))).isEqualTo("?:?.t");
  }
}
