package io.entityflow.pipelines.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.bigquery.model.TableRow;
import io.entityflow.contract.bigquery.BigQuerySchemaMapper;
import io.entityflow.contract.bigquery.BigQueryType;
import io.entityflow.contract.bigquery.ColumnMode;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.contract.options.Sensitivity;
import io.entityflow.pipelines.convert.ProtoRowConverter;
import io.entityflow.pipelines.convert.ProtoRowConverterTestAccess;
import io.entityflow.warehouse.local.LocalWarehouseLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetPartWriterTest {
  @Test
  void everyMappedTypeIncludingNestedAndRepeatedBytesIsWrittenWithItsDuckDbType(@TempDir Path root)
      throws Exception {
    List<TableColumn> columns = BigQuerySchemaMapper.columnsOf(ProtoRowConverterTestAccess.every());
    TableRow row =
        ProtoRowConverter.of(columns, ProtoRowConverterTestAccess.every())
            .convert(ProtoRowConverterTestAccess.everyTypeMessage());

    Path file;
    try (ParquetPartWriter writer = ParquetPartWriter.open(new LocalWarehouseLayout(root))) {
      file = writer.write("test", "every_type", columns, List.of(row, new TableRow()));
    }

    assertThat(file.getParent()).isEqualTo(root.resolve("test").resolve("every_type"));
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .containsExactly(file.getFileName().toString());
    }
    List<String> values = new ArrayList<>();
    try (Connection sql = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = sql.createStatement()) {
      statement.execute("SET TimeZone = 'UTC'");
      try (ResultSet rs =
          statement.executeQuery(
              "SELECT text, flag, hex(data), i64, fl, u64, fx64, color, ts::VARCHAR, dur,"
                  + " st::VARCHAR, val::VARCHAR, lv::VARCHAR, mask, marker, \"inner\".name,"
                  + " hex(\"inner\".blob), counts::VARCHAR, w_i64, w_u32, w_text, tags::VARCHAR,"
                  + " list_transform(inners, lambda x: hex(x.blob))::VARCHAR, typeof(data),"
                  + " typeof(u64), typeof(ts), typeof(st), typeof(inners)"
                  + " FROM read_parquet('"
                  + file
                  + "') ORDER BY text NULLS LAST")) {
        int count = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          for (int i = 1; i <= count; i++) {
            values.add(rs.getString(i));
          }
        }
      }
    }
    assertThat(values.subList(0, 28))
        .containsExactly(
            "héllo",
            "true",
            "00FF",
            "9007199254740993",
            "1.5",
            "18446744073709551615.000000000",
            "18446744073709551614.000000000",
            "RED",
            "2026-11-23 10:15:30.123456+00",
            "90.000000001",
            "{\"a\":1.0,\"b\":\"x\"}",
            "\"v\"",
            "[true,null]",
            "email,segment.name",
            "true",
            "n",
            "0001",
            "[{'key': b, 'value': 2}, {'key': a, 'value': 1}]",
            "0",
            "4000000000",
            null,
            "[x, y]",
            "[0001, '']",
            "BLOB",
            "DECIMAL(38,9)",
            "TIMESTAMP WITH TIME ZONE",
            "JSON",
            "STRUCT(\"name\" VARCHAR, \"values\" BIGINT[], blob BLOB)[]");
    assertThat(values.subList(28, 51)).containsOnlyNulls();
    assertThat(values.subList(51, 56)).isEqualTo(values.subList(23, 28));
  }

  @Test
  void anNdjsonFileIsReadWhereItIsAndLeftAsItWas(@TempDir Path root) throws Exception {
    List<TableColumn> columns =
        List.of(
            TableColumn.pipelineColumn(
                "id", BigQueryType.STRING, ColumnMode.REQUIRED, "the id", Sensitivity.INTERNAL));
    Path staged = root.resolve("staged.ndjson");
    Files.writeString(staged, "{\"id\":\"a\"}\n{\"id\":\"b\"}\n");

    Path part;
    try (ParquetPartWriter writer = ParquetPartWriter.open(new LocalWarehouseLayout(root))) {
      part = writer.writeNdjsonFile("test", "ids", columns, staged);
    }

    assertThat(Files.readString(staged)).isEqualTo("{\"id\":\"a\"}\n{\"id\":\"b\"}\n");
    List<String> ids = new ArrayList<>();
    try (Connection sql = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = sql.createStatement();
        ResultSet rs =
            statement.executeQuery("SELECT id FROM read_parquet('" + part + "') ORDER BY id")) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    assertThat(ids).containsExactly("a", "b");
  }
}
