package io.entityflow.pipelines.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.services.bigquery.model.TableRow;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.util.JsonFormat;
import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.contract.registry.EntityRegistry;
import io.entityflow.pipelines.convert.PayloadDescriptor;
import io.entityflow.pipelines.convert.ProtoRowConverter;
import io.entityflow.pipelines.convert.WireRowReader;
import io.entityflow.pipelines.events.SampleEvents;
import java.nio.charset.StandardCharsets;
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
 * Proto bytes to BigQuery row for Sale: the pipeline's direct conversion against the JSON round
 * trip of Google's Pub/Sub Proto to BigQuery template (DynamicMessage to JSON with {@code
 * JsonFormat}, JSON to TableRow with Jackson, as {@code TableRowJsonCoder} does). One thread, so
 * the scores are rows per second per core.
 *
 * <p>Run: see {@code beam-pipelines/BENCHMARKS.md}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ConversionBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private EntityDefinition sale;
  private ProtoRowConverter converter;
  private WireRowReader reader;
  private JsonFormat.Printer printer;
  private byte[] payload;

  @Setup
  public void setUp() {
    sale = EntityRegistry.load().forTopic("sale_v1").orElseThrow();
    converter =
        ProtoRowConverter.of(EntityTable.of(sale).entityColumns(), PayloadDescriptor.of(sale));
    reader = WireRowReader.of(EntityTable.of(sale).entityColumns(), PayloadDescriptor.of(sale));
    printer = JsonFormat.printer().preservingProtoFieldNames().omittingInsignificantWhitespace();
    payload = SampleEvents.sale("s-1").message().toByteArray();
  }

  /** Entityflow's pipeline path: wire bytes straight into the row ({@code WireRowReader}). */
  @Benchmark
  public TableRow direct() throws Exception {
    return reader.read(payload);
  }

  /** Parse into a DynamicMessage, then convert it ({@code ProtoRowConverter}); for reference. */
  @Benchmark
  public TableRow parsedMessage() throws Exception {
    return converter.convert(DynamicMessage.parseFrom(PayloadDescriptor.of(sale), payload));
  }

  /** The template's way: parse, print JSON, decode the JSON into a TableRow. */
  @Benchmark
  public TableRow jsonRoundTrip() throws Exception {
    String json = printer.print(DynamicMessage.parseFrom(PayloadDescriptor.of(sale), payload));
    return JSON.readValue(json.getBytes(StandardCharsets.UTF_8), TableRow.class);
  }

  /** Runs both benchmarks. */
  public static void main(String[] args) throws Exception {
    new Runner(new OptionsBuilder().include(ConversionBenchmark.class.getSimpleName()).build())
        .run();
  }
}
