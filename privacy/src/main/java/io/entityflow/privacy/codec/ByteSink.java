package io.entityflow.privacy.codec;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.WireFormat;
import java.util.Arrays;

/**
 * A growable byte array with the few protobuf wire writes {@link EncryptedFormWriter} needs: tags,
 * varints, raw bytes.
 *
 * <pre>{@code
 * ByteSink sink = new ByteSink(128);
 * sink.writeTag(3, WireFormat.WIRETYPE_LENGTH_DELIMITED);
 * sink.writeVarint(ciphertext.length);
 * sink.write(ciphertext, 0, ciphertext.length);
 * }</pre>
 *
 * <p>Not thread-safe; {@link #array} is the internal array, valid up to {@link #size}.
 */
final class ByteSink {
  private byte[] bytes;
  private int size;

  ByteSink(int capacity) {
    bytes = new byte[Math.max(capacity, 16)];
  }

  void write(byte[] from, int offset, int length) {
    ensure(length);
    System.arraycopy(from, offset, bytes, size, length);
    size += length;
  }

  void writeTag(int number, int wireType) {
    writeVarint((number << 3) | wireType);
  }

  /** An unsigned varint of {@code value} (its 32 bits). */
  void writeVarint(int value) {
    ensure(5);
    while ((value & ~0x7F) != 0) {
      bytes[size++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    bytes[size++] = (byte) value;
  }

  /**
   * Field {@code number} with the zero value of {@code field}'s type (a map key not on the wire).
   */
  void writeDefault(int number, FieldDescriptor field) {
    int wireType = field.getLiteType().getWireType();
    writeTag(number, wireType);
    switch (wireType) {
      case WireFormat.WIRETYPE_FIXED32 -> write(new byte[4], 0, 4);
      case WireFormat.WIRETYPE_FIXED64 -> write(new byte[8], 0, 8);
      default -> writeVarint(0); // varint zero, or an empty length-delimited value
    }
  }

  int size() {
    return size;
  }

  byte[] array() {
    return bytes;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
