/**
 * Proto to row conversion: {@link io.entityflow.pipelines.convert.ProtoRowConverter} turns an
 * entity message straight into the BigQuery row of its columns following the contract's {@code
 * ValueConversion}s, and {@link io.entityflow.pipelines.convert.RowProtoConverter} rebuilds the
 * message from such a row (for replay). {@link io.entityflow.pipelines.convert.StorageRowWriter}
 * transcodes the wire bytes straight into the Storage Write API row message bytes Beam would make
 * of that row (same bytes, no {@code TableRow}).
 *
 * <pre>{@code
 * TableRow row = ProtoRowConverter.of(table.entityColumns(), descriptor).convert(message);
 * }</pre>
 */
package io.entityflow.pipelines.convert;
