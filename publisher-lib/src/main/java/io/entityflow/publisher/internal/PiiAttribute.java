package io.entityflow.publisher.internal;

import io.entityflow.contract.EventAttributes;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.publisher.InvalidEventException;
import java.util.Map;

/**
 * Reads the {@code pii_encryption} attribute of a stored event: whether its payload is in the
 * entity's encrypted form. An event of an entity with PII must carry it with {@code tink-aead-v1};
 * an entity without PII must not.
 *
 * <pre>{@code
 * boolean encrypted = PiiAttribute.encrypted(customerEntity, attributes); // true
 * }</pre>
 */
public final class PiiAttribute {
  private PiiAttribute() {}

  /**
   * Whether the payload is encrypted.
   *
   * @throws InvalidEventException naming the entity, the attribute and what is allowed
   */
  public static boolean encrypted(EntityDefinition entity, Map<String, String> attributes) {
    String value = attributes.get(EventAttributes.PII_ENCRYPTION);
    String field = "attribute '" + EventAttributes.PII_ENCRYPTION + "'";
    if (entity.hasPii()) {
      if (!EventAttributes.PII_ENCRYPTION_TINK_AEAD_V1.equals(value)) {
        throw new InvalidEventException(
            entity.name(),
            field,
            (value == null ? "is missing" : "'" + value + "' is not allowed")
                + ": events of an entity with PII carry "
                + EventAttributes.PII_ENCRYPTION_TINK_AEAD_V1
                + " and their PII fields encrypted, never in clear");
      }
      return true;
    }
    if (value != null) {
      throw new InvalidEventException(
          entity.name(), field, "'" + value + "' is not allowed: the entity has no PII field");
    }
    return false;
  }
}
