package io.entityflow.pipelines.convert;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;

/** Gives tests of other packages the every-type test message. */
public final class ProtoRowConverterTestAccess {
  private ProtoRowConverterTestAccess() {}

  public static Descriptor every() {
    return ProtoRowConverterTest.EVERY;
  }

  public static DynamicMessage everyTypeMessage() {
    return ProtoRowConverterTest.everyTypeMessage();
  }
}
