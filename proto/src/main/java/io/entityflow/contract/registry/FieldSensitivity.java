package io.entityflow.contract.registry;

import com.google.protobuf.Descriptors.FieldDescriptor;
import io.entityflow.contract.options.EntityflowOptionsProto;
import io.entityflow.contract.options.Sensitivity;

/**
 * Reads the {@code (entityflow.sensitivity)} option of a field. An undeclared sensitivity counts as
 * {@link Sensitivity#INTERNAL}.
 *
 * <pre>{@code
 * FieldSensitivity.of(Customer.getDescriptor().findFieldByName("email")); // PII
 * }</pre>
 */
public final class FieldSensitivity {
  private FieldSensitivity() {}

  /** The effective sensitivity of a field. */
  public static Sensitivity of(FieldDescriptor field) {
    Sensitivity declared = field.getOptions().getExtension(EntityflowOptionsProto.sensitivity);
    return declared == Sensitivity.SENSITIVITY_UNSPECIFIED || declared == Sensitivity.UNRECOGNIZED
        ? Sensitivity.INTERNAL
        : declared;
  }
}
