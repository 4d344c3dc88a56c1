package io.entityflow.pipelines.bigquery;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableReference;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads live BigQuery table definitions for the start-up check ({@link LiveTableCheck}). {@link
 * BigQueryTableAdmin} talks to BigQuery; tests pass one backed by Beam's fake dataset service. The
 * pipeline never creates or alters tables: Terraform does.
 *
 * <pre>{@code
 * TableAdmin admin = BigQueryTableAdmin.create(options);
 * List<String> problems = new LiveTableCheck(admin).problems(project, layout, tables);
 * }</pre>
 */
public interface TableAdmin {
  /** The table, empty when it does not exist. */
  Optional<Table> getTable(TableReference reference) throws IOException, InterruptedException;
}
