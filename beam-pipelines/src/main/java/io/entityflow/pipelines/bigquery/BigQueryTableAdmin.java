package io.entityflow.pipelines.bigquery;

import com.google.api.services.bigquery.Bigquery;
import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableSchema;
import com.google.auth.http.HttpCredentialsAdapter;
import java.io.IOException;
import java.util.Optional;
import org.apache.beam.sdk.extensions.gcp.util.Transport;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryOptions;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices.DatasetService;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServicesImpl;

/**
 * {@link TableAdmin} on BigQuery: reads and creates through Beam's dataset service, patches schemas
 * through the BigQuery API ({@code tables.patch} with the merged schema).
 *
 * <pre>{@code
 * try (BigQueryTableAdmin admin = BigQueryTableAdmin.create(options)) {
 *   new TableProvisioner(admin).provision(tables);
 * }
 * }</pre>
 */
public final class BigQueryTableAdmin implements TableAdmin, AutoCloseable {
  private final DatasetService datasets;
  private final Bigquery client;

  private BigQueryTableAdmin(DatasetService datasets, Bigquery client) {
    this.datasets = datasets;
    this.client = client;
  }

  /** An admin with the credentials and project of {@code options}. */
  public static BigQueryTableAdmin create(BigQueryOptions options) {
    Bigquery client =
        new Bigquery.Builder(
                Transport.getTransport(),
                Transport.getJsonFactory(),
                new HttpCredentialsAdapter(options.getGcpCredential()))
            .setApplicationName("entityflow")
            .build();
    return new BigQueryTableAdmin(new BigQueryServicesImpl().getDatasetService(options), client);
  }

  @Override
  public Optional<Table> getTable(TableReference reference)
      throws IOException, InterruptedException {
    return Optional.ofNullable(datasets.getTable(reference));
  }

  @Override
  public void ensureDataset(String project, String dataset)
      throws IOException, InterruptedException {
    try {
      datasets.getDataset(project, dataset);
    } catch (IOException missing) {
      datasets.createDataset(project, dataset, null, "Entityflow tables of " + dataset, null);
    }
  }

  @Override
  public void createTable(Table table) throws IOException, InterruptedException {
    datasets.createTable(table);
  }

  @Override
  public void updateSchema(TableReference reference, TableSchema schema) throws IOException {
    client
        .tables()
        .patch(
            reference.getProjectId(),
            reference.getDatasetId(),
            reference.getTableId(),
            new Table().setSchema(schema))
        .execute();
  }

  @Override
  public void close() throws Exception {
    datasets.close();
  }
}
