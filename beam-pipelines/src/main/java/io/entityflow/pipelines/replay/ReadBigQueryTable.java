package io.entityflow.pipelines.replay;

import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableRow;
import com.google.cloud.bigquery.storage.v1.DataFormat;
import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.bigquery.TableColumn;
import io.entityflow.pipelines.convert.AvroRowConverter;
import io.entityflow.pipelines.events.RegistrySource;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO.TypedRead.Method;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;
import org.apache.beam.sdk.io.gcp.bigquery.SchemaAndRecord;
import org.apache.beam.sdk.io.gcp.bigquery.TableRowJsonCoder;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * Reads the rows of one entity table in BigQuery for a time range, in the row form {@code
 * ProtoRowConverter} writes, with the BigQuery Storage Read API ({@code DIRECT_READ}, Avro): the
 * contract's columns as selected fields and {@link OccurredAtRestriction} as row restriction, so
 * BigQuery filters server-side and prunes the day partitions outside the range.
 *
 * <pre>{@code
 * PCollection<TableRow> rows = pipeline.apply("Read sale_v1",
 *     ReadBigQueryTable.of("acme-analytics", "retail", "sale_v1", from, to));
 * }</pre>
 *
 * <p>Immutable; {@code withX} returns a copy. Values are typed by the contract's columns ({@link
 * AvroRowConverter}), so {@code RowProtoConverter} rebuilds the original messages.
 */
public final class ReadBigQueryTable extends PTransform<PBegin, PCollection<TableRow>> {
  private final String project;
  private final String dataset;
  private final String topic;
  private final Instant from;
  private final Instant to;
  private final RegistrySource registry;
  private final BigQueryServices testServices;

  private ReadBigQueryTable(
      String project,
      String dataset,
      String topic,
      Instant from,
      Instant to,
      RegistrySource registry,
      BigQueryServices testServices) {
    this.project = project;
    this.dataset = dataset;
    this.topic = topic;
    this.from = from;
    this.to = to;
    this.registry = registry;
    this.testServices = testServices;
  }

  /** Reads table {@code topic} of {@code project.dataset} for {@code from <= occurred_at < to}. */
  public static ReadBigQueryTable of(
      String project, String dataset, String topic, Instant from, Instant to) {
    return new ReadBigQueryTable(
        project, dataset, topic, from, to, RegistrySource.contract(), null);
  }

  /** A copy with the entities of {@code registry}. */
  public ReadBigQueryTable withRegistry(RegistrySource registry) {
    return new ReadBigQueryTable(project, dataset, topic, from, to, registry, testServices);
  }

  /** A copy talking to {@code services} (Beam's fakes in tests) without validation. */
  public ReadBigQueryTable withTestServices(BigQueryServices services) {
    return new ReadBigQueryTable(project, dataset, topic, from, to, registry, services);
  }

  @Override
  public PCollection<TableRow> expand(PBegin input) {
    EntityTable table = table(registry, topic);
    BigQueryIO.TypedRead<TableRow> read =
        BigQueryIO.read(new ParseRowFn(topic, registry))
            .from(
                new TableReference()
                    .setProjectId(project)
                    .setDatasetId(dataset)
                    .setTableId(table.name()))
            .withMethod(Method.DIRECT_READ)
            .withFormat(DataFormat.AVRO)
            .withSelectedFields(table.columns().stream().map(TableColumn::name).toList())
            .withRowRestriction(OccurredAtRestriction.of(from, to))
            .withCoder(TableRowJsonCoder.of());
    if (testServices != null) {
      read = read.withTestServices(testServices).withoutValidation();
    }
    return input.apply("Storage Read API " + table.name(), read);
  }

  private static EntityTable table(RegistrySource registry, String topic) {
    return EntityTable.of(
        registry
            .registry()
            .forTopic(topic)
            .orElseThrow(
                () -> new IllegalArgumentException("no entity publishes to topic " + topic)));
  }

  /** One Avro record of the table to its row; builds its converter once per instance. */
  static final class ParseRowFn implements SerializableFunction<SchemaAndRecord, TableRow> {
    private final String topic;
    private final RegistrySource registry;
    private transient AvroRowConverter converter;

    ParseRowFn(String topic, RegistrySource registry) {
      this.topic = topic;
      this.registry = registry;
    }

    @Override
    public TableRow apply(SchemaAndRecord input) {
      if (converter == null) {
        List<TableColumn> columns = table(registry, topic).columns();
        converter = AvroRowConverter.of(columns);
      }
      return converter.convert(input.getRecord());
    }
  }
}
