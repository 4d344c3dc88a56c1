package io.entityflow.pipelines.events;

import com.google.api.services.bigquery.model.TableRow;
import com.google.protobuf.InvalidProtocolBufferException;
import io.entityflow.contract.EventAttributes;
import io.entityflow.contract.Operation;
import io.entityflow.contract.TraceParent;
import io.entityflow.contract.bigquery.EntityTable;
import io.entityflow.contract.bigquery.MetadataColumns;
import io.entityflow.contract.layout.SystemEntities;
import io.entityflow.contract.privacy.EncryptedForm;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.pipelines.convert.RowMetadata;
import io.entityflow.pipelines.convert.StorageRowWriter;
import io.entityflow.pipelines.convert.Timestamps;
import io.entityflow.pipelines.convert.WireRowReader;
import io.entityflow.pipelines.deadletter.DeadLetterKind;
import java.time.Instant;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Turns one Pub/Sub message of an entity topic into the row of the entity's table: metadata columns
 * from the attributes and the message, then the entity's columns from the payload, parsed with the
 * entity's descriptor.
 *
 * <pre>{@code
 * EntityEventParser parser = EntityEventParser.of(registry.forTopic("sale_v1").orElseThrow());
 * TableRow row = parser.parse(payload, attributes, "msg-1", publishTime, Instant.now());
 * }</pre>
 *
 * <p>Guarantees: a message is either a complete row or an {@link RejectedMessageException} whose
 * kind and message say what is wrong (the attribute, the bad value and what is allowed).
 * Thread-safe.
 */
public final class EntityEventParser {
  /** Attribute saying how the PII fields of a payload are encrypted. */
  static final String PII_ENCRYPTION = EventAttributes.PII_ENCRYPTION;

  /** The only encryption of PII fields the pipeline accepts. */
  static final String PII_ENCRYPTION_TINK_AEAD_V1 = EventAttributes.PII_ENCRYPTION_TINK_AEAD_V1;

  private final EntityDefinition entity;
  private final boolean hasPii;
  private final WireRowReader reader;
  private final String majorPrefix;
  private StorageRowWriter storageWriter;

  private EntityEventParser(EntityDefinition entity) {
    this.entity = entity;
    this.hasPii = SystemEntities.hasPii(entity);
    this.reader =
        WireRowReader.of(EntityTable.of(entity).entityColumns(), EncryptedForm.of(entity));
    this.majorPrefix = entity.majorVersion() + ".";
  }

  /** A parser for the events of one entity. */
  public static EntityEventParser of(EntityDefinition entity) {
    return new EntityEventParser(entity);
  }

  /** The entity whose events this parser reads. */
  public EntityDefinition entity() {
    return entity;
  }

  /**
   * Parses one message.
   *
   * @param payload the serialized entity message
   * @param attributes the message attributes
   * @param messageId the Pub/Sub message id
   * @param publishTime when Pub/Sub accepted the message
   * @param ingestionTime the time to record as {@code ingestion_time}
   * @throws RejectedMessageException when the message cannot become a row
   */
  public TableRow parse(
      byte[] payload,
      Map<String, String> attributes,
      String messageId,
      Instant publishTime,
      Instant ingestionTime)
      throws RejectedMessageException {
    return parse(payload, attributes, messageId, publishTime, ingestionTime, unknown -> {});
  }

