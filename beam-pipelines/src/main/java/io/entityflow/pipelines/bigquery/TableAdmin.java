package io.entityflow.pipelines.bigquery;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableSchema;
import java.io.IOException;
import java.util.Optional;

/**
 * The few BigQuery table operations the start-up provisioning needs. {@link BigQueryTableAdmin}
 * talks to BigQuery; tests pass one backed by Beam's fake dataset service.
 *
 * <pre>{@code
 * TableAdmin admin = BigQueryTableAdmin.create(options);
 * new TableProvisioner(admin).provision(tables);
 * }</pre>
 */
public interface TableAdmin {
  /** The table, empty when it does not exist. */
  Optional<Table> getTable(TableReference reference) throws IOException, InterruptedException;

  /** Creates the dataset when missing. */
  void ensureDataset(String project, String dataset) throws IOException, InterruptedException;

  /** Creates a table. */
  void createTable(Table table) throws IOException, InterruptedException;

  /** Replaces the schema of an existing table (BigQuery accepts only additive changes). */
  void updateSchema(TableReference reference, TableSchema schema)
      throws IOException, InterruptedException;
}
