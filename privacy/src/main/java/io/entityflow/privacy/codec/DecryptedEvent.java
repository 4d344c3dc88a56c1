package io.entityflow.privacy.codec;

import com.google.protobuf.Message;

/**
 * What {@link PiiDecryptor} read from an encrypted payload.
 *
 * <pre>{@code
 * DecryptedEvent<Sale> read = decryptor.decrypt(entity, payload, Sale.getDefaultInstance());
 * if (read.forgotten()) { ... }           // PII fields are cleared
 * read.message().getCard().getCardholderName();
 * }</pre>
 *
 * @param message the entity message with its PII restored, or cleared when {@code forgotten}
 * @param subjectId the data subject of the event (empty when its subject field is empty, or the
 *     entity has no PII)
 * @param forgotten whether the event carried PII values the subject no longer has a key for (the
 *     subject was forgotten): those fields are cleared in {@code message}
 * @param <T> the message type
 */
public record DecryptedEvent<T extends Message>(T message, String subjectId, boolean forgotten) {}
