package io.entityflow.pipelines.events;

import com.google.api.services.bigquery.model.TableRow;
import java.io.Serializable;

/**
 * A destination that takes rows inside the step that produced them, following that step's DoFn
 * lifecycle, instead of a separate step: on the DirectRunner every step costs a fixed amount per
 * bundle (and unbounded reads make bundles of at most 10 elements), so the local warehouse takes
 * parsed rows inside the parse step ({@link ParseEntityEvents#withSink}).
 *
 * <pre>{@code
 * messages.apply("Events of sale_v1",
 *     ParseEntityEvents.forTopic("sale_v1").withSink(WriteToLocalWarehouse.to(root).sink()));
 * }</pre>
 *
 * <p>Contract: the owning DoFn calls {@link #setup} once per instance, {@link #startBundle} before
 * and {@link #finishBundle} after each bundle (which must make the bundle's rows durable before it
 * returns, since the bundle commits afterwards), and {@link #teardown} once. One instance per DoFn
 * instance (deserialized copies), never shared between threads.
 */
public interface RowSink extends Serializable {
  /** Opens resources (once per DoFn instance). */
  void setup();

  /** Starts a bundle. */
  void startBundle();

  /** Takes one row of {@code table} ({@code dataset.table}). */
  void add(String table, TableRow row);

  /** Makes the bundle's rows durable. */
  void finishBundle();

  /** Releases resources. */
  void teardown();
}
