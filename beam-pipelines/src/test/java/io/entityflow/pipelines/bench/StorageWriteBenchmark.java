package io.entityflow.pipelines.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.services.bigquery.model.TableRow;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.util.JsonFormat;
import io.entityflow.contract.bigquery.BigQueryType;
import io.entityflow.contract.bigquery.ColumnMode;
import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.bigquery.MetadataColumns;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.contract.bigquery.ValueConversion;
import io.entityflow.contract.options.Sensitivity;
import io.entityflow.contract.privacy.EncryptedForm;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.pipelines.convert.RowMetadata;
import io.entityflow.pipelines.convert.StorageRowWriter;
import io.entityflow.pipelines.convert.Timestamps;
import io.entityflow.pipelines.convert.WireRowReader;
import io.entityflow.pipelines.events.EntityEventParser;
import io.entityflow.pipelines.events.SampleEvents;
import io.entityflow.pipelines.testing.BeamStorageRows;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The whole per-row path for Sale, from Pub/Sub payload bytes (and attributes) to the bytes the
 * Storage Write API appends for the row (one entry of {@code ProtoRows.serialized_rows}), three
 * ways, in one run, one thread (scores are rows per second per core):
 *
 * <ul>
 *   <li>{@code templateJson} (a): Google's Pub/Sub Proto to BigQuery template's way: {@code
 *       DynamicMessage.parseFrom}, {@code JsonFormat} JSON, Jackson {@code TableRow}, plus the
 *       metadata columns, then Beam's {@code TableRowToStorageApiProto} against the table schema
 *       (the {@code labels} map as the RECORD of its keys that its JSON object form needs);
 *   <li>{@code tableRow} (b): today's path: {@code WireRowReader} plus the metadata columns into a
 *       {@code TableRow}, then Beam's {@code TableRowToStorageApiProto};
 *   <li>{@code direct} (c): {@code StorageRowWriter}: wire bytes and metadata values straight to
 *       the row message bytes;
 *   <li>{@code tableRowWithAttributeChecks} and {@code directWithAttributeChecks}: (b) and (c)
 *       through {@code EntityEventParser} ({@code parse} / {@code parseStorageRow}), which also
 *       checks and parses the attributes ({@code occurred_at} text, operation, schema version).
 * </ul>
 *
 * <p>(a), (b) and (c) start from the same already-parsed metadata values (as after the attribute
 * checks); (a) and (b) format the timestamps as {@code EntityEventParser} does.
 *
 * <p>Beam's conversion runs as {@code StorageApiDynamicDestinationsTableRow} runs it for {@code
 * WriteToBigQuery} (descriptor and schema information built once per table; auto schema update on).
 * Set-up checks that {@code tableRow} and {@code direct} give the same bytes.
 *
 * <p>Run: see {@code beam-pipelines/BENCHMARKS.md}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class StorageWriteBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant PUBLISHED = Instant.parse("2026-11-23T10:00:01.250Z");
  private static final Instant INGESTED = Instant.parse("2026-11-23T10:00:02Z");

  private static final RowMetadata METADATA =
      RowMetadata.of(
          "8f7c2d3e-2b1a-4c5d-9e8f-0a1b2c3d4e5f",
          "CREATED",
          Instant.parse("2026-11-23T10:00:00.123Z"),
          PUBLISHED,
          "till",
          "1.0",
          "m-1",
          INGESTED,
          null);

  private EntityDefinition sale;
  private EntityEventParser parser;
  private WireRowReader reader;
  private StorageRowWriter writer;
  private BeamStorageRows beam;
  private BeamStorageRows templateBeam;
  private JsonFormat.Printer printer;
  private Map<String, String> attributes;
  private byte[] payload;

  @Setup
  public void setUp() throws Exception {
    sale = EntityRegistry.load().forTopic("sale_v1").orElseThrow();
    parser = EntityEventParser.of(sale);
    reader = WireRowReader.of(EntityTable.of(sale).entityColumns(), EncryptedForm.of(sale));
    writer = StorageRowWriter.of(sale);
    List<TableColumn> columns = EntityTable.of(sale).columns();
    beam = BeamStorageRows.of(columns);
    templateBeam = BeamStorageRows.of(templateColumns(columns));
    printer = JsonFormat.printer().preservingProtoFieldNames().omittingInsignificantWhitespace();
    attributes =
        Map.of(
            "event_id", "8f7c2d3e-2b1a-4c5d-9e8f-0a1b2c3d4e5f",
            "operation", "CREATED",
            "occurred_at", "2026-11-23T10:00:00.123Z",
            "producer", "till",
            "schema_version", "1.0",
            // Sale has a PII field (the cardholder name), published encrypted
            "pii_encryption", "tink-aead-v1");
    payload = SampleEvents.sale("s-1").message().toByteArray();
    if (!Arrays.equals(tableRow(), direct())
        || !Arrays.equals(tableRowWithAttributeChecks(), directWithAttributeChecks())) {
      throw new IllegalStateException("tableRow and direct write different bytes");
    }
    templateJson();
  }

  /** The template's table: the map column {@code labels} as a RECORD of the sample's key. */
  private static List<TableColumn> templateColumns(List<TableColumn> columns) {
    return columns.stream()
        .map(
            c ->
                c.conversion() != ValueConversion.MAP_ENTRIES
                    ? c
                    : new TableColumn(
                        c.name(),
                        BigQueryType.RECORD,
                        ColumnMode.NULLABLE,
                        "",
                        Sensitivity.INTERNAL,
                        List.of(
                            TableColumn.pipelineColumn(
                                "campaign",
                                BigQueryType.STRING,
                                ColumnMode.NULLABLE,
                                "",
                                Sensitivity.INTERNAL)),
                        c.fieldNumber(),
                        ValueConversion.RECORD,
                        false))
        .toList();
  }

  /** The metadata columns as EntityEventParser puts them into the row. */
  private static void putMetadata(Map<String, Object> row) {
    row.put(MetadataColumns.EVENT_ID, METADATA.eventId());
    row.put(MetadataColumns.OPERATION, METADATA.operation());
    row.put(MetadataColumns.OCCURRED_AT, Timestamps.format(METADATA.occurredAt()));
    row.put(MetadataColumns.PUBLISH_TIME, Timestamps.format(METADATA.publishTime()));
    row.put(MetadataColumns.PRODUCER, METADATA.producer());
    row.put(MetadataColumns.SCHEMA_VERSION, METADATA.schemaVersion());
    row.put(MetadataColumns.MESSAGE_ID, METADATA.messageId());
    row.put(MetadataColumns.INGESTION_TIME, Timestamps.format(METADATA.ingestionTime()));
  }

  /** (a) The template's way: parse, print JSON, Jackson TableRow, Beam's conversion. */
  @Benchmark
  public byte[] templateJson() throws Exception {
    String json = printer.print(DynamicMessage.parseFrom(EncryptedForm.of(sale), payload));
    TableRow row = JSON.readValue(json.getBytes(StandardCharsets.UTF_8), TableRow.class);
    putMetadata(row);
    return templateBeam.bytes(row);
  }

  /** (b) Today's path: WireRowReader + metadata into a TableRow, then Beam's conversion. */
  @Benchmark
  public byte[] tableRow() throws Exception {
    Map<String, Object> row = new LinkedHashMap<>();
    putMetadata(row);
    reader.readInto(payload, row);
    return beam.bytes(WireRowReader.rowOf(row));
  }

  /** (c) Wire bytes and metadata values straight to the row message bytes. */
  @Benchmark
  public byte[] direct() throws Exception {
    return writer.write(METADATA, payload).bytes();
  }

  /** (b) through EntityEventParser.parse: attribute checks included. */
  @Benchmark
  public byte[] tableRowWithAttributeChecks() throws Exception {
    return beam.bytes(parser.parse(payload, attributes, "m-1", PUBLISHED, INGESTED));
  }

  /** (c) through EntityEventParser.parseStorageRow: attribute checks included. */
  @Benchmark
  public byte[] directWithAttributeChecks() throws Exception {
    return parser.parseStorageRow(payload, attributes, "m-1", PUBLISHED, INGESTED, unknown -> {});
  }

  /**
   * Runs the JMH benchmarks; with argument {@code cpu <seconds>}, instead runs each path for that
   * long (a warm-up round, then a measured round) and prints rows per second of the thread's CPU
   * time as well as of wall time: on a shared machine the CPU-time figure is the per-core cost
   * without the time the thread waited for a core.
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("cpu")) {
      cpuTime(Integer.parseInt(args[1]));
      return;
    }
    new Runner(new OptionsBuilder().include(StorageWriteBenchmark.class.getSimpleName()).build())
        .run();
  }

  private static void cpuTime(int seconds) throws Exception {
    StorageWriteBenchmark bench = new StorageWriteBenchmark();
    bench.setUp();
    Map<String, Callable<byte[]>> paths = new LinkedHashMap<>();
    paths.put("templateJson", bench::templateJson);
    paths.put("tableRow", bench::tableRow);
    paths.put("direct", bench::direct);
    paths.put("tableRowWithAttributeChecks", bench::tableRowWithAttributeChecks);
    paths.put("directWithAttributeChecks", bench::directWithAttributeChecks);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long sink = 0;
    for (int round = 0; round < 2; round++) {
      for (Map.Entry<String, Callable<byte[]>> path : paths.entrySet()) {
        long rows = 0;
        long cpuStart = threads.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        long wallEnd = wallStart + seconds * 1_000_000_000L;
        while (System.nanoTime() < wallEnd) {
          sink += path.getValue().call().length;
          rows++;
        }
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double wall = (System.nanoTime() - wallStart) / 1e9;
        System.out.printf(
            "%s %-28s %,12.0f rows per CPU-second %,12.0f rows/s wall (CPU %.0f%% of wall)%n",
            round == 0 ? "warm-up " : "measured",
            path.getKey(),
            rows / cpu,
            rows / wall,
            100 * cpu / wall);
      }
    }
    System.out.println("(checksum " + sink + ")");
  }
}
