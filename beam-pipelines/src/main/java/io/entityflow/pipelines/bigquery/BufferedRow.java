package io.entityflow.pipelines.bigquery;

import io.entityflow.pipelines.events.StorageRow;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.joda.time.Instant;

/**
 * A row {@link WriteStorageRows} holds until its append is confirmed, with the timestamp and window
 * of its element, which the dead letter of a refused row keeps.
 *
 * <pre>{@code
 * BufferedRow buffered = new BufferedRow(row, timestamp, window);
 * }</pre>
 *
 * @param row the row
 * @param timestamp its element's timestamp
 * @param window its element's window
 */
record BufferedRow(StorageRow row, Instant timestamp, BoundedWindow window) {}
