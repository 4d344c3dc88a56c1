package io.entityflow.pipelines.pubsub;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The acknowledgement ids and message ids of a serialized {@code PullResponse}, read without
 * parsing the messages (their attributes, payloads and publish times are skipped): what the puller
 * needs to acknowledge a pull and register it with {@link PendingMessages}, so the full parse can
 * happen on the runner's worker, off the one-pull-at-a-time path.
 *
 * <pre>{@code
 * PullResponseScan scan = PullResponseScan.of(received);
 * scan.ackIds();     // in pull order
 * scan.messageIds(); // in pull order, one per acknowledgement id
 * }</pre>
 *
 * <p>Immutable.
 */
final class PullResponseScan {
  private static final int RECEIVED_MESSAGES = 1; // PullResponse.received_messages
  private static final int ACK_ID = 1; // ReceivedMessage.ack_id
  private static final int MESSAGE = 2; // ReceivedMessage.message
  private static final int MESSAGE_ID = 3; // PubsubMessage.message_id

  private final List<String> ackIds;
  private final List<String> messageIds;

  private PullResponseScan(List<String> ackIds, List<String> messageIds) {
    this.ackIds = List.copyOf(ackIds);
    this.messageIds = List.copyOf(messageIds);
  }

  /**
   * Scans {@code response}.
   *
   * @throws IOException when the bytes are not a {@code PullResponse} (an absent id reads as empty,
   *     as the parsed message's getter gives it)
   */
  static PullResponseScan of(byte[] response) throws IOException {
    List<String> ackIds = new ArrayList<>();
    List<String> messageIds = new ArrayList<>();
    CodedInputStream in = CodedInputStream.newInstance(response);
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag != lengthDelimited(RECEIVED_MESSAGES)) {
        in.skipField(tag);
        continue;
      }
      int limit = in.pushLimit(in.readRawVarint32());
      String ackId = "";
      String messageId = "";
      for (int field = in.readTag(); field != 0; field = in.readTag()) {
        if (field == lengthDelimited(ACK_ID)) {
          ackId = in.readStringRequireUtf8();
        } else if (field == lengthDelimited(MESSAGE)) {
          messageId = messageId(in);
        } else {
          in.skipField(field);
        }
      }
      in.popLimit(limit);
      ackIds.add(ackId);
      messageIds.add(messageId);
    }
    return new PullResponseScan(ackIds, messageIds);
  }

  private static String messageId(CodedInputStream in) throws IOException {
    int limit = in.pushLimit(in.readRawVarint32());
    String messageId = "";
    for (int field = in.readTag(); field != 0; field = in.readTag()) {
      if (field == lengthDelimited(MESSAGE_ID)) {
        messageId = in.readStringRequireUtf8();
      } else {
        in.skipField(field);
      }
    }
    in.popLimit(limit);
    return messageId;
  }

  /** The tag of field {@code number} holding a string or a message (wire type 2). */
  private static int lengthDelimited(int number) {
    return (number << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED;
  }

  /** The acknowledgement ids, in pull order. */
  List<String> ackIds() {
    return ackIds;
  }

  /** The message ids, in pull order. */
  List<String> messageIds() {
    return messageIds;
  }
}
