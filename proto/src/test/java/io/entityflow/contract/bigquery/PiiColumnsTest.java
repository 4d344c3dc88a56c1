package io.entityflow.contract.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import io.entityflow.contract.TestContract;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** PII fields map to ciphertext (BYTES) columns that remember the type of the decrypted value. */
class PiiColumnsTest {

  private static String row(TableColumn column) {
    String row =
        column.name()
            + " "
            + column.type()
            + " "
            + column.mode()
            + " "
            + column.sensitivity()
            + (column.encrypted() ? " decrypts to " + column.plaintextType() : "")
            + column.policyTag().map(t -> " tagged").orElse("");
    if (!column.fields().isEmpty()) {
      row +=
          " {"
              + column.fields().stream().map(PiiColumnsTest::row).collect(Collectors.joining("; "))
              + "}";
    }
    return row;
  }

  @Test
  void everyShapeOfPiiFieldMapsToBytesColumnsKeepingTheDecryptedType() {
    List<String> rows =
        BigQuerySchemaMapper.columnsOf(TestContract.message("PiiShapes")).stream()
            .map(PiiColumnsTest::row)
            .toList();

    assertThat(rows)
        .containsExactly(
            "id STRING NULLABLE INTERNAL",
            "pii_enum BYTES NULLABLE PII decrypts to STRING tagged",
            "pii_strings BYTES REPEATED PII decrypts to STRING tagged",
            "pii_map RECORD REPEATED PII {key STRING NULLABLE INTERNAL;"
                + " value BYTES NULLABLE PII decrypts to INTEGER tagged}",
            "pii_message BYTES NULLABLE PII decrypts to JSON tagged",
            "pii_wrapper BYTES NULLABLE PII decrypts to NUMERIC tagged",
            "pii_timestamp BYTES NULLABLE PII decrypts to TIMESTAMP tagged",
            "pii_duration BYTES NULLABLE PII decrypts to JSON tagged",
            "pii_bytes BYTES NULLABLE PII decrypts to BYTES tagged",
            "clear_message RECORD NULLABLE INTERNAL {label STRING NULLABLE INTERNAL;"
                + " count INTEGER NULLABLE INTERNAL}");
  }

  @Test
  void ciphertextColumnsAreScalarBytesAndKeepTheEnumValuesInTheirDescription() {
    List<TableColumn> columns = BigQuerySchemaMapper.columnsOf(TestContract.message("PiiShapes"));

    assertThat(columns.get(1).description())
        .isEqualTo("A PII enum. Values: COLOR_UNSPECIFIED, RED, GREEN.");
    assertThat(columns.get(4).conversion()).isEqualTo(ValueConversion.SCALAR);
    assertThat(columns.get(4).wrapped()).isFalse();
    assertThat(columns.get(5).sqlType()).isEqualTo("BYTES");
    assertThat(columns.get(2).sqlType()).isEqualTo("ARRAY<BYTES>");
    assertThat(columns.get(3).sqlType()).isEqualTo("ARRAY<STRUCT<key STRING, value BYTES>>");
    assertThat(columns.get(3).holdsCiphertext()).isTrue();
    assertThat(columns.get(9).holdsCiphertext()).isFalse();
  }
}
