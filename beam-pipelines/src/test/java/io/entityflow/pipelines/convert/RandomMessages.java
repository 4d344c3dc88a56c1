package io.entityflow.pipelines.convert;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import java.util.Random;

/**
 * Seeded random messages of any type, for cross-checks: every field set or not at random, repeated
 * fields with 0 to 3 elements, edge values (0, -1, extremes, NaN, infinities, -0.0, strings with
 * supplementary characters, unknown enum numbers, timestamps before year 1 and after 9999), the
 * well-known types (Timestamp, Duration, Struct, Value, ListValue, FieldMask, wrappers) with valid
 * contents, nesting cut at depth 4.
 *
 * <pre>{@code
 * DynamicMessage message = new RandomMessages(42).of(descriptor);
 * }</pre>
 *
 * <p>Not thread-safe.
 */
final class RandomMessages {
  private static final String[] WORDS = {"", "0", "a", "héllo", "😀x", "line\nbreak", "sale_id"};
  private static final long MIN_SECONDS = -62_135_596_800L;
  private static final long MAX_SECONDS = 253_402_300_799L;

  private final Random random;

  RandomMessages(long seed) {
    this.random = new Random(seed);
  }

  DynamicMessage of(Descriptor type) {
    return (DynamicMessage) message(type, 0);
  }

  private Message message(Descriptor type, int depth) {
    DynamicMessage.Builder builder = DynamicMessage.newBuilder(type);
    switch (type.getFullName()) {
      case "google.protobuf.Timestamp" -> {
        long seconds =
            switch (random.nextInt(8)) {
              case 0 -> MIN_SECONDS - 1 - random.nextInt(1_000_000_000);
              case 1 -> MAX_SECONDS + 1 + random.nextInt(1_000_000_000);
              case 2 -> 0;
              default -> MIN_SECONDS + (long) (random.nextDouble() * (MAX_SECONDS - MIN_SECONDS));
            };
        return builder
            .setField(type.findFieldByNumber(1), seconds)
            .setField(type.findFieldByNumber(2), random.nextInt(1_000_000_000))
            .build();
      }
      case "google.protobuf.Duration" -> {
        long seconds = random.nextLong() % 315_576_000_000L;
        int nanos = random.nextInt(1_000_000_000);
        return builder
            .setField(type.findFieldByNumber(1), seconds)
            .setField(type.findFieldByNumber(2), seconds < 0 ? -nanos : nanos)
            .build();
      }
      case "google.protobuf.Any" -> {
        return builder.build();
      }
      case "google.protobuf.FieldMask" -> {
        for (int i = random.nextInt(3); i > 0; i--) {
          builder.addRepeatedField(type.findFieldByNumber(1), "path_" + random.nextInt(5));
        }
        return builder.build();
      }
      case "google.protobuf.Value" -> {
        if (depth > 3) {
          return builder.setField(type.findFieldByName("string_value"), "deep").build();
        }
        FieldDescriptor kind =
            type.getOneofs().get(0).getFields().get(random.nextInt(type.getFields().size()));
        return builder.setField(kind, value(kind, depth + 1)).build();
      }
      default -> {
        // any other type: its fields at random
      }
    }
    if (depth > 3) {
      return builder.build();
    }
    for (FieldDescriptor field : type.getFields()) {
      if (field.isRepeated()) {
        for (int i = random.nextInt(4); i > 0; i--) {
          builder.addRepeatedField(field, value(field, depth + 1));
        }
      } else if (random.nextInt(4) > 0) {
        builder.setField(field, value(field, depth + 1));
      }
    }
    return builder.build();
  }

  private Object value(FieldDescriptor field, int depth) {
    return switch (field.getJavaType()) {
      case INT ->
          pick(new Integer[] {0, -1, 1, Integer.MIN_VALUE, Integer.MAX_VALUE}, random::nextInt);
      case LONG -> pick(new Long[] {0L, -1L, 1L, Long.MIN_VALUE, Long.MAX_VALUE}, random::nextLong);
      case FLOAT ->
          pick(
              new Float[] {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, 1.1f, Float.MIN_VALUE},
              () -> random.nextFloat() * 1e6f - 5e5f);
      case DOUBLE ->
          pick(
              new Double[] {0.0, -0.0, Double.NaN, Double.NEGATIVE_INFINITY, 0.1, Double.MAX_VALUE},
              () -> random.nextGaussian() * 1e12);
      case BOOLEAN -> random.nextBoolean();
      case STRING -> pick(WORDS, () -> "s" + random.nextInt(1000));
      case BYTE_STRING -> {
        byte[] bytes = new byte[random.nextInt(6)];
        random.nextBytes(bytes);
        yield ByteString.copyFrom(bytes);
      }
      case ENUM -> {
        EnumDescriptor type = field.getEnumType();
        yield random.nextInt(5) == 0
            ? type.findValueByNumberCreatingIfUnknown(7 + random.nextInt(3))
            : type.getValues().get(random.nextInt(type.getValues().size()));
      }
      case MESSAGE -> message(field.getMessageType(), depth);
    };
  }

  private <T> T pick(T[] edges, java.util.function.Supplier<T> other) {
    return random.nextInt(3) == 0 ? edges[random.nextInt(edges.length)] : other.get();
  }
}
