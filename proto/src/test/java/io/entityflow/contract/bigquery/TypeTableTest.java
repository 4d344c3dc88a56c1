package io.entityflow.contract.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.entityflow.contract.TestContract;
import io.entityflow.contract.registry.ContractException;
import io.entityflow.contract.registry.ContractRule;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every row of the type table in proto/README.md, asserted against the mapping. */
class TypeTableTest {

  private static String row(TableColumn column) {
    String row =
        column.name()
            + " "
            + column.type()
            + " "
            + column.mode()
            + " "
            + column.conversion()
            + (column.wrapped() ? " wrapped" : "");
    if (!column.fields().isEmpty()) {
      row +=
          " {"
              + column.fields().stream().map(TypeTableTest::row).collect(Collectors.joining("; "))
              + "}";
    }
    return row;
  }

  @Test
  void everyProtoTypeMapsToTheColumnOfTheTypeTable() {
    List<String> rows =
        BigQuerySchemaMapper.columnsOf(TestContract.message("AllTypes")).stream()
            .map(TypeTableTest::row)
            .toList();

    assertThat(rows)
        .containsExactly(
            "id STRING NULLABLE SCALAR",
            "a_double FLOAT NULLABLE SCALAR",
            "a_float FLOAT NULLABLE SCALAR",
            "an_int32 INTEGER NULLABLE SCALAR",
            "an_int64 INTEGER NULLABLE SCALAR",
            "a_uint32 INTEGER NULLABLE UNSIGNED_INT32",
            "a_uint64 NUMERIC NULLABLE UNSIGNED_INT64",
            "a_sint32 INTEGER NULLABLE SCALAR",
            "a_sint64 INTEGER NULLABLE SCALAR",
            "a_fixed32 INTEGER NULLABLE UNSIGNED_INT32",
            "a_fixed64 NUMERIC NULLABLE UNSIGNED_INT64",
            "an_sfixed32 INTEGER NULLABLE SCALAR",
            "an_sfixed64 INTEGER NULLABLE SCALAR",
            "a_bool BOOLEAN NULLABLE SCALAR",
            "a_string STRING NULLABLE SCALAR",
            "a_bytes BYTES NULLABLE SCALAR",
            "an_enum STRING NULLABLE ENUM_NAME",
            "a_message RECORD NULLABLE RECORD {label STRING NULLABLE SCALAR; count INTEGER NULLABLE SCALAR}",
            "repeated_strings STRING REPEATED SCALAR",
            "repeated_messages RECORD REPEATED RECORD {label STRING NULLABLE SCALAR; count INTEGER NULLABLE SCALAR}",
            "a_map RECORD REPEATED MAP_ENTRIES {key STRING NULLABLE SCALAR; value INTEGER NULLABLE SCALAR}",
            "a_message_map RECORD REPEATED MAP_ENTRIES {key INTEGER NULLABLE SCALAR; value RECORD NULLABLE"
                + " RECORD {label STRING NULLABLE SCALAR; count INTEGER NULLABLE SCALAR}}",
            "choice_text STRING NULLABLE SCALAR",
            "choice_message RECORD NULLABLE RECORD {label STRING NULLABLE SCALAR; count INTEGER NULLABLE SCALAR}",
            "optional_int64 INTEGER NULLABLE SCALAR",
            "a_timestamp TIMESTAMP NULLABLE TIMESTAMP",
            "a_duration NUMERIC NULLABLE DURATION_SECONDS",
            "a_double_value FLOAT NULLABLE SCALAR wrapped",
            "a_float_value FLOAT NULLABLE SCALAR wrapped",
            "an_int64_value INTEGER NULLABLE SCALAR wrapped",
            "a_uint64_value NUMERIC NULLABLE UNSIGNED_INT64 wrapped",
            "an_int32_value INTEGER NULLABLE SCALAR wrapped",
            "a_uint32_value INTEGER NULLABLE UNSIGNED_INT32 wrapped",
            "a_bool_value BOOLEAN NULLABLE SCALAR wrapped",
            "a_string_value STRING NULLABLE SCALAR wrapped",
            "a_bytes_value BYTES NULLABLE SCALAR wrapped",
            "a_struct JSON NULLABLE STRUCT_JSON",
            "a_value JSON NULLABLE VALUE_JSON",
            "a_list_value JSON NULLABLE LIST_JSON",
            "an_any RECORD NULLABLE RECORD {type_url STRING NULLABLE SCALAR; value BYTES NULLABLE SCALAR}",
            "a_field_mask STRING NULLABLE FIELD_MASK",
            "an_empty BOOLEAN NULLABLE PRESENCE",
            "repeated_timestamps TIMESTAMP REPEATED TIMESTAMP",
            "pii_text BYTES NULLABLE SCALAR");
  }

