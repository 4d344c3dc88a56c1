package io.entityflow.pipelines.bigquery;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableReference;
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
}
