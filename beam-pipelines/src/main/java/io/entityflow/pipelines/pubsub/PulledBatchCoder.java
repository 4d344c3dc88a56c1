package io.entityflow.pipelines.pubsub;

import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.PullResponse;
import com.google.pubsub.v1.ReceivedMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/**
 * Encodes a {@link PulledBatch}: topic, journal record names, then the messages as the bytes of a
 * Pub/Sub {@code PullResponse} (the form the journal keeps on disk).
 *
 * <pre>{@code
 * batches.setCoder(PulledBatchCoder.of());
 * }</pre>
 */
public final class PulledBatchCoder extends AtomicCoder<PulledBatch> {
  private static final PulledBatchCoder INSTANCE = new PulledBatchCoder();
  private static final ListCoder<String> RECORDS = ListCoder.of(StringUtf8Coder.of());

  private PulledBatchCoder() {}

  /** The coder. */
  public static PulledBatchCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(PulledBatch batch, OutputStream out) throws IOException {
    StringUtf8Coder.of().encode(batch.topic(), out);
    RECORDS.encode(batch.journalRecords(), out);
    ByteArrayCoder.of().encode(toResponse(batch.messages()).toByteArray(), out);
  }

  @Override
  public PulledBatch decode(InputStream in) throws IOException {
    String topic = StringUtf8Coder.of().decode(in);
    List<String> journalRecords = RECORDS.decode(in);
    return new PulledBatch(
        topic,
        journalRecords,
        fromResponse(PullResponse.parseFrom(ByteArrayCoder.of().decode(in))));
  }

  static PullResponse toResponse(List<PubsubMessage> messages) {
    PullResponse.Builder response = PullResponse.newBuilder();
    for (PubsubMessage message : messages) {
      response.addReceivedMessages(ReceivedMessage.newBuilder().setMessage(message));
    }
    return response.build();
  }

  static List<PubsubMessage> fromResponse(PullResponse response) {
    List<PubsubMessage> messages = new ArrayList<>(response.getReceivedMessagesCount());
    for (ReceivedMessage received : response.getReceivedMessagesList()) {
      messages.add(received.getMessage());
    }
    return messages;
  }
}