  /**
   * Parses one message, telling {@code unknownFields} how many payload fields the contract does not
   * know were skipped (called once per parsed payload, also with 0).
   *
   * @throws RejectedMessageException when the message cannot become a row
   */
  public TableRow parse(
      byte[] payload,
      Map<String, String> attributes,
      String messageId,
      Instant publishTime,
      Instant ingestionTime,
      IntConsumer unknownFields)
      throws RejectedMessageException {
    Checked event = check(attributes);
    Map<String, Object> row =
        WireRowReader.rowMap(MetadataColumns.COLUMNS.size() + reader.columnCount());
    row.put(MetadataColumns.EVENT_ID, event.eventId());
    row.put(MetadataColumns.OPERATION, event.operation().name());
    row.put(MetadataColumns.OCCURRED_AT, Timestamps.format(event.occurredAt()));
    if (publishTime != null) {
      row.put(MetadataColumns.PUBLISH_TIME, Timestamps.format(publishTime));
    }
    putIfPresent(row, MetadataColumns.PRODUCER, attributes.get(EventAttributes.PRODUCER));
    putIfPresent(
        row, MetadataColumns.SCHEMA_VERSION, attributes.get(EventAttributes.SCHEMA_VERSION));
    putIfPresent(row, MetadataColumns.MESSAGE_ID, messageId);
    row.put(MetadataColumns.INGESTION_TIME, Timestamps.format(ingestionTime));
    putIfPresent(row, MetadataColumns.TRACE_ID, TraceParent.traceId(attributes));
    try {
      unknownFields.accept(reader.readInto(payload, row));
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      throw unparseable(payload, e);
    }
    Object id = row.get(entity.idField().getName());
    if (id == null || "".equals(id) || "0".equals(id)) {
      throw missingId();
    }
    return WireRowReader.rowOf(row);
  }

  /**
   * Parses one message straight into the Storage Write API bytes of its row ({@link
   * StorageRowWriter}): the same checks, rejections and unknown-field count as {@link #parse}, and
   * the bytes Beam's {@code TableRowToStorageApiProto} makes of the row {@link #parse} returns.
   *
   * @throws RejectedMessageException when the message cannot become a row
   */
  public byte[] parseStorageRow(
      byte[] payload,
      Map<String, String> attributes,
      String messageId,
      Instant publishTime,
      Instant ingestionTime,
      IntConsumer unknownFields)
      throws RejectedMessageException {
    Checked event = check(attributes);
    RowMetadata metadata =
        RowMetadata.of(
            event.eventId(),
            event.operation().name(),
            event.occurredAt(),
            publishTime,
            attributes.get(EventAttributes.PRODUCER),
            attributes.get(EventAttributes.SCHEMA_VERSION),
            messageId,
            ingestionTime,
            TraceParent.traceId(attributes));
    if (storageWriter == null) {
      // Benign race: the writer is immutable, at worst two threads each build one.
      storageWriter = StorageRowWriter.of(entity);
    }
    StorageRowWriter.Row row;
    try {
      row = storageWriter.write(metadata, payload);
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      throw unparseable(payload, e);
    }
    unknownFields.accept(row.unknownFields());
    if (row.idMissing()) {
      throw missingId();
    }
    return row.bytes();
  }

  /** The required attributes of an event, checked. */
  private record Checked(String eventId, Operation operation, Instant occurredAt) {}

  /** Checks the attributes every event needs and its schema attributes. */
  private Checked check(Map<String, String> attributes) throws RejectedMessageException {
    String eventId = required(attributes, EventAttributes.EVENT_ID);
    Operation operation = operation(required(attributes, EventAttributes.OPERATION));
    Instant occurredAt = occurredAt(required(attributes, EventAttributes.OCCURRED_AT));
    checkSchema(attributes);
    checkPiiEncryption(attributes);
    return new Checked(eventId, operation, occurredAt);
  }

  /**
   * An entity with PII fields is published in its encrypted form; an event without the encryption
   * attribute could carry clear PII, so it never reaches the table. An entity without PII is
   * published in clear: the attribute on its event is wrong (the publisher never sets it there).
   */
  private void checkPiiEncryption(Map<String, String> attributes) throws RejectedMessageException {
    String value = attributes.get(PII_ENCRYPTION);
    if (!hasPii) {
      if (value != null) {
        throw new RejectedMessageException(
            DeadLetterKind.INVALID_ATTRIBUTE,
            "attribute '"
                + PII_ENCRYPTION
                + "' with value '"
                + value
                + "' is not allowed on a message of topic '"
                + entity.topicName()
                + "', whose entity "
                + entity.fullName()
                + " has no PII field; allowed: no "
                + PII_ENCRYPTION
                + " attribute (its payload is never encrypted)");
      }
      return;
    }
    if (value == null || value.isEmpty()) {
      throw new RejectedMessageException(
          DeadLetterKind.MISSING_ATTRIBUTE,
          "attribute '"
              + PII_ENCRYPTION
              + "' is missing on a message of topic '"
              + entity.topicName()
              + "', whose entity "
              + entity.fullName()
              + " has PII fields; allowed: '"
              + PII_ENCRYPTION_TINK_AEAD_V1
              + "' (PII fields published encrypted)");
    }
    if (!value.equals(PII_ENCRYPTION_TINK_AEAD_V1)) {
      throw new RejectedMessageException(
          DeadLetterKind.INVALID_ATTRIBUTE,
          "attribute '"
              + PII_ENCRYPTION
              + "' has invalid value '"
              + value
              + "' on a message of topic '"
              + entity.topicName()
              + "'; allowed: '"
              + PII_ENCRYPTION_TINK_AEAD_V1
              + "'");
    }
  }

