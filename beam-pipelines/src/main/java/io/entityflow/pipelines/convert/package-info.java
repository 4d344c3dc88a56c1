/**
 * Proto to row conversion: {@link io.entityflow.pipelines.convert.ProtoRowConverter} turns an
 * entity message straight into the BigQuery row of its columns following the contract's {@code
 * ValueConversion}s, and {@link io.entityflow.pipelines.convert.RowProtoConverter} rebuilds the
 * message from such a row (for replay).
 *
 * <pre>{@code
 * TableRow row = ProtoRowConverter.of(table.entityColumns(), descriptor).convert(message);
 * }</pre>
 */
package io.entityflow.pipelines.convert;
