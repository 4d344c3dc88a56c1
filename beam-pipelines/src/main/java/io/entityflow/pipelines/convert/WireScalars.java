package io.entityflow.pipelines.convert;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.io.IOException;

/**
 * Skips scalar values on the wire with {@code CodedInputStream} (so malformed input fails exactly
 * as protobuf fails), checking UTF-8 of strings as protobuf does. Field types are resolved once to
 * a {@link #kindOf kind}, so the per-value step is a switch on a small int.
 *
 * <pre>{@code
 * int kind = WireScalars.kindOf(field.getType());
 * Long read = WireScalars.skip(in, kind, payload);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
final class WireScalars {
  static final int FIXED64 = 0;
  static final int FIXED32 = 1;
  static final int BYTES = 2;
  static final int STRING = 3;
  static final int VARINT = 4;

  private WireScalars() {}

  /** How values of {@code type} are skipped. */
  static int kindOf(FieldDescriptor.Type type) {
    return switch (type) {
      case FIXED64, SFIXED64, DOUBLE -> FIXED64;
      case FIXED32, SFIXED32, FLOAT -> FIXED32;
      case BYTES -> BYTES;
      case STRING -> STRING;
      default -> VARINT;
    };
  }

  /**
   * Reads one varint as {@code readRawVarint64} reads it: a complete varint of 1 to 9 bytes inside
   * the current limit is decoded from {@code payload} directly; any other goes through protobuf (so
   * truncated or overlong input fails as protobuf fails).
   */
  static long readVarint(CodedInputStream in, byte[] payload) throws IOException {
    int start = in.getTotalBytesRead();
    int length = WireValues.varintLength(payload, start, in.getBytesUntilLimit());
    if (length > 0) {
      in.skipRawBytes(length);
      return WireValues.varint(payload, start);
    }
    return in.readRawVarint64();
  }

  /**
   * Skips one scalar of {@code kind}, checking UTF-8 of strings as protobuf does.
   *
   * @return null, or the value {@code readRawVarint64} returned for a varint of 10 bytes: for those
   *     (non-canonical when the last byte is not 1) protobuf's fast and slow paths differ, so the
   *     value is kept as protobuf read it rather than decoded again
   */
  static Long skip(CodedInputStream in, int kind, byte[] payload) throws IOException {
    switch (kind) {
      case FIXED64 -> in.readRawLittleEndian64();
      case FIXED32 -> in.readRawLittleEndian32();
      case BYTES -> in.skipRawBytes(in.readRawVarint32());
      case STRING -> {
        int length = in.readRawVarint32();
        int start = in.getTotalBytesRead();
        in.skipRawBytes(length);
        if (!WireValues.isValidUtf8(payload, start, start + length)) {
          throw WireTranscoder.invalidUtf8();
        }
      }
      default -> {
        int start = in.getTotalBytesRead();
        int length = WireValues.varintLength(payload, start, in.getBytesUntilLimit());
        if (length > 0) {
          // A complete varint of 1 to 9 bytes inside the limit: protobuf would read it too.
          in.skipRawBytes(length);
          return null;
        }
        long value = in.readRawVarint64();
        return in.getTotalBytesRead() - start == 10 ? value : null;
      }
    }
    return null;
  }
}