  private RejectedMessageException unparseable(byte[] payload, Exception e) {
    return new RejectedMessageException(
        DeadLetterKind.UNPARSEABLE_PAYLOAD,
        "payload of "
            + payload.length
            + " bytes on topic '"
            + entity.topicName()
            + "' is not a valid "
            + entity.fullName()
            + ": "
            + e.getMessage());
  }

  private RejectedMessageException missingId() {
    return new RejectedMessageException(
        DeadLetterKind.MISSING_ID,
        "payload on topic '"
            + entity.topicName()
            + "' has no id: field '"
            + entity.idField().getName()
            + "' of "
            + entity.fullName()
            + " is empty; every event needs a non-empty id");
  }

  private String required(Map<String, String> attributes, String name)
      throws RejectedMessageException {
    String value = attributes.get(name);
    if (value == null || value.isEmpty()) {
      throw new RejectedMessageException(
          DeadLetterKind.MISSING_ATTRIBUTE,
          "attribute '"
              + name
              + "' is missing on a message of topic '"
              + entity.topicName()
              + "'; every event needs event_id, operation and occurred_at");
    }
    return value;
  }

  private static Operation operation(String value) throws RejectedMessageException {
    try {
      return Operation.parse(value);
    } catch (IllegalArgumentException e) {
      throw new RejectedMessageException(DeadLetterKind.INVALID_ATTRIBUTE, e.getMessage());
    }
  }

  private static Instant occurredAt(String value) throws RejectedMessageException {
    try {
      return Timestamps.parse("attribute '" + EventAttributes.OCCURRED_AT + "'", value);
    } catch (IllegalArgumentException e) {
      throw new RejectedMessageException(DeadLetterKind.INVALID_ATTRIBUTE, e.getMessage());
    }
  }

  /** Whether {@code version} matches {@code [0-9]+\.[0-9]+} (without a regex per event). */
  private static boolean isMajorDotRevision(String version) {
    int dot = version.indexOf('.');
    return dot > 0
        && dot < version.length() - 1
        && isDigits(version, 0, dot)
        && isDigits(version, dot + 1, version.length());
  }

  private static boolean isDigits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private void checkSchema(Map<String, String> attributes) throws RejectedMessageException {
    String schema = attributes.get(EventAttributes.SCHEMA);
    if (schema != null && !schema.isEmpty() && !schema.equals(entity.fullName())) {
      throw new RejectedMessageException(
          DeadLetterKind.UNKNOWN_SCHEMA,
          "attribute 'schema' is '"
              + schema
              + "' but topic '"
              + entity.topicName()
              + "' carries only "
              + entity.fullName());
    }
    String version = attributes.get(EventAttributes.SCHEMA_VERSION);
    if (version != null && !version.isEmpty()) {
      if (!isMajorDotRevision(version)) {
        throw new RejectedMessageException(
            DeadLetterKind.INVALID_ATTRIBUTE,
            "attribute 'schema_version' has invalid value '"
                + version
                + "'; allowed: <major>.<revision>, e.g. "
                + entity.schemaVersion());
      }
      if (!version.startsWith(majorPrefix)) {
        throw new RejectedMessageException(
            DeadLetterKind.UNKNOWN_SCHEMA,
            "attribute 'schema_version' is '"
                + version
                + "' but topic '"
                + entity.topicName()
                + "' carries major version "
                + entity.majorVersion()
                + " only");
      }
    }
  }

  private static void putIfPresent(Map<String, Object> row, String column, String value) {
    if (value != null && !value.isEmpty()) {
      row.put(column, value);
    }
  }
}
