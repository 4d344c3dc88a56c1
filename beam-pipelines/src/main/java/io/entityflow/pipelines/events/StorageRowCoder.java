package io.entityflow.pipelines.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/**
 * Coder of {@link StorageRow}: the table, the row bytes, then the source message (topic, message
 * id, publish time to the nanosecond, attributes sorted by name, raw payload bytes; the same
 * encoding as in {@link EventRowCoder}).
 *
 * <pre>{@code
 * rows.setCoder(StorageRowCoder.of());
 * }</pre>
 *
 * <p>Deterministic: equal rows encode to equal bytes.
 */
public final class StorageRowCoder extends CustomCoder<StorageRow> {
  private static final StorageRowCoder INSTANCE = new StorageRowCoder();
  private static final Coder<String> STRING = StringUtf8Coder.of();

  private StorageRowCoder() {}

  /** The coder. */
  public static StorageRowCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(StorageRow value, OutputStream out) throws IOException {
    STRING.encode(value.table(), out);
    ByteArrayCoder.of().encode(value.bytes(), out);
    SourceMessageEncoding.encode(value.source(), out);
  }

  @Override
  public StorageRow decode(InputStream in) throws IOException {
    String table = STRING.decode(in);
    byte[] bytes = ByteArrayCoder.of().decode(in);
    return new StorageRow(table, bytes, SourceMessageEncoding.decode(in));
  }

  /** Every part is encoded deterministically; the attributes in name order. */
  @Override
  public void verifyDeterministic() {}
}
