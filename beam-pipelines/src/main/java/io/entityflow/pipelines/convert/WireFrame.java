package io.entityflow.pipelines.convert;

import java.util.Arrays;

/**
 * Where the columns of one message scanned by {@link WireTranscoder} are: per column the position
 * of its last value (1 + offset, 0 when absent), what the scan kept beyond the position (nested
 * frames, timestamps, wrapper values; most columns keep nothing), and the elements of repeated
 * columns.
 *
 * <pre>{@code
 * WireFrame frame = transcoder.scan(in, payload, unknown);
 * transcoder.emit(frame, payload, out);
 * }</pre>
 *
 * <p>Not thread-safe: one frame per scanned message.
 */
final class WireFrame {
  final int[] at;

  /** Values beyond positions; allocated with the first non-null one (most values are null). */
  private Object[] values;

  Entries[] entries;

  WireFrame(int slots) {
    this.at = new int[slots];
  }

  Object value(int index) {
    return values == null ? null : values[index];
  }

  void setValue(int index, Object value) {
    if (values == null) {
      if (value == null) {
        return;
      }
      values = new Object[at.length];
    }
    values[index] = value;
  }

  Entries entries(int index) {
    if (entries == null) {
      entries = new Entries[at.length];
    }
    if (entries[index] == null) {
      entries[index] = new Entries();
    }
    return entries[index];
  }

  /** The elements of one repeated column, in wire order. */
  static final class Entries {
    int[] at = new int[4];
    Object[] values;
    int count;

    void add(int position, Object value) {
      if (count == at.length) {
        at = Arrays.copyOf(at, count * 2);
        if (values != null) {
          values = Arrays.copyOf(values, count * 2);
        }
      }
      if (value != null && values == null) {
        values = new Object[at.length];
      }
      at[count] = position;
      if (values != null) {
        values[count] = value;
      }
      count++;
    }

    Object value(int index) {
      return values == null ? null : values[index];
    }
  }
}
