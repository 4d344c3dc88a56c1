package io.entityflow.pipelines.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.services.bigquery.model.TableRow;
import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.pipelines.events.RegistrySource;
import io.entityflow.warehouse.local.LocalWarehouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import org.apache.beam.sdk.io.gcp.bigquery.TableRowJsonCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * Reads the rows of one entity table of the local warehouse for a time range ({@link
 * LocalRowsQuery}), as rows in the form {@code ProtoRowConverter} writes.
 *
 * <pre>{@code
 * PCollection<TableRow> rows = pipeline.apply(ReadLocalTable.of(root, "sale_v1", from, to));
 * }</pre>
 */
public final class ReadLocalTable extends PTransform<PBegin, PCollection<TableRow>> {
  private final String root;
  private final String topic;
  private final Instant from;
  private final Instant to;
  private final RegistrySource registry;

  private ReadLocalTable(
      String root, String topic, Instant from, Instant to, RegistrySource registry) {
    this.root = root;
    this.topic = topic;
    this.from = from;
    this.to = to;
    this.registry = registry;
  }

  /** Reads table {@code topic} under {@code root} for {@code from <= occurred_at < to}. */
  public static ReadLocalTable of(Path root, String topic, Instant from, Instant to) {
    return new ReadLocalTable(
        root.toAbsolutePath().toString(), topic, from, to, RegistrySource.contract());
  }

  /** A copy with the entities of {@code registry}. */
  public ReadLocalTable withRegistry(RegistrySource registry) {
    return new ReadLocalTable(root, topic, from, to, registry);
  }

  @Override
  public PCollection<TableRow> expand(PBegin input) {
    return input
        .apply("Table " + topic, Create.of(topic))
        .apply("Query " + topic, ParDo.of(new QueryFn(root, from, to, registry)))
        .setCoder(TableRowJsonCoder.of());
  }

  /** Runs the query and emits each row. */
  static final class QueryFn extends DoFn<String, TableRow> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String root;
    private final Instant from;
    private final Instant to;
    private final RegistrySource registry;

    QueryFn(String root, Instant from, Instant to, RegistrySource registry) {
      this.root = root;
      this.from = from;
      this.to = to;
      this.registry = registry;
    }

    @ProcessElement
    public void process(@Element String topic, OutputReceiver<TableRow> out) throws Exception {
      EntityTable table =
          EntityTable.of(
              registry
                  .registry()
                  .forTopic(topic)
                  .orElseThrow(
                      () -> new IllegalArgumentException("no entity publishes to topic " + topic)));
      try (Connection sql = LocalWarehouse.open(Path.of(root), registry.registry());
          Statement statement = sql.createStatement();
          ResultSet rs = statement.executeQuery(LocalRowsQuery.sql(table, from, to))) {
        while (rs.next()) {
          out.output(JSON.readValue(rs.getString(1), TableRow.class));
        }
      }
    }
  }
}
