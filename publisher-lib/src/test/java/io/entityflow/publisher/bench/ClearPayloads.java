package io.entityflow.publisher.bench;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import io.entityflow.contract.registry.EntityDefinition;
import io.entityflow.publisher.privacy.PayloadEncryption;

/**
 * Benchmarks only: every entity serialized as it is, PII in clear, so the publisher's own work can
 * be measured without encryption. Never a production setting (the library refuses PII in clear).
 */
enum ClearPayloads implements PayloadEncryption {
  INSTANCE;

  @Override
  public boolean encrypts(EntityDefinition entity) {
    return false;
  }

  @Override
  public ByteString payload(EntityDefinition entity, Message message) {
    return message.toByteString();
  }
}
