package io.entityflow.pipelines.convert;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.List;

/**
 * The STRING form of {@code google.protobuf.FieldMask}: its paths joined by commas, e.g. {@code
 * "email,segment"}.
 *
 * <pre>{@code
 * FieldMasks.join(FieldMask.newBuilder().addPaths("email").addPaths("segment").build()); // "email,segment"
 * }</pre>
 */
public final class FieldMasks {
  private FieldMasks() {}

  /** The paths of a field mask (generated or dynamic), joined by commas. */
  public static String join(Message mask) {
    FieldDescriptor paths = mask.getDescriptorForType().findFieldByNumber(1);
    @SuppressWarnings("unchecked")
    List<String> values = (List<String>) mask.getField(paths);
    return String.join(",", values);
  }
}
