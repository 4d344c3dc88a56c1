package io.entityflow.pipelines.convert;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads values back out of serialized proto bytes at positions a scan already checked: varints,
 * little-endian fixed values, the length prefix of length-delimited fields, and a strict UTF-8
 * check with protobuf's rules (no overlong forms, no surrogates, nothing above U+10FFFF).
 *
 * <pre>{@code
 * long value = WireValues.varint(payload, position);
 * }</pre>
 *
 * <p>Stateless; the positions must point at complete values (the caller scanned them with {@code
 * CodedInputStream} first).
 */
final class WireValues {
  /** Reads 8 bytes of an array at once, for the ASCII fast path of {@link #isValidUtf8}. */
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long HIGH_BITS = 0x8080808080808080L;

  private WireValues() {}

  /** The varint starting at {@code pos}. */
  static long varint(byte[] bytes, int pos) {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      byte b = bytes[pos++];
      value |= (long) (b & 0x7f) << shift;
      if (b >= 0) {
        return value;
      }
    }
    return value;
  }

  /**
   * The length of the varint at {@code pos} when it ends within {@code available} bytes and is
   * shorter than 10 bytes, else 0 (the caller then lets protobuf read it, and fail as it fails).
   */
  static int varintLength(byte[] bytes, int pos, int available) {
    int max = Math.min(available, 9);
    for (int i = 0; i < max; i++) {
      if (bytes[pos + i] >= 0) {
        return i + 1;
      }
    }
    return 0;
  }

  /** The position right after the varint starting at {@code pos}. */
  static int afterVarint(byte[] bytes, int pos) {
    while (bytes[pos++] < 0) {
      // continuation bit set
    }
    return pos;
  }

  /** The 4 little-endian bytes at {@code pos}. */
  static int fixed32(byte[] bytes, int pos) {
    return (bytes[pos] & 0xff)
        | (bytes[pos + 1] & 0xff) << 8
        | (bytes[pos + 2] & 0xff) << 16
        | (bytes[pos + 3] & 0xff) << 24;
  }

  /** The 8 little-endian bytes at {@code pos}. */
  static long fixed64(byte[] bytes, int pos) {
    return (fixed32(bytes, pos) & 0xffffffffL) | ((long) fixed32(bytes, pos + 4) << 32);
  }

  /**
   * Whether {@code bytes[from, to)} is well-formed UTF-8, as protobuf requires of strings. ASCII
   * runs are checked 8 bytes at a time; from the first block with a byte of 0x80 or above on, every
   * byte is checked by {@link #isValidUtf8From} (ASCII bytes before it are complete characters, so
   * the result is the same as checking every byte).
   */
  static boolean isValidUtf8(byte[] bytes, int from, int to) {
    int i = from;
    while (to - i >= 8) {
      if (((long) LONGS.get(bytes, i) & HIGH_BITS) != 0) {
        return isValidUtf8From(bytes, i, to);
      }
      i += 8;
    }
    int rest = to - i;
    if (rest == 0) {
      return true;
    }
    long tail;
    if (i + 8 <= bytes.length) {
      // the 1-7 bytes left, read as the low bytes of a word that may run past them
      tail = (long) LONGS.get(bytes, i) & (-1L >>> (64 - 8 * rest));
    } else if (to >= 8) {
      // near the array's end: the word ending at to, its high bytes are the ones left
      tail = (long) LONGS.get(bytes, to - 8) >>> (64 - 8 * rest);
    } else {
      tail = 0;
      for (int j = i; j < to; j++) {
        tail |= bytes[j] & 0xff;
      }
    }
    return (tail & HIGH_BITS) == 0 || isValidUtf8From(bytes, i, to);
  }

  /** {@link #isValidUtf8}, byte by byte, from a character boundary. */
  private static boolean isValidUtf8From(byte[] bytes, int from, int to) {
    int i = from;
    while (i < to) {
      byte c = bytes[i++];
      if (c >= 0) {
        continue;
      }
      if (c < (byte) 0xE0) {
        if (c < (byte) 0xC2 || i >= to || bytes[i++] > (byte) 0xBF) {
          return false;
        }
      } else if (c < (byte) 0xF0) {
        if (i + 1 >= to) {
          return false;
        }
        byte b1 = bytes[i++];
        if (b1 > (byte) 0xBF
            || (c == (byte) 0xE0 && b1 < (byte) 0xA0)
            || (c == (byte) 0xED && b1 >= (byte) 0xA0)
            || bytes[i++] > (byte) 0xBF) {
          return false;
        }
      } else {
        if (c > (byte) 0xF4 || i + 2 >= to) {
          return false;
        }
        byte b1 = bytes[i++];
        if (b1 > (byte) 0xBF
            || (c == (byte) 0xF0 && b1 < (byte) 0x90)
            || (c == (byte) 0xF4 && b1 > (byte) 0x8F)
            || bytes[i++] > (byte) 0xBF
            || bytes[i++] > (byte) 0xBF) {
          return false;
        }
      }
    }
    return true;
  }
}
