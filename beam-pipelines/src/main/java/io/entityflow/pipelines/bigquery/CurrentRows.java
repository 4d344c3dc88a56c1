package io.entityflow.pipelines.bigquery;

import io.entityflow.contract.layout.PhysicalLayout;
import io.entityflow.pipelines.events.EventRow;
import io.entityflow.pipelines.events.RegistrySource;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.beam.sdk.transforms.DoFn;

/**
 * Keeps the event rows of entities that have a current-state table and addresses them to it: a row
 * of {@code retail.sale_v1} becomes the same row of {@code retail.sale_v1_current}. Rows without a
 * source message (heartbeats, dead letters) and rows of the system entities are dropped.
 *
 * <pre>{@code
 * rows.apply(ParDo.of(new CurrentRows(RegistrySource.contract())));
 * }</pre>
 */
final class CurrentRows extends DoFn<EventRow, EventRow> {
  private final RegistrySource registry;
  private transient Set<String> histories;

  CurrentRows(RegistrySource registry) {
    this.registry = registry;
  }

  @Setup
  public void setup() {
    PhysicalLayout layout = PhysicalLayout.of(registry.registry());
    histories =
        layout.entities().stream()
            .filter(e -> layout.currentTables().contains(e.currentTable()))
            .map(e -> e.table().qualifiedName())
            .collect(Collectors.toSet());
  }

  @ProcessElement
  public void process(@Element EventRow row, OutputReceiver<EventRow> out) {
    if (row.source() != null && histories.contains(row.table())) {
      out.output(
          new EventRow(row.table() + PhysicalLayout.CURRENT_TABLE_SUFFIX, row.row(), row.source()));
    }
  }
}
