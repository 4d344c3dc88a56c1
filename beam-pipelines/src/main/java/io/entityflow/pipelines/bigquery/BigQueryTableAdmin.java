package io.entityflow.pipelines.bigquery;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableReference;
import java.io.IOException;
import java.util.Optional;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryOptions;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices.DatasetService;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServicesImpl;

/**
 * {@link TableAdmin} on BigQuery, through Beam's dataset service with the credentials of the
 * pipeline options.
 *
 * <pre>{@code
 * try (BigQueryTableAdmin admin = BigQueryTableAdmin.create(options)) {
 *   new LiveTableCheck(admin).requireMatching(project, layout, tables);
 * }
 * }</pre>
 */
public final class BigQueryTableAdmin implements TableAdmin, AutoCloseable {
  private final DatasetService datasets;

  private BigQueryTableAdmin(DatasetService datasets) {
    this.datasets = datasets;
  }

  /**
   * An admin with the credentials and project of {@code options}.
   *
   * @throws IllegalStateException when the options carry no Google Cloud credentials
   */
  public static BigQueryTableAdmin create(BigQueryOptions options) {
    if (options.getGcpCredential() == null) {
      throw new IllegalStateException(
          "no Google Cloud credentials to read the BigQuery tables at start-up; log in with"
              + " 'gcloud auth application-default login', run with a service account, or pass"
              + " --verifyTables=false");
    }
    return new BigQueryTableAdmin(new BigQueryServicesImpl().getDatasetService(options));
  }

  @Override
  public Optional<Table> getTable(TableReference reference)
      throws IOException, InterruptedException {
    return Optional.ofNullable(datasets.getTable(reference));
  }

  @Override
  public void close() throws Exception {
    datasets.close();
  }
}
