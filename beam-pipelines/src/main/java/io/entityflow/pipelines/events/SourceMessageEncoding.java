package io.entityflow.pipelines.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Map;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * The encoding of a {@link SourceMessage} inside {@link EventRowCoder} and {@link StorageRowCoder}:
 * topic, message id (nullable), publish time to the nanosecond (flag, seconds, nanos), attributes,
 * raw payload bytes. Deterministic: a {@link SourceMessage} keeps its attributes sorted by name, so
 * equal messages encode to equal bytes.
 *
 * <pre>{@code
 * SourceMessageEncoding.encode(source, out);
 * SourceMessage back = SourceMessageEncoding.decode(in);
 * }</pre>
 */
final class SourceMessageEncoding {
  private static final Coder<String> STRING = StringUtf8Coder.of();
  private static final Coder<String> NULLABLE_STRING = NullableCoder.of(STRING);
  private static final Coder<Map<String, String>> ATTRIBUTES = MapCoder.of(STRING, STRING);

  private SourceMessageEncoding() {}

  /** Writes {@code source}. */
  static void encode(SourceMessage source, OutputStream out) throws IOException {
    STRING.encode(source.topic(), out);
    NULLABLE_STRING.encode(source.messageId(), out);
    BooleanCoder.of().encode(source.publishTime() != null, out);
    if (source.publishTime() != null) {
      VarLongCoder.of().encode(source.publishTime().getEpochSecond(), out);
      VarIntCoder.of().encode(source.publishTime().getNano(), out);
    }
    ATTRIBUTES.encode(source.attributes(), out);
    ByteArrayCoder.of().encode(source.payload(), out);
  }

  /** Reads what {@link #encode} wrote. */
  static SourceMessage decode(InputStream in) throws IOException {
    String topic = STRING.decode(in);
    String messageId = NULLABLE_STRING.decode(in);
    Instant publishTime = null;
    if (BooleanCoder.of().decode(in)) {
      publishTime =
          Instant.ofEpochSecond(VarLongCoder.of().decode(in), VarIntCoder.of().decode(in));
    }
    Map<String, String> attributes = ATTRIBUTES.decode(in);
    byte[] payload = ByteArrayCoder.of().decode(in);
    return new SourceMessage(topic, messageId, publishTime, attributes, payload);
  }
}
