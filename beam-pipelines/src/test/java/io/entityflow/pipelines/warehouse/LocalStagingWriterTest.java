package io.entityflow.pipelines.warehouse;

import static io.entityflow.pipelines.warehouse.WriteToLocalWarehouseTest.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.bigquery.model.TableRow;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.pipelines.events.PipelineClock;
import io.entityflow.warehouse.local.LocalWarehouse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStagingWriterTest {
  private static final long NO_BACKGROUND_FLUSH = 3_600_000;
  private static final PipelineClock CLOCK =
      PipelineClock.fixed(Instant.parse("2026-11-23T12:00:00Z"));

  private static PhysicalLayout catalog() {
    return PhysicalLayout.of(EntityRegistry.load());
  }

  private static String saleLine(String eventId) throws Exception {
    TableRow row =
        WriteToLocalWarehouseTest.row("sale_v1", eventId, "CREATED", "2026-11-23T10:00:00Z")
            .getValue();
    return line(row);
  }

  private static String line(TableRow row) {
    List<TableColumn> columns = catalog().requireTable("retail.sale_v1").columns();
    StringBuilder out = new StringBuilder();
    NdjsonRows.of(columns).append(out, row);
    return out.toString();
  }

  private static byte[] bytes(String... lines) {
    return String.join("", lines).getBytes(StandardCharsets.UTF_8);
  }

  private static List<Path> stagingFiles(Path root) throws Exception {
    Path directory = root.resolve(".staging/retail/sale_v1");
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.toList();
    }
  }

  private static List<List<String>> saleEventIds(Path root) throws Exception {
    try (Connection sql = LocalWarehouse.open(root, EntityRegistry.load())) {
      return query(sql, "SELECT event_id FROM retail.sale_v1 ORDER BY event_id");
    }
  }

  @Test
  void stagedRowsAreDurableInTheStagingFileAndVisibleAfterFlush(@TempDir Path root)
      throws Exception {
    LocalStagingWriter writer =
        LocalStagingWriter.open(root, catalog(), 50_000, NO_BACKGROUND_FLUSH, CLOCK);
    try {
      String first = saleLine("e-1");
      String second = saleLine("e-2");
      writer.stage("retail.sale_v1", bytes(first, second), 2);

      List<Path> staged = stagingFiles(root);
      assertThat(staged).hasSize(1);
      assertThat(staged.get(0).getFileName().toString())
          .startsWith(ProcessHandle.current().pid() + "-")
          .endsWith(".ndjson");
      assertThat(Files.readString(staged.get(0))).isEqualTo(first + second);
      assertThat(root.resolve("retail/sale_v1")).doesNotExist();

      writer.flush();

      assertThat(saleEventIds(root)).containsExactly(List.of("e-1"), List.of("e-2"));
      assertThat(stagingFiles(root)).isEmpty();
      assertThat(writer.publishedRows()).isEqualTo(2);
    } finally {
      writer.close();
    }
    assertThat(root.resolve(".staging")).doesNotExist();
  }

  @Test
  void closeConvertsWhatIsStagedAndMaxRowsSplitsParts(@TempDir Path root) throws Exception {
    LocalStagingWriter writer =
        LocalStagingWriter.open(root, catalog(), 2, NO_BACKGROUND_FLUSH, CLOCK);
    LocalStagingWriter other =
        LocalStagingWriter.open(root, catalog(), 2, NO_BACKGROUND_FLUSH, CLOCK);
    assertThat(other).isNotSameAs(writer);
    writer.stage("retail.sale_v1", bytes(saleLine("e-1"), saleLine("e-2"), saleLine("e-3")), 3);
    other.stage("retail.sale_v1", bytes(saleLine("e-4")), 1);
    assertThat(stagingFiles(root)).hasSize(2);
    writer.close();
    assertThat(stagingFiles(root)).hasSize(1);
    other.close();

    assertThat(saleEventIds(root))
        .containsExactly(List.of("e-1"), List.of("e-2"), List.of("e-3"), List.of("e-4"));
    try (Stream<Path> parts = Files.list(root.resolve("retail/sale_v1"))) {
      assertThat(parts.map(p -> p.getFileName().toString()))
          .hasSize(3)
          .allMatch(name -> name.startsWith("part-") && name.endsWith(".parquet"));
    }
    assertThat(root.resolve(".staging")).doesNotExist();
  }

  @Test
  void orphanStagingFilesOfACrashedRunAreConvertedAtStartAndLiveOnesAreLeftAlone(@TempDir Path root)
      throws Exception {
    Path directory = Files.createDirectories(root.resolve(".staging/retail/sale_v1"));
    Path orphan = directory.resolve("4242-crashed.ndjson");
    // the crashed run forced two complete lines; its last line was torn mid-write
    Files.writeString(orphan, saleLine("e-1") + saleLine("e-2") + "{\"event_id\":\"e-3");
    Path live = directory.resolve("4343-live.ndjson");
    Files.writeString(live, saleLine("e-9"));

    try (FileChannel channel =
            FileChannel.open(live, StandardOpenOption.WRITE, StandardOpenOption.READ);
        FileLock lock = channel.lock()) {
      LocalStagingWriter writer =
          LocalStagingWriter.open(root, catalog(), 50_000, NO_BACKGROUND_FLUSH, CLOCK);
      try {
        assertThat(saleEventIds(root)).containsExactly(List.of("e-1"), List.of("e-2"));
        assertThat(stagingFiles(root)).containsExactly(live);
        assertThat(writer.publishedRows()).isEqualTo(2);
      } finally {
        writer.close();
      }
      assertThat(lock.isValid()).isTrue();
    }
    assertThat(Files.readString(live)).isEqualTo(saleLine("e-9"));
  }

  @Test
  void aConversionThatFailsKeepsTheStagedLinesAndRetriesOnTheNextFlush(@TempDir Path root)
      throws Exception {
    Path blocked = Files.createDirectories(root.resolve("retail")).resolve("sale_v1");
    Files.writeString(blocked, "a file where the table directory belongs");
    LocalStagingWriter writer =
        LocalStagingWriter.open(root, catalog(), 50_000, NO_BACKGROUND_FLUSH, CLOCK);
    try {
      String first = saleLine("e-1");
      writer.stage("retail.sale_v1", bytes(first), 1);
      writer.flush();
      writer.flush();

      assertThat(writer.failedConversions()).isEqualTo(2);
      assertThat(writer.publishedRows()).isZero();
      List<Path> staged = stagingFiles(root);
      assertThat(staged).hasSize(1);
      assertThat(Files.readString(staged.get(0))).isEqualTo(first);

      String second = saleLine("e-2");
      writer.stage("retail.sale_v1", bytes(second), 1);
      Files.delete(blocked);
      writer.flush();

      assertThat(writer.failedConversions()).isEqualTo(2);
      assertThat(writer.publishedRows()).isEqualTo(2);
      assertThat(saleEventIds(root)).containsExactly(List.of("e-1"), List.of("e-2"));
      assertThat(stagingFiles(root)).isEmpty();
    } finally {
      writer.close();
    }
  }

  @Test
  void aRowDuckDbRefusesBecomesADeadLetterAndTheOthersArePublished(@TempDir Path root)
      throws Exception {
    TableRow bad =
        WriteToLocalWarehouseTest.row("sale_v1", "e-bad", "CREATED", "2026-11-23T10:00:00Z")
            .getValue();
    bad.set("occurred_at", "not a time");
    String badLine = line(bad);
    LocalStagingWriter writer =
        LocalStagingWriter.open(root, catalog(), 50_000, NO_BACKGROUND_FLUSH, CLOCK);
    try {
      writer.stage(
          "retail.sale_v1", bytes(saleLine("e-1"), badLine, saleLine("e-2"), saleLine("e-3")), 4);
      writer.flush();

      assertThat(writer.rejectedRows()).isEqualTo(1);
      assertThat(writer.takeUnreportedRejected()).isEqualTo(1);
      assertThat(writer.takeUnreportedRejected()).isZero();
      assertThat(writer.publishedRows()).isEqualTo(4);
      assertThat(saleEventIds(root))
          .containsExactly(List.of("e-1"), List.of("e-2"), List.of("e-3"));
      try (Connection sql = LocalWarehouse.open(root, EntityRegistry.load())) {
        List<List<String>> letters =
            query(
                sql,
                "SELECT failed_at::VARCHAR, error_kind, source_topic, message_id,"
                    + " decode(payload), starts_with(error_message, 'local warehouse refused a"
                    + " row of retail.sale_v1: ') FROM entityflow.dead_letter");
        List<String> expected = new ArrayList<>();
        expected.add("2026-11-23 12:00:00+00");
        expected.add("WAREHOUSE_REJECTED");
        expected.add("sale_v1");
        expected.add("m-e-bad");
        expected.add(badLine.trim());
        expected.add("true");
        assertThat(letters).containsExactly(expected);
      }
    } finally {
      writer.close();
    }
  }
}
