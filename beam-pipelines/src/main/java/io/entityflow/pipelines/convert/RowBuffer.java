package io.entityflow.pipelines.convert;

import com.google.protobuf.WireFormat;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte array that protobuf fields are written into, in the encoding protobuf-java's
 * {@code CodedOutputStream} uses for a proto2 message (explicit presence, repeated fields not
 * packed). Nested messages are written in place: {@link #beginMessage} reserves one byte for the
 * length and {@link #endMessage} widens it when the content is 128 bytes or longer.
 *
 * <pre>{@code
 * RowBuffer out = new RowBuffer(64);
 * out.writeString(1, "s-1".getBytes(UTF_8));
 * int start = out.beginMessage(2);
 * out.writeInt64(1, 42);
 * out.endMessage(start);
 * byte[] bytes = out.toByteArray();
 * }</pre>
 *
 * <p>Not thread-safe: one buffer per row being written.
 */
final class RowBuffer {
  private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);
  private static final long MAX_SCALABLE = Long.MAX_VALUE / 1_000_000_000L;

  /** Writes 8 bytes of an array at once (little endian), for {@link #varint}. */
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long CONTINUATION_BITS = 0x8080808080808080L;

  private byte[] bytes;
  private int size;

  RowBuffer(int capacity) {
    this.bytes = new byte[Math.max(capacity, 16)];
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }

  private void tag(int number, int wireType) {
    varint32((number << 3) | wireType);
  }

  /** A varint of a non-negative int (tags, lengths), with a one-byte fast path. */
  private void varint32(int value) {
    ensure(5);
    byte[] b = bytes;
    int s = size;
    while ((value & ~0x7f) != 0) {
      b[s++] = (byte) ((value & 0x7f) | 0x80);
      value >>>= 7;
    }
    b[s++] = (byte) value;
    size = s;
  }

  private void varint(long value) {
    ensure(10);
    if (value >= 0 && value < (1L << 56)) {
      // 1 to 8 bytes: spread the 7-bit groups into one little-endian word and store it at once
      // (the bytes past the varint are scratch: ensure(10) reserved them, size does not cover
      // them).
      int bits = 64 - Long.numberOfLeadingZeros(value);
      int length = bits == 0 ? 1 : (bits + 6) / 7;
      long word =
          (value & 0x7fL)
              | (value & (0x7fL << 7)) << 1
              | (value & (0x7fL << 14)) << 2
              | (value & (0x7fL << 21)) << 3
              | (value & (0x7fL << 28)) << 4
              | (value & (0x7fL << 35)) << 5
              | (value & (0x7fL << 42)) << 6
              | (value & (0x7fL << 49)) << 7;
      word |= ((1L << (8 * (length - 1))) - 1) & CONTINUATION_BITS;
      LONGS.set(bytes, size, word);
      size += length;
      return;
    }
    byte[] b = bytes;
    int s = size;
    while ((value & ~0x7fL) != 0) {
      b[s++] = (byte) ((value & 0x7f) | 0x80);
      value >>>= 7;
    }
    b[s++] = (byte) value;
    size = s;
  }

  void writeInt64(int number, long value) {
    tag(number, WireFormat.WIRETYPE_VARINT);
    varint(value);
  }

  void writeBool(int number, boolean value) {
    tag(number, WireFormat.WIRETYPE_VARINT);
    varint32(value ? 1 : 0);
  }

  void writeDouble(int number, double value) {
    writeFixed64(number, Double.doubleToRawLongBits(value));
  }

  /** A double field from its 8 little-endian wire bytes, copied unchanged. */
  void writeFixed64(int number, byte[] source, int offset) {
    tag(number, WireFormat.WIRETYPE_FIXED64);
    ensure(8);
    System.arraycopy(source, offset, bytes, size, 8);
    size += 8;
  }

  private void writeFixed64(int number, long bits) {
    tag(number, WireFormat.WIRETYPE_FIXED64);
    ensure(8);
    for (int i = 0; i < 8; i++) {
      bytes[size++] = (byte) (bits >>> (8 * i));
    }
  }

  /** A string or bytes field from a slice of an array (the caller checked UTF-8 for strings). */
  void writeBytes(int number, byte[] source, int offset, int length) {
    tag(number, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    varint32(length);
    ensure(length);
    System.arraycopy(source, offset, bytes, size, length);
    size += length;
  }

  void writeString(int number, byte[] utf8) {
    writeBytes(number, utf8, 0, utf8.length);
  }

  void writeString(int number, String value) {
    int length = value.length();
    int start = size;
    // Optimistically ASCII (one byte per char): copy and check in one pass.
    tag(number, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    varint32(length);
    ensure(length);
    byte[] b = bytes;
    int s = size;
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c >= 0x80) {
        size = start;
        writeString(number, value.getBytes(StandardCharsets.UTF_8));
        return;
      }
      b[s++] = (byte) c;
    }
    size = s;
  }

  /**
   * A NUMERIC field holding {@code unscaled / 10^9}: BigQuery's encoding ({@code
   * BigDecimalByteStringEncoder}), the minimal two's complement of the unscaled value, little
   * endian.
   */
  void writeNumeric(int number, BigInteger unscaled) {
    byte[] big = unscaled.toByteArray();
    tag(number, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    varint32(big.length);
    ensure(big.length);
    for (int i = big.length - 1; i >= 0; i--) {
      bytes[size++] = big[i];
    }
  }

  /** A NUMERIC field holding the unsigned 64-bit whole number {@code value}. */
  void writeNumericOfUnsigned(int number, long value) {
    if (value >= 0 && value < MAX_SCALABLE) {
      writeNumericOfUnscaled(number, value * 1_000_000_000L);
    } else {
      BigInteger whole = new BigInteger(Long.toUnsignedString(value));
      writeNumeric(number, whole.multiply(NANOS_PER_SECOND));
    }
  }

  /** A NUMERIC field of {@code seconds + nanos / 10^9}, exact for every seconds and nanos. */
  void writeNumericOfSeconds(int number, long seconds, int nanos) {
    // |seconds * 10^9 + nanos| stays below 2^63 when |seconds| < MAX_SCALABLE - 3.
    if (seconds > -(MAX_SCALABLE - 3) && seconds < MAX_SCALABLE - 3) {
      writeNumericOfUnscaled(number, seconds * 1_000_000_000L + nanos);
    } else {
      writeNumeric(
          number,
          BigInteger.valueOf(seconds).multiply(NANOS_PER_SECOND).add(BigInteger.valueOf(nanos)));
    }
  }

  private void writeNumericOfUnscaled(int number, long unscaled) {
    // Minimal two's complement length, as BigInteger.toByteArray: bitLength + sign bit, >= 1 byte.
    int bitLength = 64 - Long.numberOfLeadingZeros(unscaled < 0 ? ~unscaled : unscaled);
    int length = bitLength / 8 + 1;
    tag(number, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    varint32(length);
    ensure(length);
    for (int i = 0; i < length; i++) {
      bytes[size++] = (byte) (unscaled >>> (8 * i));
    }
  }

  /** Starts a nested message field; returns the mark {@link #endMessage} needs. */
  int beginMessage(int number) {
    tag(number, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    ensure(1);
    return size++;
  }

  /** Ends the nested message started at {@code mark}: writes its length before its content. */
  void endMessage(int mark) {
    int length = size - mark - 1;
    int extra = varintSize(length) - 1;
    if (extra > 0) {
      ensure(extra);
      System.arraycopy(bytes, mark + 1, bytes, mark + 1 + extra, length);
      size += extra;
    }
    int at = mark;
    long value = length;
    while ((value & ~0x7fL) != 0) {
      bytes[at++] = (byte) ((value & 0x7f) | 0x80);
      value >>>= 7;
    }
    bytes[at] = (byte) value;
  }

  private static int varintSize(int value) {
    int bits = 32 - Integer.numberOfLeadingZeros(value);
    return bits == 0 ? 1 : (bits + 6) / 7;
  }
}
