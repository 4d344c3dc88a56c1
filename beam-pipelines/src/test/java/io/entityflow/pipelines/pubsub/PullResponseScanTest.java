package io.entityflow.pipelines.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.PullResponse;
import com.google.pubsub.v1.ReceivedMessage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PullResponseScanTest {
  private static ReceivedMessage received(String ackId, String messageId) {
    return ReceivedMessage.newBuilder()
        .setAckId(ackId)
        .setDeliveryAttempt(2)
        .setMessage(
            PubsubMessage.newBuilder()
                .setData(ByteString.copyFromUtf8("payload of " + messageId))
                .putAttributes("entity", "Sale")
                .putAttributes("event_id", "e-" + messageId)
                .setMessageId(messageId)
                .setPublishTime(Timestamp.newBuilder().setSeconds(1_700_000_000L).setNanos(5))
                .setOrderingKey("sale-" + messageId))
        .build();
  }

  @Test
  void readsEveryAcknowledgementIdAndMessageIdInPullOrder() throws Exception {
    byte[] response =
        PullResponse.newBuilder()
            .addReceivedMessages(received("ack-1", "m-1"))
            .addReceivedMessages(received("ack-2", "m-2"))
            .addReceivedMessages(received("ack-3", "m-3"))
            .build()
            .toByteArray();

    PullResponseScan scan = PullResponseScan.of(response);

    assertThat(scan.ackIds()).containsExactly("ack-1", "ack-2", "ack-3");
    assertThat(scan.messageIds()).containsExactly("m-1", "m-2", "m-3");
  }

  @Test
  void anEmptyPullHasNoIdsAndAbsentIdsReadAsEmptyAsTheParsedGettersGiveThem() throws Exception {
    assertThat(PullResponseScan.of(new byte[0]).ackIds()).isEmpty();

    byte[] noIds =
        PullResponse.newBuilder()
            .addReceivedMessages(
                ReceivedMessage.newBuilder()
                    .setMessage(PubsubMessage.newBuilder().setData(ByteString.copyFromUtf8("x"))))
            .build()
            .toByteArray();
    PullResponseScan scan = PullResponseScan.of(noIds);

    assertThat(scan.ackIds()).containsExactly("");
    assertThat(scan.messageIds()).containsExactly("");
  }

  @Test
  void bytesCutShortAreRefused() {
    byte[] response =
        PullResponse.newBuilder()
            .addReceivedMessages(received("ack-1", "m-1"))
            .build()
            .toByteArray();

    assertThatThrownBy(() -> PullResponseScan.of(Arrays.copyOf(response, response.length - 3)))
        .isInstanceOf(InvalidProtocolBufferException.class);
  }
}