  @Test
  void descriptionsComeFromProtoCommentsAndEnumsListTheirValues() {
    List<TableColumn> columns = BigQuerySchemaMapper.columnsOf(TestContract.message("AllTypes"));
    TableColumn id = columns.get(0);
    TableColumn color =
        columns.stream().filter(c -> c.name().equals("an_enum")).findFirst().orElseThrow();
    TableColumn duration =
        columns.stream().filter(c -> c.name().equals("a_duration")).findFirst().orElseThrow();
    TableColumn nested =
        columns.stream().filter(c -> c.name().equals("a_message")).findFirst().orElseThrow();

    assertThat(id.description()).isEqualTo("Identifier.");
    assertThat(color.description()).isEqualTo("Values: COLOR_UNSPECIFIED, RED, GREEN.");
    assertThat(duration.description()).isEqualTo("(seconds)");
    assertThat(nested.fields().get(0).description()).isEqualTo("A label.");
    assertThat(columns.get(columns.size() - 1).description()).isEqualTo("Personal data.");
  }

  @Test
  void piiLeafColumnsCarryThePolicyTagMarkerAndOthersDoNot() {
    List<TableColumn> columns = BigQuerySchemaMapper.columnsOf(TestContract.message("AllTypes"));

    assertThat(columns.stream().filter(c -> c.policyTag().isPresent()).map(TableColumn::name))
        .containsExactly("pii_text");
    assertThat(columns.get(columns.size() - 1).policyTag()).contains("${policy_tag_pii}");
  }

  @Test
  void sqlTypesNestArraysAndStructs() {
    List<TableColumn> columns = BigQuerySchemaMapper.columnsOf(TestContract.message("AllTypes"));

    assertThat(
            columns.stream()
                .filter(c -> c.name().equals("a_map"))
                .findFirst()
                .orElseThrow()
                .sqlType())
        .isEqualTo("ARRAY<STRUCT<key STRING, value INT64>>");
    assertThat(
            columns.stream()
                .filter(c -> c.name().equals("a_uint64"))
                .findFirst()
                .orElseThrow()
                .sqlType())
        .isEqualTo("NUMERIC");
  }

  @Test
  void directlyRecursiveMessageIsRefusedNamingTheCycle() {
    assertThatThrownBy(() -> BigQuerySchemaMapper.columnsOf(TestContract.message("TreeNode")))
        .isInstanceOf(ContractException.class)
        .hasMessage(
            "invalid entity contract: entityflow/testing/v1/all_types.proto:"
                + " entityflow.testing.v1.TreeNode: [recursive-message] field"
                + " 'entityflow.testing.v1.TreeNode.children' makes entityflow.testing.v1.TreeNode"
                + " contain itself (entityflow.testing.v1.TreeNode -> entityflow.testing.v1.TreeNode);"
                + " BigQuery columns cannot be recursive. Allowed: a finite nesting; store children"
                + " by id, or as google.protobuf.Struct (JSON)");
  }

  @Test
  void indirectlyRecursiveMessageIsRefusedNamingTheWholeCycle() {
    ContractException error =
        (ContractException)
            catchThrowable(() -> BigQuerySchemaMapper.columnsOf(TestContract.message("IndirectA")));

    assertThat(error.violations()).hasSize(1);
    assertThat(error.violations().get(0).rule()).isEqualTo(ContractRule.RECURSIVE_MESSAGE);
    assertThat(error.violations().get(0).detail())
        .startsWith(
            "field 'entityflow.testing.v1.IndirectB.a' makes entityflow.testing.v1.IndirectA contain"
                + " itself (entityflow.testing.v1.IndirectA -> entityflow.testing.v1.IndirectB ->"
                + " entityflow.testing.v1.IndirectA)");
  }

  @Test
  void messageWithoutFieldsIsRefusedAsEmptyRecord() {
    ContractException error =
        (ContractException)
            catchThrowable(
                () -> BigQuerySchemaMapper.columnsOf(TestContract.message("HasEmptyRecord")));

    assertThat(error.violations().get(0).toString())
        .isEqualTo(
            "entityflow/testing/v1/all_types.proto: entityflow.testing.v1.HasEmptyRecord:"
                + " [empty-record] field 'entityflow.testing.v1.HasEmptyRecord.nothing' has type"
                + " entityflow.testing.v1.NoFields with no fields; allowed: messages with at least"
                + " one field (google.protobuf.Empty maps to BOOLEAN)");
  }

  @Test
  void nestingDeeperThanFifteenLevelsIsRefused() {
    ContractException error =
        (ContractException)
            catchThrowable(() -> BigQuerySchemaMapper.columnsOf(TestContract.message("Deep1")));

    assertThat(error.violations().get(0).toString())
        .isEqualTo(
            "entityflow/testing/v1/all_types.proto: entityflow.testing.v1.Deep1: [nesting-too-deep]"
                + " field 'entityflow.testing.v1.Deep15.next' nests records 16 levels deep; allowed:"
                + " at most 15 levels (BigQuery's limit)");
  }

  private static Throwable catchThrowable(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    return org.assertj.core.api.Assertions.catchThrowable(call);
  }
}
