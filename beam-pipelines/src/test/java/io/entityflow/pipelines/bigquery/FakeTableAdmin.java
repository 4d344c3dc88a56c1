package io.entityflow.pipelines.bigquery;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableSchema;
import java.io.IOException;
import java.util.Optional;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;

/** {@link TableAdmin} on Beam's {@link FakeDatasetService}. */
public final class FakeTableAdmin implements TableAdmin {
  private final FakeDatasetService datasets;

  public FakeTableAdmin(FakeDatasetService datasets) {
    this.datasets = datasets;
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
    } catch (RuntimeException | IOException missing) {
      datasets.createDataset(project, dataset, "", "", null);
    }
  }

  @Override
  public void createTable(Table table) throws IOException {
    datasets.createTable(table);
  }

  @Override
  public void updateSchema(TableReference reference, TableSchema schema) throws IOException {
    datasets.updateTableSchema(reference, schema);
  }
}
