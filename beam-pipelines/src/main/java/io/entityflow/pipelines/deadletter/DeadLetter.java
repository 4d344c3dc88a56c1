package io.entityflow.pipelines.deadletter;

import com.google.api.services.bigquery.model.TableRow;
import io.entityflow.contract.TraceParent;
import io.entityflow.contract.layout.DeadLetterTable;
import io.entityflow.pipelines.convert.Timestamps;
import java.io.Serializable;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One message the pipeline could not write, with everything needed to repair and replay it: the raw
 * payload bytes, every attribute, the source topic, the Pub/Sub message id and publish time, the
 * error kind and message, when it failed, and the trace id of its {@code traceparent} attribute.
 *
 * <pre>{@code
 * DeadLetter letter = new DeadLetter(Instant.now(), DeadLetterKind.UNPARSEABLE_PAYLOAD,
 *     "payload is not a valid acme.retail.sale.v1.Sale: ...", "sale_v1", "12", publishTime,
 *     attributes, payload);
 * TableRow row = letter.toRow();
 * }</pre>
 *
 * @param failedAt when the pipeline gave up on the message
 * @param kind why
 * @param errorMessage the error, naming the bad value and what is allowed
 * @param sourceTopic the topic the message was read from
 * @param messageId the Pub/Sub message id, null when unknown
 * @param publishTime when Pub/Sub accepted it, null when unknown
 * @param attributes all message attributes
 * @param payload the raw payload bytes, never decoded
 * @param traceId the W3C trace id of the message, null when it carried none; the constructor
 *     without it reads it from the attributes ({@link TraceParent#traceId(Map)})
 */
public record DeadLetter(
    Instant failedAt,
    DeadLetterKind kind,
    String errorMessage,
    String sourceTopic,
    String messageId,
    Instant publishTime,
    Map<String, String> attributes,
    byte[] payload,
    String traceId)
    implements Serializable {

  public DeadLetter {
    Objects.requireNonNull(failedAt, "failedAt");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(errorMessage, "errorMessage");
    Objects.requireNonNull(sourceTopic, "sourceTopic");
    attributes = attributes == null ? Map.of() : new TreeMap<>(attributes);
    payload = payload == null ? new byte[0] : payload.clone();
  }

  /** A dead letter whose trace id is that of the {@code traceparent} attribute, if any. */
  public DeadLetter(
      Instant failedAt,
      DeadLetterKind kind,
      String errorMessage,
      String sourceTopic,
      String messageId,
      Instant publishTime,
      Map<String, String> attributes,
      byte[] payload) {
    this(
        failedAt,
        kind,
        errorMessage,
        sourceTopic,
        messageId,
        publishTime,
        attributes,
        payload,
        attributes == null ? null : TraceParent.traceId(attributes));
  }

  /** The row of the dead-letter table ({@link DeadLetterTable#COLUMNS}). */
  public TableRow toRow() {
    TableRow row = new TableRow();
    row.set(DeadLetterTable.FAILED_AT, Timestamps.format(failedAt));
    row.set(DeadLetterTable.ERROR_KIND, kind.name());
    row.set(DeadLetterTable.ERROR_MESSAGE, errorMessage);
    row.set(DeadLetterTable.SOURCE_TOPIC, sourceTopic);
    if (messageId != null) {
      row.set(DeadLetterTable.MESSAGE_ID, messageId);
    }
    if (publishTime != null) {
      row.set(DeadLetterTable.PUBLISH_TIME, Timestamps.format(publishTime));
    }
    row.set(DeadLetterTable.ATTRIBUTES, AttributesJson.write(attributes));
    row.set(DeadLetterTable.PAYLOAD, Base64.getEncoder().encodeToString(payload));
    if (traceId != null) {
      row.set(DeadLetterTable.TRACE_ID, traceId);
    }
    return row;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DeadLetter that
        && failedAt.equals(that.failedAt)
        && kind == that.kind
        && errorMessage.equals(that.errorMessage)
        && sourceTopic.equals(that.sourceTopic)
        && Objects.equals(messageId, that.messageId)
        && Objects.equals(publishTime, that.publishTime)
        && attributes.equals(that.attributes)
        && Objects.equals(traceId, that.traceId)
        && java.util.Arrays.equals(payload, that.payload);
  }

  @Override
  public int hashCode() {
    return Objects.hash(failedAt, kind, errorMessage, sourceTopic, messageId);
  }
}
