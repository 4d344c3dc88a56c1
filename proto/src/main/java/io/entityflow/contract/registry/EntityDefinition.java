package io.entityflow.contract.registry;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.MessageOrBuilder;
import io.entityflow.contract.OrderingKey;
import io.entityflow.contract.options.Sensitivity;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One entity of the contract at one major version: the message, its topic and table name (the
 * same), dataset, id field, owner, sensitivities and schema version. Immutable; created only by
 * {@link EntityRegistry}, which has validated it.
 *
 * <pre>{@code
 * EntityDefinition sale = registry.require(Sale.getDescriptor());
 * sale.topicName();        // "sale_v1"
 * sale.dataset();          // "retail"
 * sale.idOf(someSale);     // "s-1001"
 * sale.schemaVersion();    // "1.0"
 * sale.hasPii();           // true: CardPayment.cardholder_name
 * sale.piiSubjectOf(someSale); // "c-42", the customer_id
 * }</pre>
 */
public final class EntityDefinition {
  private final Descriptor descriptor;
  private final String name;
  private final String domain;
  private final String owner;
  private final String description;
  private final int majorVersion;
  private final int revision;
  private final int orderingKeyBuckets;
  private final FieldDescriptor idField;
  private final FieldDescriptor piiSubjectField;
  private final Map<String, Sensitivity> sensitivities;
  private final String topicName;

  EntityDefinition(
      Descriptor descriptor,
      String name,
      String domain,
      String owner,
      String description,
      int majorVersion,
      int revision,
      int orderingKeyBuckets,
      FieldDescriptor idField,
      FieldDescriptor piiSubjectField,
      Map<String, Sensitivity> sensitivities) {
    this.descriptor = descriptor;
    this.name = name;
    this.domain = domain;
    this.owner = owner;
    this.description = description;
    this.majorVersion = majorVersion;
    this.revision = revision;
    this.orderingKeyBuckets = orderingKeyBuckets;
    this.idField = idField;
    this.piiSubjectField = piiSubjectField;
    this.sensitivities = Collections.unmodifiableMap(new LinkedHashMap<>(sensitivities));
    this.topicName = EntityNames.topicName(name, majorVersion);
  }

  /** The entity name, e.g. {@code Sale}. */
  public String name() {
    return name;
  }

  /** The message descriptor, with source info when loaded from the contract's descriptor set. */
  public Descriptor descriptor() {
    return descriptor;
  }

  /** Full Protobuf name, e.g. {@code acme.retail.sale.v1.Sale}; the {@code schema} attribute. */
  public String fullName() {
    return descriptor.getFullName();
  }

  /** The {@code .proto} file declaring the entity. */
  public String file() {
    return descriptor.getFile().getName();
  }

  /** The domain, e.g. {@code retail}. */
  public String domain() {
    return domain;
  }

  /** The BigQuery dataset: the domain. */
  public String dataset() {
    return domain;
  }

  /** The owning team. */
  public String owner() {
    return owner;
  }

  /** The description from the entity option, else the message's comment. */
  public String description() {
    return description;
  }

  /** The major version from the package, e.g. 1 for {@code acme.retail.sale.v1}. */
  public int majorVersion() {
    return majorVersion;
  }

  /** The compatible revision within the major version. */
  public int revision() {
    return revision;
  }

  /** {@code <major>.<revision>}, the {@code schema_version} attribute. */
  public String schemaVersion() {
    return majorVersion + "." + revision;
  }

  /** The Pub/Sub topic name, e.g. {@code sale_v1}. */
  public String topicName() {
    return topicName;
  }

  /** The BigQuery table name: always the topic name. */
  public String tableName() {
    return topicName();
  }

  /** The id field. */
  public FieldDescriptor idField() {
    return idField;
  }

  /**
   * The top-level field holding the id of the data subject the entity's PII belongs to: {@code
   * pii_subject_field}, else the id field; empty when the entity has no PII field.
   */
  public Optional<FieldDescriptor> piiSubjectField() {
    return Optional.ofNullable(piiSubjectField);
  }

  /** Whether any field of the entity, at any depth, is marked PII. */
  public boolean hasPii() {
    return piiSubjectField != null;
  }

  /**
   * The PII subject id of an instance, in the same text form as {@link #idOf}: the string, or the
   * decimal number; empty when the subject field is not set (empty string or 0).
   *
   * @throws IllegalArgumentException if the message is of another type
   * @throws IllegalStateException if the entity has no PII
   */
  public String piiSubjectOf(MessageOrBuilder message) {
    if (piiSubjectField == null) {
      throw new IllegalStateException("entity " + name + " has no PII field, so no PII subject");
    }
    return rawValue(message, piiSubjectField);
  }

  /** How many ordering-key buckets the ids hash into. */
  public int orderingKeyBuckets() {
    return orderingKeyBuckets;
  }

  /**
   * Sensitivity of every field, by dotted path from the entity ({@code card.cardholder_name}), in
   * declaration order, undeclared ones as {@link Sensitivity#INTERNAL}.
   */
  public Map<String, Sensitivity> sensitivities() {
    return sensitivities;
  }

  /** Whether the message carries a non-empty id. */
  public boolean hasId(MessageOrBuilder message) {
    return !rawId(message).isEmpty();
  }

  /**
   * The id of an instance as a string: the string itself, or the decimal number (unsigned types as
   * unsigned).
   *
   * @throws IllegalArgumentException if the message is of another type or its id is empty or 0
   */
  public String idOf(MessageOrBuilder message) {
    String id = rawId(message);
    if (id.isEmpty()) {
      throw new IllegalArgumentException(
          "entity "
              + name
              + ": id field '"
              + idField.getName()
              + "' is not set; every event needs a non-empty id (a string, or a number other"
              + " than 0)");
    }
    return id;
  }

  /** The ordering key of an instance (see {@link OrderingKey}). */
  public String orderingKeyOf(MessageOrBuilder message) {
    return OrderingKey.bucketed(idOf(message), orderingKeyBuckets);
  }

  private String rawId(MessageOrBuilder message) {
    return rawValue(message, idField);
  }

  private String rawValue(MessageOrBuilder message, FieldDescriptor declared) {
    Descriptor type = message.getDescriptorForType();
    if (!type.getFullName().equals(descriptor.getFullName())) {
      throw new IllegalArgumentException(
          "entity " + name + " expects a " + fullName() + " message, got " + type.getFullName());
    }
    FieldDescriptor field = type.findFieldByNumber(declared.getNumber());
    Object value = message.getField(field);
    return switch (field.getType()) {
      case STRING -> (String) value;
      case UINT32, FIXED32 -> zeroToEmpty(Integer.toUnsignedString((Integer) value));
      case UINT64, FIXED64 -> zeroToEmpty(Long.toUnsignedString((Long) value));
      default -> zeroToEmpty(String.valueOf(value));
    };
  }

  private static String zeroToEmpty(String number) {
    return "0".equals(number) ? "" : number;
  }

  @Override
  public String toString() {
    return name
        + " v"
        + majorVersion
        + " ("
        + fullName()
        + " -> "
        + dataset()
        + "."
        + topicName()
        + ")";
  }
}
