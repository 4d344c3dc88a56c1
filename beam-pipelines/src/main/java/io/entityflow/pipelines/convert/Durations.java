package io.entityflow.pipelines.convert;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import java.math.BigDecimal;

/**
 * The NUMERIC seconds form of {@code google.protobuf.Duration}: exact to the nanosecond, without
 * trailing zeros, e.g. {@code 90.5} for 90 s 500,000,000 ns.
 *
 * <pre>{@code
 * Durations.seconds(Duration.newBuilder().setSeconds(90).setNanos(500_000_000).build()); // "90.5"
 * }</pre>
 */
public final class Durations {
  private Durations() {}

  /** The duration in seconds as a plain decimal string. */
  public static String seconds(Message duration) {
    Descriptor type = duration.getDescriptorForType();
    long seconds = (Long) duration.getField(type.findFieldByNumber(1));
    int nanos = (Integer) duration.getField(type.findFieldByNumber(2));
    return format(seconds, nanos);
  }

  /** {@code seconds + nanos / 10^9} as a plain decimal string without trailing zeros. */
  public static String format(long seconds, int nanos) {
    BigDecimal value = BigDecimal.valueOf(seconds).add(BigDecimal.valueOf(nanos, 9));
    return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
  }

  /** A {@code google.protobuf.Duration} of the given type from decimal seconds. */
  public static Message toMessage(Descriptor type, BigDecimal seconds) {
    BigDecimal whole = new BigDecimal(seconds.toBigInteger());
    int nanos = seconds.subtract(whole).movePointRight(9).intValueExact();
    return DynamicMessage.newBuilder(type)
        .setField(type.findFieldByNumber(1), whole.longValueExact())
        .setField(type.findFieldByNumber(2), nanos)
        .build();
  }
}
