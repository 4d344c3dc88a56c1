package io.entityflow.pipelines.warehouse;

import com.google.api.services.bigquery.model.TableRow;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * The step of {@link WriteToLocalWarehouse}: hands each row keyed by table to a {@link
 * LocalWarehouseSink}, whose bundle ends with the rows forced to disk in the staging files.
 *
 * <pre>{@code
 * rows.apply("Stage rows", ParDo.of(new StageRowsFn(WriteToLocalWarehouse.to(root).sink())));
 * }</pre>
 */
final class StageRowsFn extends DoFn<KV<String, TableRow>, Void> {
  private final LocalWarehouseSink sink;

  StageRowsFn(LocalWarehouseSink sink) {
    this.sink = sink;
  }

  @Setup
  public void setup() {
    sink.setup();
  }

  @StartBundle
  public void startBundle() {
    sink.startBundle();
  }

  @ProcessElement
  public void process(@Element KV<String, TableRow> row) {
    sink.add(row.getKey(), row.getValue());
  }

  @FinishBundle
  public void finishBundle() {
    sink.finishBundle();
  }

  @Teardown
  public void teardown() {
    sink.teardown();
  }
}
